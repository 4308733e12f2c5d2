/**
 * Wording and small sums for the Reports view's insights, AI-quality and export panels.
 * Pure (no React, no store), so every label a team lead reads is unit-tested.
 */
import { feedbackFilterSchema, type FeedbackFilter } from '../../../shared/contract';
import type { AiQuality, Insight, OverrideGroup } from '../../../shared/reports/schema';

const whole = new Intl.NumberFormat('en');

export function countText(n: number): string {
  return whole.format(n);
}

/** A share as people read it: "5.0%", "0.4%", "100%"; an em dash when there is no base. */
export function percentText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const percent = share * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  return `${percent.toFixed(1)}%`;
}

/** "12 of 240 (5.0%)". */
export function ofBase(count: number, base: number): string {
  return `${countText(count)} of ${countText(base)} (${percentText(base === 0 ? null : count / base)})`;
}

export const insightKindLabels: Record<Insight['kind'], { label: string; color: string }> = {
  significant: { label: 'Significant', color: 'grape' },
  mover: { label: 'Mover', color: 'blue' },
  emerging: { label: 'Emerging', color: 'orange' },
  note: { label: 'Note', color: 'gray' },
};

/** Adjusted p-values as a report prints them: "p < 0.001", "p = 0.012". */
export function pValueText(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

export function insightBadge(insight: Insight): string {
  const { label } = insightKindLabels[insight.kind];
  return insight.kind === 'significant' && insight.pValue !== null ? `${label} · ${pValueText(insight.pValue)}` : label;
}

/** The figures behind an insight, each side on its own: "Now 12 of 240 (5.0%)", "Before 4 of 220 (1.8%)". */
export function insightFigures(insight: Insight): { current: string; previous: string | null } {
  return {
    current: `Now ${ofBase(insight.current.count, insight.current.base)}`,
    previous: insight.previous ? `Before ${ofBase(insight.previous.count, insight.previous.base)}` : null,
  };
}

/**
 * A report's drill-down as an inbox filter. The report writes these itself, so a key the
 * inbox does not know means a newer core: it is dropped rather than failing the click.
 */
export function drillFilter(drill: Record<string, unknown>): FeedbackFilter {
  const known = Object.fromEntries(Object.entries(drill).filter(([key]) => key in feedbackFilterSchema.shape));
  const parsed = feedbackFilterSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  // Keep what passes one key at a time, so one odd value does not lose the period.
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(known)) {
    if (feedbackFilterSchema.safeParse({ [key]: value }).success) kept[key] = value;
  }
  return feedbackFilterSchema.parse(kept);
}

/** The inbox behind one language or channel of a period. */
export function groupDrill(base: Record<string, unknown>, dimension: 'language' | 'channel', key: string): FeedbackFilter {
  return drillFilter({ ...base, [dimension]: [key] });
}

export interface SharePart {
  key: string;
  label: string;
  count: number;
  share: number | null;
  color: string;
}

/** What agents did with LLM drafts, as parts of one bar. */
export function draftParts(drafts: AiQuality['drafts']): { total: number; parts: SharePart[] } {
  const total = drafts.unchanged + drafts.edited + drafts.discarded;
  const part = (key: keyof typeof drafts & string, label: string, color: string): SharePart => {
    const count = drafts[key] as number;
    return { key, label, count, share: total === 0 ? null : count / total, color };
  };
  return { total, parts: [part('unchanged', 'Sent unchanged', 'teal'), part('edited', 'Edited', 'blue'), part('discarded', 'Discarded', 'gray')] };
}

/** What agents did with local suggestions (templates and earlier replies), and replies written from scratch. */
export function suggestionParts(s: AiQuality['suggestions']): { total: number; parts: SharePart[] } {
  const total = s.unchanged + s.edited + s.discarded + s.written;
  const part = (key: keyof typeof s & string, label: string, color: string): SharePart => ({
    key,
    label,
    count: s[key],
    share: total === 0 ? null : s[key] / total,
    color,
  });
  return {
    total,
    parts: [part('unchanged', 'Sent as suggested', 'teal'), part('edited', 'Edited', 'blue'), part('discarded', 'Set aside', 'gray'), part('written', 'Written from scratch', 'violet')],
  };
}

/** "12 characters" / "—": edit distances are character counts. */
export function editDistanceText(value: number | null): string {
  if (value === null) return '—';
  return `${countText(Math.round(value))} ${Math.round(value) === 1 ? 'character' : 'characters'}`;
}

/** Below this many items a group's rate is too noisy to flag. */
export const MIN_FLAG_ITEMS = 20;

/**
 * A group's override rate is "clearly above" the overall one when it has enough items, is
 * at least five points higher and at least one and a half times as high: the gaps a team
 * lead should look into, not the noise of small groups.
 */
export function clearlyAbove(rate: number | null, items: number, overall: number | null): boolean {
  if (rate === null || overall === null || items < MIN_FLAG_ITEMS) return false;
  return rate - overall >= 0.05 && rate >= overall * 1.5;
}

export interface OverrideRow {
  key: string;
  items: number;
  sentimentOverrides: number;
  topicOverrides: number;
  sentimentRate: number | null;
  topicRate: number | null;
  sentimentFlag: boolean;
  topicFlag: boolean;
  /** The same group's rates in the comparison, when it has the group. */
  previous: { sentimentRate: number | null; topicRate: number | null } | null;
}

/** Overall rates over every group (pooled, not a mean of rates). */
export function overallRates(groups: readonly OverrideGroup[]): { items: number; sentiment: number | null; topic: number | null } {
  let items = 0;
  let sentiment = 0;
  let topic = 0;
  for (const g of groups) {
    items += g.items;
    sentiment += g.sentimentOverrides;
    topic += g.topicOverrides;
  }
  return { items, sentiment: items === 0 ? null : sentiment / items, topic: items === 0 ? null : topic / items };
}

export function overrideRows(groups: readonly OverrideGroup[], comparison: readonly OverrideGroup[] | null): OverrideRow[] {
  const overall = overallRates(groups);
  const before = new Map((comparison ?? []).map((g) => [g.key, g]));
  return [...groups]
    .sort((a, b) => b.items - a.items || a.key.localeCompare(b.key))
    .map((g) => {
      const prev = before.get(g.key);
      return {
        key: g.key,
        items: g.items,
        sentimentOverrides: g.sentimentOverrides,
        topicOverrides: g.topicOverrides,
        sentimentRate: g.sentimentRate,
        topicRate: g.topicRate,
        sentimentFlag: clearlyAbove(g.sentimentRate, g.items, overall.sentiment),
        topicFlag: clearlyAbove(g.topicRate, g.items, overall.topic),
        previous: comparison === null ? null : { sentimentRate: prev?.sentimentRate ?? null, topicRate: prev?.topicRate ?? null },
      };
    });
}

export interface BudgetUse {
  /** 0–100, or null without a budget. */
  percent: number | null;
  label: string;
  color: string;
}

/** The LLM tokens of the budget month against the monthly budget. */
export function budgetUse(llm: AiQuality['llm']): BudgetUse {
  const used = countText(llm.usedInBudgetMonth);
  if (llm.monthlyBudget === null) return { percent: null, label: `${used} tokens used in ${llm.budgetMonth}; no budget set`, color: 'gray' };
  if (llm.monthlyBudget === 0) return { percent: 100, label: `${used} tokens used in ${llm.budgetMonth} of a budget of 0`, color: 'red' };
  const share = llm.usedInBudgetMonth / llm.monthlyBudget;
  const percent = Math.min(100, Math.round(share * 100));
  return {
    percent,
    label: `${used} of ${countText(llm.monthlyBudget)} tokens used in ${llm.budgetMonth} (${percentText(share)})`,
    color: share >= 1 ? 'red' : share >= 0.8 ? 'orange' : 'blue',
  };
}

/** Every token of the period, prompt and completion. */
export function totalTokens(llm: AiQuality['llm']): number {
  return llm.promptTokens + llm.completionTokens;
}

const purposeNames: Record<string, string> = { triage: 'Triage', draft: 'Reply drafts', summary: 'Period summaries', test: 'Connection tests' };

export function purposeLabel(purpose: string): string {
  return purposeNames[purpose] ?? purpose.charAt(0).toUpperCase() + purpose.slice(1);
}

const acronyms: Record<string, string> = { sla: 'SLA', llm: 'LLM', ai: 'AI', csat: 'CSAT', nps: 'NPS' };

function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\b[a-z]+\b/g, (w) => acronyms[w] ?? w);
}

/** "sentiment.negative" → "Sentiment: negative"; a name after the first dot (a topic) keeps its case. */
function figureLabel(key: string): string {
  const [head = '', ...rest] = key.split('.');
  const first = words(head);
  const label = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length === 0 ? label : `${label}: ${head === 'topic' ? rest.join('.') : rest.map(words).join(' ')}`;
}

function figureValue(value: number | string | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? countText(value) : String(Math.round(value * 1000) / 1000);
}

export interface FigureRow {
  label: string;
  value: string | null;
  /** The same figure for the period before ("previous.<key>"), when the summary was given one. */
  previous: string | null;
}

/** A summary's figures as rows, each beside its previous-period value, in the order the core gave them. */
export function figureRows(figures: Record<string, number | string>): { rows: FigureRow[]; withPrevious: boolean } {
  const prefix = 'previous.';
  const keys: string[] = [];
  for (const key of Object.keys(figures)) {
    const own = key.startsWith(prefix) ? key.slice(prefix.length) : key;
    if (!keys.includes(own)) keys.push(own);
  }
  const withPrevious = Object.keys(figures).some((k) => k.startsWith(prefix));
  return {
    withPrevious,
    rows: keys.map((key) => ({ label: figureLabel(key), value: figureValue(figures[key]), previous: figureValue(figures[`${prefix}${key}`]) })),
  };
}
