/**
 * Service-level clocks on business time. Each clock starts at an event, needs a number of
 * business minutes, and ends at another event (a reply, a resolution). Time the item
 * waits on the customer (pending, replied) does not count, and neither does a resolved
 * spell that a reopen ends; a resolved or closed item stops every clock.
 *
 * remainingMs is business time: the target minus the business time the clock has counted,
 * so it is negative by the business time counted since the deadline once a clock is late.
 * next-response: the clock is absent until a customer writes after a reply; it then shows
 * the latest such cycle (running, or met/breached once answered).
 */
import { addBusinessTime, aroundTheClock, businessTimeBetween, defaultCalendar } from './calendar';
import type { BusinessCalendar, Priority, SlaClock, SlaClockKind, SlaSettings, SlaSubject, SlaSummary } from './schema';

const MINUTE = 60_000;
type Status = SlaSubject['status'];

export function defaultSlaSettings(timeZone: string): SlaSettings {
  const policy = (priority: Priority, first: number, next: number, resolution: number) => ({
    priority,
    firstResponseMinutes: first,
    nextResponseMinutes: next,
    resolutionMinutes: resolution,
  });
  return {
    calendar: defaultCalendar(timeZone),
    // In business minutes: urgent 1 h / 2 h / 1 day; low 3 days / 6 days / 15 days of 8 h.
    policies: [policy('urgent', 60, 120, 480), policy('high', 240, 480, 1440), policy('normal', 480, 1440, 2880), policy('low', 1440, 2880, 7200)],
    businessHours: true,
    dueSoonMinutes: 60,
  };
}

/** The calendar the settings mean: the business calendar, or aroundTheClock when businessHours is false. */
export function effectiveCalendar(settings: SlaSettings): BusinessCalendar {
  return settings.businessHours ? settings.calendar : aroundTheClock;
}

const waiting = (s: Status): boolean => s === 'pending' || s === 'replied';
const done = (s: Status): boolean => s === 'resolved' || s === 'closed';

/** Spans that do not count toward a clock, [from, to) with to possibly Infinity, ascending and disjoint. */
type Span = readonly [number, number];

interface Timeline {
  /** Spans not open: waiting on the customer, or resolved and later reopened. */
  pauses: Span[];
  /** When the item was last resolved or closed, if it is now; else null. */
  stoppedAt: number | null;
  /** Waiting on the customer now. */
  waitingNow: boolean;
}

function timeline(subject: SlaSubject, now: number): Timeline {
  const start = subject.receivedAt;
  const changes: { status: Status; at: number }[] = [];
  for (const c of subject.statusChanges) if (c.at <= now) changes.push({ status: c.status, at: Math.max(start, c.at) });
  // An item with no history has had its current status since it arrived.
  if (changes.length === 0) changes.push({ status: subject.status, at: start });
  else if (changes[0]!.at > start) changes.unshift({ status: 'open', at: start });
  // The history may lag the item: its current status holds from now at the latest.
  if (changes.at(-1)!.status !== subject.status) changes.push({ status: subject.status, at: Math.max(now, changes.at(-1)!.at) });

  let stoppedAt: number | null = null;
  let end = changes.length;
  if (done(subject.status)) {
    while (end > 0 && done(changes[end - 1]!.status)) end--;
    stoppedAt = changes[end]!.at;
  }
  const pauses: [number, number][] = [];
  for (let i = 0; i < end; i++) {
    const c = changes[i]!;
    if (c.status === 'open') continue;
    const to = i + 1 < changes.length ? changes[i + 1]!.at : Infinity;
    if (to <= c.at) continue;
    const last = pauses.at(-1);
    if (last !== undefined && last[1] >= c.at) last[1] = Math.max(last[1], to);
    else pauses.push([c.at, to]);
  }
  return { pauses, stoppedAt, waitingNow: waiting(subject.status) };
}

/** Pauses cut off at an instant (a clock that ended then is not moved by later ones). */
const pausesBefore = (pauses: readonly Span[], until: number): Span[] =>
  pauses.filter(([a]) => a < until).map(([a, b]): Span => [a, Math.min(b, until)]);

/** The deadline of `target` business ms from `start`, skipping pauses; null while an open-ended pause holds it. */
function dueOf(cal: BusinessCalendar, start: number, target: number, pauses: readonly Span[]): number | null {
  let cur = start;
  let remaining = target;
  for (const [a, b] of pauses) {
    if (b <= cur) continue;
    const from = Math.max(a, cur);
    const candidate = addBusinessTime(cal, cur, remaining);
    if (candidate <= from) return candidate;
    remaining -= businessTimeBetween(cal, cur, from);
    if (b === Infinity) return null;
    cur = b;
  }
  return addBusinessTime(cal, cur, remaining);
}

/** Business time counted from `start` to `until`, pauses left out. */
function counted(cal: BusinessCalendar, start: number, until: number, pauses: readonly Span[]): number {
  let cur = start;
  let total = 0;
  for (const [a, b] of pauses) {
    if (cur >= until) break;
    if (b <= cur) continue;
    total += businessTimeBetween(cal, cur, Math.min(a, until));
    cur = Math.max(cur, b);
  }
  if (cur < until) total += businessTimeBetween(cal, cur, until);
  return total;
}

/** One clock from its start, its target and the event that ends it (null: not yet). */
function clock(kind: SlaClockKind, cal: BusinessCalendar, t: Timeline, start: number, minutes: number, endedAt: number | null, now: number): SlaClock {
  const target = minutes * MINUTE;
  if (endedAt !== null) {
    const dueAt = dueOf(cal, start, target, pausesBefore(t.pauses, endedAt));
    const met = dueAt === null || endedAt <= dueAt;
    return { kind, state: met ? 'met' : 'breached', dueAt, endedAt, remainingMs: null };
  }
  if (t.stoppedAt !== null) {
    const dueAt = dueOf(cal, start, target, pausesBefore(t.pauses, t.stoppedAt));
    const late = dueAt !== null && dueAt <= t.stoppedAt;
    return { kind, state: late ? 'breached' : 'stopped', dueAt: late ? dueAt : null, endedAt: t.stoppedAt, remainingMs: null };
  }
  const remainingMs = Math.round(target - counted(cal, start, Math.max(start, now), t.pauses));
  if (t.waitingNow) return { kind, state: 'paused', dueAt: null, endedAt: null, remainingMs };
  return { kind, state: 'running', dueAt: dueOf(cal, start, target, t.pauses), endedAt: null, remainingMs };
}

/** The latest cycle of "the customer wrote after a reply": when it started and when it was answered. */
function latestCycle(messages: SlaSubject['messages'], now: number): { start: number; answeredAt: number | null } | null {
  let replied = false;
  let start: number | null = null;
  let last: { start: number; answeredAt: number | null } | null = null;
  for (const m of messages) {
    if (m.at > now) break;
    if (m.direction === 'out') {
      if (start !== null) last = { start, answeredAt: m.at };
      start = null;
      replied = true;
    } else if (m.direction === 'in' && replied && start === null) {
      start = m.at;
    }
  }
  return start !== null ? { start, answeredAt: null } : last;
}

/** Every clock of the item's policy now. */
export function slaClocks(subject: SlaSubject, settings: SlaSettings, now: number): SlaClock[] {
  const policy = settings.policies.find((p) => p.priority === subject.priority);
  if (policy === undefined) return [];
  const cal = effectiveCalendar(settings);
  const t = timeline(subject, now);
  const out: SlaClock[] = [];
  if (policy.firstResponseMinutes !== null) {
    const reply = subject.messages.find((m) => m.direction === 'out' && m.at >= subject.receivedAt && m.at <= now);
    out.push(clock('first-response', cal, t, subject.receivedAt, policy.firstResponseMinutes, reply?.at ?? null, now));
  }
  if (policy.nextResponseMinutes !== null) {
    const cycle = latestCycle(subject.messages, now);
    if (cycle !== null) out.push(clock('next-response', cal, t, Math.max(cycle.start, subject.receivedAt), policy.nextResponseMinutes, cycle.answeredAt, now));
  }
  if (policy.resolutionMinutes !== null) {
    // Resolution ends when the item is resolved; the stop the other clocks see is its end.
    const resolution = clock('resolution', cal, { ...t, stoppedAt: null }, subject.receivedAt, policy.resolutionMinutes, t.stoppedAt, now);
    out.push(resolution);
  }
  return out;
}

/** The earliest running deadline (what the store keeps in feedback.sla_due_at), or null. */
export function nextDeadline(clocks: readonly SlaClock[]): { dueAt: number; clock: SlaClockKind } | null {
  let best: { dueAt: number; clock: SlaClockKind } | null = null;
  for (const c of clocks) {
    if (c.state !== 'running' || c.dueAt === null) continue;
    if (best === null || c.dueAt < best.dueAt) best = { dueAt: c.dueAt, clock: c.kind };
  }
  return best;
}

/** The list's view: breached if any running clock is past due; due-soon if one is within dueSoonMinutes; paused; ok; stopped (resolved/closed, or nothing running). dueAt/clock = earliest running deadline. null when the policy has no targets. */
export function slaSummary(clocks: readonly SlaClock[], settings: SlaSettings, now: number): SlaSummary | null {
  if (clocks.length === 0) return null;
  const next = nextDeadline(clocks);
  if (next !== null) {
    const state = next.dueAt <= now ? 'breached' : next.dueAt <= now + settings.dueSoonMinutes * MINUTE ? 'due-soon' : 'ok';
    return { state, dueAt: next.dueAt, clock: next.clock };
  }
  if (clocks.some((c) => c.state === 'paused')) return { state: 'paused', dueAt: null, clock: null };
  return { state: 'stopped', dueAt: null, clock: null };
}
