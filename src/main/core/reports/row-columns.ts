/**
 * The per-conversation export's columns and how each becomes a cell. One list serves CSV
 * (text in a unit the header names: local times in the export's zone, durations in minutes
 * to two decimals), XLSX (typed cells: dates, hours, numbers, booleans) and JSONL (the raw
 * values: epoch ms, ms, arrays, booleans).
 */
import { csvQuote, HOUR_MS, MINUTE_MS } from '../../../shared/reports/cells';
import { formulaSafe } from '../../../shared/reports/csv-safe';
import type { LocalClock } from '../../../shared/reports/local-time';
import { BODY_EXCERPT_CHARS, conversationRowKeys, TAG_SEPARATOR, type ConversationRow, type ConversationRowKey } from '../store/conversation-rows';

/** `code`: a value the schema's CHECK limits to a few words (channel, status …): never a formula, never quoted. */
type Kind = 'text' | 'code' | 'tags' | 'time' | 'duration' | 'number' | 'int' | 'bool';
type Value = string | number | null;
type Get = (row: ConversationRow) => Value;

export interface RowColumn {
  key: string;
  header: string;
  kind: Kind;
  get: Get;
}

const at = (key: ConversationRowKey): number => conversationRowKeys.indexOf(key);

function field(key: ConversationRowKey, header: string, kind: Kind): RowColumn {
  const i = at(key);
  return { key, header, kind, get: (row) => row[i] ?? null };
}

/** Wall-clock time from arrival to a later instant: derived here so every format carries it. */
function since(key: 'firstResponseAt' | 'resolvedAt', name: string, header: string): RowColumn {
  const from = at('receivedAt');
  const to = at(key);
  return {
    key: name,
    header,
    kind: 'duration',
    get: (row) => {
      const t = row[to];
      const r = row[from];
      return typeof t === 'number' && typeof r === 'number' ? t - r : null;
    },
  };
}

/** The columns in file order; `zone` names the time zone the local times are written in. */
export function rowColumns(zone: string): RowColumn[] {
  const local = (h: string): string => `${h} (${zone})`;
  return [
    field('id', 'ID', 'text'),
    field('externalId', 'External ID', 'text'),
    field('source', 'Source', 'text'),
    field('receivedAt', local('Received at'), 'time'),
    field('channel', 'Channel', 'code'),
    field('product', 'Product', 'text'),
    field('customerName', 'Customer', 'text'),
    field('customerEmail', 'Customer e-mail', 'text'),
    field('customerTier', 'Customer tier', 'code'),
    field('subject', 'Subject', 'text'),
    field('status', 'Status', 'code'),
    field('priority', 'Priority', 'code'),
    field('sentiment', 'Sentiment', 'code'),
    field('sentimentScore', 'Sentiment score', 'number'),
    field('sentimentSource', 'Sentiment set by', 'code'),
    field('language', 'Language', 'text'),
    field('topics', 'Topics', 'tags'),
    field('labels', 'Labels', 'tags'),
    field('urgency', 'Urgency', 'code'),
    field('assignee', 'Assignee', 'text'),
    field('escalated', 'Escalated', 'bool'),
    field('escalationTarget', 'Escalated to', 'text'),
    field('escalationReason', 'Escalation reason', 'text'),
    field('escalationState', 'Escalation state', 'code'),
    field('escalatedAt', local('Escalated at'), 'time'),
    field('firstResponseAt', local('First response at'), 'time'),
    field('resolvedAt', local('Resolved at'), 'time'),
    field('firstResponseBms', 'First response (business hours)', 'duration'),
    field('resolutionBms', 'Resolution (business hours)', 'duration'),
    since('firstResponseAt', 'firstResponseMs', 'First response (calendar time)'),
    since('resolvedAt', 'resolutionMs', 'Resolution (calendar time)'),
    field('slaFirstResponse', 'First-response SLA', 'code'),
    field('slaResolution', 'Resolution SLA', 'code'),
    field('messageCount', 'Messages', 'int'),
    field('rating', 'Rating', 'int'),
    field('body', `Message (first ${BODY_EXCERPT_CHARS} characters)`, 'text'),
  ];
}

export function csvHeader(column: RowColumn): string {
  if (column.kind !== 'duration') return column.header;
  return `${column.header.slice(0, -1)}, minutes)`;
}

export function xlsxHeader(column: RowColumn): string {
  if (column.kind !== 'duration') return column.header;
  return `${column.header.slice(0, -1)}, hours)`;
}

function csvText(s: string): string {
  return csvQuote(formulaSafe(s));
}

function minutes(ms: number): string {
  const r = Math.round(ms / (MINUTE_MS / 100)) / 100;
  return String(r === 0 ? 0 : r);
}

/** One CSV line (no line end): built by hand, since this runs a million times in an export. */
export function csvLine(columns: readonly RowColumn[], row: ConversationRow, clock: LocalClock): string {
  let line = '';
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    const v = c.get(row);
    if (k > 0) line += ',';
    if (v === null) continue;
    switch (c.kind) {
      case 'time':
        line += clock.text(v as number);
        break;
      case 'duration':
        line += minutes(v as number);
        break;
      case 'bool':
        line += v === 1 ? 'yes' : 'no';
        break;
      case 'tags':
        line += csvText((v as string).split(TAG_SEPARATOR).join('; '));
        break;
      case 'text':
        line += csvText(v as string);
        break;
      case 'code':
        line += v as string;
        break;
      default:
        line += String(v);
    }
  }
  return line;
}

export function csvHeaderLine(columns: readonly RowColumn[]): string {
  return columns.map((c) => csvQuote(csvHeader(c))).join(',');
}

/** XLSX cells: times as the local wall clock (a spreadsheet date has no zone), durations in hours. */
export function xlsxCells(columns: readonly RowColumn[], row: ConversationRow, clock: LocalClock): (string | number | boolean | Date | null)[] {
  const out: (string | number | boolean | Date | null)[] = new Array(columns.length);
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    const v = c.get(row);
    if (v === null) out[k] = null;
    else if (c.kind === 'time') out[k] = new Date(clock.wall(v as number));
    else if (c.kind === 'duration') out[k] = (v as number) / HOUR_MS;
    else if (c.kind === 'bool') out[k] = v === 1;
    else if (c.kind === 'tags') out[k] = (v as string).split(TAG_SEPARATOR).join('; ');
    else out[k] = v;
  }
  return out;
}

export const XLSX_NUM_FMT: Partial<Record<Kind, string>> = { time: 'yyyy-mm-dd hh:mm', duration: '0.00', int: '0' };

/** JSONL: the raw values by key (epoch ms, ms, tag arrays, booleans). */
export function jsonLine(columns: readonly RowColumn[], row: ConversationRow): string {
  const o: Record<string, unknown> = {};
  for (const c of columns) {
    const v = c.get(row);
    if (c.kind === 'bool') o[c.key] = v === 1;
    else if (c.kind === 'tags') o[c.key] = v === null ? [] : (v as string).split(TAG_SEPARATOR);
    else o[c.key] = v;
  }
  return JSON.stringify(o);
}
