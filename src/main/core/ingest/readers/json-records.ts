/**
 * The elements of a JSON array (top-level, or the array under one key of a top-level
 * object) cut out of a byte stream as text, each then parsed on its own with JSON.parse.
 *
 * Why not a streaming tokenizer (stream-json): its parser throws away every token of a
 * chunk when it meets a fault in that chunk, so up to 256 KB of good records before a
 * damaged one were lost and the report named the wrong record; it keeps a stack entry per
 * open bracket and an assembled value per record, so a million brackets or one endless
 * string cost memory in proportion to the file. Here a record's text is cut at the comma
 * (or bracket) that ends it, so a fault is found in exactly one record; the nesting and
 * the size of each record are checked byte by byte before anything is built from it
 * (limits.ts); and JSON.parse of one small text is also faster than token events.
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, MAX_DEPTH, MAX_RECORD_BYTES, OPEN_BRACE, OPEN_BRACKET, QUOTE, type JsonLimitProblem } from './limits';

const COMMA = 0x2c;
const COLON = 0x3a;
const NL = 0x0a;
/** Keys of the top-level object longer than this cannot be the wrapped array's key. */
const MAX_KEY_BYTES = 1024;

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Cuts records out of JSON text fed in pieces. `key` null: the elements of a top-level
 * array; else the elements of the array under that key of a top-level object.
 */
export class JsonArrayRecords {
  /** Why records stopped before the text did: nested too deep, or one value too large. */
  problem: JsonLimitProblem | null = null;
  /** Line breaks before the problem (or so far): it is on line `lines + 1`. */
  lines = 0;
  /** Records cut so far. */
  count = 0;
  /** The records' array has closed: the rest of the text holds no records. */
  closed = false;

  private readonly level: number;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Absolute offset of the last structural character at or above the record level (for the size limit). */
  private mark = 0;
  private offset = 0;
  /** Inside the records' array, at its own level. */
  private inRecords = false;
  /** Pieces of the record being cut, from earlier chunks. */
  private parts: Buffer[] = [];
  /** Where the record being cut starts in the current chunk (-1: it started in an earlier one). */
  private start = -1;
  private sawComma = false;
  // The top-level object of a wrapped array: which key's value is next.
  private expectKey = false;
  private keyParts: Buffer[] | null = null;
  private keyStart = -1;
  private keyLength = 0;
  private lastKey: string | null = null;

  constructor(private readonly key: string | null) {
    this.level = key === null ? 1 : 2;
  }

  /** The records this piece completes, as text, in order; stops at a problem. */
  push(piece: Buffer | string): string[] {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    const out: string[] = [];
    if (this.problem !== null || this.closed) return out;
    const { level } = this;
    const limit = level + MAX_DEPTH;
    const length = chunk.length;
    let { depth, inString, escaped, lines } = this;
    for (let i = 0; i < length; i++) {
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (this.keyParts !== null) this.endKey(chunk, i);
        } else if (c === NL) lines++;
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        if (depth === 1 && this.expectKey && level === 2) this.beginKey(i + 1);
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (depth <= level) this.mark = this.offset + i;
        depth++;
        if (depth > limit) {
          this.problem = 'deep';
          break;
        }
        if (depth === 1 && level === 2) this.expectKey = c === OPEN_BRACE;
        // The top-level array itself, or the array right under the wrapped key.
        if (depth === level && c === OPEN_BRACKET && (this.key === null || this.lastKey === this.key)) {
          this.inRecords = true;
          this.start = i + 1;
          this.parts = [];
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === level && this.inRecords) {
          this.cut(chunk, i, out, true);
          this.inRecords = false;
          this.closed = true;
          depth--;
          break;
        }
        depth--;
        if (depth <= level) this.mark = this.offset + i;
      } else if (c === COMMA) {
        if (depth <= level) this.mark = this.offset + i;
        if (depth === level && this.inRecords) {
          this.cut(chunk, i, out, false);
          this.start = i + 1;
        } else if (depth === 1 && level === 2) this.expectKey = true;
      } else if (c === COLON) {
        if (depth <= level) this.mark = this.offset + i;
        if (depth === 1) this.expectKey = false;
      } else if (c === NL) lines++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.lines = lines;
    if (this.problem === null && !this.closed) {
      // Checked per piece (the file is read 256 KB at a time): a record may overrun by one piece.
      if (this.offset + length - this.mark > MAX_RECORD_BYTES) this.problem = 'large';
      else {
        if (this.inRecords) this.parts.push(chunk.subarray(this.start < 0 ? 0 : this.start));
        if (this.keyParts !== null) this.keyParts.push(chunk.subarray(this.keyStart < 0 ? 0 : this.keyStart));
      }
    }
    this.start = -1;
    this.keyStart = -1;
    this.offset += length;
    return out;
  }

  /** True when the text ended inside the records' array (or before it): it breaks off there. */
  endedEarly(): boolean {
    return !this.closed && this.problem === null;
  }

  private cut(chunk: Buffer, end: number, out: string[], closing: boolean): void {
    const piece = chunk.subarray(this.start < 0 ? 0 : this.start, end);
    const text = this.parts.length === 0 ? piece.toString('utf8') : Buffer.concat([...this.parts, piece]).toString('utf8');
    this.parts = [];
    // `[]` holds no record; an empty element anywhere else (`[1,,2]`, `[1,]`) is a fault JSON.parse reports.
    if (!(closing && !this.sawComma && isBlank(text))) {
      out.push(text);
      this.count++;
    }
    if (!closing) this.sawComma = true;
  }

  private beginKey(at: number): void {
    this.keyParts = [];
    this.keyStart = at;
    this.keyLength = 0;
  }

  private endKey(chunk: Buffer, end: number): void {
    const piece = chunk.subarray(this.keyStart < 0 ? 0 : this.keyStart, end);
    const parts = this.keyParts!;
    this.keyParts = null;
    this.keyLength = parts.reduce((n, p) => n + p.length, piece.length);
    if (this.keyLength > MAX_KEY_BYTES) {
      this.lastKey = null;
      return;
    }
    const raw = Buffer.concat([...parts, piece]).toString('utf8');
    try {
      this.lastKey = JSON.parse(`"${raw}"`) as string;
    } catch {
      this.lastKey = null;
    }
  }
}
