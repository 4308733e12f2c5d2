/**
 * Ranked lists set against the comparison: topics, escalation reasons and targets, agents,
 * repeat customers. Each row carries both sides' counts and shares so a bar can show both.
 */
import type { AgentFigures, NamedCount, PeriodFigures, Report } from '../../../../shared/reports/schema';
import type { TimeBasis } from './scope';
import { changeOf, type Change } from './change';

export interface ComparedRow {
  name: string;
  count: number;
  /** Of the side's items, null when it has none. */
  share: number | null;
  before: number | null;
  beforeShare: number | null;
  change: Change | null;
}

/**
 * The top `limit` names of the primary side (and any the comparison ranks in its own top
 * that the primary lost entirely, so a topic that vanished still shows), with both counts.
 * Shares are of each side's own base, so sides of different sizes compare fairly.
 */
export function comparedRows(
  current: readonly NamedCount[],
  previous: readonly NamedCount[] | null,
  bases: { current: number; previous: number | null },
  limit: number,
  better: 'higher' | 'lower' | 'neither' = 'neither',
): ComparedRow[] {
  const names = current.slice(0, limit).map((n) => n.name);
  if (previous) {
    for (const p of previous.slice(0, limit)) if (!names.includes(p.name) && !current.some((c) => c.name === p.name)) names.push(p.name);
  }
  const rows = names.map((name): ComparedRow => {
    const count = current.find((c) => c.name === name)?.count ?? 0;
    const share = bases.current > 0 ? count / bases.current : null;
    if (!previous) return { name, count, share, before: null, beforeShare: null, change: null };
    const before = previous.find((p) => p.name === name)?.count ?? 0;
    const beforeShare = bases.previous && bases.previous > 0 ? before / bases.previous : null;
    return { name, count, share, before, beforeShare, change: changeOf(share, beforeShare, 'points', better) };
  });
  return rows.sort((a, b) => b.count - a.count || (b.before ?? 0) - (a.before ?? 0) || a.name.localeCompare(b.name)).slice(0, limit + 3);
}

export function topicRows(report: Report, limit = 10): ComparedRow[] {
  const { primary: p, comparison: c } = report;
  return comparedRows(p.topics, c?.topics ?? null, { current: p.total, previous: c?.total ?? null }, limit);
}

export function escalationReasonRows(report: Report, by: 'byTarget' | 'byReason', limit = 8): ComparedRow[] {
  const { primary: p, comparison: c } = report;
  return comparedRows(p.escalation[by], c?.escalation[by] ?? null, { current: p.escalation.escalated, previous: c?.escalation.escalated ?? null }, limit);
}

export type AgentColumn = 'agent' | 'assigned' | 'responded' | 'resolved' | 'escalated' | 'negative' | 'firstResponse' | 'resolution';

export interface AgentRow {
  agent: string | null;
  name: string;
  assigned: number;
  responded: number;
  resolved: number;
  escalated: number;
  negative: number;
  firstResponse: number | null;
  resolution: number | null;
}

export function agentRows(side: PeriodFigures, basis: TimeBasis): AgentRow[] {
  return side.agents.map((a: AgentFigures) => ({
    agent: a.agent,
    name: a.agent ?? 'Unassigned',
    assigned: a.assigned,
    responded: a.responded,
    resolved: a.resolved,
    escalated: a.escalated,
    negative: a.negative,
    firstResponse: a.firstResponse[basis].median,
    resolution: a.resolution[basis].median,
  }));
}

/** Sorted by a column; Unassigned, then empty figures (no replies yet), last whatever the direction. */
export function sortAgents(rows: readonly AgentRow[], column: AgentColumn, descending: boolean): AgentRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if ((a.agent === null) !== (b.agent === null)) return a.agent === null ? 1 : -1;
    if (column === 'agent') return sign * a.name.localeCompare(b.name);
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    return sign * (x - y) || a.name.localeCompare(b.name);
  });
}
