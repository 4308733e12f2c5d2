/**
 * Tokens and word stems shared by language detection, topics, urgency and emerging terms.
 * A text is tokenised once (one toLowerCase, one pass over char codes, no regex), and each
 * word is stemmed at most once per language: stems are cached in a Map per language.
 */
import snowball from 'snowball-stemmers';
import { isWordChar } from './scan';

export interface Tokens {
  /** Lower-cased words in text order (letters and digits; apostrophes split words). */
  words: string[];
}

/** Analysis reads at most this much of a message (the customer's own words come first). */
export const MESSAGE_MAX_CHARS = 2_000;

/**
 * The customer's own message: the text before the first quoted earlier message (a line
 * starting with ">" or an "On …, X wrote:" line, or "-----Original Message-----"), cut at
 * MESSAGE_MAX_CHARS. The quoted thread repeats what was analysed before (or the agent's
 * replies), so it only costs time and blurs the sentiment. Uses native indexOf only.
 */
export function customerMessage(text: string): string {
  let end = text.length > MESSAGE_MAX_CHARS ? MESSAGE_MAX_CHARS : text.length;
  const quote = text.indexOf('\n>');
  if (quote > 0 && quote < end) end = quote;
  const wrote = text.indexOf(' wrote:');
  if (wrote > 0 && wrote < end) {
    const lineStart = text.lastIndexOf('\n', wrote) + 1;
    if (lineStart > 0 && text.startsWith('On ', lineStart)) end = lineStart;
  }
  const original = text.indexOf('-----Original Message-----');
  if (original > 0 && original < end) end = original;
  // Nothing but a quote: keep the text as it is.
  return end === text.length || end < 1 ? text : text.slice(0, end);
}

/** Lower-cased words of a text. Only the first `maxChars` characters are read. */
export function tokenize(text: string, maxChars = 20_000): string[] {
  const lower = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase();
  const words: string[] = [];
  let start = -1;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    if (isWordChar(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

const ALGORITHMS: Record<string, string> = {
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  pt: 'portuguese',
  it: 'italian',
  nl: 'dutch',
  sv: 'swedish',
  da: 'danish',
  no: 'norwegian',
  fi: 'finnish',
  ro: 'romanian',
  hu: 'hungarian',
  tr: 'turkish',
  ru: 'russian',
  ca: 'catalan',
};

/** Languages with a Snowball stemmer; text in any other language is matched on exact words. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(ALGORITHMS);

const CACHE_LIMIT = 200_000;

export interface Stemmer {
  readonly language: string;
  stem(word: string): string;
}

class CachedStemmer implements Stemmer {
  private readonly cache = new Map<string, string>();
  constructor(
    readonly language: string,
    private readonly impl: { stem(word: string): string } | null,
  ) {}

  stem(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    // Digits (order numbers, codes) and very short words are kept as they are, and not
    // cached: they would fill the cache with one-off keys.
    if (!this.impl || word.length <= 2 || hasDigit(word)) return word;
    const out = this.impl.stem(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, out);
    return out;
  }
}

/** True when the word contains an ASCII digit. */
export function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const stemmers = new Map<string, Stemmer>();

/** The cached stemmer of a language (ISO 639-1); English when the language is unknown. */
export function stemmerFor(language: string | null | undefined): Stemmer {
  const key = language && ALGORITHMS[language] ? language : language ? language : 'en';
  let s = stemmers.get(key);
  if (!s) {
    const algorithm = ALGORITHMS[key];
    s = new CachedStemmer(key, algorithm ? snowball.newStemmer(algorithm) : null);
    stemmers.set(key, s);
  }
  return s;
}

/** Stems of a word list, in order. */
export function stemAll(words: readonly string[], stemmer: Stemmer): string[] {
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = stemmer.stem(words[i] as string);
  return out;
}
