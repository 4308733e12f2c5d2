/**
 * JSON records: a top-level array (streamed with stream-json, never JSON.parse of the whole
 * file), an object wrapping one array (`{"tickets": [...]}`), or NDJSON (one object per
 * line). Keys may be dotted paths into nested objects ("customer.email").
 */
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Readable, type Duplex } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { HearkenError } from '../../../../shared/errors';
import type { ColumnMapping, ImportFormat } from '../../../../shared/import';
import { guessDayFirst } from '../../../../shared/import/dates';
import { guessMapping } from '../../../../shared/import/mapping';
import type { ImportPreview, ImportReader } from '../types';
import { openText, type Sniffed } from './decode';
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

function where(text: string, message: string): { line: number; column: number; atEnd: boolean } {
  const m = /position (\d+)/.exec(message);
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n'), atEnd: (m !== null && pos >= text.trimEnd().length) || /end of JSON/i.test(message) };
}

function invalidJson(name: string, detail: string): HearkenError {
  return new HearkenError('VALIDATION', `${name} is not valid JSON (${detail}). Fix the file or export it again as a JSON array or NDJSON (one object per line).`);
}

function truncatedJson(name: string): HearkenError {
  return new HearkenError('VALIDATION', `${name} ends before its JSON array is closed with "]": the file looks truncated. Export it again, or check that the download finished.`);
}

/** Validates a whole small file with JSON.parse (it is in memory already as the sample). */
function parseWhole(name: string, text: string, array: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = where(text, message);
    if (array && at.atEnd) throw truncatedJson(name);
    const position = /position \d+/.test(message) ? ` at line ${at.line}, column ${at.column}` : '';
    throw invalidJson(name, `${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*$/s, '')}${position}`);
  }
}

/** Objects from the start of a partial array, as far as the sample goes. */
async function sampleArray(text: string, key: string | null, limit: number): Promise<JsonObject[]> {
  const input = Readable.from([text]);
  let items: Duplex;
  if (key === null) {
    items = streamArray.withParserAsStream();
    input.pipe(items);
  } else {
    const picked = pick.withParserAsStream({ filter: key });
    const arr = streamArray.asStream();
    input.pipe(picked).on('error', () => arr.end()).pipe(arr);
    items = arr;
  }
  return collect(items, [], limit);
}

async function collect(stream: Duplex, out: JsonObject[], limit: number): Promise<JsonObject[]> {
  try {
    for await (const { value } of stream as AsyncIterable<{ value: unknown }>) {
      if (isObject(value)) out.push(value);
      if (out.length >= limit) break;
    }
  } catch {
    // The sample ends mid-record: what came before is the sample.
  }
  stream.destroy();
  return out;
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
    } else samples = await sampleArray(text, null, 200);
    return { kind: 'array', key: null, samples, first: samples[0] ?? null };
  }
  if (c !== '{') throw invalidJson(name, `it starts with ${JSON.stringify(text.slice(0, 12))}, not [ or {`);
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd < 0 ? text : text.slice(0, firstLineEnd)).trim();
  let lineObject: unknown = undefined;
  try {
    lineObject = JSON.parse(firstLine);
  } catch {
    lineObject = undefined;
  }
  if (declared === 'ndjson' || ext === '.ndjson' || ext === '.jsonl' || isObject(lineObject)) {
    const samples: JsonObject[] = [];
    const lines = text.split('\n');
    if (!sniffed.complete) lines.pop();
    for (const l of lines) {
      if (samples.length >= 200) break;
      try {
        const v: unknown = JSON.parse(l);
        if (isObject(v)) samples.push(v);
      } catch {
        // A bad line becomes an error row when the rows are read.
      }
    }
    if (samples.length === 0) throw invalidJson(name, 'no line of it is a JSON object; NDJSON needs one object per line');
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
    samples = key === null ? [] : await sampleArray(text, key, 200);
  }
  if (key === null || samples.length === 0) {
    throw new HearkenError(
      'VALIDATION',
      `${name} holds one JSON object, not a list of records. Export an array ([{…}, {…}]), NDJSON (one object per line), or an object with one list such as {"tickets": [...]}.`,
    );
  }
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
 * the array. A file that breaks off yields an error row at the point it stops.
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
      const lines = createInterface({ input, crlfDelay: Infinity });
      let n = 0;
      for await (const text of lines) {
        n++;
        if (signal?.aborted) return;
        const t = text.trim();
        if (t === '') continue;
        try {
          yield { kind: 'record', line: n, value: JSON.parse(t) };
        } catch (error) {
          yield { kind: 'error', line: n, reason: `not valid JSON (${(error as Error).message})` };
        }
      }
      return;
    }
    const parsed = shape.kind === 'array' ? streamArray.withParserAsStream() : pick.withParserAsStream({ filter: shape.key! });
    const items = shape.kind === 'array' ? parsed : streamArray.asStream();
    // Items reach `out` as soon as they are parsed, so a break-off later loses none of them.
    const out = new PassThrough({ objectMode: true, highWaterMark: 64 });
    let failure: Error | null = null;
    const fail = (e: Error): void => {
      failure ??= e;
      out.end();
    };
    input.on('error', fail);
    parsed.on('error', fail);
    items.on('error', fail);
    input.pipe(parsed);
    if (items !== parsed) parsed.pipe(items);
    items.pipe(out);
    let count = 0;
    for await (const { value } of out as AsyncIterable<{ value: unknown }>) {
      if (signal?.aborted) return;
      count++;
      yield { kind: 'record', line: count, value };
    }
    if (failure && !signal?.aborted) {
      yield {
        kind: 'error',
        line: count + 1,
        reason: `the JSON breaks off after record ${count} (${(failure as Error).message}): the file looks truncated or damaged from here on`,
      };
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
