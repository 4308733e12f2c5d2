/** How an import reads to an agent: formats, sizes, rates, time left and the report's sentence. */
import type { ImportReport } from '../../../../shared/contract';
import type { ImportFormat } from '../../../../shared/import';

const number = new Intl.NumberFormat();

export function count(n: number): string {
  return number.format(n);
}

export function plural(n: number, singular: string, many = `${singular}s`): string {
  return `${number.format(n)} ${n === 1 ? singular : many}`;
}

export const formatLabels: Record<ImportFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  json: 'JSON array',
  ndjson: 'NDJSON',
  eml: 'E-mail (.eml)',
  mbox: 'Mailbox (mbox)',
  zendesk: 'Zendesk ticket export',
  helpscout: 'Help Scout conversations',
};

/** What a fixed-layout format brings in, for the summary shown instead of the mapping table. */
export const fixedFormatSummaries: Partial<Record<ImportFormat, { lead: string; fields: [string, string][] }>> = {
  eml: {
    lead: 'Each message becomes a conversation; replies are threaded by Message-ID, In-Reply-To and References.',
    fields: [
      ['From', 'Customer name and e-mail'],
      ['Subject', 'Subject'],
      ['Text or HTML body', 'Message (HTML is turned into text)'],
      ['Date', 'Received at'],
      ['Attachments', 'Listed by name and size, not stored'],
    ],
  },
  mbox: {
    lead: 'Every message in the mailbox is read; replies are threaded into one conversation by Message-ID, In-Reply-To and References.',
    fields: [
      ['From', 'Customer name and e-mail'],
      ['Subject', 'Subject'],
      ['Text or HTML body', 'Message (HTML is turned into text)'],
      ['Date', 'Received at'],
      ['Attachments', 'Listed by name and size, not stored'],
    ],
  },
  zendesk: {
    lead: 'Each ticket becomes a conversation with its public comments and internal notes.',
    fields: [
      ['Ticket ID', 'Ticket ID (so a re-import skips it)'],
      ['Requester', 'Customer name and e-mail'],
      ['Subject and description', 'Subject and message'],
      ['Comments', 'Replies and internal notes'],
      ['Status, tags, created at', 'Status, tags, received at'],
    ],
  },
  helpscout: {
    lead: 'Each conversation becomes one item with its threads as the messages.',
    fields: [
      ['Conversation number', 'Conversation ID (so a re-import skips it)'],
      ['Customer', 'Customer name and e-mail'],
      ['Subject and first message', 'Subject and message'],
      ['Replies and notes', 'The thread'],
      ['Created at, tags, status', 'Received at, tags, status'],
    ],
  },
};

export function delimiterLabel(delimiter: string | null): string | null {
  switch (delimiter) {
    case null:
      return null;
    case ',':
      return 'Comma-separated';
    case ';':
      return 'Semicolon-separated';
    case '\t':
      return 'Tab-separated';
    case '|':
      return 'Pipe-separated';
    default:
      return `Separated by “${delimiter}”`;
  }
}

export function encodingLabel(encoding: string): string {
  const known: Record<string, string> = {
    'utf-8': 'UTF-8',
    utf8: 'UTF-8',
    'utf-8-bom': 'UTF-8 with BOM',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16 (big-endian)',
    'windows-1252': 'Windows-1252',
    latin1: 'Latin-1',
    'iso-8859-1': 'Latin-1',
  };
  return known[encoding.toLowerCase()] ?? encoding;
}

export function bytesLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Two significant figures: "about 8,400 rows" reads better than "about 8,417 rows". */
export function roughCount(n: number): string {
  if (n < 100) return count(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return count(Math.round(n / magnitude) * magnitude);
}

export function rateLabel(rowsPerS: number): string {
  return `${count(Math.round(rowsPerS))} rows/s`;
}

export function durationLabel(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (ms < 1000) return 'under a second';
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) return rest === 0 ? plural(minutes, 'minute') : `${minutes} min ${rest} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function etaLabel(etaMs: number | null): string | null {
  if (etaMs === null) return null;
  if (etaMs < 1500) return 'almost done';
  return `about ${durationLabel(etaMs)} left`;
}

/** The report's plain sentence: what landed, what was already there, what could not be read. */
export function reportSentence(report: Pick<ImportReport, 'state' | 'counts'>): string {
  const { imported, duplicates, failed, read } = report.counts;
  const skipped = report.counts.skipped ?? 0;
  const parts: string[] = [];
  if (report.state === 'done' && imported === 0 && duplicates > 0 && skipped === 0) {
    if (failed === 0) return '0 new items — everything in this file is already in your inbox.';
    return `0 new items — every row that could be read is already in your inbox. ${plural(failed, 'row')} could not be read.`;
  }
  if (report.state === 'done' && read === 0) return 'The file held no rows to import.';
  const cut = report.state === 'cancelled' ? ' before you cancelled' : report.state === 'interrupted' ? ' before Hearken stopped; import the file again to add the rest' : '';
  parts.push(`Imported ${plural(imported, 'item')}${cut}.`);
  if (duplicates > 0) parts.push(`${count(duplicates)} ${duplicates === 1 ? 'was' : 'were'} already in your inbox.`);
  if (failed > 0) parts.push(`${plural(failed, 'row')} could not be read.`);
  if (skipped > 0) parts.push(`${plural(skipped, 'row')} skipped: not customer feedback (such as bounced e-mail).`);
  return parts.join(' ');
}

export function importTitle(state: ImportReport['state']): string {
  switch (state) {
    case 'running':
      return 'Importing';
    case 'done':
      return 'Import finished';
    case 'cancelled':
      return 'Import cancelled';
    case 'failed':
      return 'Import failed';
    case 'interrupted':
      return 'Import interrupted';
  }
}

export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
