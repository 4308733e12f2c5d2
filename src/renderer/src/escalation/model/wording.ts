/**
 * What the escalation screens say, worked out without the DOM: SLA chips ("due 25m",
 * "breached 2h"), the Escalate dialog's title and its note on items escalated already, the
 * clocks in the detail, and the order j and k walk the queue in.
 */
import type { Priority, SlaClock, SlaSummary } from '../../../../shared/escalation/schema';
import { slaClockLabels } from '../../../../shared/escalation/schema';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A span as a chip says it: "25m", "2h", "3d" (never "0m": under a minute is "1m"). */
export function spanLabel(ms: number): string {
  const span = Math.abs(ms);
  if (span < hour) return `${Math.max(1, Math.round(span / minute))}m`;
  if (span < day) return `${Math.floor(span / hour)}h`;
  return `${Math.floor(span / day)}d`;
}

/** The same span in words for a sentence or a screen reader: "25 min", "2 h", "3 days". */
export function spanWords(ms: number): string {
  const span = Math.abs(ms);
  if (span < hour) return `${Math.max(1, Math.round(span / minute))} min`;
  if (span < day) {
    const hours = Math.floor(span / hour);
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  const days = Math.floor(span / day);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "3h ago", or "just now" (never "now ago"). */
export function agoLabel(then: number, now: number): string {
  const age = now - then;
  return age < minute ? 'just now' : `${spanLabel(age)} ago`;
}

export type SlaTone = 'breached' | 'due-soon' | 'paused' | 'ok' | 'stopped';

export interface SlaChipText {
  tone: SlaTone;
  /** Short, for a row: "due 25m", "breached 2h", "paused". */
  short: string;
  /** Longer, for the queue and the detail: "due in 25 min", "breached 2 hours ago". */
  long: string;
  /** For assistive technology: "First response due in 25 min". */
  aria: string;
}

const clockNames: Record<string, string> = slaClockLabels;

/** What an SLA chip says; null when nothing is worth a chip (no SLA, or one that stopped). */
export function slaChip(sla: SlaSummary | null, now: number): SlaChipText | null {
  if (!sla || sla.state === 'stopped') return null;
  const clock = sla.clock ? clockNames[sla.clock] : 'SLA';
  if (sla.state === 'paused') return { tone: 'paused', short: 'paused', long: 'SLA paused', aria: `${clock} paused while pending` };
  if (sla.dueAt === null) return null;
  const left = sla.dueAt - now;
  if (sla.state === 'breached' || left <= 0) {
    return { tone: 'breached', short: `breached ${spanLabel(left)}`, long: `breached ${spanWords(left)} ago`, aria: `${clock} breached ${spanWords(left)} ago` };
  }
  const tone: SlaTone = sla.state === 'due-soon' ? 'due-soon' : 'ok';
  return { tone, short: `due ${spanLabel(left)}`, long: `due in ${spanWords(left)}`, aria: `${clock} due in ${spanWords(left)}` };
}

/** A row shows only the SLA that needs attention: due soon or breached. */
export function rowSlaChip(sla: SlaSummary | null, now: number): SlaChipText | null {
  const chip = slaChip(sla, now);
  return chip && (chip.tone === 'breached' || chip.tone === 'due-soon') ? chip : null;
}

export function escalateTitle(count: number): string {
  return `Escalate ${new Intl.NumberFormat().format(count)} ${count === 1 ? 'conversation' : 'conversations'}`;
}

/** "3 are escalated already and move to Billing." */
export function alreadyEscalatedNote(already: number, total: number, targetName: string | null): string | null {
  if (already <= 0) return null;
  const to = targetName ? ` and ${already === 1 ? 'moves' : 'move'} to ${targetName}` : '';
  if (total === 1) return `It is escalated already${to}.`;
  return `${new Intl.NumberFormat().format(already)} ${already === 1 ? 'is' : 'are'} escalated already${to}.`;
}

/** The toast after escalating: "Escalated to Billing", or with the count for several. */
export function escalatedLabel(count: number, targetName: string): string {
  return count === 1 ? `Escalated to ${targetName}` : `Escalated ${new Intl.NumberFormat().format(count)} conversations to ${targetName}`;
}

export type QueueAction = 'resolve' | 'deescalate' | 'reassign';

export function queueActionLabel(action: QueueAction, count: number, targetName?: string): string {
  const what = count === 1 ? 'the escalation' : `${new Intl.NumberFormat().format(count)} escalations`;
  if (action === 'resolve') return `Resolved ${what}`;
  if (action === 'deescalate') return `De-escalated ${count === 1 ? 'the conversation' : `${new Intl.NumberFormat().format(count)} conversations`}`;
  return `Moved ${what} to ${targetName ?? 'another team'}`;
}

export const priorityTones: Record<Priority, { label: string; color: string; variant: 'light' | 'filled' | 'default' | 'outline' }> = {
  low: { label: 'Low', color: 'gray', variant: 'default' },
  normal: { label: 'Normal', color: 'gray', variant: 'default' },
  high: { label: 'High', color: 'orange', variant: 'light' },
  urgent: { label: 'Urgent', color: 'red', variant: 'filled' },
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** "14:30" today, "Tue 10:00" within a week, "3 Dec 10:00" further. */
export function whenLabel(at: number, now: number): string {
  if (sameDay(at, now)) return timeFormat.format(at);
  if (Math.abs(at - now) < 6 * day) return dayTimeFormat.format(at);
  return dateFormat.format(at);
}

export interface ClockLine {
  kind: SlaClock['kind'];
  text: string;
  tone: SlaTone | 'met';
}

/** "First response due 14:30", "Next response met", "Resolution paused (pending)". */
export function clockLine(clock: SlaClock, now: number, dueSoonMs: number | null = null): ClockLine {
  const name = clockNames[clock.kind] ?? clock.kind;
  switch (clock.state) {
    case 'running': {
      if (clock.dueAt === null) return { kind: clock.kind, text: `${name} running`, tone: 'ok' };
      const left = clock.dueAt - now;
      if (left <= 0) return { kind: clock.kind, text: `${name} breached ${whenLabel(clock.dueAt, now)}`, tone: 'breached' };
      const soon = dueSoonMs !== null ? left <= dueSoonMs : left <= hour;
      return { kind: clock.kind, text: `${name} due ${whenLabel(clock.dueAt, now)}`, tone: soon ? 'due-soon' : 'ok' };
    }
    case 'paused':
      return { kind: clock.kind, text: `${name} paused while pending`, tone: 'paused' };
    case 'met':
      return { kind: clock.kind, text: `${name} met`, tone: 'met' };
    case 'breached':
      return { kind: clock.kind, text: clock.dueAt !== null ? `${name} breached ${whenLabel(clock.dueAt, now)}` : `${name} breached`, tone: 'breached' };
    default:
      return { kind: clock.kind, text: `${name} stopped`, tone: 'stopped' };
  }
}

/** The queue's rows in screen order (group by group), for j and k. */
export function queueOrder<T extends { escalation: { id: string } }>(groups: readonly { items: readonly T[] }[]): string[] {
  return groups.flatMap((g) => g.items.map((i) => i.escalation.id));
}

/** The row after a move of `step` from `current`, clamped to the ends; the first when none is current. */
export function movedTo(order: readonly string[], current: string | null, step: number): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return order[0] ?? null;
  return order[Math.min(order.length - 1, Math.max(0, at + step))] ?? null;
}

/** After rows leave the queue, the cursor stays where it was: the next remaining row, else the one before. */
export function cursorAfterRemoval(before: readonly string[], after: readonly string[], current: string | null): string | null {
  if (after.length === 0) return null;
  if (current !== null && after.includes(current)) return current;
  const at = current === null ? -1 : before.indexOf(current);
  if (at < 0) return after[0] ?? null;
  for (let i = at + 1; i < before.length; i++) if (after.includes(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i--) if (after.includes(before[i]!)) return before[i]!;
  return after[0] ?? null;
}
