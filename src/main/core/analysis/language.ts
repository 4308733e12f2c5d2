/**
 * Language detection: ISO 639-1 code, or null when unsure, with the reason shown to a
 * person (contract.ts languageReasons).
 *
 * 1. A stop-word vote over the words the analysis has already scanned decides when it is
 *    clear (2 distinctive function words of one language and none of another, or at least
 *    3 with a 3:1 lead). Only words in exactly one language's list count. Reason
 *    'function-words'.
 * 2. 3 or more kana in the first 160 characters: Japanese ('script').
 * 3. eld's n-gram scoring (its extrasmall table, re-encoded as ~1 MB of typed arrays in
 *    language/ngrams.ts; eld itself is a devDependency for the baseline) on the first 160
 *    characters. Its answer is kept ('character-ngrams') only when the evidence is strong:
 *    at least NGRAM_MIN_WORDS words, eld's reliability test, a clear lead over the
 *    runner-up, and no function word of another language against it.
 * 4. Weak evidence (few words, a close race): a sole function-word language that the n-grams
 *    do not contradict ('function-words': "Danke!", "I forgot my password"); else the
 *    customer's earlier language, else the store's usual one, when the n-grams do not
 *    contradict it ('customer-history', 'store-usual'); else null ('too-short' or 'unsure').
 * A confident wrong guess costs more than "unknown": a short English query read as Polish
 * gets the wrong stemmer, sentiment lexicon and topics. docs/analysis.md has the figures.
 */
import type { LanguageReason } from '../../../shared/contract';
import { eldReliable, LANGUAGE_COUNT, LANGUAGES, scoreNgrams } from './language/ngrams';
import { HashedTable, hashString, scanWords, type ScannedWords } from './scan';

export interface LanguageGuess {
  language: string | null;
  /** 0..1; 0 when language is null. */
  confidence: number;
  /** Which path decided: the stop-word vote, the script, the n-grams, the context, or nothing. */
  method: 'stopwords' | 'script' | 'ngrams' | 'context' | 'none';
  /** What a person is shown beside the language (contract.ts languageReasonLabels). */
  reason: LanguageReason;
}

/**
 * What is known beside the text: the customer's earlier language (their most recent
 * confident one) and the store's usual language. Either is used only when the text itself
 * is too weak to tell, and only when its n-grams do not contradict it.
 */
export interface LanguageContext {
  /** A code, or a function asked only when the text is weak (a store lookup per item would cost the import). */
  customer?: string | null | (() => string | null);
  store?: string | null | (() => string | null);
}

const known = (v: string | null | undefined | (() => string | null)): string | null => (typeof v === 'function' ? v() : (v ?? null));

/** The n-grams read this much of a text. */
export const NGRAM_MAX_CHARS = 160;
const NGRAM_CONFIDENCE = 0.8;
const MIN_WORDS = 3;
const MIN_LETTERS = 10;
const MIN_VOTES = 3;
const MIN_VOTES_ALONE = 2;
/** The n-grams alone decide from this many words on with a lead of NGRAM_MIN_LEAD (share of the best raw score over the runner-up's)... */
const NGRAM_MIN_WORDS = 4;
const NGRAM_MIN_LEAD = 0.05;
/** ...and on 2-3 words only with a lead of NGRAM_SHORT_LEAD ("Olvidé mi contraseña", not "I forgot my password"). */
const NGRAM_SHORT_LEAD = 0.3;
/** Under this many n-grams the letters say nothing against a function word ("Danke!"). */
const NGRAM_MIN_EVIDENCE = 3;
/** A language "not contradicted" by the n-grams scores at least this share of the best. */
const NOT_CONTRADICTED = 0.85;
const CUSTOMER_CONFIDENCE = 0.5;
const STORE_CONFIDENCE = 0.4;

/**
 * Function words per language. Words that appear in more than one list (e.g. "de", "la",
 * "que", "non") are dropped when the table is built, so only distinctive ones vote; some
 * lists name such words on purpose to make that explicit.
 */
const STOPWORDS: Record<string, string> = {
  en: 'the and is are was were my you your this that it of to for with have has been be can will what where when there they our please thanks would could should from but just still after since every again an any me no do as not how why who which does did about their them if or at by us had',
  de: 'und ich nicht ist das der die mein meine mir mich sie wir ein eine einen es auf mit für von wenn kann bitte noch immer seit schon auch wurde habe hat sehr danke aber oder dem den zum zur bei nach jetzt keine kein er wie warum haben sind war hatte sich zu im beim vom dass diese dieser dieses unser unsere uns ihr ihre nur wird werden können gibt leider über weil ob',
  fr: 'le les des est et je vous mon ma mes pas une du au aux avec pour dans sur ce cette qui que mais très été toujours depuis merci votre nous ne il elle suis avez ai fait encore en de la se non te sont avons leur leurs sa ses cela ça chaque lors puis aussi peut pouvez notre vos comment pourquoi quand bonjour donc où',
  es: 'el los las del por para con una es está mi pero muy cuando desde gracias sigo todavía hace ya hay tengo puedo yo sus también estoy esta este lo al le y que como se su nos ha mas favor no me te la de en han hemos tenemos uno unos hola después ahora nuestro nuestra puede podría podrían qué cómo cuánto dónde mis usted ustedes otro otra esto eso aquí',
  pt: 'não o os as um uma do da dos das em no na com meu minha é foi ainda obrigado obrigada já você vocês mas muito está isso estou seria quando pelo pela ao à também por para desde como que se nos de este esta são tem têm temos nosso nossa seu sua ele ela eles agora depois mesmo olá',
  it: 'il lo gli di che è non sono per mi del della dei nel nella con ma anche ancora grazie molto mio mia ho ha abbiamo questo questa quando volta dopo già perché una la le se da o siamo hanno nostro nostra cosa tutto tutti sempre ogni ciao buongiorno salve può potete vorrei nei negli alla alle sul sulla dal dalla degli però quindi',
  nl: 'de het een en ik niet is van mijn voor met op te dat die wordt werd nog steeds al maar heb heeft zijn ook bij naar er wij we jullie graag bedankt kan nu geen hebben ons onze hoe wat waarom wanneer deze om worden kunnen moet uit alleen sinds wel',
};

const VOTE_LANGS = Object.keys(STOPWORDS);
/** word -> index into VOTE_LANGS, only for words in exactly one list. */
const VOTES: Map<string, number> = (() => {
  const seen = new Map<string, Set<number>>();
  VOTE_LANGS.forEach((lang, i) => {
    for (const w of (STOPWORDS[lang] as string).split(' ')) {
      if (!w) continue;
      let s = seen.get(w);
      if (!s) seen.set(w, (s = new Set()));
      s.add(i);
    }
  });
  const out = new Map<string, number>();
  for (const [w, s] of seen) if (s.size === 1) out.set(w, [...s][0] as number);
  return out;
})();

/** VOTES looked up from the shared scan (offsets + hash, no string per word). */
const VOTE_TABLE: HashedTable<number> = (() => {
  const t = new HashedTable<number>(VOTES.size);
  for (const [w, v] of VOTES) t.add(w, hashString(w), v);
  return t;
})();

/** The vote reads at most this many words: enough to be clear, bounded on long texts. */
const VOTE_MAX_WORDS = 60;
const COUNTS = new Int32Array(VOTE_LANGS.length);
/** VOTE_LANGS index -> LANGUAGES index. */
const VOTE_TO_NGRAM = Int32Array.from(VOTE_LANGS, (l) => LANGUAGES.indexOf(l));
const NGRAM_INDEX = new Map(LANGUAGES.map((l, i) => [l, i]));

const guess = (language: string | null, confidence: number, method: LanguageGuess['method'], reason: LanguageReason): LanguageGuess => ({
  language,
  confidence: language === null ? 0 : Math.round(confidence * 100) / 100,
  method,
  reason,
});

function countWords(words: readonly string[]): Int32Array {
  COUNTS.fill(0);
  const n = words.length < VOTE_MAX_WORDS ? words.length : VOTE_MAX_WORDS;
  for (let i = 0; i < n; i++) {
    const v = VOTES.get(words[i] as string);
    if (v !== undefined) COUNTS[v]! += 1;
  }
  return COUNTS;
}

function countScanned(w: ScannedWords): Int32Array {
  COUNTS.fill(0);
  const n = w.count < VOTE_MAX_WORDS ? w.count : VOTE_MAX_WORDS;
  for (let i = 0; i < n; i++) {
    const v = VOTE_TABLE.get(w.start[i] as number, w.end[i] as number, w.hash[i] as number);
    if (v !== undefined) COUNTS[v]! += 1;
  }
  return COUNTS;
}

/** The stop-word vote alone: a language when it is clear, else null. */
export function voteLanguage(words: readonly string[]): LanguageGuess | null {
  return decide(countWords(words));
}

function decide(counts: Int32Array): LanguageGuess | null {
  let best = -1;
  let top = 0;
  let second = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (c > top) {
      second = top;
      top = c;
      best = i;
    } else if (c > second) second = c;
  }
  // Clear: MIN_VOTES_ALONE or more with no rival, or MIN_VOTES and a 3:1 lead.
  if (best < 0 || top < (second === 0 ? MIN_VOTES_ALONE : MIN_VOTES) || second * 3 > top) return null;
  return guess(VOTE_LANGS[best] as string, Math.min(0.99, 1 - (second + 1) / (top + 2)), 'stopwords', 'function-words');
}

/** The one language with function words in the text, or -1 (none, or several). */
function soleVote(counts: Int32Array): number {
  let only = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! === 0) continue;
    if (only >= 0) return -1;
    only = i;
  }
  return only;
}

function letterCount(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += w.length;
  return n;
}

/**
 * Kana (hiragana U+3040-309F, katakana U+30A0-30FF) only occurs in Japanese: a text with at
 * least 3 kana among its first NGRAM_MAX_CHARS characters is Japanese without the n-grams.
 */
export function scriptLanguage(text: string): LanguageGuess | null {
  const n = text.length < NGRAM_MAX_CHARS ? text.length : NGRAM_MAX_CHARS;
  let kana = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff && ++kana >= 3) return guess('ja', NGRAM_CONFIDENCE, 'script', 'script');
  }
  return null;
}

/** The n-gram race of one text: best and runner-up (LANGUAGES indexes) and their raw scores. */
interface Race {
  scores: Float64Array;
  ngrams: number;
  best: number;
  top: number;
  second: number;
}

function race(text: string): Race {
  const r = scoreNgrams(text.length > NGRAM_MAX_CHARS ? text.slice(0, NGRAM_MAX_CHARS) : text);
  let best = -1;
  let top = 0;
  let second = 0;
  for (let i = 0; i < LANGUAGE_COUNT; i++) {
    const v = r.scores[i]!;
    if (v > top) {
      second = top;
      top = v;
      best = i;
    } else if (v > second) second = v;
  }
  return { scores: r.scores, ngrams: r.ngrams, best, top, second };
}

/**
 * The n-grams alone, as eld answers with isReliable() (the baseline): a language when eld
 * would call it reliable, else null.
 */
export function ngramLanguage(text: string): LanguageGuess {
  const r = race(text);
  if (r.best < 0 || !eldReliable(r.best, r.top, r.ngrams)) return guess(null, 0, 'none', 'unsure');
  return guess(LANGUAGES[r.best] as string, NGRAM_CONFIDENCE, 'ngrams', 'character-ngrams');
}

/** A language the text does not speak against: the n-grams give it at least NOT_CONTRADICTED of the best. */
function notContradicted(r: Race, language: string | null | undefined): boolean {
  if (!language) return false;
  const i = NGRAM_INDEX.get(language);
  // A language the table does not know (or a text without n-grams) cannot be checked: trust the context.
  if (i === undefined || r.top === 0) return true;
  return r.scores[i]! >= r.top * NOT_CONTRADICTED;
}

function weigh(text: string, words: number, short: boolean, counts: Int32Array, context: LanguageContext | undefined): LanguageGuess {
  if (!short) {
    const vote = decide(counts);
    if (vote) return vote;
    const script = scriptLanguage(text);
    if (script) return script;
  }
  const r = race(text);
  const sole = soleVote(counts);
  const soleLanguage = sole >= 0 ? (VOTE_LANGS[sole] as string) : null;
  // A function word of another language blocks the n-grams unless the letters clearly speak against it.
  const unopposed = sole < 0 || VOTE_TO_NGRAM[sole] === r.best || !notContradicted(r, soleLanguage);
  const lead = words >= NGRAM_MIN_WORDS ? NGRAM_MIN_LEAD : NGRAM_SHORT_LEAD;
  if (!short && r.best >= 0 && words >= 2 && eldReliable(r.best, r.top, r.ngrams) && r.top - r.second >= r.top * lead && unopposed) {
    return guess(LANGUAGES[r.best] as string, NGRAM_CONFIDENCE, 'ngrams', 'character-ngrams');
  }
  // Weak evidence. A function word of one language that the letters do not speak against.
  if (soleLanguage !== null && (r.ngrams < NGRAM_MIN_EVIDENCE || notContradicted(r, soleLanguage))) return guess(VOTE_LANGS[sole] as string, 0.6, 'stopwords', 'function-words');
  const customer = known(context?.customer);
  if (customer && notContradicted(r, customer)) return guess(customer, CUSTOMER_CONFIDENCE, 'context', 'customer-history');
  const store = known(context?.store);
  if (store && notContradicted(r, store)) return guess(store, STORE_CONFIDENCE, 'context', 'store-usual');
  return guess(null, 0, 'none', short ? 'too-short' : 'unsure');
}

/**
 * The language of a text. Without `words` it reads the shared scan (scan.ts), which
 * analyze() reuses for sentiment and topics; `words` (from tokenize) give the same answer.
 */
export function detectLanguage(text: string, words?: readonly string[], context?: LanguageContext): LanguageGuess {
  if (!words) {
    const w = scanWords(text);
    if (w.letters === 0) return guess(null, 0, 'none', 'too-short');
    // Scripts without spaces (Japanese, Chinese) give few long words: letters decide there.
    const short = w.letters < MIN_LETTERS || (w.count < MIN_WORDS && w.letters < 16);
    return weigh(text, w.count, short, countScanned(w), context);
  }
  const letters = letterCount(words);
  if (letters === 0) return guess(null, 0, 'none', 'too-short');
  const short = letters < MIN_LETTERS || (words.length < MIN_WORDS && letters < 16);
  return weigh(text, words.length, short, countWords(words), context);
}
