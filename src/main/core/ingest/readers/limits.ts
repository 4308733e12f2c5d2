/**
 * What a reader holds in memory at once, and how deep it lets a record nest. A file picked
 * by mistake (or made to hurt) can have a 50 MB line, 200,000 columns or brackets nested a
 * million deep; each reader checks these limits before it builds anything from such input,
 * so the import stops with a VALIDATION error naming the line (or record) and the problem,
 * instead of running out of memory or stack. The limits sit far above real exports.
 */

/** Nesting levels in one record: a ticket with comments and custom fields is under ten. */
export const MAX_DEPTH = 64;
/** Bytes of one record (a CSV record, an NDJSON line, an element of a JSON array). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Columns of a CSV/TSV header, and fields of a JSON record. Spreadsheet exports stay far below. */
export const MAX_COLUMNS = 2_000;

export const recordLimitText = '16 MB';

const n = (value: number): string => value.toLocaleString('en-US');
export const depthLimitText = `${n(MAX_DEPTH)} levels`;
export const columnLimitText = n(MAX_COLUMNS);

const NL = 10;

/**
 * Splits a stream of text into lines without ever holding more than MAX_RECORD_BYTES of
 * one line: a longer line is dropped as it streams by and comes out as null, so a file
 * without line breaks costs no more memory than a short one. Accepts UTF-8 Buffers (split
 * on the 0x0A byte, which never occurs inside a multi-byte character) or decoded strings.
 */
export class LineSplitter {
  private parts: (Buffer | string)[] = [];
  private length = 0;
  private tooLong = false;

  constructor(private readonly max = MAX_RECORD_BYTES) {}

  /** The lines this chunk completes: their text, or null for a line over the limit. */
  push(chunk: Buffer | string): (string | null)[] {
    const lines: (string | null)[] = [];
    let start = 0;
    for (;;) {
      const i = typeof chunk === 'string' ? chunk.indexOf('\n', start) : chunk.indexOf(NL, start);
      const end = i < 0 ? chunk.length : i;
      if (!this.tooLong && end > start) {
        if (this.length + (end - start) > this.max) {
          this.tooLong = true;
          this.parts = [];
          this.length = 0;
        } else {
          this.parts.push(typeof chunk === 'string' ? chunk.slice(start, end) : chunk.subarray(start, end));
          this.length += end - start;
        }
      }
      if (i < 0) return lines;
      lines.push(this.take());
      start = i + 1;
    }
  }

  /** The last line, when the text does not end with a line break. */
  end(): (string | null)[] {
    return this.length > 0 || this.tooLong ? [this.take()] : [];
  }

  private take(): string | null {
    const parts = this.parts;
    const line = this.tooLong ? null : parts.length === 1 ? parts[0]!.toString() : parts.every((p) => typeof p === 'string') ? parts.join('') : Buffer.concat(parts as Buffer[]).toString('utf8');
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    return line;
  }
}

export type JsonLimitProblem = 'deep' | 'large';

/** JSON's structural bytes, for the byte scanners here and in json-records.ts. */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;

/**
 * Where one piece of JSON text (an NDJSON line, a whole small file) first nests deeper than
 * MAX_DEPTH below `level` (0 for a record on its own, 1 for the elements of an array, 2
 * for those of a wrapped array): its 1-based line, or null. Run before JSON.parse, which
 * would build every level (V8 parses deep text without trouble), and whatever walks the
 * value after it (JSON.stringify of a cell) would overflow the stack.
 */
export function deepLine(text: string, level = 0): number | null {
  const limit = level + MAX_DEPTH;
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NL) line++;
    else if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return line;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return null;
}
