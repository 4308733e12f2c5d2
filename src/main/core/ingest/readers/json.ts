/**
 * JSON records: a top-level array (streamed record by record, never JSON.parse of the
 * whole file), an object wrapping one array (`{"tickets": [...]}`), or NDJSON (one object
 * per line). Keys may be dotted paths into nested objects ("customer.email").
 */
import { basename } from 'node:path';
import { HearkenError } from '../../../../shared/errors';
import type { ColumnMapping, ImportFormat } from '../../../../shared/import';
import { guessDayFirst } from '../../../../shared/import/dates';
import { guessMapping } from '../../../../shared/import/mapping';
import { jsonSyntaxErrorOffset, positionAt } from '../../json-syntax';
import type { ImportPreview, ImportReader } from '../types';
import { openText, SAMPLE_BYTES, type Sniffed } from './decode';
import { JsonArrayRecords } from './json-records';
import { columnLimitText, deepLine, depthLimitText, LineSplitter, MAX_COLUMNS, recordLimitText, type JsonLimitProblem } from './limits';
import { asText, fileOrigin, tabularRows, type TabularRecord } from './tabular';

export type JsonObject = Record<string, unknown>;

export interface JsonShape {
  kind: 'array' | 'wrapped' | 'ndjson';
  /** For 'wrapped': the key of the array. */
  key: string | null;
  /** The first records (up to 200), for the preview and detection. */
  samples: JsonObject[];
  first: JsonObject | null;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * What kind of mistake JSON.parse found, in words that quote nothing: V8's own messages
 * quote the text around the fault (`Unexpected token 'x', "…" is not valid JSON`), and that
 * text is a customer's.
 */
const jsonMistakes: [RegExp, string][] = [
  [/^Unexpected end of JSON input/, 'it ends before the value is complete'],
  [/^Unterminated string/, 'a string that is never closed'],
  [/^Bad control character/, 'a raw control character (such as a tab or a line break) inside a string'],
  [/^Bad (escaped character|Unicode escape)/, 'an invalid backslash escape inside a string'],
  [/^Expected ',' or '\}'/, 'a missing comma or closing }'],
  [/^Expected ',' or '\]'/, 'a missing comma or closing ]'],
  [/^Expected ':'/, 'a missing colon after a key'],
  [/^Expected (double-quoted )?property name/, 'a key without double quotes, or a comma before }'],
  [/^Unexpected non-whitespace character after JSON/, 'more text after the end of the value'],
  [/^(No number after minus sign|Unterminated fractional number|Exponent part is missing a number)/, 'a malformed number'],
  [/^Unexpected token/, 'an unexpected character'],
];

export function jsonMistake(message: string): string {
  for (const [pattern, words] of jsonMistakes) if (pattern.test(message)) return words;
  return 'a syntax error';
}

/** Where `text` goes wrong: V8's offset when its message has one, else Hearken's own scan. */
function faultOffset(text: string, message: string): number | null {
  const m = /at position (\d+)/.exec(message);
  return m ? Number(m[1]) : jsonSyntaxErrorOffset(text);
}

function tooDeep(name: string, record: number | null, line: number): HearkenError {
  const which = record === null ? `${name} nests` : `Record ${record.toLocaleString('en-US')} of ${name} nests`;
  return new HearkenError(
    'VALIDATION',
    `${which} objects or lists more than ${depthLimitText} deep (line ${line.toLocaleString('en-US')}). Feedback exports nest a few levels: check that this is the export you meant, or export it again.`,
  );
}

function tooLarge(name: string, record: number): HearkenError {
  return new HearkenError(
    'VALIDATION',
    `Record ${record.toLocaleString('en-US')} of ${name} is larger than ${recordLimitText}: that is not one piece of feedback. Check that this is the export you meant, or export it again.`,
  );
}

function limitError(name: string, nesting: { problem: JsonLimitProblem | null; lines: number }, record: number | null): HearkenError {
  return nesting.problem === 'deep' ? tooDeep(name, record, nesting.lines + 1) : tooLarge(name, record ?? 1);
}

function invalidJson(name: string, detail: string): HearkenError {
  return new HearkenError('VALIDATION', `${name} is not valid JSON (${detail}). Fix the file or export it again as a JSON array or NDJSON (one object per line).`);
}

function truncatedJson(name: string): HearkenError {
  return new HearkenError('VALIDATION', `${name} ends before its JSON array is closed with "]": the file looks truncated. Export it again, or check that the download finished.`);
}

/** Validates a whole small file with JSON.parse (it is in memory already as the sample). */
function parseWhole(name: string, text: string, array: boolean): unknown {
  // Before parsing: a value a million brackets deep parses, then overflows the stack of
  // whatever walks it (JSON.stringify of a cell).
  const deep = deepLine(text, array ? 1 : 2);
  if (deep !== null) throw tooDeep(name, null, deep);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = faultOffset(text, message);
    if (array && (/end of JSON/i.test(message) || (offset !== null && offset >= text.trimEnd().length))) throw truncatedJson(name);
    const at = offset === null ? null : positionAt(text, offset);
    throw invalidJson(name, `${jsonMistake(message)}${at ? ` at line ${at.line}, column ${at.column}` : ''}`);
  }
}

/** Objects from the start of a partial array, as far as the sample goes. */
function sampleArray(name: string, text: string, key: string | null, limit: number): JsonObject[] {
  // The sample's last record is usually cut off: it is simply not among the texts.
  const records = new JsonArrayRecords(key);
  const samples: JsonObject[] = [];
  for (const record of records.push(text)) {
    let value: unknown;
    try {
      value = JSON.parse(record);
    } catch {
      // A damaged record ends the sample; reading the rows reports it.
      break;
    }
    if (isObject(value)) samples.push(value);
    if (samples.length >= limit) break;
  }
  if (samples.length === 0 && records.problem !== null) throw limitError(name, records, 1);
  return samples;
}

/** Too many fields to map: the preview would list them all, and every row would carry them. */
function checkWidth(name: string, samples: readonly JsonObject[]): void {
  for (const sample of samples.slice(0, 50)) {
    if (Object.keys(flatten(sample)).length > MAX_COLUMNS) {
      throw new HearkenError(
        'VALIDATION',
        `${name} has records with more than ${columnLimitText} fields; Hearken maps up to ${columnLimitText}. Export only the fields you need, or check that this is the export you meant.`,
      );
    }
  }
}

/** Decides array / wrapped array / NDJSON and reads the first records; throws for invalid JSON. */
export async function readJsonShape(sniffed: Sniffed, ext: string, declared?: ImportFormat): Promise<JsonShape> {
  const name = basename(sniffed.path);
  const text = sniffed.head.trimStart();
  const c = text[0];
  if (c === '[') {
    let samples: JsonObject[];
    if (sniffed.complete) {
      const all = parseWhole(name, text, true) as unknown[];
      if (all.length === 0) throw new HearkenError('VALIDATION', `${name} holds an empty JSON list: there is nothing to import.`);
      samples = all.slice(0, 200).filter(isObject);
      if (samples.length === 0) throw new HearkenError('VALIDATION', `${name} is a JSON list, but not of objects: each record must be an object such as {"body": "…"}.`);
    } else samples = sampleArray(name, text, null, 200);
    checkWidth(name, samples);
    return { kind: 'array', key: null, samples, first: samples[0] ?? null };
  }
  if (c !== '{') throw invalidJson(name, 'it starts with neither [ nor {');
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd < 0 ? text : text.slice(0, firstLineEnd)).trim();
  const wantsLines = declared === 'ndjson' || ext === '.ndjson' || ext === '.jsonl';
  if (wantsLines && firstLineEnd < 0 && !sniffed.complete) {
    throw new HearkenError(
      'VALIDATION',
      `The first line of ${name} is longer than ${SAMPLE_BYTES / 2 ** 20} MB, so it is not one record of NDJSON (one JSON object per line). Check that this is an NDJSON export (a JSON array or a file without line breaks imports as .json), or export it again.`,
    );
  }
  // A whole line nested past the limit is still an object line: the NDJSON branch says why it cannot be read.
  const firstDeep = (firstLineEnd >= 0 || sniffed.complete) && deepLine(firstLine) !== null;
  let lineObject: unknown = undefined;
  try {
    lineObject = firstDeep ? undefined : JSON.parse(firstLine);
  } catch {
    lineObject = undefined;
  }
  if (wantsLines || firstDeep || isObject(lineObject)) {
    const samples: JsonObject[] = [];
    const lines = text.split('\n');
    if (!sniffed.complete) lines.pop();
    let firstDeepLine: number | null = null;
    for (const [i, l] of lines.entries()) {
      if (samples.length >= 200) break;
      if (deepLine(l) !== null) {
        firstDeepLine ??= i + 1;
        continue;
      }
      try {
        const v: unknown = JSON.parse(l);
        if (isObject(v)) samples.push(v);
      } catch {
        // A bad line becomes an error row when the rows are read.
      }
    }
    if (samples.length === 0 && firstDeepLine !== null) throw tooDeep(name, null, firstDeepLine);
    if (samples.length === 0) throw invalidJson(name, 'no line of it is a JSON object; NDJSON needs one object per line');
    checkWidth(name, samples);
    // One object on one line with an array inside is a wrapped export, not NDJSON.
    const wrappedKey = samples.length === 1 && lines.filter((l) => l.trim() !== '').length === 1 ? arrayKey(samples[0]!) : null;
    if (wrappedKey === null) return { kind: 'ndjson', key: null, samples, first: samples[0]! };
  }
  // A pretty-printed object: an export that wraps its records, e.g. {"tickets": [...]}.
  let key: string | null = null;
  let samples: JsonObject[];
  if (sniffed.complete) {
    const whole = parseWhole(name, text, false);
    key = isObject(whole) ? arrayKey(whole) : null;
    samples = key === null ? [] : ((whole as JsonObject)[key] as unknown[]).slice(0, 200).filter(isObject);
  } else {
    key = /^\{\s*"([^"]+)"\s*:\s*\[/.exec(text)?.[1] ?? null;
    samples = key === null ? [] : sampleArray(name, text, key, 200);
  }
  if (key === null || samples.length === 0) {
    throw new HearkenError(
      'VALIDATION',
      `${name} holds one JSON object, not a list of records. Export an array ([{…}, {…}]), NDJSON (one object per line), or an object with one list such as {"tickets": [...]}.`,
    );
  }
  checkWidth(name, samples);
  return { kind: 'wrapped', key, samples, first: samples[0]! };
}

/** The first key whose value is a non-empty array of objects. */
function arrayKey(o: JsonObject): string | null {
  for (const [k, v] of Object.entries(o)) if (Array.isArray(v) && v.length > 0 && isObject(v[0])) return k;
  return null;
}

/** Nested keys as dotted paths (arrays stay whole), up to three levels. */
export function flatten(o: JsonObject, prefix = '', depth = 0, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(v) && depth < 2) flatten(v, path, depth + 1, out);
    else out[path] = v;
  }
  return out;
}

export function pathAccessor(path: string): (o: JsonObject) => unknown {
  const parts = path.split('.');
  if (parts.length === 1) return (o) => o[path];
  return (o) => {
    if (path in o) return o[path];
    let v: unknown = o;
    for (const p of parts) {
      if (!isObject(v)) return undefined;
      v = v[p];
    }
    return v;
  };
}

/**
 * Every record of the file, streamed, with its line (NDJSON) or its 1-based position in
 * the array. An NDJSON line over a limit (too long, nested too deep) or not valid JSON is
 * an error row naming the line and the kind of problem, never its text. In an array, a
 * damaged record, or a file that breaks off, is an error row where it happens and the end
 * of the records (what follows cannot be trusted to start where a record starts); a record
 * over a limit ends the import with VALIDATION, after the records before it.
 */
export async function* streamJsonRecords(
  sniffed: Sniffed,
  shape: JsonShape,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<{ kind: 'record'; line: number; value: unknown } | { kind: 'error'; line: number; reason: string }> {
  const input = openText(sniffed, onBytes);
  const abort = (): void => {
    input.destroy();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    if (shape.kind === 'ndjson') {
      // Not readline: it holds a whole line however long, and a file without line breaks is one line.
      const splitter = new LineSplitter();
      let n = 0;
      const records = function* (lines: (string | null)[]): Generator<{ kind: 'record'; line: number; value: unknown } | { kind: 'error'; line: number; reason: string }> {
        for (const text of lines) {
          n++;
          if (text === null) {
            yield { kind: 'error', line: n, reason: `the line is longer than ${recordLimitText}, too long for one record: check for a missing line break` };
            continue;
          }
          const t = text.trim();
          if (t === '') continue;
          if (deepLine(t) !== null) {
            yield { kind: 'error', line: n, reason: `objects or lists nested more than ${depthLimitText} deep` };
            continue;
          }
          try {
            yield { kind: 'record', line: n, value: JSON.parse(t) };
          } catch (error) {
            const message = (error as Error).message;
            const offset = faultOffset(t, message);
            yield { kind: 'error', line: n, reason: `not valid JSON: ${jsonMistake(message)}${offset === null ? '' : ` at column ${(offset + 1).toLocaleString('en-US')}`}` };
          }
        }
      };
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        if (signal?.aborted) return;
        yield* records(splitter.push(chunk));
      }
      if (signal?.aborted) return;
      yield* records(splitter.end());
      return;
    }
    const records = new JsonArrayRecords(shape.kind === 'array' ? null : shape.key!);
    let count = 0;
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      if (signal?.aborted) return;
      for (const text of records.push(chunk)) {
        count++;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          yield { kind: 'error', line: count, reason: `not valid JSON (${jsonMistake((error as Error).message)}): the file looks damaged from this record on, so the rest is not read` };
          return;
        }
        yield { kind: 'record', line: count, value };
      }
      if (records.problem !== null) throw limitError(basename(sniffed.path), records, count + 1);
      if (records.closed) return;
    }
    if (signal?.aborted) return;
    if (records.endedEarly()) {
      yield { kind: 'error', line: count + 1, reason: `the JSON breaks off after record ${count}: the file looks truncated or damaged from here on` };
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    abort();
  }
}

export function openJsonReader(sniffed: Sniffed, shape: JsonShape, format: ImportFormat, options: { timeZone?: string }): ImportReader {
  const flat = shape.samples.map((s) => flatten(s));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const f of flat.slice(0, 50)) {
    for (const k of Object.keys(f)) {
      if (seen.has(k)) continue;
      seen.add(k);
      columns.push(k);
    }
  }
  const textSample = flat.map((f) => Object.fromEntries(columns.map((c) => [c, asText(f[c])])));
  const guessed = guessMapping(columns, textSample, { timeZone: options.timeZone ?? 'UTC' });
  const dayFirstFor = (mapping: ColumnMapping): boolean => {
    const c = mapping.fields.receivedAt;
    return guessDayFirst(c === undefined ? [] : textSample.map((r) => r[c] ?? ''), mapping.timeZone);
  };
  async function* records(onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<TabularRecord<JsonObject>> {
    for await (const r of streamJsonRecords(sniffed, shape, onBytes, signal)) {
      if (r.kind === 'error') yield r;
      else if (!isObject(r.value)) yield { kind: 'error', line: r.line, reason: 'not a JSON object: each record must be an object such as {"body": "…"}' };
      else yield { kind: 'record', line: r.line, value: r.value };
    }
  }
  const table = tabularRows<JsonObject>({
    format,
    sniffed,
    column: pathAccessor,
    // A path deeper than the preview's columns still counts when some sample record has it.
    sampleValues: (column) => {
      if (seen.has(column)) return textSample.map((r) => r[column] ?? '');
      const get = pathAccessor(column);
      const values = shape.samples.map(get);
      return values.some((v) => v !== undefined) ? values.map(asText) : null;
    },
    dayFirst: dayFirstFor,
    records,
  });
  return {
    format,
    async preview(): Promise<ImportPreview> {
      return {
        format,
        encoding: sniffed.encoding,
        delimiter: null,
        columns,
        sample: textSample.slice(0, 20),
        guessedMapping: guessed,
        totalBytes: sniffed.size,
        origin: fileOrigin(format, sniffed),
      };
    },
    rows: ({ mapping = guessed, signal }) => table.rows({ mapping, signal }),
    bytesRead: table.bytesRead,
  };
}
