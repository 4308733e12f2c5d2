/**
 * Topic discovery, step one: each text as a sparse TF-IDF vector over word stems and
 * two-word phrases (adjacent content words). Support queries are short, so the phrase
 * ("top up", "card arrived") often carries the intent more than either word. Stored as
 * CSR arrays (offsets, term ids, weights) so 100k texts stay a few tens of MB.
 */
import { QUERY_STOPWORDS } from '../../replies/stopwords';
import { customerMessage, hasDigit, stemmerFor, tokenize } from '../tokenize';

/** Function words that say nothing about what a query is about (beyond QUERY_STOPWORDS). */
const EXTRA_STOP = new Set(
  (
    'a an i me my mine myself we us it is am be do so if or of to in on at by as up my is an im ive id ill youre whats hows cant dont didnt doesnt isnt wont havent hasnt ' +
    'don doesn didn isn hasn haven wasn weren aren couldn wouldn shouldn ' +
    'these those this whom whose because while until let lets may might must shall ever yet able way ok okay something anything someone anyone thing things ' +
    'ich es zu im am um da so wo was wer wann wie welche welcher welches wurde ist bin hab hast ja nein nur je le la un et je ce du au il en ne se sa son ses ou où el lo la de en y o a e es mi me te su al ' +
    'il lo di che è un una mi ti si ci ho ha hai io ik je op te om er de het is en een u'
  ).split(' '),
);

/** True for a word that can say what a text is about. */
export function isContentWord(word: string): boolean {
  if (word.length < 2 || QUERY_STOPWORDS.has(word) || EXTRA_STOP.has(word)) return false;
  return !hasDigit(word);
}

/** At most this much of a text is read: the opening says what it is about. */
const MAX_CHARS = 600;
/** At most this many terms are kept per text (the heaviest). */
const MAX_TERMS_PER_DOC = 24;
/** The vocabulary is capped (most frequent terms first) so centroids stay small. */
const MAX_VOCAB = 30_000;
const WORD_CACHE_LIMIT = 200_000;

/**
 * The content words of a text and their stems, in text order, and for each the words
 * written since the content word before it (the stop words between them).
 */
export function contentWords(text: string, language: string | null): { words: string[]; stems: string[]; gaps: string[][] } {
  const stemmer = stemmerFor(language ?? 'en');
  const words: string[] = [];
  const stems: string[] = [];
  const gaps: string[][] = [];
  let gap: string[] = [];
  for (const w of tokenize(customerMessage(text), MAX_CHARS)) {
    if (!isContentWord(w)) {
      gap.push(w);
      continue;
    }
    words.push(w);
    stems.push(stemmer.stem(w));
    gaps.push(gap);
    gap = [];
  }
  return { words, stems, gaps };
}

export interface FeatureOptions {
  /** Weight of a two-word phrase relative to a word. */
  phraseWeight: number;
  /** Terms in more than this share of the texts are dropped (they say nothing). */
  maxDfShare: number;
}

export interface Features {
  n: number;
  /** Row i's terms are terms[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  terms: Int32Array;
  /** L2-normalised TF-IDF weights; a row of zeros (no known term) has no entries. */
  weights: Float32Array;
  /** Stem, or "stem stem" for a phrase. */
  vocab: string[];
  isPhrase: Uint8Array;
  /** Texts each term occurs in. */
  df: Int32Array;
}

class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Ids of word pairs, open addressing on two Int32Arrays: a Map keyed by a·2²² + b would
 * hash doubles (the keys leave the small-integer range), several times slower.
 */
class PairIds {
  private first = new Int32Array(1 << 16).fill(-1);
  private second = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  private size = 0;

  private slot(a: number, b: number): number {
    const mask = this.first.length - 1;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    // The products' low bits depend only on the ids' low bits: mix the high bits down.
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    h = (h ^ (h >>> 16)) & mask;
    while (this.first[h] !== -1 && (this.first[h] !== a || this.second[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  /** The id of (a, b); when new, `next` is stored as its id and returned. */
  get(a: number, b: number, next: number): number {
    let h = this.slot(a, b);
    if (this.first[h] === a) return this.ids[h] as number;
    if ((this.size + 1) * 2 > this.first.length) {
      this.grow();
      h = this.slot(a, b);
    }
    this.first[h] = a;
    this.second[h] = b;
    this.ids[h] = next;
    this.size++;
    return next;
  }

  private grow(): void {
    const [first, second, ids] = [this.first, this.second, this.ids];
    this.first = new Int32Array(first.length * 2).fill(-1);
    this.second = new Int32Array(first.length * 2);
    this.ids = new Int32Array(first.length * 2);
    for (let h = 0; h < first.length; h++) {
      if (first[h] === -1) continue;
      const to = this.slot(first[h] as number, second[h] as number);
      this.first[to] = first[h] as number;
      this.second[to] = second[h] as number;
      this.ids[to] = ids[h] as number;
    }
  }
}

/**
 * Builds the vectors. `checkpoint` is called every few thousand texts (progress and
 * abort); it may throw to stop.
 */
export function buildFeatures(docs: readonly { text: string; language: string | null }[], options: FeatureOptions, checkpoint: (done: number) => void): Features {
  const n = docs.length;
  const wordIds = new Map<string, number>();
  const phraseIds = new PairIds();
  const names: string[] = [];
  const phraseFlag: number[] = [];
  const dfAll: number[] = [];
  const lastSeen: number[] = [];
  const raw = new IntBuffer();
  const rawOffsets = new Int32Array(n + 1);
  const termOf = (key: string): number => {
    let id = wordIds.get(key);
    if (id === undefined) {
      id = names.length;
      wordIds.set(key, id);
      names.push(key);
      phraseFlag.push(0);
      dfAll.push(0);
      lastSeen.push(-1);
    }
    return id;
  };
  // Written word → term id (−1: not a content word), per language: one lookup per word
  // instead of two stop-word sets, the stemmer's cache and the stem's id. Bounded like the
  // stemmer's own cache.
  const wordTerms = new Map<string, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0) checkpoint(i);
    const doc = docs[i] as { text: string; language: string | null };
    const language = doc.language ?? 'en';
    let known = wordTerms.get(language);
    if (!known || known.size > WORD_CACHE_LIMIT) wordTerms.set(language, (known = new Map()));
    const stemmer = stemmerFor(language);
    let prev = -1;
    for (const word of tokenize(customerMessage(doc.text), MAX_CHARS)) {
      let id = known.get(word);
      if (id === undefined) {
        // Order numbers and codes are never terms: not cached, they would fill the cache.
        if (hasDigit(word)) continue;
        id = isContentWord(word) ? termOf(stemmer.stem(word)) : -1;
        known.set(word, id);
      }
      if (id < 0) continue;
      const stem = names[id] as string;
      raw.push(id);
      if (lastSeen[id] !== i) {
        lastSeen[id] = i;
        dfAll[id] = (dfAll[id] as number) + 1;
      }
      if (prev >= 0 && prev !== id) {
        const pid = phraseIds.get(prev, id, names.length);
        if (pid === names.length) {
          names.push(`${names[prev] as string} ${stem}`);
          phraseFlag.push(1);
          dfAll.push(0);
          lastSeen.push(-1);
        }
        raw.push(pid);
        if (lastSeen[pid] !== i) {
          lastSeen[pid] = i;
          dfAll[pid] = (dfAll[pid] as number) + 1;
        }
      }
      prev = id;
    }
    rawOffsets[i + 1] = raw.length;
  }

  // Keep terms shared by at least two texts and not by nearly all; cap by frequency.
  const maxDf = Math.max(2, Math.floor(options.maxDfShare * n));
  let kept: number[] = [];
  for (let t = 0; t < names.length; t++) {
    const d = dfAll[t] as number;
    if (d >= 2 && d <= maxDf) kept.push(t);
  }
  if (kept.length > MAX_VOCAB) {
    kept.sort((a, b) => (dfAll[b] as number) - (dfAll[a] as number) || a - b);
    kept = kept.slice(0, MAX_VOCAB).sort((a, b) => a - b);
  }
  const remap = new Int32Array(names.length).fill(-1);
  const vocab: string[] = [];
  const isPhrase = new Uint8Array(kept.length);
  const df = new Int32Array(kept.length);
  const idf = new Float32Array(kept.length);
  kept.forEach((t, j) => {
    remap[t] = j;
    vocab.push(names[t] as string);
    isPhrase[j] = phraseFlag[t] as number;
    df[j] = dfAll[t] as number;
    idf[j] = Math.log(n / (dfAll[t] as number)) * (phraseFlag[t] ? options.phraseWeight : 1);
  });

  // Rows: sublinear term frequency × idf, heaviest MAX_TERMS_PER_DOC, L2-normalised.
  const offsets = new Int32Array(n + 1);
  const terms = new IntBuffer();
  let weights = new Float32Array(1024);
  const tf = new Float64Array(kept.length);
  // Scratch for one row: its terms, and their weights for finding the cut-off.
  const rowTerms = new Int32Array(kept.length + 1);
  const rowWeights = new Float64Array(kept.length + 1);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let p = rawOffsets[i] as number; p < (rawOffsets[i + 1] as number); p++) {
      const j = remap[raw.data[p] as number] as number;
      if (j < 0) continue;
      if (tf[j] === 0) rowTerms[m++] = j;
      tf[j] = (tf[j] as number) + 1;
    }
    // Weight replaces the count in place.
    let norm = 0;
    for (let q = 0; q < m; q++) {
      const j = rowTerms[q] as number;
      const w = (1 + Math.log(tf[j] as number)) * (idf[j] as number);
      tf[j] = w;
      rowWeights[q] = w;
    }
    // Too many terms: keep those above the MAX_TERMS_PER_DOC-th weight (ties: lower ids).
    let cut = -1;
    let tiesLeft = 0;
    if (m > MAX_TERMS_PER_DOC) {
      const sorted = rowWeights.subarray(0, m).sort();
      cut = sorted[m - MAX_TERMS_PER_DOC] as number;
      tiesLeft = MAX_TERMS_PER_DOC;
      for (let q = m - 1; q >= 0 && (sorted[q] as number) > cut; q--) tiesLeft--;
    }
    const row = rowTerms.subarray(0, m).sort();
    let count = 0;
    for (let q = 0; q < m; q++) {
      const j = row[q] as number;
      const w = tf[j] as number;
      if (w > cut || (w === cut && tiesLeft-- > 0)) {
        rowTerms[count++] = j;
        norm += w * w;
      } else tf[j] = 0;
    }
    norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let q = 0; q < count; q++) {
      const j = rowTerms[q] as number;
      if (norm > 0) {
        if (terms.length === weights.length) {
          const next = new Float32Array(weights.length * 2);
          next.set(weights);
          weights = next;
        }
        weights[terms.length] = (tf[j] as number) * norm;
        terms.push(j);
      }
      tf[j] = 0;
    }
    offsets[i + 1] = terms.length;
  }
  return { n, offsets, terms: terms.data.slice(0, terms.length), weights: weights.slice(0, terms.length), vocab, isPhrase, df };
}
