/**
 * Escalation from a terminal, for scripts and team leads: escalate an item, read the open
 * queue with SLA state, the rules with what they match now, the SLA counts, and a view's
 * items with their ids, so a script can pick what to escalate.
 */
import type { FeedbackSummary, View } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';
import { priorities, priorityLabels, type Priority } from '../../shared/escalation/schema';
import { printJson } from '../output';
import type { CliSession } from '../session';

export interface EscalateOptions {
  to: string;
  reason?: string;
  priority?: string;
  note?: string;
  json?: boolean;
}

/** A team by id or by name, any case. */
async function findTarget(session: CliSession, wanted: string) {
  const { targets } = await session.call('escalation.targets.list', {});
  const found = targets.find((t) => t.id === wanted) ?? targets.find((t) => t.name.toLowerCase() === wanted.trim().toLowerCase());
  if (!found) throw new HearkenError('NOT_FOUND', `No team is called "${wanted}". Teams: ${targets.map((t) => t.name).join(', ')}.`);
  return found;
}

function parsePriority(value: string | undefined): Priority | undefined {
  if (value === undefined) return undefined;
  const p = value.toLowerCase();
  if (!(priorities as readonly string[]).includes(p)) throw new HearkenError('VALIDATION', `Priority is one of ${priorities.join(', ')}; "${value}" is not.`);
  return p as Priority;
}

export async function escalate(session: CliSession, ids: string[], opts: EscalateOptions): Promise<void> {
  await session.unlock();
  const target = await findTarget(session, opts.to);
  // Without --reason or --priority, the rules' suggestion fills them, as the dialog does.
  const prefill = await session.call('escalation.prefill', { ids });
  const reason = opts.reason?.trim() || prefill.reason;
  if (!reason) throw new HearkenError('VALIDATION', 'Say why with --reason "…" (no rule suggests one for this item).');
  const priority = parsePriority(opts.priority) ?? prefill.priority;
  const done = await session.call('escalation.create', { ids, targetId: target.id, reason, priority, note: opts.note ?? null });
  if (opts.json) {
    printJson({ escalated: done.escalated, target: target.name, reason, priority, webhooksQueued: done.webhooksQueued });
    return;
  }
  process.stdout.write(`Escalated ${done.escalated} to ${target.name} (${priorityLabels[priority]}): ${reason}\n`);
  if (done.webhooksQueued > 0) process.stdout.write(`Webhook calls: ${done.webhooksQueued} (see the outbound log)\n`);
}

function slaText(item: FeedbackSummary, now: number): string {
  const sla = item.sla;
  if (!sla || sla.dueAt === null) return sla?.state ?? '-';
  const minutes = Math.round((sla.dueAt - now) / 60_000);
  return minutes >= 0 ? `${sla.state} (due in ${minutes} min)` : `${sla.state} (${-minutes} min over)`;
}

export async function escalations(session: CliSession, opts: { json?: boolean; closed?: boolean }): Promise<void> {
  await session.unlock();
  const queue = await session.call('escalations.list', { state: opts.closed ? 'closed' : 'open' });
  if (opts.json) {
    printJson({
      total: queue.total,
      groups: queue.groups.map((g) => ({
        target: g.target.name,
        total: g.total,
        items: g.items.map(({ escalation, item }) => ({
          escalationId: escalation.id,
          feedbackId: item.id,
          subject: item.subject,
          customer: item.customer?.name ?? null,
          reason: escalation.reason,
          priority: escalation.priority,
          state: escalation.state,
          escalatedAt: new Date(escalation.createdAt).toISOString(),
          ageMs: Date.now() - escalation.createdAt,
          sla: item.sla,
        })),
      })),
    });
    return;
  }
  if (queue.total === 0) {
    process.stdout.write(opts.closed ? 'No closed escalations.\n' : 'Nothing is escalated.\n');
    return;
  }
  const now = Date.now();
  for (const g of queue.groups) {
    process.stdout.write(`${g.target.name} (${g.total})\n`);
    for (const { escalation, item } of g.items) {
      const hours = Math.round((now - escalation.createdAt) / 3_600_000);
      process.stdout.write(`  ${item.id}  ${priorityLabels[escalation.priority].padEnd(6)}  ${String(hours).padStart(4)}h  ${slaText(item, now).padEnd(26)}  ${escalation.reason}\n`);
    }
  }
}

export async function rulesList(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const { rules } = await session.call('rules.list', {});
  if (opts.json) {
    printJson(rules);
    return;
  }
  for (const r of rules) {
    process.stdout.write(`${r.enabled ? 'on ' : 'off'}  ${String(r.matches).padStart(7)}  ${r.name}${r.autoEscalate ? '  [auto-escalates]' : ''}\n`);
  }
}

/** Each rule evaluated afresh over the store now, beside the count its stored matches give. */
export async function rulesPreview(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const { rules } = await session.call('rules.list', {});
  const rows = [];
  for (const r of rules) {
    const preview = await session.call('rules.preview', {
      rule: { name: r.name, enabled: true, match: r.match, conditions: r.conditions, actions: r.actions, autoEscalate: r.autoEscalate },
      limit: 0,
    });
    rows.push({ id: r.id, name: r.name, enabled: r.enabled, autoEscalate: r.autoEscalate, matches: preview.count, flagged: r.matches });
  }
  if (opts.json) {
    printJson(rows);
    return;
  }
  for (const r of rows) process.stdout.write(`${String(r.matches).padStart(7)}  ${r.name}${r.enabled ? '' : ' (off)'}\n`);
}

export async function slaCounts(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const summary = await session.call('sla.summary', {});
  if (opts.json) {
    printJson(summary);
    return;
  }
  process.stdout.write(`Breached   ${String(summary.breached).padStart(7)}\nDue soon   ${String(summary.dueSoon).padStart(7)}\nRunning    ${String(summary.running).padStart(7)}\nPaused     ${String(summary.paused).padStart(7)}\n`);
}

function findView(views: View[], wanted: string): View {
  const w = wanted.trim().toLowerCase();
  const found =
    views.find((v) => v.id === wanted) ??
    views.find((v) => v.builtIn && v.id === `builtin:${w}`) ??
    views.find((v) => v.name.toLowerCase() === w);
  if (!found) throw new HearkenError('NOT_FOUND', `No view is called "${wanted}". Views: ${views.map((v) => v.name).join(', ')}.`);
  return found;
}

export async function listItems(session: CliSession, opts: { view?: string; limit?: string; json?: boolean }): Promise<void> {
  await session.unlock();
  const limit = opts.limit === undefined ? 100 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new HearkenError('VALIDATION', `--limit takes a whole number above 0; "${opts.limit}" is not.`);
  const views = await session.call('views.list', {});
  const view = findView(views, opts.view ?? 'inbox');
  const items: FeedbackSummary[] = [];
  let cursor: string | null = null;
  while (items.length < limit) {
    const page: { items: FeedbackSummary[]; nextCursor: string | null } = await session.call('feedback.list', { filter: view.filter, cursor, limit: Math.min(500, limit - items.length) });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  const rows = items.map((i) => ({
    id: i.id,
    receivedAt: new Date(i.receivedAt).toISOString(),
    subject: i.subject,
    customer: i.customer ? { name: i.customer.name, tier: i.customer.tier } : null,
    channel: i.channel,
    status: i.status,
    sentiment: i.sentiment,
    priority: i.priority,
    escalated: i.escalated,
    sla: i.sla,
    flag: i.flag,
  }));
  if (opts.json) {
    printJson({ view: view.name, total: view.count, items: rows });
    return;
  }
  const now = Date.now();
  process.stdout.write(`${view.name}: ${view.count}\n`);
  for (const i of items) {
    process.stdout.write(`${i.id}  ${i.escalated ? 'E' : ' '}  ${slaText(i, now).padEnd(26)}  ${(i.subject ?? i.preview).slice(0, 60)}\n`);
  }
}
