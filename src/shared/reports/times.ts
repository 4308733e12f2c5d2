/**
 * An item's report times, worked out from its thread and status history: when it was first
 * answered, when it was resolved (and still is), those spans in business time on the SLA
 * calendar, and whether its first-response and resolution clocks were met. The store keeps
 * them in feedback's 0016 columns so a report never walks a thread.
 */
import { businessTimeBetween } from '../escalation/calendar';
import type { Priority, SlaSettings, SlaSubject } from '../escalation/schema';
import { effectiveCalendar, slaClocks } from '../escalation/sla';

type Status = SlaSubject['status'];
type Outcome = 'met' | 'breached' | null;

export interface ReportTimes {
  firstResponseAt: number | null;
  resolvedAt: number | null;
  firstResponseBms: number | null;
  resolutionBms: number | null;
  slaFirstResponse: Outcome;
  slaResolution: Outcome;
}

export interface TimesSubject {
  receivedAt: number;
  status: Status;
  /** The priority the SLA policy follows (a person's or a rule's, else urgency, else normal). */
  priority: Priority;
  /** Messages in time order. */
  messages: readonly { direction: 'in' | 'out' | 'note'; at: number }[];
  /** Status history in time order. */
  statusChanges: readonly { status: Status; at: number }[];
}

const done = (s: Status): boolean => s === 'resolved' || s === 'closed';

/**
 * When a resolved or closed item became so, and the history the SLA clocks read. An item
 * whose history says it was resolved since it arrived (an imported thread) is taken as
 * resolved at its last message: the conversation did not end before it.
 */
function resolution(s: TimesSubject): { resolvedAt: number | null; statusChanges: TimesSubject['statusChanges'] } {
  if (!done(s.status)) return { resolvedAt: null, statusChanges: s.statusChanges };
  const changes = s.statusChanges;
  let end = changes.length;
  while (end > 0 && done(changes[end - 1]!.status)) end--;
  const recorded = end < changes.length ? Math.max(s.receivedAt, changes[end]!.at) : null;
  if (recorded !== null && recorded > s.receivedAt) return { resolvedAt: recorded, statusChanges: changes };
  let last = s.receivedAt;
  for (const m of s.messages) if (m.direction !== 'note' && m.at > last) last = m.at;
  if (recorded !== null && last === s.receivedAt) return { resolvedAt: recorded, statusChanges: changes };
  return { resolvedAt: last, statusChanges: last > s.receivedAt ? [{ status: 'open', at: s.receivedAt }, { status: s.status, at: last }] : changes };
}

function business(settings: SlaSettings, from: number, to: number | null): number | null {
  if (to === null) return null;
  try {
    return businessTimeBetween(effectiveCalendar(settings), from, to);
  } catch {
    // A calendar with no business hours at all: no business span to speak of.
    return null;
  }
}

const NONE: ReportTimes = Object.freeze({ firstResponseAt: null, resolvedAt: null, firstResponseBms: null, resolutionBms: null, slaFirstResponse: null, slaResolution: null });

export function reportTimesOf(s: TimesSubject, settings: SlaSettings, now: number): ReportTimes {
  // Unanswered and not resolved (most new items): nothing answered, nothing ended, every clock still running or paused.
  if (!done(s.status) && !s.messages.some((m) => m.direction === 'out')) return NONE;
  let firstResponseAt: number | null = null;
  let latest = s.receivedAt;
  for (const m of s.messages) {
    if (m.direction === 'out' && (firstResponseAt === null || m.at < firstResponseAt)) firstResponseAt = m.at;
    if (m.at > latest) latest = m.at;
  }
  const { resolvedAt, statusChanges } = resolution(s);
  for (const c of statusChanges) if (c.at > latest) latest = c.at;
  let slaFirstResponse: Outcome = null;
  let slaResolution: Outcome = null;
  try {
    // Read as of the latest event, so a reply dated after the clock of this machine still counts.
    const clocks = slaClocks(
      { receivedAt: s.receivedAt, priority: s.priority, status: s.status, messages: s.messages.length > 0 ? s.messages : [{ direction: 'in', at: s.receivedAt }], statusChanges },
      settings,
      Math.max(now, latest),
    );
    for (const c of clocks) {
      const outcome = c.state === 'met' || c.state === 'breached' ? c.state : null;
      if (c.kind === 'first-response') slaFirstResponse = outcome;
      else if (c.kind === 'resolution') slaResolution = outcome;
    }
  } catch {
    // No business hours in the calendar: no clock can be met or breached.
  }
  return {
    firstResponseAt,
    resolvedAt,
    firstResponseBms: business(settings, s.receivedAt, firstResponseAt),
    resolutionBms: business(settings, s.receivedAt, resolvedAt),
    slaFirstResponse,
    slaResolution,
  };
}
