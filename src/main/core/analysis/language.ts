/**
 * Language detection: ISO 639-1 code, or null when unsure.
 *
 * Library choice (measured on test/fixtures/analysis/language-samples.json, 98 short support
 * texts of 27-87 chars in en, de, fr, es, pt, it, nl; Node 20, one core; details in
 * docs/analysis.md):
 *
 *   library              accuracy   short texts/s   250-char texts/s
 *   eld/small (2.1.0)    98/98      ~65,000         ~18,800
 *   eld/extrasmall       98/98      (same engine, smaller n-gram table)
 *   tinyld (1.3.4)       98/98      ~10,200          ~2,900
 *   tinyld/light         96/98      ~10,700          ~3,000
 *   franc-min (6.2.0)    85/98       ~9,700          ~3,000   (90.8% restricted to the 7)
 *
 * eld is as accurate as the best and six times faster, so it is the library, in its
 * extrasmall build: the same 98/98 here, and +50 MB of memory where small takes +100 MB
 * (the importing process has a 300 MB budget). It is still
 * too slow for the 100,000 items/s budget of sentiment + language + topics (a 250-char text
 * costs ~50 µs), so it is restricted:
 *  1. A stop-word vote over the words the analysis has already tokenised decides when it is
 *     clear (2 distinctive function words of one language and none of another, or at
 *     least 3 and at most a third as many of any other). Only words that belong to exactly one language's list count.
 *  2. Otherwise eld decides on the first 160 characters; its answer is kept only when eld
 *     calls it reliable.
 *  2a. Before eld: 3 or more kana (only Japanese uses them) in the first 160 characters: ja.
 *  3. Under 10 letters, or under 3 words and 16 letters: null.
 * On the bench generator's texts the vote settles most items; docs/analysis.md gives the
 * share and the vote's agreement with eld.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { eld as Eld } from 'eld/extrasmall';
import { HashedTable, hashString, scanWords, type ScannedWords } from './scan';

export interface LanguageGuess {
  language: string | null;
  /** 0..1; 0 when language is null. */
  confidence: number;
  /** Which path decided: the stop-word vote, eld, or nothing (too short / unsure). */
  method: 'stopwords' | 'script' | 'eld' | 'none';
}

/** eld reads this much of a text. */
export const ELD_MAX_CHARS = 160;
const ELD_CONFIDENCE = 0.8;
const MIN_WORDS = 3;
const MIN_LETTERS = 10;
const MIN_VOTES = 3;
const MIN_VOTES_ALONE = 2;

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

const NONE: LanguageGuess = { language: null, confidence: 0, method: 'none' };

/** The stop-word vote alone: a language when it is clear, else null. */
export function voteLanguage(words: readonly string[]): LanguageGuess | null {
  const counts = COUNTS;
  counts.fill(0);
  const n = words.length < VOTE_MAX_WORDS ? words.length : VOTE_MAX_WORDS;
  for (let i = 0; i < n; i++) {
    const v = VOTES.get(words[i] as string);
    if (v !== undefined) counts[v]! += 1;
  }
  return decide(counts);
}

/** voteLanguage over the shared scan's words. */
function voteScanned(w: ScannedWords): LanguageGuess | null {
  const counts = COUNTS;
  counts.fill(0);
  const n = w.count < VOTE_MAX_WORDS ? w.count : VOTE_MAX_WORDS;
  for (let i = 0; i < n; i++) {
    const v = VOTE_TABLE.get(w.start[i] as number, w.end[i] as number, w.hash[i] as number);
    if (v !== undefined) counts[v]! += 1;
  }
  return decide(counts);
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
  // Clear: MIN_VOTES or more with no rival, or a 3:1 lead.
  if (best < 0 || top < (second === 0 ? MIN_VOTES_ALONE : MIN_VOTES) || second * 3 > top) return null;
  const confidence = Math.min(0.99, 1 - (second + 1) / (top + 2));
  return { language: VOTE_LANGS[best] as string, confidence: Math.round(confidence * 100) / 100, method: 'stopwords' };
}

function letterCount(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += w.length;
  return n;
}

/**
 * Kana (hiragana U+3040-309F, katakana U+30A0-30FF) only occurs in Japanese: a text with at
 * least 3 kana among its first ELD_MAX_CHARS characters is Japanese without asking eld.
 */
export function scriptLanguage(text: string): LanguageGuess | null {
  const n = text.length < ELD_MAX_CHARS ? text.length : ELD_MAX_CHARS;
  let kana = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff && ++kana >= 3) return { language: 'ja', confidence: ELD_CONFIDENCE, method: 'script' };
  }
  return null;
}

/**
 * eld, loaded on first use: its n-gram table costs ~77 MB of RSS (28 MB of live heap), which
 * a thread that never asks eld (the CLI's main thread while its job thread imports, the
 * app's core worker) should not pay. The stop-word vote settles most texts before eld is
 * asked. eld is an ES module; require() loads it synchronously (Node 20.19+ and Electron's
 * Node 22 require ES modules without a flag), so detection stays synchronous. Its package
 * exports only an `import` condition, so the file is resolved by import.meta.resolve and
 * required by path.
 */
let loadedEld: typeof Eld | null = null;
function eldDetector(): typeof Eld {
  if (loadedEld === null) {
    const require = createRequire(import.meta.url);
    loadedEld = (require(fileURLToPath(import.meta.resolve('eld/extrasmall'))) as { eld: typeof Eld }).eld;
  }
  return loadedEld;
}

/** eld alone, on the first ELD_MAX_CHARS characters; null unless eld calls it reliable. */
export function eldLanguage(text: string): LanguageGuess {
  const result = eldDetector().detect(text.length > ELD_MAX_CHARS ? text.slice(0, ELD_MAX_CHARS) : text);
  if (!result.language || !result.isReliable()) return NONE;
  // isReliable() means a clear lead over the runner-up; getScores() would cost another
  // object per call, so a reliable answer gets a fixed confidence.
  return { language: result.language, confidence: ELD_CONFIDENCE, method: 'eld' };
}

/**
 * The language of a text. Without `words` it reads the shared scan (scan.ts), which
 * analyze() reuses for sentiment and topics; `words` (from tokenize) give the same answer.
 */
export function detectLanguage(text: string, words?: readonly string[]): LanguageGuess {
  if (!words) {
    const w = scanWords(text);
    // Scripts without spaces (Japanese, Chinese) give few long words: letters decide there.
    if (w.letters < MIN_LETTERS || (w.count < MIN_WORDS && w.letters < 16)) return NONE;
    return voteScanned(w) ?? scriptLanguage(text) ?? eldLanguage(text);
  }
  const letters = letterCount(words);
  if (letters < MIN_LETTERS || (words.length < MIN_WORDS && letters < 16)) return NONE;
  return voteLanguage(words) ?? scriptLanguage(text) ?? eldLanguage(text);
}
