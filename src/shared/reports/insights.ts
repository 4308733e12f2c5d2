/**
 * The report's findings in plain sentences, each with the counts behind it and the inbox
 * filter that shows its items. A change is called significant only when a two-proportion
 * test says so after Benjamini–Hochberg adjustment across every share tested together, so
 * a report with forty topics does not "find" two of them by chance.
 */
import { channels, type Channel } from '../domain';
import type { Insight, PeriodFigures, Report, ReportCompare } from './schema';
import { benjaminiHochberg, twoProportionTest } from './stats';

type Count = { count: number; base: number };
type Drill = Record<string, unknown>;
/** What a share is a share of: all items, items with a sentiment, or items with an SLA outcome. */
type Base = 'items' | 'rated' | 'sla';

interface Candidate {
  metric: string;
  subject: string;
  base: Base;
  current: Count;
  previous: Count;
  drill: Drill;
  /** Topics and channels may be movers; the rest are only reported when significant. */
  movable: boolean;
  test: { z: number; p: number } | null;
  adjusted: number | null;
}

export interface InsightOptions {
  /** Adjusted p-values below this are significant. */
  alpha?: number;
  /** Events on both sides together below this are not tested. */
  minCount?: number;
}

const MAX_MOVERS = 3;
const MAX_EMERGING = 3;

const channelName = (c: Channel): string => c.charAt(0).toUpperCase() + c.slice(1);

const pct = (c: Count): string => (c.base === 0 ? '–' : `${((100 * c.count) / c.base).toFixed(1)}%`);

/** "p = 0.04", "p = 0.002", "p < 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

const counts = (a: Count, b: Count): string => `${a.count} of ${a.base} vs ${b.count} of ${b.base}`;

function withTag(drill: Drill, tag: string): Drill {
  const tags = Array.isArray(drill.tags) ? (drill.tags as string[]) : [];
  return { ...drill, tags: tags.includes(tag) ? tags : [...tags, tag] };
}

function candidates(primary: PeriodFigures, comparison: PeriodFigures, compare: ReportCompare): Candidate[] {
  const drill = primary.drill;
  const out: Candidate[] = [];
  const add = (c: Omit<Candidate, 'test' | 'adjusted'>): void => void out.push({ ...c, test: null, adjusted: null });

  const topics = new Map<string, [number, number]>();
  for (const t of primary.topics) topics.set(t.name, [t.count, 0]);
  for (const t of comparison.topics) topics.set(t.name, [topics.get(t.name)?.[0] ?? 0, t.count]);
  for (const [name, [a, b]] of topics) {
    add({
      metric: `topic:${name}`,
      subject: name,
      base: 'items',
      current: { count: a, base: primary.total },
      previous: { count: b, base: comparison.total },
      drill: withTag(drill, name),
      movable: true,
    });
  }
  // Set against another channel, every item is of its own channel: the shares say nothing.
  if (compare.kind !== 'channel') {
    for (const c of channels) {
      const a = primary.byChannel[c] ?? 0;
      const b = comparison.byChannel[c] ?? 0;
      if (a === 0 && b === 0) continue;
      add({
        metric: `channel:${c}`,
        subject: channelName(c),
        base: 'items',
        current: { count: a, base: primary.total },
        previous: { count: b, base: comparison.total },
        drill: { ...drill, channel: [c] },
        movable: true,
      });
    }
  }
  const rated = (f: PeriodFigures): number => f.bySentiment.negative + f.bySentiment.neutral + f.bySentiment.positive;
  add({
    metric: 'sentiment:negative',
    subject: 'Negative sentiment',
    base: 'rated',
    current: { count: primary.bySentiment.negative, base: rated(primary) },
    previous: { count: comparison.bySentiment.negative, base: rated(comparison) },
    drill: { ...drill, sentiment: ['negative'] },
    movable: false,
  });
  add({
    metric: 'escalation',
    subject: 'Escalations',
    base: 'items',
    current: { count: primary.escalation.escalated, base: primary.total },
    previous: { count: comparison.escalation.escalated, base: comparison.total },
    drill: { ...drill, escalated: true },
    movable: false,
  });
  const sla = (f: PeriodFigures, k: 'firstResponse' | 'resolution'): Count => ({ count: f.sla[k].met, base: f.sla[k].met + f.sla[k].breached });
  add({ metric: 'sla:firstResponse', subject: 'First responses within SLA', base: 'sla', current: sla(primary, 'firstResponse'), previous: sla(comparison, 'firstResponse'), drill, movable: false });
  add({ metric: 'sla:resolution', subject: 'Resolutions within SLA', base: 'sla', current: sla(primary, 'resolution'), previous: sla(comparison, 'resolution'), drill, movable: false });
  return out;
}

/** The two sides' names when both cover the same period; null when the comparison is another period. */
function sides(compare: ReportCompare): [string, string] | null {
  if (compare.kind === 'product') return [compare.a, compare.b];
  if (compare.kind === 'channel') return [channelName(compare.a), channelName(compare.b)];
  return null;
}

function ofSide(base: Base, side: string, possessiveOnly = false): string {
  if (base === 'sla') return `for ${side}`;
  if (possessiveOnly) return `of ${side}'s`;
  return base === 'rated' ? `of ${side}'s items with a sentiment` : `of ${side}'s items`;
}

/** Topic names are often lower case ("refunds"); a sentence still starts with a capital. */
const capital = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function significantText(c: Candidate, names: [string, string] | null, p: number): string {
  const tail = `(${counts(c.current, c.previous)}; ${formatP(p)}).`;
  if (names !== null) {
    const [a, b] = names;
    return `${capital(c.subject)}: ${pct(c.current)} ${ofSide(c.base, a)} vs ${pct(c.previous)} ${ofSide(c.base, b, c.base !== 'sla')} ${tail}`;
  }
  const verb = c.current.count / c.current.base > c.previous.count / c.previous.base ? 'rose' : 'fell';
  const of = c.base === 'items' ? ' of items' : c.base === 'rated' ? ' of items with a sentiment' : '';
  return `${capital(c.subject)} ${verb} from ${pct(c.previous)} to ${pct(c.current)}${of} ${tail}`;
}

function moverText(c: Candidate, names: [string, string] | null): string {
  const why = c.adjusted === null ? 'too few items to test' : `not a significant ${names === null ? 'change' : 'difference'} (${formatP(c.adjusted)})`;
  if (names !== null) {
    const [a, b] = names;
    return `${capital(c.subject)}: ${c.current.count} of ${a}'s items vs ${c.previous.count} of ${b}'s (${pct(c.current)} vs ${pct(c.previous)}); ${why}.`;
  }
  const verb = c.current.count > c.previous.count ? 'rose' : 'fell';
  const shareNow = c.current.base === 0 ? 0 : c.current.count / c.current.base;
  const shareBefore = c.previous.base === 0 ? 0 : c.previous.count / c.previous.base;
  // A count can rise while its share falls (every channel grew): then say so, never "rose" alone.
  const against = shareNow !== shareBefore && shareNow > shareBefore !== (verb === 'rose');
  const shares = against
    ? `, but its share of items ${shareNow > shareBefore ? 'rose' : 'fell'} from ${pct(c.previous)} to ${pct(c.current)}`
    : ` (${pct(c.previous)} to ${pct(c.current)} of items)`;
  return `${capital(c.subject)} ${verb} from ${c.previous.count} to ${c.current.count} items${shares}; ${why}.`;
}

function emergingInsights(primary: PeriodFigures, emerging: Report['emerging'], compare: ReportCompare): Insight[] {
  if (emerging.sampled.recent === 0 || emerging.sampled.previous === 0) return [];
  const names = sides(compare);
  // The terms' other side is the comparison's items when there is one, else the period before.
  const before = names !== null ? `for ${names[1]}` : compare.kind === 'year' ? 'in the same period a year before' : 'in the period before';
  return emerging.terms.slice(0, MAX_EMERGING).map((t) => {
    const query = typeof primary.drill.query === 'string' && primary.drill.query.trim() !== '' ? `${primary.drill.query} "${t.term}"` : `"${t.term}"`;
    return {
      kind: 'emerging' as const,
      text: `'${t.term}' appeared in ${t.recent} ${t.recent === 1 ? 'item' : 'items'}, against ${t.previous} ${before}.`,
      metric: `term:${t.term}`,
      current: { count: t.recent, base: emerging.sampled.recent },
      previous: { count: t.previous, base: emerging.sampled.previous },
      pValue: null,
      drill: { ...primary.drill, query },
    };
  });
}

/** Notes on one period alone: no comparison, so nothing is said to have changed. */
function periodNotes(primary: PeriodFigures): Insight[] {
  const notes: Insight[] = [];
  const total = primary.total;
  const top = primary.topics[0];
  if (top !== undefined && top.count > 0) {
    const c = { count: top.count, base: total };
    notes.push({ kind: 'note', text: `${top.name} was the largest topic: ${top.count} of ${total} items (${pct(c)}).`, metric: `topic:${top.name}`, current: c, previous: null, pValue: null, drill: withTag(primary.drill, top.name) });
  }
  const s = primary.bySentiment;
  const rated = s.negative + s.neutral + s.positive;
  if (rated > 0) {
    const c = { count: s.negative, base: rated };
    notes.push({ kind: 'note', text: `${pct(c)} of items with a sentiment were negative (${s.negative} of ${rated}).`, metric: 'sentiment:negative', current: c, previous: null, pValue: null, drill: { ...primary.drill, sentiment: ['negative'] } });
  }
  if (primary.escalation.escalated > 0) {
    const c = { count: primary.escalation.escalated, base: total };
    notes.push({ kind: 'note', text: `${pct(c)} of items were escalated (${c.count} of ${total}).`, metric: 'escalation', current: c, previous: null, pValue: null, drill: { ...primary.drill, escalated: true } });
  }
  return notes;
}

const noItems = (f: PeriodFigures, what: string): Insight => ({
  kind: 'note',
  text: `There were no items ${what}.`,
  metric: 'total',
  current: { count: 0, base: 0 },
  previous: null,
  pValue: null,
  drill: f.drill,
});

export function insightsFor(
  primary: PeriodFigures,
  comparison: PeriodFigures | null,
  emerging: Report['emerging'],
  compare: ReportCompare,
  opts: InsightOptions = {},
): Insight[] {
  const alpha = opts.alpha ?? 0.05;
  const names = sides(compare);
  if (primary.total === 0) return [noItems(primary, names === null ? `in ${primary.label}` : `for ${names[0]} in ${primary.label}`)];
  if (comparison === null) return [...periodNotes(primary), ...emergingInsights(primary, emerging, compare)];
  if (comparison.total === 0) {
    return [...periodNotes(primary), noItems(comparison, names === null ? `in ${comparison.label} to compare with` : `for ${names[1]} to compare with`)];
  }

  const all = candidates(primary, comparison, compare);
  const tested = all.filter((c) => {
    c.test = twoProportionTest(c.current.count, c.current.base, c.previous.count, c.previous.base, { minCount: opts.minCount });
    return c.test !== null;
  });
  benjaminiHochberg(tested.map((c) => c.test!.p)).forEach((p, i) => (tested[i]!.adjusted = p));

  const significant = tested
    .filter((c) => c.adjusted! < alpha)
    .sort((x, y) => x.adjusted! - y.adjusted! || Math.abs(y.test!.z) - Math.abs(x.test!.z) || x.metric.localeCompare(y.metric));
  const toInsight = (c: Candidate, kind: 'significant' | 'mover', text: string): Insight => ({
    kind,
    text,
    metric: c.metric,
    current: c.current,
    previous: c.previous,
    pValue: c.adjusted,
    drill: c.drill,
  });

  const movers = all
    .filter((c) => c.movable && !significant.includes(c) && c.current.count !== c.previous.count)
    .sort((x, y) => Math.abs(y.current.count - y.previous.count) - Math.abs(x.current.count - x.previous.count) || x.metric.localeCompare(y.metric))
    .slice(0, MAX_MOVERS);

  return [
    ...significant.map((c) => toInsight(c, 'significant', significantText(c, names, c.adjusted!))),
    ...movers.map((c) => toInsight(c, 'mover', moverText(c, names))),
    ...emergingInsights(primary, emerging, compare),
  ];
}
