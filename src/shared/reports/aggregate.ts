/**
 * Folds the report scan (ReportItem, oldest first) into one side's figures: totals, the
 * series per bucket, response and resolution times, SLA attainment, backlog, agents and
 * repeat contacts. One pass over the items; durations are collected for the nearest-rank
 * distributions (stats.ts).
 *
 * Definitions the tests pin down:
 * - Open at an instant t: received before t and not resolved (resolved_at null, or at t or later).
 *   An item resolved and reopened since counts as open from its arrival (resolved_at is null).
 * - Calendar times are wall-clock spans from arrival; business times are the stored *_bms.
 *   Resolution counts items resolved or closed now.
 * - A repeat item: one whose customer had another item in the scope within the 7 days
 *   (7 × 24 h) before it, the days before the period included.
 * - Escalated: escalated at any time (the scan's flag, widened by the repo to past escalations).
 */
import { channels, statuses, type Channel, type Status } from '../domain';
import type { Buckets } from './buckets';
import type { ReportItem } from './item';
import type { AgentFigures, Distribution, PeriodFigures, Series, SlaAttainment, Times } from './schema';

export const REPEAT_WINDOW_MS = 7 * 86_400_000;
export const TOP_CUSTOMERS = 10;

/** An item received before the period and still open at its start. */
export interface CarriedItem {
  resolvedAt: number | null;
}

/** A contact of a customer in the REPEAT_WINDOW_MS before the period. */
export interface EarlierContact {
  customerId: string;
  receivedAt: number;
}

export type Aggregated = Pick<PeriodFigures, 'total' | 'byChannel' | 'bySentiment' | 'byStatus' | 'series' | 'firstResponse' | 'resolution' | 'sla' | 'backlog' | 'agents'> & {
  escalated: number;
  repeat: { customers: number; repeatItems: number; rate: number | null; topCustomers: { customerId: string; count: number }[] };
};

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const rateOf = (part: number, base: number): number | null => (base > 0 ? part / base : null);

/** Durations collected in a growing typed array: a million of them sort natively, far faster than an array with a comparator. */
class Durations {
  private values = new Float64Array(64);
  private n = 0;
  push(v: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = v;
  }
  done(): Distribution {
    return sortedDistribution(this.values.subarray(0, this.n).sort());
  }
}

/**
 * distribution() (stats.ts) of values already sorted ascending, without its copy and
 * comparator sort; the unit test holds the two equal.
 */
export function sortedDistribution(sorted: Float64Array): Distribution {
  const count = sorted.length;
  if (count === 0) return { count, median: null, p90: null, mean: null };
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  const rank = (q: number): number => sorted[Math.max(1, Math.ceil(q * count)) - 1]!;
  return { count, median: rank(0.5), p90: rank(0.9), mean: sum / count };
}

class TimesAcc {
  readonly business = new Durations();
  readonly calendar = new Durations();
  add(start: number, end: number | null, bms: number | null): void {
    if (end !== null) this.calendar.push(Math.max(0, end - start));
    if (bms !== null) this.business.push(Math.max(0, bms));
  }
  done(): Times {
    return { business: this.business.done(), calendar: this.calendar.done() };
  }
}

class SlaAcc {
  met = 0;
  breached = 0;
  add(state: 'met' | 'breached' | null): void {
    if (state === 'met') this.met++;
    else if (state === 'breached') this.breached++;
  }
  done(): SlaAttainment {
    return { met: this.met, breached: this.breached, rate: rateOf(this.met, this.met + this.breached) };
  }
}

interface AgentAcc {
  assigned: number;
  responded: number;
  resolved: number;
  escalated: number;
  negative: number;
  firstResponse: TimesAcc;
  resolution: TimesAcc;
}

/**
 * One side's figures. `items` are the scope's items in [buckets.starts[0], buckets.end),
 * oldest first; `carried` those received before it still open at its start; `earlier`
 * the scope's contacts in the REPEAT_WINDOW_MS before it.
 */
export function aggregate(items: Iterable<ReportItem>, buckets: Buckets, carried: readonly CarriedItem[], earlier: readonly EarlierContact[]): Aggregated {
  const n = buckets.starts.length;
  const from = n > 0 ? buckets.starts[0]! : buckets.end;
  const to = buckets.end;
  const volumeByChannel = Object.fromEntries(channels.map((c) => [c, zeros(n)])) as Record<Channel, number[]>;
  const sentiment = { negative: zeros(n), neutral: zeros(n), positive: zeros(n), unknown: zeros(n) };
  const escalatedSeries = zeros(n);
  // Backlog as differences: +1 in the bucket an item starts being open at its end, -1 in the one it stops.
  const backlogDelta = zeros(n + 1);
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>;
  const bySentiment = { negative: 0, neutral: 0, positive: 0, unknown: 0 };
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  const firstResponse = new TimesAcc();
  const resolution = new TimesAcc();
  const slaFirst = new SlaAcc();
  const slaResolution = new SlaAcc();
  const agents = new Map<string | null, AgentAcc>();
  // Per customer: their latest contact so far, and their items in the period.
  const customers = new Map<string, { last: number; count: number }>();
  for (const c of earlier) {
    const known = customers.get(c.customerId);
    if (!known) customers.set(c.customerId, { last: c.receivedAt, count: 0 });
    else if (c.receivedAt > known.last) known.last = c.receivedAt;
  }

  let atStart = 0;
  for (const c of carried) {
    if (c.resolvedAt !== null && c.resolvedAt < from) continue;
    atStart++;
    backlogDelta[0]!++;
    const j = c.resolvedAt === null ? -1 : buckets.indexOf(c.resolvedAt);
    if (j >= 0) backlogDelta[j]!--;
  }

  let total = 0;
  let escalated = 0;
  let repeatItems = 0;
  let bucket = 0;
  for (const item of items) {
    const t = item.receivedAt;
    if (t < from || t >= to) continue;
    // Oldest first: the bucket only moves forward (indexOf for anything out of order).
    if (bucket + 1 < n && t >= buckets.starts[bucket + 1]!) {
      bucket++;
      if (bucket + 1 < n && t >= buckets.starts[bucket + 1]!) bucket = buckets.indexOf(t);
    } else if (t < buckets.starts[bucket]!) {
      bucket = buckets.indexOf(t);
    }
    total++;
    byChannel[item.channel]++;
    volumeByChannel[item.channel][bucket]!++;
    const s = item.sentiment ?? 'unknown';
    bySentiment[s]++;
    sentiment[s][bucket]!++;
    byStatus[item.status]++;
    if (item.escalated) {
      escalated++;
      escalatedSeries[bucket]!++;
    }

    const open = backlogStart(item, buckets, bucket);
    if (open !== null) {
      backlogDelta[bucket]!++;
      if (open >= 0) backlogDelta[open]!--;
    }

    const resolved = item.resolvedAt !== null;
    firstResponse.add(t, item.firstResponseAt, item.firstResponseBms);
    resolution.add(t, item.resolvedAt, item.resolutionBms);
    slaFirst.add(item.slaFirstResponse);
    slaResolution.add(item.slaResolution);

    let agent = agents.get(item.assignee);
    if (!agent) {
      agent = { assigned: 0, responded: 0, resolved: 0, escalated: 0, negative: 0, firstResponse: new TimesAcc(), resolution: new TimesAcc() };
      agents.set(item.assignee, agent);
    }
    agent.assigned++;
    if (item.firstResponseAt !== null) agent.responded++;
    if (resolved) agent.resolved++;
    if (item.escalated) agent.escalated++;
    if (item.sentiment === 'negative') agent.negative++;
    agent.firstResponse.add(t, item.firstResponseAt, item.firstResponseBms);
    agent.resolution.add(t, item.resolvedAt, item.resolutionBms);

    if (item.customerId !== null) {
      const known = customers.get(item.customerId);
      if (!known) customers.set(item.customerId, { last: t, count: 1 });
      else {
        if (t - known.last <= REPEAT_WINDOW_MS) repeatItems++;
        known.last = t;
        known.count++;
      }
    }
  }

  const backlog = zeros(n);
  let running = 0;
  for (let i = 0; i < n; i++) backlog[i] = running += backlogDelta[i]!;

  const series: Series = { starts: buckets.starts, end: to, labels: buckets.labels, volumeByChannel, sentiment, escalated: escalatedSeries, backlog };
  const agentRows: AgentFigures[] = [...agents.entries()]
    .sort(([a, x], [b, y]) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || y.assigned - x.assigned || (a ?? '').localeCompare(b ?? ''))
    .map(([agent, a]) => ({
      agent,
      assigned: a.assigned,
      responded: a.responded,
      resolved: a.resolved,
      escalated: a.escalated,
      negative: a.negative,
      firstResponse: a.firstResponse.done(),
      resolution: a.resolution.done(),
    }));
  let inPeriod = 0;
  // The top few by a bounded insertion: sorting every customer of a large period would cost more than the pass.
  const topCustomers: { customerId: string; count: number }[] = [];
  const before = (a: { customerId: string; count: number }, b: { customerId: string; count: number }): boolean =>
    a.count > b.count || (a.count === b.count && a.customerId < b.customerId);
  for (const [customerId, c] of customers) {
    if (c.count === 0) continue;
    inPeriod++;
    const entry = { customerId, count: c.count };
    if (topCustomers.length === TOP_CUSTOMERS && !before(entry, topCustomers[TOP_CUSTOMERS - 1]!)) continue;
    let i = Math.min(topCustomers.length, TOP_CUSTOMERS - 1);
    while (i > 0 && before(entry, topCustomers[i - 1]!)) i--;
    topCustomers.splice(i, 0, entry);
    if (topCustomers.length > TOP_CUSTOMERS) topCustomers.pop();
  }
  return {
    total,
    byChannel,
    bySentiment,
    byStatus,
    series,
    escalated,
    firstResponse: firstResponse.done(),
    resolution: resolution.done(),
    sla: { firstResponse: slaFirst.done(), resolution: slaResolution.done() },
    backlog: { atStart, atEnd: n > 0 ? backlog[n - 1]! : atStart },
    agents: agentRows,
    repeat: { customers: inPeriod, repeatItems, rate: rateOf(repeatItems, total), topCustomers },
  };
}

/**
 * Whether an item received in bucket `i` is open at that bucket's end, and the bucket from
 * whose end on it no longer is: null when it is never open at a bucket's end, -1 when it
 * stays open to the period's end.
 */
function backlogStart(item: ReportItem, buckets: Buckets, i: number): number | null {
  if (item.resolvedAt === null) return -1;
  if (item.resolvedAt >= buckets.end) return -1;
  const j = item.resolvedAt < item.receivedAt ? i : buckets.indexOf(item.resolvedAt);
  return j <= i ? null : j;
}
