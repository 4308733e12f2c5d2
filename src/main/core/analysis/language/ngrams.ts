/**
 * eld's n-gram scoring over compact typed arrays (data: ngram-data.ts, generated from eld's
 * extrasmall database; see NOTICE.md). eld keeps its table as ~50,000 small objects (~64 MB
 * resident); here it is ~1 MB of typed arrays built once at load.
 *
 * The text is read as eld reads it: runs of non-letters become one space (apostrophes
 * before a letter stay), lower case, UTF-8 bytes; each word gives 4-byte n-grams at a stride
 * of 3, the first with a leading space, the last with a trailing one. Each distinct n-gram
 * adds (score + 53) to every language it is listed for. No string is made per word.
 */
import { inflateRawSync } from 'node:zlib';
import { NGRAM_AVG_SCORE, NGRAM_COUNT, NGRAM_KEYS, NGRAM_LANGUAGES, NGRAM_LETTERS, NGRAM_POSTING_COUNTS, NGRAM_POSTINGS, SPACE_BYTES } from './ngram-data';

const inflate = (b64: string): Uint8Array => new Uint8Array(inflateRawSync(Buffer.from(b64, 'base64')));

export const LANGUAGES = NGRAM_LANGUAGES;
export const LANGUAGE_COUNT = NGRAM_LANGUAGES.length;
const BASE_SCORE = 53;
/** eld reads at most this many bytes (it cuts at a space after 350, anywhere after 380). */
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;

const LETTERS = inflate(NGRAM_LETTERS);
const isLetter = (c: number): boolean => (LETTERS[c >> 3]! & (1 << (c & 7))) !== 0;
/** Byte as eld writes it: the lead bytes it does not model read as a space. */
const CANON = (() => {
  const m = new Uint8Array(256);
  for (let b = 0; b < 256; b++) m[b] = b;
  for (const b of SPACE_BYTES) m[b] = 0x20;
  return m;
})();

// The table: open addressing over the n-grams' packed bytes (lo: bytes 0-3, hi: bytes 4-5).
const SLOTS = 1 << 17;
const MASK = SLOTS - 1;
const slotLo = new Uint32Array(SLOTS);
const slotHi = new Uint16Array(SLOTS);
const slotNgram = new Int32Array(SLOTS).fill(-1);
const postingStart = new Uint32Array(NGRAM_COUNT + 1);
const postings = inflate(NGRAM_POSTINGS);

const mix = (lo: number, hi: number): number => {
  let h = Math.imul(lo ^ (hi << 7), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca77) >>> 0;
};

(() => {
  const keys = inflate(NGRAM_KEYS);
  const counts = inflate(NGRAM_POSTING_COUNTS);
  let p = 0;
  for (let i = 0; i < NGRAM_COUNT; i++) {
    postingStart[i] = p;
    p += counts[i]! * 2;
    const k = i * 6;
    const lo = (keys[k]! | (keys[k + 1]! << 8) | (keys[k + 2]! << 16) | (keys[k + 3]! << 24)) >>> 0;
    const hi = keys[k + 4]! | (keys[k + 5]! << 8);
    let s = mix(lo, hi) & MASK;
    while (slotNgram[s] !== -1) s = (s + 1) & MASK;
    slotLo[s] = lo;
    slotHi[s] = hi;
    slotNgram[s] = i;
  }
  postingStart[NGRAM_COUNT] = p;
})();

function lookup(lo: number, hi: number): number {
  let s = mix(lo, hi) & MASK;
  for (;;) {
    const n = slotNgram[s]!;
    if (n === -1 || (slotLo[s] === lo && slotHi[s] === hi)) return n;
    s = (s + 1) & MASK;
  }
}

/** The scores of one text: per language, and how many distinct n-grams it had. */
export interface NgramScores {
  scores: Float64Array;
  ngrams: number;
}

// Scratch, reused per call (detection is synchronous and single-threaded per isolate).
const bytes = new Uint8Array(ENFORCE_CUT_AFTER + 8);
const wordEnds = new Int32Array(ENFORCE_CUT_AFTER + 8);
const SEEN = 512;
const seenLo = new Uint32Array(SEEN);
const seenHi = new Uint16Array(SEEN);
const seenStamp = new Uint32Array(SEEN);
let stamp = 0;
const result: NgramScores = { scores: new Float64Array(LANGUAGE_COUNT), ngrams: 0 };

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x60 || c === 0x2019;

/** Writes the UTF-8 bytes of text's words into `bytes`; returns the number of words. */
function textBytes(text: string): number {
  let len = 0;
  let words = 0;
  let count = 0; // eld's byte count, spaces included
  let pendingSpace = false;
  let run = -1; // start of the current run of non-letters, -1 when none
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    const letter = i < n && (c < 0xd800 || c >= 0xe000) && isLetter(c);
    if (!letter) {
      if (run < 0) run = i;
      if (i < n) continue;
    }
    if (run >= 0) {
      // A run of non-letters: a space, except the apostrophes that end it right before a letter.
      let keep = i;
      if (i < n) while (keep > run && isApostrophe(text.charCodeAt(keep - 1))) keep--;
      if (keep > run && len > 0) {
        if (!pendingSpace) {
          wordEnds[words++] = len;
          pendingSpace = true;
          if (count > CUT_AFTER) return words;
          count++;
        }
      }
      for (let j = keep; j < i; j++) {
        const a = text.charCodeAt(j);
        const add = a < 0x80 ? 1 : 3;
        if (a < 0x80) bytes[len++] = a;
        else {
          bytes[len++] = CANON[0xe0 | (a >> 12)]!;
          bytes[len++] = CANON[0x80 | ((a >> 6) & 0x3f)]!;
          bytes[len++] = CANON[0x80 | (a & 0x3f)]!;
        }
        count += add;
        pendingSpace = false;
        if (count > ENFORCE_CUT_AFTER) {
          wordEnds[words++] = len;
          return words;
        }
      }
      run = -1;
      if (i >= n) break;
    }
    if (c < 0x80) {
      bytes[len++] = c;
      count += 1;
    } else if (c < 0x800) {
      bytes[len++] = CANON[0xc0 | (c >> 6)]!;
      bytes[len++] = CANON[0x80 | (c & 0x3f)]!;
      count += 2;
    } else {
      bytes[len++] = CANON[0xe0 | (c >> 12)]!;
      bytes[len++] = CANON[0x80 | ((c >> 6) & 0x3f)]!;
      bytes[len++] = CANON[0x80 | (c & 0x3f)]!;
      count += 3;
    }
    pendingSpace = false;
    if (count > ENFORCE_CUT_AFTER) {
      wordEnds[words++] = len;
      return words;
    }
  }
  if (len > 0 && !pendingSpace) wordEnds[words++] = len;
  return words;
}

/** Adds one n-gram (bytes [from, to) of `bytes`, with optional spaces) once per text. */
function addNgram(lead: boolean, from: number, to: number, trail: boolean, scores: Float64Array): void {
  // Pack up to 6 bytes: the first 4 into lo, the next 2 into hi.
  let lo = 0;
  let hi = 0;
  let k = 0;
  if (lead) lo = 0x20;
  if (lead) k = 1;
  for (let j = from; j < to && k < 6; j++, k++) {
    if (k < 4) lo |= bytes[j]! << (8 * k);
    else hi |= bytes[j]! << (8 * (k - 4));
  }
  if (trail && k < 6) {
    if (k < 4) lo |= 0x20 << (8 * k);
    else hi |= 0x20 << (8 * (k - 4));
  }
  lo >>>= 0;
  // Distinct n-grams only, as eld's object keys are.
  let s = mix(lo, hi) & (SEEN - 1);
  while (seenStamp[s] === stamp) {
    if (seenLo[s] === lo && seenHi[s] === hi) return;
    s = (s + 1) & (SEEN - 1);
  }
  seenStamp[s] = stamp;
  seenLo[s] = lo;
  seenHi[s] = hi;
  result.ngrams++;
  const g = lookup(lo, hi);
  if (g < 0) return;
  for (let p = postingStart[g]!, end = postingStart[g + 1]!; p < end; p += 2) scores[postings[p]!]! += postings[p + 1]! + BASE_SCORE;
}

/** eld's raw scores for a text (read it whole; callers cut it). Reuses one result object. */
export function scoreNgrams(text: string): NgramScores {
  const scores = result.scores;
  scores.fill(0);
  result.ngrams = 0;
  if (++stamp === 0xffffffff) {
    seenStamp.fill(0);
    stamp = 1;
  }
  const words = textBytes(text.toLowerCase());
  let start = 0;
  for (let w = 0; w < words; w++) {
    const end = wordEnds[w]!;
    let len = end - start;
    if (len > 70) len = 70;
    let j = 0;
    for (; j + 4 < len; j += 3) addNgram(j === 0, start + j, start + j + 4, false, scores);
    const from = len !== 3 ? len - 4 : 0;
    addNgram(j === 0, start + (from > 0 ? from : 0), start + len, true, scores);
    start = end;
  }
  return result;
}

/** eld's 0..1 score of a raw score: the mean per n-gram, scaled. */
export const scaled = (raw: number, ngrams: number): number => {
  const s = raw / ngrams;
  return s / (s + 25);
};

/** eld's reliability test (as eld 2.1.0 computes it: the top score against its average). */
export const eldReliable = (lang: number, raw: number, ngrams: number): boolean => ngrams >= 3 && scaled(raw, ngrams) >= (NGRAM_AVG_SCORE[lang] as number) * 0.75;
