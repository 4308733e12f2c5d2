/**
 * A report's AI-quality figures: what agents did with LLM drafts and local suggestions for
 * the scope's items, how often people replaced the machine's sentiment or topics (by
 * language and by channel, so a weak language model shows), and the LLM calls of the
 * period with the token budget of the month it ends in. The calls are the store's, not the
 * scope's: a triage or summary call is not always about one item.
 */
import { monthKey, monthStart } from '../../../shared/ai/tokens';
import type { AiQuality, OverrideGroup } from '../../../shared/reports/schema';
import { distribution } from '../../../shared/reports/stats';
import { cached, type DB } from './db';

/** A WHERE clause over `feedback f` and its parameters, as filterClause() gives it. */
export interface ScopeClause {
  sql: string;
  params: unknown[];
}

function drafts(db: DB, from: number, to: number, scope: ScopeClause): AiQuality['drafts'] {
  const out = { unchanged: 0, edited: 0, discarded: 0 };
  const rows = cached(
    db,
    `SELECT d.outcome AS outcome, count(*) AS n FROM ai_drafts d JOIN feedback f ON f.id = d.feedback_id
     WHERE d.created_at >= ? AND d.created_at < ? AND d.outcome IS NOT NULL AND (${scope.sql}) GROUP BY d.outcome`,
  ).all(from, to, ...scope.params) as { outcome: keyof typeof out; n: number }[];
  for (const r of rows) out[r.outcome] = r.n;
  const distances = (
    cached(
      db,
      `SELECT d.edit_distance AS d FROM ai_drafts d JOIN feedback f ON f.id = d.feedback_id
       WHERE d.created_at >= ? AND d.created_at < ? AND d.outcome = 'edited' AND d.edit_distance IS NOT NULL AND (${scope.sql})`,
    ).all(from, to, ...scope.params) as { d: number }[]
  ).map((r) => r.d);
  const { median, mean } = distribution(distances);
  return { ...out, medianEditDistance: median, meanEditDistance: mean };
}

function suggestions(db: DB, from: number, to: number, scope: ScopeClause): AiQuality['suggestions'] {
  const out = { unchanged: 0, edited: 0, discarded: 0, written: 0 };
  const rows = cached(
    db,
    `SELECT r.outcome AS outcome, count(*) AS n FROM reply_outcomes r JOIN feedback f ON f.id = r.feedback_id
     WHERE r.created_at >= ? AND r.created_at < ? AND (${scope.sql}) GROUP BY r.outcome`,
  ).all(from, to, ...scope.params) as { outcome: keyof typeof out; n: number }[];
  for (const r of rows) out[r.outcome] = r.n;
  return out;
}

interface OverrideRow {
  language: string;
  channel: string;
  items: number;
  sentiment: number;
  topic: number;
}

function group(rows: readonly OverrideRow[], key: (r: OverrideRow) => string): OverrideGroup[] {
  const groups = new Map<string, { items: number; sentiment: number; topic: number }>();
  for (const r of rows) {
    const g = groups.get(key(r)) ?? { items: 0, sentiment: 0, topic: 0 };
    g.items += r.items;
    g.sentiment += r.sentiment;
    g.topic += r.topic;
    groups.set(key(r), g);
  }
  return [...groups]
    .map(([k, g]) => ({
      key: k,
      items: g.items,
      sentimentOverrides: g.sentiment,
      topicOverrides: g.topic,
      sentimentRate: g.items === 0 ? null : g.sentiment / g.items,
      topicRate: g.items === 0 ? null : g.topic / g.items,
    }))
    .sort((a, b) => b.items - a.items || a.key.localeCompare(b.key));
}

function overrides(db: DB, from: number, to: number, scope: ScopeClause): AiQuality['overrides'] {
  // The items are the period's (received in it); an override counts whenever it was made.
  // The overridden items are read once into sets of rowids (audit_sentiment_overrides, 0016),
  // so the period's items are read from the covering report index alone, never their rows.
  const rows = cached(
    db,
    `SELECT coalesce(f.language, 'unknown') AS language, f.channel AS channel, count(*) AS items,
       sum(f.rowid IN (SELECT o.rowid FROM audit_events a JOIN feedback o ON o.id = a.entity_id
                       WHERE a.action = 'sentiment.override' AND json_extract(a.detail, '$.fromSource') IN ('local', 'llm'))) AS sentiment,
       sum(f.rowid IN (SELECT o.rowid FROM feedback_tag_rejections r JOIN feedback o ON o.id = r.feedback_id)) AS topic
     FROM feedback f WHERE f.received_at >= ? AND f.received_at < ? AND (${scope.sql}) GROUP BY 1, 2`,
  ).all(from, to, ...scope.params) as OverrideRow[];
  return { byLanguage: group(rows, (r) => r.language), byChannel: group(rows, (r) => r.channel) };
}

const tokenSum = 'coalesce(sum(coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0)), 0)';

function llm(db: DB, from: number, to: number, monthlyBudget: number | null): AiQuality['llm'] {
  const totals = cached(
    db,
    `SELECT count(*) AS calls, coalesce(sum(outcome <> 'ok'), 0) AS failed,
       coalesce(sum(prompt_tokens), 0) AS prompt, coalesce(sum(completion_tokens), 0) AS completion,
       coalesce(sum(CASE WHEN tokens_estimated = 1 THEN coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0) ELSE 0 END), 0) AS estimated
     FROM ai_calls WHERE at >= ? AND at < ?`,
  ).get(from, to) as { calls: number; failed: number; prompt: number; completion: number; estimated: number };
  const byPurpose = cached(
    db,
    `SELECT purpose, count(*) AS calls, ${tokenSum} AS tokens FROM ai_calls WHERE at >= ? AND at < ?
     GROUP BY purpose ORDER BY calls DESC, purpose`,
  ).all(from, to) as { purpose: string; calls: number; tokens: number }[];
  // The budget is per UTC month (as the AI service counts it): the month of the period's last instant.
  const last = to - 1;
  const monthFrom = monthStart(last);
  const next = new Date(monthFrom);
  const monthTo = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  const used = cached(db, `SELECT ${tokenSum} AS used FROM ai_calls WHERE at >= ? AND at < ?`).get(monthFrom, monthTo) as { used: number };
  return {
    calls: totals.calls,
    failed: totals.failed,
    promptTokens: totals.prompt,
    completionTokens: totals.completion,
    estimatedTokens: totals.estimated,
    byPurpose,
    monthlyBudget,
    usedInBudgetMonth: used.used,
    budgetMonth: monthKey(last),
  };
}

/**
 * The AI-quality figures of the scope's items (those `filter` selects over `feedback f`,
 * the received range included) and of the LLM calls made in [from, to).
 */
export function aiQualityFor(db: DB, from: number, to: number, filter: ScopeClause, budget: { monthlyBudget: number | null }): AiQuality {
  return {
    drafts: drafts(db, from, to, filter),
    suggestions: suggestions(db, from, to, filter),
    overrides: overrides(db, from, to, filter),
    llm: llm(db, from, to, budget.monthlyBudget),
  };
}
