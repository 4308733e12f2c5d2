/**
 * The handoff packet: what another team needs to pick a conversation up without opening
 * Hearken. Plain Markdown, short, no links; text the customer wrote is escaped so it
 * cannot turn into headings, lists or HTML in the packet.
 */
import type { FeedbackDetail } from '../contract';
import { channelLabels } from '../domain';
import { languageName } from '../languages';
import { priorityLabels, slaClockLabels, type Priority, type RuleFlag, type SlaClock } from './schema';

export interface HandoffInput {
  item: FeedbackDetail;
  target: { name: string; email: string | null };
  reason: string;
  priority: Priority;
  note: string | null;
  /** The rules matched. */
  flags: readonly RuleFlag[];
  agentName: string | null;
  now: number;
  /** For printed times (default UTC). */
  timeZone?: string;
}

const tierNames = { standard: 'Standard', premium: 'Premium', vip: 'VIP' } as const;
const MAX_MESSAGES = 4;
const MAX_MESSAGE_CHARS = 600;
const MAX_SUBJECT_CHARS = 80;
const MAILTO_LIMIT = 1900;

/** Markdown-significant characters in text a customer wrote, escaped; line breaks kept. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>~]/g, '\\$&')
      // What only means something at the start of a line: headings, list items, rules.
      .replace(/^(\s*)(#|[-+](?=\s)|\d+[.)](?=\s)|[-=]{2,}\s*$)/gm, (_m, space: string, mark: string) =>
        /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
      )
  );
}

/** One line: runs of white space as one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  const space = text.lastIndexOf(' ', end);
  return `${text.slice(0, space > max * 0.6 ? space : end).trimEnd()}…`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** "2026-01-13 10:00 UTC": the same text on every machine, for the packet and its snapshot. */
export function printedTime(at: number, timeZone = 'UTC'): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName ?? timeZone}`;
}

function title(item: FeedbackDetail): string {
  const subject = item.subject !== null && item.subject.trim() !== '' ? item.subject : item.preview;
  return cut(oneLine(subject), MAX_SUBJECT_CHARS) || '(no subject)';
}

function slaLine(clock: SlaClock, now: number, timeZone: string): string {
  const name = slaClockLabels[clock.kind];
  switch (clock.state) {
    case 'running':
      if (clock.dueAt === null) return `${name}: running`;
      return clock.dueAt <= now ? `${name}: breached (was due ${printedTime(clock.dueAt, timeZone)})` : `${name}: due ${printedTime(clock.dueAt, timeZone)}`;
    case 'paused':
      return `${name}: paused, waiting on the customer`;
    case 'met':
      return `${name}: met`;
    case 'breached':
      return clock.dueAt === null ? `${name}: breached` : `${name}: breached (was due ${printedTime(clock.dueAt, timeZone)})`;
    case 'stopped':
      return `${name}: stopped`;
  }
}

function authorOf(m: FeedbackDetail['messages'][number], item: FeedbackDetail): string {
  if (m.author !== null && m.author.trim() !== '') return oneLine(m.author);
  if (m.direction === 'in') return item.customer?.name ?? 'Customer';
  return m.direction === 'out' ? 'Support' : 'Internal note';
}

export function handoffMarkdown(input: HandoffInput): string {
  const { item, target, flags, now } = input;
  const tz = input.timeZone ?? 'UTC';
  const lines: string[] = [`# Escalation to ${escapeMarkdown(target.name)}: ${escapeMarkdown(title(item))}`, ''];

  const c = item.customer;
  if (c !== null) {
    const parts = [`**Customer:** ${escapeMarkdown(oneLine(c.name))} (${tierNames[c.tier]})`];
    if (c.email !== null) parts.push(escapeMarkdown(c.email));
    const earlier = Math.max(0, c.contactCount - 1);
    parts.push(earlier === 0 ? 'first contact' : `${earlier} earlier contact${earlier === 1 ? '' : 's'}`);
    lines.push(`${parts.join(' · ')}  `);
  } else {
    lines.push('**Customer:** unknown  ');
  }
  const about = [`**Channel:** ${channelLabels[item.channel]}`];
  if (item.product !== null) about.unshift(`**Product:** ${escapeMarkdown(oneLine(item.product))}`);
  if (item.language !== null) about.push(`**Language:** ${languageName(item.language)}`);
  about.push(`**Received:** ${printedTime(item.receivedAt, tz)}`);
  lines.push(`${about.join(' · ')}  `);
  lines.push(`**Priority:** ${priorityLabels[input.priority]} · **To:** ${escapeMarkdown(target.name)}  `);
  lines.push(`**Reason:** ${escapeMarkdown(oneLine(input.reason))}  `);
  if (input.note !== null && input.note.trim() !== '') lines.push(`**Note:** ${escapeMarkdown(input.note.trim()).replace(/\n/g, '  \n')}  `);
  lines.push(`**Escalated:** ${printedTime(now, tz)}${input.agentName?.trim() ? ` by ${escapeMarkdown(oneLine(input.agentName))}` : ''}`);

  if (flags.length > 0) {
    lines.push('', '## Rules matched', '');
    for (const f of flags) lines.push(`- ${escapeMarkdown(f.ruleName)}: ${escapeMarkdown(f.explanation)}`);
  }

  const trend = [...(c?.earlier ?? [])]
    .sort((a, b) => a.receivedAt - b.receivedAt)
    .map((e) => e.sentiment)
    .concat([item.sentiment]);
  if (trend.some((s) => s !== null)) {
    lines.push('', '## Sentiment', '', `${trend.map((s) => s ?? 'unknown').join(' → ')} (oldest to this one)`);
  }

  if (item.slaClocks.length > 0) {
    lines.push('', '## SLA', '', item.slaClocks.map((clock) => slaLine(clock, now, tz)).join(' · '));
  }

  const messages = item.messages.length > 0 ? item.messages : [{ id: item.id, direction: 'in' as const, author: null, body: item.body, sentAt: item.receivedAt }];
  const shown = messages.slice(-MAX_MESSAGES);
  const of = messages.length > shown.length ? ` (latest ${shown.length} of ${messages.length})` : '';
  lines.push('', `## Conversation${of}`);
  for (const m of shown) {
    const label = m.direction === 'note' ? ' (internal note)' : '';
    lines.push('', `**${escapeMarkdown(authorOf(m, item))}**${label} · ${printedTime(m.sentAt, tz)}`, '');
    const body = cut(m.body.replace(/\r\n?/g, '\n').trim(), MAX_MESSAGE_CHARS) || '(empty)';
    for (const line of escapeMarkdown(body).split('\n')) lines.push(line.trim() === '' ? '>' : `> ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

export function handoffSubject(input: HandoffInput): string {
  const c = input.item.customer;
  const who = c === null ? '' : ` (${oneLine(c.name)}${c.tier === 'standard' ? '' : `, ${tierNames[c.tier]}`})`;
  return `[Escalation · ${priorityLabels[input.priority]}] ${input.target.name}: ${title(input.item)}${who}`;
}

/** RFC 6068: everything percent-encoded, line breaks as CRLF. */
const encode = (text: string): string => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
const build = (to: string, subject: string, body: string): string =>
  `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}`;

const CUT_NOTICE = '\n\n[The rest is cut: an e-mail link cannot carry more. Copy or save the full packet from Hearken.]';

/** mailto: with subject and body, the body cut (with a line saying so) so the URL stays under ~1,900 characters. */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const whole = build(to, subject, body);
  if (whole.length <= MAILTO_LIMIT) return whole;
  const shortSubject = build(to, subject, CUT_NOTICE).length <= MAILTO_LIMIT ? subject : cut(subject, 120);
  // The longest prefix of the body that fits with the notice.
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(to, shortSubject, body.slice(0, mid) + CUT_NOTICE).length <= MAILTO_LIMIT) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  if (end > 0 && /[\uD800-\uDBFF]/.test(body[end - 1]!)) end--;
  const lineEnd = body.lastIndexOf('\n', end);
  if (lineEnd > end * 0.8) end = lineEnd;
  return build(to, shortSubject, body.slice(0, end).trimEnd() + CUT_NOTICE);
}
