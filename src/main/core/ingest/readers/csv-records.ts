/**
 * CSV/TSV records with the physical line each one starts on, through csv-parse. The first
 * SAMPLE_BYTES decide the delimiter and prove the file is a table before any row is read.
 */
import { basename } from 'node:path';
import { parse, type Parser } from 'csv-parse';
import { HearkenError } from '../../../../shared/errors';
import { isUtf8Encoding, openText, SAMPLE_BYTES, type Sniffed } from './decode';
import { columnLimitText, MAX_COLUMNS, MAX_RECORD_BYTES, recordLimitText } from './limits';

export const delimiters = [',', ';', '\t', '|'] as const;

export type CsvRecord = { kind: 'record'; line: number; fields: string[] } | { kind: 'error'; line: number; reason: string };

export interface CsvSample {
  delimiter: string;
  header: string[];
  /** The data records of the sample (not the header), with their lines. */
  records: { line: number; fields: string[] }[];
}

const delimiterName: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function describeDelimiter(d: string): string {
  return delimiterName[d] ?? JSON.stringify(d);
}

/** Counts a character in the first line, outside quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function firstLine(text: string): string {
  // A header with a quoted line break is rare; the first physical line is enough to count.
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

function parserOptions(delimiter: string, utf8: boolean) {
  return {
    delimiter,
    // Bounds what csv-parse buffers: an unclosed quote would otherwise hold the rest of the file.
    max_record_size: MAX_RECORD_BYTES,
    info: true as const,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    ...(utf8 ? { encoding: 'utf8' as const } : {}),
  };
}

type Info = { lines: number; empty_lines: number };

/** Follows csv-parse's line counters to the line a record starts on. */
function lineTracker(): { start(info: Info): number; end(info: Info): void; skipped(lines: number): number } {
  let prevEnd = 0;
  let prevEmpty = 0;
  return {
    start(info) {
      return prevEnd + 1 + (info.empty_lines - prevEmpty);
    },
    end(info) {
      prevEnd = info.lines;
      prevEmpty = info.empty_lines;
    },
    skipped(lines) {
      const start = prevEnd + 1;
      prevEnd = lines;
      return start;
    },
  };
}

function parseAll(text: string, delimiter: string, complete: boolean, maxRecords: number): { records: { line: number; fields: string[] }[]; error: { code: string; line: number } | null } {
  const records: { line: number; fields: string[] }[] = [];
  let error: { code: string; line: number } | null = null;
  const lines = lineTracker();
  const parser = parse(parserOptions(delimiter, false));
  parser.on('data', (r: { record: string[]; info: Info }) => {
    if (records.length < maxRecords) records.push({ line: lines.start(r.info), fields: r.record });
    lines.end(r.info);
  });
  parser.on('skip', (e: Error & { code?: string; lines?: number }) => {
    const line = lines.skipped(e.lines ?? 0);
    if (!error) error = { code: e.code ?? 'CSV_ERROR', line };
  });
  parser.on('error', (e: Error & { code?: string }) => {
    if (!error) error = { code: e.code ?? 'CSV_ERROR', line: 0 };
  });
  parser.write(text);
  // A partial sample may stop inside a record: leave that one unfinished rather than fail it.
  if (complete) parser.end();
  return { records, error };
}

/** Decides the delimiter and reads the sample; throws VALIDATION when this is not a usable table. */
export function readCsvSample(sniffed: Sniffed, declared: 'csv' | 'tsv' | null, maxRecords = 1000): CsvSample {
  const name = basename(sniffed.path);
  const head = firstLine(sniffed.head);
  let delimiter: string = declared === 'tsv' ? '\t' : ',';
  let best = -1;
  for (const d of delimiters) {
    const n = countOutsideQuotes(head, d);
    if (n > best || (n === best && d === (declared === 'tsv' ? '\t' : ','))) {
      if (n > best) delimiter = d;
      best = Math.max(best, n);
    }
  }
  // Counted on what the sample holds of the first line, so a header longer than the sample still says how wide it is.
  if (best + 1 > MAX_COLUMNS) {
    throw new HearkenError(
      'VALIDATION',
      `${name} has more than ${columnLimitText} columns in its header row; Hearken maps up to ${columnLimitText}. Export only the columns you need, or check the delimiter and that this is the export you meant.`,
    );
  }
  if (!sniffed.complete && head.length === sniffed.head.length) {
    throw new HearkenError(
      'VALIDATION',
      `The first line of ${name} is longer than ${SAMPLE_BYTES / 2 ** 20} MB, so it is not a header row. The first line must name the columns: check that this is a CSV export with one record per line, or export it again.`,
    );
  }
  if (best <= 0) {
    throw new HearkenError(
      'VALIDATION',
      `${name} has only one column: no comma, semicolon, tab or pipe separates the header's columns. Save the file as CSV with one of those delimiters and a header row, or pick the right format.`,
    );
  }
  const { records, error } = parseAll(sniffed.head, delimiter, sniffed.complete, maxRecords + 1);
  if (error && (error as { code: string }).code === 'CSV_QUOTE_NOT_CLOSED') {
    throw new HearkenError(
      'VALIDATION',
      `${name} ends inside a quoted field that starts on line ${(error as { line: number }).line}: the file looks truncated, or a quote (") is never closed. Re-export the file, or close the quote and import again.`,
    );
  }
  const [header, ...data] = records;
  if (!header) throw new HearkenError('VALIDATION', `${name} has no header row. The first line must name the columns.`);
  if (data.length === 0 && sniffed.complete) {
    throw new HearkenError('VALIDATION', `${name} has a header row but no rows below it: there is nothing to import. Check that the export included the data.`);
  }
  return { delimiter, header: uniqueHeader(header.fields), records: data.slice(0, maxRecords) };
}

/** Empty and repeated header names get a number, so every column can be mapped by name. */
export function uniqueHeader(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    let name = raw.trim() || `column ${i + 1}`;
    const count = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), count + 1);
    if (count > 0) name = `${name} (${count + 1})`;
    return name;
  });
}

/**
 * Every data record of the file (the header skipped), streamed. A record over
 * MAX_RECORD_BYTES ends the stream with VALIDATION after the records before it: csv-parse
 * cannot find where the next record starts after it, so nothing after it is guessed at.
 */
export async function* streamCsvRecords(
  sniffed: Sniffed,
  delimiter: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<CsvRecord> {
  const input = openText(sniffed, onBytes);
  // csv-parse's per-record info costs more than the parse itself, so lines are counted
  // here: a record spans 1 + the line breaks inside its fields; empty lines come through as
  // one empty field and are counted and dropped.
  const { info: _info, skip_empty_lines: _skip, ...base } = parserOptions(delimiter, isUtf8Encoding(sniffed.encoding));
  const parser: Parser = parse({ ...base, skip_empty_lines: false });
  const skipped: CsvRecord[] = [];
  let tooLarge = false;
  parser.on('skip', (e: Error & { code?: string; lines?: number }) => {
    if (tooLarge) return;
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      // Ends the parser rather than destroying it, so the records it already holds still come out.
      tooLarge = true;
      input.unpipe(parser);
      input.destroy();
      parser.end();
      return;
    }
    skipped.push({
      kind: 'error',
      line: e.lines ?? 0,
      reason:
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field starts here and is never closed: the file looks truncated from this line on'
          : `not a valid CSV record (${e.message.split(':')[0]})`,
    });
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  const abort = (): void => {
    input.destroy();
    parser.destroy();
  };
  signal?.addEventListener('abort', abort, { once: true });
  let first = true;
  let line = 1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const start = line;
      line++;
      for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
      if (fields.length === 1 && fields[0] === '') continue;
      while (skipped.length > 0 && skipped[0]!.line < start) yield skipped.shift()!;
      if (first) {
        first = false;
        continue;
      }
      if (signal?.aborted) return;
      yield { kind: 'record', line: start, fields };
    }
    if (tooLarge) {
      // `line` is where the record after the last one read starts: the one over the limit.
      throw new HearkenError(
        'VALIDATION',
        `Line ${line.toLocaleString('en-US')} of ${basename(sniffed.path)} starts a record larger than ${recordLimitText}: a quote (") is probably never closed, or this is not a CSV export. Close the quote or export the file again, then import it again.`,
      );
    }
    // A record csv-parse gave up on (an unclosed quote at the end) starts after the last good one.
    for (const s of skipped) yield s.kind === 'error' && s.reason.startsWith('a quoted field') ? { ...s, line } : s;
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', abort);
    abort();
  }
}
