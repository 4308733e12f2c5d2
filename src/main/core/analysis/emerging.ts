/**
 * Emerging terms: words and two-word phrases whose share of documents in the recent window
 * (default the last 7 days) rose significantly against the previous one (the 28 days
 * before), by Dunning's log-likelihood ratio G² on the 2×2 table of documents with and
 * without the term in each window. Terms are grouped by stem (per detected language) and
 * shown by their most frequent written form; stop-words are dropped.
 */
import { detectLanguage } from './language';
import { stemmerFor, tokenize } from './tokenize';

export interface EmergingTerm {
  term: string;
  /** Documents in the recent window containing it. */
  recent: number;
  /** Documents in the previous window containing it. */
  previous: number;
  llr: number;
  /** Recent share / previous share (previous count smoothed by +0.5). */
  ratio: number;
}

export interface EmergingOptions {
  recentDays?: number;
  previousDays?: number;
  /** Minimum documents in the recent window (default 5). */
  minCount?: number;
  /** Minimum G² (default 10.83, p < 0.001 with one degree of freedom). */
  minLlr?: number;
  limit?: number;
}

const DAY = 86_400_000;

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am do does did have has had having i me my we our you your he she it its they them their this that these those there here what which who whom when where why how all any both each few more most other some such no nor not only own same so than too very can will just should would could now also again still please thanks thank hi hello dear regards best team get got one two three since after before about into over up down out off then once ' +
    'der die das und ist ich nicht ein eine mit für von zu den dem des sie wir es auf im bitte danke le la les des et est je vous pas une un du au pour dans sur que qui ce el los las por para con una es mi pero de en y o a e il lo di che non per è het een van ik op te dat'
  ).split(' '),
);

function isTermWord(w: string): boolean {
  if (w.length < 3 || STOP.has(w)) return false;
  const c = w.charCodeAt(0);
  return !(c >= 0x30 && c <= 0x39);
}

/** x·ln(x), 0 at 0. */
const xlx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/** Dunning's G² for a 2×2 table [[a, b], [c, d]]. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const g = xlx(a) + xlx(b) + xlx(c) + xlx(d) - xlx(a + b) - xlx(c + d) - xlx(a + c) - xlx(b + d) + xlx(n);
  return Math.max(0, 2 * g);
}

interface Group {
  recent: number;
  previous: number;
  surfaces: Map<string, number>;
}

export function emergingTerms(docs: Iterable<{ text: string; receivedAt: number }>, now: number, options: EmergingOptions = {}): EmergingTerm[] {
  const recentStart = now - (options.recentDays ?? 7) * DAY;
  const previousStart = recentStart - (options.previousDays ?? 28) * DAY;
  function* sided(): Generator<{ text: string; recent: boolean }> {
    for (const doc of docs) {
      if (doc.receivedAt > now || doc.receivedAt <= previousStart) continue;
      yield { text: doc.text, recent: doc.receivedAt > recentStart };
    }
  }
  return termsRising(sided(), options);
}

/**
 * The same test on two sets of documents chosen by the caller (a report's period against
 * the one before, a year before, or another product's or channel's documents).
 */
export function emergingBetween(
  recent: readonly EmergingDoc[],
  previous: readonly EmergingDoc[],
  options: Omit<EmergingOptions, 'recentDays' | 'previousDays'> = {},
): EmergingTerm[] {
  // A side with no documents can show no rise: the words need not be read.
  if (recent.length === 0 || previous.length === 0) return [];
  function* sided(): Generator<EmergingDoc & { recent: boolean }> {
    for (const doc of recent) yield { ...doc, recent: true };
    for (const doc of previous) yield { ...doc, recent: false };
  }
  return termsRising(sided(), options);
}

/** A document; its language when known already (the item's), else detected from the text. */
export interface EmergingDoc {
  text: string;
  language?: string | null;
}

function termsRising(docs: Iterable<EmergingDoc & { recent: boolean }>, options: EmergingOptions): EmergingTerm[] {
  const minCount = options.minCount ?? 5;
  const minLlr = options.minLlr ?? 10.83;
  const groups = new Map<string, Group>();
  let nRecent = 0;
  let nPrevious = 0;
  for (const doc of docs) {
    const recent = doc.recent;
    if (recent) nRecent++;
    else nPrevious++;
    const words = tokenize(doc.text);
    const stemmer = stemmerFor(doc.language ?? detectLanguage(doc.text, words).language);
    const seen = new Set<string>();
    const note = (key: string, surface: string): void => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { recent: 0, previous: 0, surfaces: new Map() }));
      g.surfaces.set(surface, (g.surfaces.get(surface) ?? 0) + 1);
      if (seen.has(key)) return;
      seen.add(key);
      if (recent) g.recent++;
      else g.previous++;
    };
    let prev: { stem: string; word: string } | null = null;
    for (const w of words) {
      if (!isTermWord(w)) {
        prev = null;
        continue;
      }
      const stem = `${stemmer.language}:${stemmer.stem(w)}`;
      note(stem, w);
      if (prev) note(`${prev.stem} ${stem}`, `${prev.word} ${w}`);
      prev = { stem, word: w };
    }
  }
  if (nRecent === 0 || nPrevious === 0) return [];
  const out: EmergingTerm[] = [];
  for (const g of groups.values()) {
    if (g.recent < minCount) continue;
    const recentShare = g.recent / nRecent;
    const previousShare = g.previous / nPrevious;
    if (recentShare <= previousShare) continue;
    const llr = logLikelihood(g.recent, nRecent - g.recent, g.previous, nPrevious - g.previous);
    if (llr < minLlr) continue;
    let term = '';
    let best = -1;
    for (const [surface, count] of g.surfaces) if (count > best) [term, best] = [surface, count];
    const ratio = recentShare / ((g.previous + 0.5) / nPrevious);
    out.push({ term, recent: g.recent, previous: g.previous, llr: Math.round(llr * 100) / 100, ratio: Math.round(ratio * 100) / 100 });
  }
  out.sort((a, b) => b.llr - a.llr || a.term.localeCompare(b.term));
  return options.limit ? out.slice(0, options.limit) : out;
}
