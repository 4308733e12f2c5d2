/**
 * The check on a draft before it is sent: commitments (a refund, compensation, a discount, a
 * replacement, a date) that no source makes. A model asked to be helpful promises things;
 * the agent should see each one no template, article or earlier reply backs. A source backs
 * a refund promise by offering refunds at all; a date needs the same date or duration
 * ("within 14 days" is backed by "14 days", not by "30 days"). A negated mention ("we can't
 * refund") promises nothing, in a draft or in a source.
 */
import {
  DATE_PREP,
  DURATION_PREP,
  kindPhrases,
  MONTH,
  monthOf,
  NUMBER,
  numberOf,
  RELATIVE,
  UNIT,
  unitOf,
  WEEKDAY,
  WEEKDAY_PREP,
  weekdayOf,
  words,
} from './promise-phrases';
import type { PromiseKind, UnsupportedPromise } from './schema';

interface Found {
  kind: PromiseKind;
  text: string;
  start: number;
  end: number;
  /** For a date: what it names, e.g. '14 day', 'wd:4', 'd:12-3', 'tomorrow'. */
  key: string | null;
}

const FLAGS = 'giu';
const kindRes = (Object.entries(kindPhrases) as [Exclude<PromiseKind, 'date'>, string][]).map(([kind, src]) => ({ kind, re: new RegExp(words(src), FLAGS) }));

const RANGE_SEP = '\\s*(?:[-–]|to|or|bis|oder|à|ou|a|o|até|al|tot|of)\\s*';
const DURATION_RE = new RegExp(words(`(?:${DURATION_PREP})\\s+(${NUMBER})(?:${RANGE_SEP}(${NUMBER}))?[\\s-]*(${UNIT})`), FLAGS);
const WEEKDAY_RE = new RegExp(words(`(?:${WEEKDAY_PREP})\\s+(${WEEKDAY})`), FLAGS);
const DAY_MONTH_RE = new RegExp(words(`(?:(?:${DATE_PREP})\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s+(?:de\\s+)?(${MONTH})`), FLAGS);
const MONTH_DAY_RE = new RegExp(words(`(?:(?:${DATE_PREP})\\s+)?(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?`), FLAGS);
const NUMERIC_DATE_RE = new RegExp(words(`(?:${DATE_PREP})\\s+(\\d{1,2})[./](\\d{1,2})(?:[./](?:\\d{4}|\\d{2}))?|(?:${DATE_PREP})\\s+\\d{4}-(\\d{2})-(\\d{2})`), FLAGS);
const RELATIVE_RES = RELATIVE.map(([key, src]) => ({ key, re: new RegExp(words(src), FLAGS) }));
/** In a source, any "N unit" or "N–M units" states a time, with or without a preposition. */
const SOURCE_SPAN_RE = new RegExp(words(`(${NUMBER})(?:${RANGE_SEP}(${NUMBER}))?[\\s-]*(${UNIT})`), FLAGS);

function dateMatches(text: string): Found[] {
  const found: Found[] = [];
  const add = (m: RegExpMatchArray, key: string | null): void => {
    if (key !== null) found.push({ kind: 'date', text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, key });
  };
  for (const m of text.matchAll(DURATION_RE)) {
    // A range promises its far end: "in 3-5 days" is kept if the source says 5 days.
    const n = numberOf(m[2] ?? m[1] ?? '');
    add(m, n === null ? null : `${n} ${unitOf(m[3] ?? '')}`);
  }
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const d = weekdayOf(m[1] ?? '');
    add(m, d === null ? null : `wd:${d}`);
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) add(m, `d:${Number(m[1])}-${monthOf(m[2] ?? '')}`);
  for (const m of text.matchAll(MONTH_DAY_RE)) add(m, `d:${Number(m[2])}-${monthOf(m[1] ?? '')}`);
  for (const m of text.matchAll(NUMERIC_DATE_RE)) add(m, m[1] ? `n:${Number(m[1])}/${Number(m[2])}` : `d:${Number(m[4])}-${Number(m[3])}`);
  for (const { key, re } of RELATIVE_RES) for (const m of text.matchAll(re)) add(m, key);
  return found;
}

function kindMatches(text: string): Found[] {
  const found: Found[] = [];
  for (const { kind, re } of kindRes) {
    for (const m of text.matchAll(re)) found.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length, key: null });
  }
  return found;
}

// Words that turn a mention into a refusal, in the clause before it.
const NEGATION = new RegExp(
  words(
    "not|\\p{L}*n['’]t|cannot|never|no|unable|nicht|kein(?:e|en|er|em)?|nie|niemals|ne|pas|jamais|aucune?|nunca|ningún|ninguna|não|nem|nenhuma?|non|nessun[oa]?|niet|geen|nooit",
  ),
  'iu',
);
// French elides "ne" before a vowel: "nous n'offrons pas".
const ELIDED_NE = /(?<![\p{L}])n['’]\p{L}/iu;
const NEGATION_AFTER = new RegExp(
  `^[^.!?;,:\\n]{0,25}?${words("(?:is|are|was|were|will|would|can|could|ist|sind|wird|est|es|está|é|è|zijn|wordt)\\s+(?:\\p{L}+\\s+)?(?:not|nicht|pas|no|não|non|niet)|\\p{L}+n['’]t|n['’]est\\s+pas|nicht\\s+möglich")}`,
  'iu',
);
// "no later than Friday" is a promise, not a refusal.
const NOT_NEGATING = /no\s+later\s+than|not\s+later\s+than|nicht\s+später\s+als|not\s+only/giu;

function negated(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const clauseStart = Math.max(...['.', '!', '?', ';', ',', ':', '\n'].map((c) => before.lastIndexOf(c)));
  const clause = before.slice(clauseStart + 1).replace(NOT_NEGATING, ' ');
  if (NEGATION.test(clause) || ELIDED_NE.test(clause)) return true;
  return NEGATION_AFTER.test(text.slice(end, end + 60));
}

/** Keeps the longest of overlapping finds of one kind. */
function distinct(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Found[] = [];
  for (const f of sorted) {
    if (kept.some((k) => k.kind === f.kind && f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept;
}

/** The commitments a text makes, negated mentions left out. */
export function findCommitments(text: string): Found[] {
  return distinct([...kindMatches(text), ...dateMatches(text)].filter((f) => !negated(text, f.start, f.end))).sort((a, b) => a.start - b.start);
}

interface Support {
  kinds: Set<PromiseKind>;
  dates: Set<string>;
}

function supportIn(sources: readonly string[]): Support {
  const kinds = new Set<PromiseKind>();
  const dates = new Set<string>();
  for (const source of sources) {
    for (const f of findCommitments(source)) {
      kinds.add(f.kind);
      if (f.key) dates.add(f.key);
    }
    for (const m of source.matchAll(SOURCE_SPAN_RE)) {
      const unit = unitOf(m[3] ?? '');
      for (const token of [m[1], m[2]]) {
        const n = token === undefined ? null : numberOf(token);
        if (n !== null) dates.add(`${n} ${unit}`);
      }
    }
  }
  return { kinds, dates };
}

/** Promises in a draft that none of its sources supports, in the order they appear. */
export function findUnsupportedPromises(draft: string, sources: readonly string[]): UnsupportedPromise[] {
  const support = supportIn(sources);
  return findCommitments(draft)
    .filter((f) => (f.kind === 'date' ? f.key === null || !support.dates.has(f.key) : !support.kinds.has(f.kind)))
    .map(({ kind, text, start, end }) => ({ kind, text, start, end }));
}
