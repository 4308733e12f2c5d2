/** The AI-quality tables of a report: drafts, suggestions, override rates, LLM usage. */
import type { ReportTable } from './item';
import type { OverrideGroup, PeriodFigures } from './schema';
import { share, type Column, type Row } from './tables-common';

export function aiTables(p: PeriodFigures, c: PeriodFigures | null): ReportTable[] {
  return [
    draftsTable(p, c),
    suggestionsTable(p, c),
    overridesTable('overrides-by-language', 'Overrides by language', 'Language', p.ai.overrides.byLanguage, c?.ai.overrides.byLanguage ?? null, c),
    overridesTable('overrides-by-channel', 'Overrides by channel', 'Channel', p.ai.overrides.byChannel, c?.ai.overrides.byChannel ?? null, c),
    llmTable(p, c),
  ];
}

function outcomeColumns(p: PeriodFigures, c: PeriodFigures | null): Column[] {
  const columns: Column[] = [
    { key: 'outcome', header: 'Outcome', type: 'text' },
    { key: 'count', header: `${p.label}: count`, type: 'int' },
    { key: 'share', header: `${p.label}: share`, type: 'percent' },
  ];
  if (c !== null) {
    columns.push({ key: 'comparisonCount', header: `${c.label}: count`, type: 'int' }, { key: 'comparisonShare', header: `${c.label}: share`, type: 'percent' });
  }
  return columns;
}

/** One row per outcome with its share of all outcomes, then an "All" row. */
function outcomeRows<K extends string>(labels: Record<K, string>, a: Record<K, unknown>, b: Record<K, unknown> | null): Row[] {
  const keys = Object.keys(labels) as K[];
  const n = (r: Record<K, unknown>, k: K): number => r[k] as number;
  const totalA = keys.reduce((t, k) => t + n(a, k), 0);
  const totalB = b === null ? 0 : keys.reduce((t, k) => t + n(b, k), 0);
  const rows = keys.map((k): Row => {
    const row: Row = { outcome: labels[k], count: n(a, k), share: share(n(a, k), totalA) };
    if (b !== null) Object.assign(row, { comparisonCount: n(b, k), comparisonShare: share(n(b, k), totalB) });
    return row;
  });
  const all: Row = { outcome: 'All', count: totalA, share: totalA === 0 ? null : 1 };
  if (b !== null) Object.assign(all, { comparisonCount: totalB, comparisonShare: totalB === 0 ? null : 1 });
  rows.push(all);
  return rows;
}

/** The edit distances are of the drafts as a whole, so they sit on the "All" row. */
function draftsTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const labels = { unchanged: 'Sent unchanged', edited: 'Edited before sending', discarded: 'Discarded' };
  const columns = outcomeColumns(p, c);
  columns.push({ key: 'medianEditDistance', header: 'Median edit distance (characters)', type: 'number' }, { key: 'meanEditDistance', header: 'Mean edit distance (characters)', type: 'number' });
  if (c !== null) columns.push({ key: 'comparisonMedianEditDistance', header: `${c.label}: median edit distance (characters)`, type: 'number' });
  const rows = outcomeRows<keyof typeof labels>(labels, p.ai.drafts, c?.ai.drafts ?? null);
  for (const row of rows) {
    const all = row['outcome'] === 'All';
    row['medianEditDistance'] = all ? p.ai.drafts.medianEditDistance : null;
    row['meanEditDistance'] = all ? p.ai.drafts.meanEditDistance : null;
    if (c !== null) row['comparisonMedianEditDistance'] = all ? c.ai.drafts.medianEditDistance : null;
  }
  return { name: 'ai-drafts', title: 'AI drafts', columns, rows };
}

function suggestionsTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const labels = { unchanged: 'Used unchanged', edited: 'Used after editing', discarded: 'Set aside', written: 'Reply written without one' };
  return { name: 'suggestion-outcomes', title: 'Suggestion outcomes', columns: outcomeColumns(p, c), rows: outcomeRows(labels, p.ai.suggestions, c?.ai.suggestions ?? null) };
}

function overridesTable(name: string, title: string, what: string, a: readonly OverrideGroup[], b: readonly OverrideGroup[] | null, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [
    { key: 'key', header: what, type: 'text' },
    { key: 'items', header: 'Items', type: 'int' },
    { key: 'sentimentOverrides', header: 'Sentiment overrides', type: 'int' },
    { key: 'sentimentRate', header: 'Sentiment override rate', type: 'percent' },
    { key: 'topicOverrides', header: 'Topic overrides', type: 'int' },
    { key: 'topicRate', header: 'Topic override rate', type: 'percent' },
  ];
  if (c !== null && b !== null) {
    columns.push(
      { key: 'comparisonItems', header: `${c.label}: items`, type: 'int' },
      { key: 'comparisonSentimentRate', header: `${c.label}: sentiment override rate`, type: 'percent' },
      { key: 'comparisonTopicRate', header: `${c.label}: topic override rate`, type: 'percent' },
    );
  }
  const keys = a.map((g) => g.key);
  for (const g of b ?? []) if (!keys.includes(g.key)) keys.push(g.key);
  const rows = keys.map((key): Row => {
    const g = a.find((x) => x.key === key);
    const row: Row = {
      key,
      items: g?.items ?? 0,
      sentimentOverrides: g?.sentimentOverrides ?? 0,
      sentimentRate: g?.sentimentRate ?? null,
      topicOverrides: g?.topicOverrides ?? 0,
      topicRate: g?.topicRate ?? null,
    };
    if (c !== null && b !== null) {
      const z = b.find((x) => x.key === key);
      Object.assign(row, { comparisonItems: z?.items ?? 0, comparisonSentimentRate: z?.sentimentRate ?? null, comparisonTopicRate: z?.topicRate ?? null });
    }
    return row;
  });
  return { name, title, columns, rows };
}

/** Calls and tokens by purpose, then the totals and the budget month as rows of the same two columns. */
function llmTable(p: PeriodFigures, c: PeriodFigures | null): ReportTable {
  const columns: Column[] = [
    { key: 'item', header: 'Purpose', type: 'text' },
    { key: 'calls', header: `${p.label}: calls`, type: 'int' },
    { key: 'tokens', header: `${p.label}: tokens`, type: 'int' },
  ];
  if (c !== null) columns.push({ key: 'comparisonCalls', header: `${c.label}: calls`, type: 'int' }, { key: 'comparisonTokens', header: `${c.label}: tokens`, type: 'int' });
  const a = p.ai.llm;
  const b = c?.ai.llm ?? null;
  const purposes = a.byPurpose.map((x) => x.purpose);
  for (const x of b?.byPurpose ?? []) if (!purposes.includes(x.purpose)) purposes.push(x.purpose);
  const rows: Row[] = [];
  const push = (item: string, calls: number | null, tokens: number | null, cCalls: number | null, cTokens: number | null): void => {
    const row: Row = { item, calls, tokens };
    if (c !== null) Object.assign(row, { comparisonCalls: cCalls, comparisonTokens: cTokens });
    rows.push(row);
  };
  for (const purpose of purposes) {
    const x = a.byPurpose.find((y) => y.purpose === purpose);
    const z = b?.byPurpose.find((y) => y.purpose === purpose);
    push(purpose, x?.calls ?? 0, x?.tokens ?? 0, z?.calls ?? 0, z?.tokens ?? 0);
  }
  push('All purposes', a.calls, a.promptTokens + a.completionTokens, b?.calls ?? null, b === null ? null : b.promptTokens + b.completionTokens);
  push('Failed calls', a.failed, null, b?.failed ?? null, null);
  push('Prompt tokens', null, a.promptTokens, null, b?.promptTokens ?? null);
  push('Completion tokens', null, a.completionTokens, null, b?.completionTokens ?? null);
  push('Estimated tokens (no usage sent)', null, a.estimatedTokens, null, b?.estimatedTokens ?? null);
  push(`Monthly token budget (${a.budgetMonth})`, null, a.monthlyBudget, null, b?.monthlyBudget ?? null);
  push(`Tokens used in ${a.budgetMonth}`, null, a.usedInBudgetMonth, null, b?.usedInBudgetMonth ?? null);
  return { name: 'llm-usage', title: 'LLM usage', columns, rows };
}
