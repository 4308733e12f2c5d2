/**
 * Topic matching against a taxonomy: keywords on their stems, phrases as runs of stems.
 * Topics also read words through a synonym table ("locate", "find", "where" are one
 * concept) and let a phrase of content words skip up to three words and, for two words, come
 * in either order ("card … arrived", "has my card arrived"). A taxonomy is compiled once per
 * language (and cached per taxonomy object), so a match costs one table lookup per word.
 * The matched words, as written, are the explanation.
 */
import { DEFAULT_TAXONOMY, type Taxonomy, type TopicTerms } from './taxonomy';
import { FIXED_WORDS, NEGATION_CONCEPT, SYNONYMS } from './taxonomies/synonyms';
import { CODES, HashedTable, hashString, scanWords, wordAt } from './scan';
import { hasDigit, stemAll, stemmerFor, tokenize, type Stemmer } from './tokenize';

export interface TopicMatch {
  name: string;
  /** The words and phrases of the text that matched, lower-cased, as written ("card … arrived" when words were skipped). */
  matched: string[];
}

interface PhraseRule {
  stems: string[];
  topic: number;
  /** How many words may stand between two of its words. */
  gap: number;
}

/**
 * How loosely terms match. Topics use LOOSE; urgency cues keep EXACT (a cue such as
 * "is down" must not match "is it down the page").
 */
export interface MatchOptions {
  /** Read words through the synonym table of taxonomies/synonyms.ts. */
  synonyms: boolean;
  /** Let phrases of content words skip words and (two-word ones) swap their order. */
  gaps: boolean;
}
export const EXACT: MatchOptions = { synonyms: false, gaps: false };
export const LOOSE: MatchOptions = { synonyms: true, gaps: true };
const MAX_GAP = 3;

export interface TermMatcher {
  readonly names: readonly string[];
  /** concept stem -> topic indexes */
  readonly keywords: Map<string, number[]>;
  /** first concept stem -> phrases starting with it, longest first */
  readonly phrases: Map<string, PhraseRule[]>;
  /** The stemmer the terms were stemmed with. */
  readonly stemmer: Stemmer;
  /** stem -> the concept it stands for (synonyms); empty for EXACT. */
  readonly concepts: Map<string, string>;
  /** word -> its concept stem, keyword topics and phrases: one lookup per token (filled lazily). */
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
  /** The word's stem, or the concept it is a synonym of. */
  stem: string;
  topics: number[] | undefined;
  phrases: PhraseRule[] | undefined;
}

const WORD_CACHE_LIMIT = 100_000;

function hitOf(matcher: TermMatcher, stem: string): WordHit {
  const concept = matcher.concepts.get(stem) ?? stem;
  return { stem: concept, topics: matcher.keywords.get(concept), phrases: matcher.phrases.get(concept) };
}

/** The matcher's entry for a word, computed once (stem + lookups) and then cached. */
export function wordHit(matcher: TermMatcher, word: string): WordHit {
  let hit = matcher.words.get(word);
  if (hit === undefined) {
    const stem = matcher.stemmer.stem(word);
    hit = hitOf(matcher, stem);
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

/** stem -> concept stem for text in `language`: the English table (support text mixes it in) plus the language's own. */
function conceptsFor(language: string | null, stemmer: Stemmer): Map<string, string> {
  const concepts = new Map<string, string>();
  for (const lang of new Set(['en', language ?? 'en'])) {
    for (const [concept, words] of Object.entries(SYNONYMS[lang] ?? {})) {
      const target = stemmer.stem(concept);
      for (const w of words) for (const st of stemAll(tokenize(w), stemmer)) if (st !== target) concepts.set(st, target);
    }
  }
  return concepts;
}

/**
 * A phrase of content words may skip up to MAX_GAP words and, with two words, swap them ("transfer fee",
 * "fee for my transfer"); one with a function word ("log in", "mot de passe") or a negation
 * before its verb ("not arrived") keeps its order, and function-word phrases stay exact.
 */
function phraseRules(stems: string[], words: string[], topic: number, options: MatchOptions): PhraseRule[] {
  const fixed = !options.gaps || words.some((w) => FIXED_WORDS.has(w));
  if (fixed) return [{ stems, topic, gap: 0 }];
  const rules: PhraseRule[] = [{ stems, topic, gap: MAX_GAP }];
  if (stems.length === 2 && !stems.includes(NEGATION_CONCEPT) && stems[0] !== stems[1]) rules.push({ stems: [stems[1] as string, stems[0] as string], topic, gap: MAX_GAP });
  return rules;
}

/** Compiles entries for text in `language`: base terms plus that language's additions. */
export function compileMatcher(entries: readonly MatcherEntry[], language: string | null, options: MatchOptions = EXACT): TermMatcher {
  const stemmer = stemmerFor(language);
  const concepts = options.synonyms ? conceptsFor(language, stemmer) : new Map<string, string>();
  const conceptOf = (stem: string): string => concepts.get(stem) ?? stem;
  const keywords = new Map<string, number[]>();
  const phrases = new Map<string, PhraseRule[]>();
  const addPhrase = (words: string[], topic: number): void => {
    const stems = stemAll(words, stemmer).map(conceptOf);
    if (stems.length === 0) return;
    if (stems.length === 1) {
      push(keywords, stems[0] as string, topic);
      return;
    }
    for (const rule of phraseRules(stems, words, topic, options)) {
      const first = rule.stems[0] as string;
      const list = phrases.get(first) ?? [];
      list.push(rule);
      list.sort((a, b) => b.stems.length - a.stems.length);
      phrases.set(first, list);
    }
  };
  const add = (terms: TopicTerms | undefined, topic: number): void => {
    if (!terms) return;
    // A keyword the tokenizer splits ("top-up", "e-mail") is matched as the phrase it is.
    for (const k of terms.keywords) {
      const words = tokenize(k);
      if (words.length > 1 && options.gaps) addPhrase(words, topic);
      else for (const w of stemAll(words, stemmer)) push(keywords, conceptOf(w), topic);
    }
    for (const p of terms.phrases) addPhrase(tokenize(p), topic);
  };
  entries.forEach((e, i) => {
    add(e, i);
    if (language) add(e.languages?.[language], i);
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
  return { names: entries.map((e) => e.name), keywords, phrases, stemmer, concepts, words: new Map(), hashed: new HashedTable(1024), digitTerms, digitHit };
}

const compiled = new WeakMap<readonly MatcherEntry[], Map<MatchOptions, Map<string, TermMatcher>>>();
/** The last matcher handed out: most calls in a row ask for the same one (no lookups, no key string). */
let lastEntries: readonly MatcherEntry[] | null = null;
let lastLanguage: string | null = null;
let lastOptions: MatchOptions | null = null;
let lastMatcher: TermMatcher | null = null;

/** compileMatcher, cached per entries object, options object and language. */
export function matcherFor(entries: readonly MatcherEntry[], language: string | null, options: MatchOptions = EXACT): TermMatcher {
  if (lastMatcher && lastEntries === entries && lastLanguage === language && lastOptions === options) return lastMatcher;
  let perOptions = compiled.get(entries);
  if (!perOptions) compiled.set(entries, (perOptions = new Map()));
  let perLang = perOptions.get(options);
  if (!perLang) perOptions.set(options, (perLang = new Map()));
  const key = language ?? '';
  let m = perLang.get(key);
  if (!m) perLang.set(key, (m = compileMatcher(entries, language, options)));
  lastEntries = entries;
  lastLanguage = language;
  lastOptions = options;
  lastMatcher = m;
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
    const concept = matcher.concepts.get(stem) ?? stem;
    const e = (entries[i] ??= { stem, topics: undefined, phrases: undefined });
    e.stem = concept;
    e.topics = matcher.keywords.get(concept);
    e.phrases = matcher.phrases.get(concept);
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

/** Positions of a phrase's words, reused between calls. */
const AT: number[] = [];

/** Where `rule` matches from entries[i] (its words' positions in AT), or -1: the position after its last word. */
function phraseEnd(entries: readonly WordHit[], n: number, i: number, rule: PhraseRule): number {
  const len = rule.stems.length;
  let pos = i;
  AT[0] = i;
  for (let j = 1; j < len; j++) {
    const want = rule.stems[j] as string;
    const last = Math.min(n - 1, pos + 1 + rule.gap);
    let found = -1;
    for (let k = pos + 1; k <= last; k++) {
      if ((entries[k] as WordHit).stem === want) {
        found = k;
        break;
      }
    }
    if (found < 0) return -1;
    AT[j] = pos = found;
  }
  return pos + 1;
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
        const end = phraseEnd(entries, n, i, rule);
        if (end < 0) continue;
        let phrase = word(i);
        for (let j = 1; j < rule.stems.length; j++) phrase += `${(AT[j] as number) === (AT[j - 1] as number) + 1 ? ' ' : ' … '}${word(AT[j] as number)}`;
        push(hits, rule.topic, phrase);
        coveredUntil ??= new Map();
        coveredUntil.set(rule.topic, Math.max(coveredUntil.get(rule.topic) ?? 0, end));
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
  const made = hitOf(matcher, matcher.stemmer.stem(word));
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
 * stems made by the stemmer of `language`. `options` is for comparisons (the eval's baseline).
 */
export function matchTopics(
  text: string,
  language: string | null,
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
  pre?: { words: readonly string[]; stems?: readonly string[] },
  options: MatchOptions = LOOSE,
): TopicMatch[] {
  const matcher = matcherFor(taxonomy, language, options);
  const hits = !pre ? matchScanned(matcher, text) : pre.stems ? matchTerms(matcher, pre.words, pre.stems) : matchWords(matcher, pre.words);
  const out: TopicMatch[] = [];
  if (!hits) return out;
  for (let i = 0; i < matcher.names.length; i++) {
    const m = hits.get(i);
    if (m) out.push({ name: matcher.names[i] as string, matched: m });
  }
  return out;
}
