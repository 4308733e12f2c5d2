/**
 * The shared scan of analyze(): the message's characters are copied once into a typed
 * array, and every later pass (words, stop-word vote, sentiment, topics) reads that array.
 * Strings built by concatenation are ropes whose charCodeAt goes through indirections; the
 * copy makes the passes independent of how the string was made. Words are hashed while they
 * are scanned and looked up in HashedTables straight from the array: no slice, no
 * toLowerCase, no string per word.
 *
 * Everything here is module state reused between calls: analysis is synchronous and not
 * re-entrant.
 */

/**
 * Lower case of every BMP character whose lower case is one character (others map to
 * themselves). Built from a few hundred strings of 256 characters, each followed by a space
 * so that every character is lower-cased alone (as String.fromCharCode(c).toLowerCase()
 * would, with no final-sigma context), instead of 65,536 one-character strings: the
 * per-character strings made the young generation grow at load, and that stays resident.
 */
export const LOWER: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  const chunk = new Array<number>(512);
  for (let base = 0; base < 0x10000; base += 256) {
    for (let k = 0; k < 256; k++) {
      const c = base + k;
      // Surrogates map to themselves (a lone one would not survive the string round trip).
      chunk[k * 2] = c >= 0xd800 && c <= 0xdfff ? 32 : c;
      chunk[k * 2 + 1] = 32;
    }
    const lower = String.fromCharCode.apply(null, chunk).toLowerCase();
    if (lower.length === 512) {
      for (let k = 0; k < 256; k++) t[base + k] = lower.charCodeAt(k * 2);
    } else {
      // A character here lower-cases to two (U+0130): this block one by one.
      for (let k = 0; k < 256; k++) {
        const l = String.fromCharCode(base + k).toLowerCase();
        t[base + k] = l.length === 1 ? l.charCodeAt(0) : base + k;
      }
    }
    for (let k = 0; k < 256; k++) if (base + k >= 0xd800 && base + k <= 0xdfff) t[base + k] = base + k;
  }
  return t;
})();

export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
export function hashString(key: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < key.length; k++) h = hashStep(h, key.charCodeAt(k));
  return h;
}

/** The loaded text's characters (as written) and its length. */
export let CODES = new Uint16Array(4096);
/** Their lower case (LOWER), filled by scanWords for the words' comparisons. */
let LOWCODES = new Uint16Array(4096);
let loaded: string | null = null;
let loadedLength = 0;

/** Copies `text` into CODES unless it is the text loaded last. Returns its length. */
export function load(text: string): number {
  if (text === loaded) return loadedLength;
  const n = text.length;
  if (n > CODES.length) {
    let size = CODES.length;
    while (size < n) size *= 2;
    CODES = new Uint16Array(size);
    LOWCODES = new Uint16Array(size);
  }
  const codes = CODES;
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  loaded = text;
  loadedLength = n;
  // Words are per text: scanned again on demand.
  wordsOf = null;
  return n;
}

/** Words in tokenize()'s sense (letters and digits; apostrophes split), as offsets and hashes of their lower case. */
export interface ScannedWords {
  count: number;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  /** Sum of the word lengths (tokenize's letter count). */
  letters: number;
}

const WORDS: ScannedWords = { count: 0, start: new Int32Array(1024), end: new Int32Array(1024), hash: new Int32Array(1024), letters: 0 };
let wordsOf: string | null = null;

/** Whether a character is part of a word, for tokenize() and the scan alike. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  // General punctuation, symbols, arrows, box drawing, CJK punctuation, surrogates (emoji),
  // variation selectors, full-width punctuation.
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfe00 && c <= 0xfe0f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

/** 1 where the character, lower-cased, is a word character (isWordChar of LOWER): one load per character in the scan. */
const WORD_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = isWordChar(LOWER[c] as number) ? 1 : 0;
  return t;
})();

/**
 * The words of `text` (loading it first), the same words tokenize() returns, as offsets and
 * hashes of their lower case; the lower case of their letters goes to LOWCODES.
 */
export function scanWords(text: string): ScannedWords {
  const n = load(text);
  if (wordsOf === text) return WORDS;
  const codes = CODES;
  const low = LOWCODES;
  const w = WORDS;
  let count = 0;
  let letters = 0;
  let i = 0;
  while (i < n) {
    const raw = codes[i] as number;
    if (WORD_CHAR[raw] === 0) {
      i++;
      continue;
    }
    const start = i;
    const c = LOWER[raw] as number;
    low[i] = c;
    let h = hashStep(HASH_SEED, c);
    i++;
    while (i < n) {
      const rd = codes[i] as number;
      if (WORD_CHAR[rd] === 0) break;
      const d = LOWER[rd] as number;
      low[i] = d;
      h = hashStep(h, d);
      i++;
    }
    if (count === w.start.length) grow(w);
    w.start[count] = start;
    w.end[count] = i;
    w.hash[count] = h;
    letters += i - start;
    count++;
  }
  w.count = count;
  w.letters = letters;
  wordsOf = text;
  return w;
}

function grow(w: ScannedWords): void {
  const size = w.start.length * 2;
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const hash = new Int32Array(size);
  start.set(w.start);
  end.set(w.end);
  hash.set(w.hash);
  w.start = start;
  w.end = end;
  w.hash = hash;
}

/** The lower-cased word CODES[start, end) as a string (only made when a word is new to a table). */
export function wordAt(start: number, end: number): string {
  const len = end - start;
  // A reused plain array per length: subarray() would make a typed-array view per word.
  const buf = len < WORD_BUFFERS.length ? WORD_BUFFERS[len] : undefined;
  if (buf === undefined) return String.fromCharCode.apply(null, LOWCODES.subarray(start, end) as unknown as number[]);
  const low = LOWCODES;
  for (let k = 0; k < len; k++) buf[k] = low[start + k] as number;
  return String.fromCharCode.apply(null, buf);
}
const WORD_BUFFERS: number[][] = Array.from({ length: 48 }, (_, len) => new Array<number>(len).fill(0));

/** True when the scanned word CODES[start, end), lower-cased, is `key` (after scanWords). */
export function sameWord(key: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  const low = LOWCODES;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== low[start + k]) return false;
  return true;
}

/**
 * Open addressing over lower-cased words, looked up from CODES by offsets and the hash the
 * scan computed. Values can be added while in use (a cache); clear() empties it.
 */
export class HashedTable<V> {
  private mask: number;
  private slots: Int32Array; // [hash, index + 1] pairs
  private keys: string[] = [];
  private values: V[] = [];
  constructor(capacity = 64) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
  }
  get size(): number {
    return this.keys.length;
  }
  get(start: number, end: number, h: number): V | undefined {
    const slots = this.slots;
    let slot = h & this.mask;
    for (;;) {
      const entry = slots[slot * 2 + 1] as number;
      if (entry === 0) return undefined;
      if (slots[slot * 2] === h && sameWord(this.keys[entry - 1] as string, start, end)) return this.values[entry - 1];
      slot = (slot + 1) & this.mask;
    }
  }
  /** True when `key` (lower case) is in the table; for building, not for the scan. */
  has(key: string): boolean {
    const h = hashString(key);
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot * 2 + 1] as number;
      if (entry === 0) return false;
      if (this.slots[slot * 2] === h && this.keys[entry - 1] === key) return true;
      slot = (slot + 1) & this.mask;
    }
  }
  /** Adds a key that is not in the table yet. */
  add(key: string, h: number, value: V): void {
    if ((this.keys.length + 1) * 2 > this.mask + 1) this.rehash();
    this.keys.push(key);
    this.values.push(value);
    this.place(h, this.keys.length);
  }
  clear(): void {
    this.keys = [];
    this.values = [];
    this.slots.fill(0);
  }
  private place(h: number, entry: number): void {
    let slot = h & this.mask;
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = h;
    this.slots[slot * 2 + 1] = entry;
  }
  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let i = 0; i < this.keys.length; i++) this.place(hashString(this.keys[i] as string), i + 1);
  }
}
