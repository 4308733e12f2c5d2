/**
 * Topic matching against a taxonomy: keywords on their stems, phrases as runs of stems.
 * A taxonomy is compiled once per language (and cached per taxonomy object), so a match
 * costs one Map lookup per word. The matched words, as written, are the explanation.
 */
import { DEFAULT_TAXONOMY, type Taxonomy, type TopicTerms } from './taxonomy';
import { CODES, HashedTable, hashString, scanWords, wordAt } from './scan';
import { hasDigit, stemAll, stemmerFor, tokenize, type Stemmer } from './tokenize';

export interface TopicMatch {
  name: string;
  /** The words and phrases of the text that matched, lower-cased, as written. */
  matched: string[];
}

interface PhraseRule {
  stems: string[];
  topic: number;
}

export interface TermMatcher {
  readonly names: readonly string[];
  /** stem -> topic indexes */
  readonly keywords: Map<string, number[]>;
  /** first stem -> phrases starting with it, longest first */
  readonly phrases: Map<string, PhraseRule[]>;
  /** The stemmer the terms were stemmed with. */
  readonly stemmer: Stemmer;
  /** word -> its stem, keyword topics and phrases: one lookup per token (filled lazily). */
  readonly words: Map<string, WordHit>;
  /** The same, looked up from the shared scan (scan.ts) without a string per word. */
  readonly hashed: HashedTable<WordHit>;
  /** Terms (keyword or phrase stems) with a digit ("2fa"). */
  readonly digitTerms: HashedTable<true>;
  /** The entry of every other word with a digit (such words are not cached). */
  readonly digitHit: WordHit;
}

/** Everything the matcher knows about one written word. */
export interface WordHit {
  stem: string;
  topics: number[] | undefined;
  phrases: PhraseRule[] | undefined;
}

const WORD_CACHE_LIMIT = 100_000;

/** The matcher's entry for a word, computed once (stem + two lookups) and then cached. */
export function wordHit(matcher: TermMatcher, word: string): WordHit {
  let hit = matcher.words.get(word);
  if (hit === undefined) {
    const stem = matcher.stemmer.stem(word);
    hit = { stem, topics: matcher.keywords.get(stem), phrases: matcher.phrases.get(stem) };
    // Words with digits (order numbers, codes) are one-offs: not cached.
    if (stem !== word || !hasDigit(word)) {
      if (matcher.words.size >= WORD_CACHE_LIMIT) matcher.words.clear();
      matcher.words.set(word, hit);
    }
  }
  return hit;
}

/** Entries for compileMatcher: a name and its terms, with optional per-language additions. */
export interface MatcherEntry extends TopicTerms {
  name: string;
  languages?: Record<string, TopicTerms>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Compiles entries for text in `language`: base terms plus that language's additions. */
export function compileMatcher(entries: readonly MatcherEntry[], language: string | null): TermMatcher {
  const stemmer = stemmerFor(language);
  const keywords = new Map<string, number[]>();
  const phrases = new Map<string, PhraseRule[]>();
  const add = (terms: TopicTerms | undefined, topic: number, s: Stemmer): void => {
    if (!terms) return;
    for (const k of terms.keywords) for (const w of stemAll(tokenize(k), s)) push(keywords, w, topic);
    for (const p of terms.phrases) {
      const stems = stemAll(tokenize(p), s);
      if (stems.length === 0) continue;
      if (stems.length === 1) push(keywords, stems[0] as string, topic);
      else {
        const list = phrases.get(stems[0] as string) ?? [];
        list.push({ stems, topic });
        list.sort((a, b) => b.stems.length - a.stems.length);
        phrases.set(stems[0] as string, list);
      }
    }
  };
  entries.forEach((e, i) => {
    add(e, i, stemmer);
    if (language) add(e.languages?.[language], i, stemmer);
  });
  const digitTerms = new HashedTable<true>();
  const addDigitTerm = (t: string): void => {
    if (hasDigit(t) && !digitTerms.has(t)) digitTerms.add(t, hashString(t), true);
  };
  for (const k of keywords.keys()) addDigitTerm(k);
  for (const list of phrases.values()) for (const rule of list) for (const st of rule.stems) addDigitTerm(st);
  // A word with a digit is kept as written by the stemmer: unless it is one of the digit
  // terms, it matches nothing and its stem equals no term's, so one shared entry stands for it.
  const digitHit: WordHit = { stem: '\u0000', topics: undefined, phrases: undefined };
  return { names: entries.map((e) => e.name), keywords, phrases, stemmer, words: new Map(), hashed: new HashedTable(1024), digitTerms, digitHit };
}

const compiled = new WeakMap<readonly MatcherEntry[], Map<string, TermMatcher>>();

/** compileMatcher, cached per entries object and language. */
export function matcherFor(entries: readonly MatcherEntry[], language: string | null): TermMatcher {
  let perLang = compiled.get(entries);
  if (!perLang) compiled.set(entries, (perLang = new Map()));
  const key = language ?? '';
  let m = perLang.get(key);
  if (!m) perLang.set(key, (m = compileMatcher(entries, language)));
  return m;
}

/**
 * Matches words (tokenised) and their stems against a matcher. Returns, per entry index that
 * matched, the matched surface words, in the order entries are listed.
 */
export function matchTerms(matcher: TermMatcher, words: readonly string[], stems: readonly string[]): Map<number, string[]> {
  const n = stems.length;
  const entries = TERM_ENTRIES;
  for (let i = 0; i < n; i++) {
    const stem = stems[i] as string;
    const e = (entries[i] ??= { stem, topics: undefined, phrases: undefined });
    e.stem = stem;
    e.topics = matcher.keywords.get(stem);
    e.phrases = matcher.phrases.get(stem);
  }
  return collectHits(entries, n, (i) => words[i] as string);
}
/** matchTerms' entries, reused between calls (its own: ENTRIES may hold the matcher's cached hits). */
const TERM_ENTRIES: WordHit[] = [];

/**
 * matchTerms on words only: each word is looked up once in the matcher's word table (stem,
 * keyword topics and phrases together) instead of stemming and two lookups per word.
 */
const ENTRIES: WordHit[] = [];

export function matchWords(matcher: TermMatcher, words: readonly string[]): Map<number, string[]> {
  const n = words.length;
  // Reused between calls (synchronous, not re-entrant): no array per text.
  for (let i = 0; i < n; i++) ENTRIES[i] = wordHit(matcher, words[i] as string);
  return collectHits(ENTRIES, n, (i) => words[i] as string);
}

/**
 * The topic hits of entries[0, n), per entry index that matched, in text order: each phrase
 * that matches, then each keyword not inside a phrase of the same topic (its own words are
 * not listed again). `word(i)` gives the i-th word as written (for the cue text).
 */
function collectHits(entries: readonly WordHit[], n: number, word: (i: number) => string): Map<number, string[]> {
  const hits = new Map<number, string[]>();
  let coveredUntil: Map<number, number> | null = null;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as WordHit;
    if (e.phrases) {
      for (const rule of e.phrases) {
        const len = rule.stems.length;
        if (i + len > n) continue;
        let ok = true;
        for (let j = 1; j < len; j++) {
          if ((entries[i + j] as WordHit).stem !== rule.stems[j]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          let phrase = word(i);
          for (let j = 1; j < len; j++) phrase += ` ${word(i + j)}`;
          push(hits, rule.topic, phrase);
          coveredUntil ??= new Map();
          coveredUntil.set(rule.topic, Math.max(coveredUntil.get(rule.topic) ?? 0, i + len));
        }
      }
    }
    if (e.topics) for (const t of e.topics) if (!coveredUntil || (coveredUntil.get(t) ?? 0) <= i) push(hits, t, word(i));
  }
  return hits;
}

/** wordHit for the scanned word CODES[start, end) with hash h. */
function scannedHit(matcher: TermMatcher, start: number, end: number, h: number): WordHit {
  const hit = matcher.hashed.get(start, end, h);
  if (hit !== undefined) return hit;
  const codes = CODES;
  for (let k = start; k < end; k++) {
    const c = codes[k] as number;
    if (c >= 48 && c <= 57) {
      if (matcher.digitTerms.get(start, end, h) === undefined) return matcher.digitHit;
      break;
    }
  }
  const word = wordAt(start, end);
  const stem = matcher.stemmer.stem(word);
  const made: WordHit = { stem, topics: matcher.keywords.get(stem), phrases: matcher.phrases.get(stem) };
  // Words with digits (order numbers, codes) are one-offs: not cached.
  if (!hasDigit(word)) {
    if (matcher.hashed.size >= WORD_CACHE_LIMIT) matcher.hashed.clear();
    matcher.hashed.add(word, h, made);
  }
  return made;
}

/** matchWords over the shared scan of `text` (scan.ts). */
function matchScanned(matcher: TermMatcher, text: string): Map<number, string[]> | null {
  const w = scanWords(text);
  const n = w.count;
  const entries = ENTRIES;
  let any = false;
  for (let i = 0; i < n; i++) {
    const e = scannedHit(matcher, w.start[i] as number, w.end[i] as number, w.hash[i] as number);
    entries[i] = e;
    if (e.topics || e.phrases) any = true;
  }
  if (!any) return null;
  return collectHits(entries, n, (i) => wordAt(w.start[i] as number, w.end[i] as number));
}

/**
 * Topics of a text. `words`/`stems` may be passed when already computed (analyze does), with
 * stems made by the stemmer of `language`.
 */
export function matchTopics(
  text: string,
  language: string | null,
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
  pre?: { words: readonly string[]; stems?: readonly string[] },
): TopicMatch[] {
  const matcher = matcherFor(taxonomy, language);
  const hits = !pre ? matchScanned(matcher, text) : pre.stems ? matchTerms(matcher, pre.words, pre.stems) : matchWords(matcher, pre.words);
  const out: TopicMatch[] = [];
  if (!hits) return out;
  for (let i = 0; i < matcher.names.length; i++) {
    const m = hits.get(i);
    if (m) out.push({ name: matcher.names[i] as string, matched: m });
  }
  return out;
}
