/**
 * Escalation: targets, the Escalate dialog's prefill, escalating and the queue's actions
 * (undone with feedback.undo), the handoff packet, report figures and the outbound log.
 * Webhooks go out after the change has committed and never hold up the answer.
 */
import { basename } from 'node:path';
import type { FeedbackDetail } from '../../../shared/contract';
import { handoffMarkdown, handoffSubject, mailtoUrl, type HandoffInput } from '../../../shared/escalation/handoff';
import type { Escalation, Priority } from '../../../shared/escalation/schema';
import { HearkenError } from '../../../shared/errors';
import { requireDb, type CoreContext } from '../context';
import { writeFileAtomic } from '../files';
import type { FileGrants } from '../grants';
import { log } from '../log';
import { handoffEml } from '../outbound/eml';
import { escalationPayload } from '../outbound/payload';
import { postWebhook } from '../outbound/webhook';
import type { DB } from '../store/db';
import { escalate, escalationStats, listEscalations, openEscalation, prefill, requireItems, updateEscalations } from '../store/escalations-repo';
import { getFeedback, summariesByIds } from '../store/feedback-repo';
import { listOutbound } from '../store/outbound-repo';
import { agentName } from '../store/replies-repo';
import { loadSlaSettings } from '../store/sla-repo';
import { deleteTarget, getTarget, listTargets, requireTarget, saveTarget } from '../store/targets-repo';
import type { CallMeta, CoreDialogs } from '../types';
import { defineHandlers, deleted, mutation, prepare, query, saved, type Definition, type Emitted } from './define';
import { rememberUndo } from './feedback';

const ESCALATIONS_CHANGED: Emitted = ['escalations.changed', {}];
const HANDOFF_FILTERS: Record<'md' | 'eml', { name: string; extensions: string[] }[]> = { md: [{ name: 'Markdown', extensions: ['md'] }], eml: [{ name: 'E-mail message', extensions: ['eml'] }] };

/** Webhook calls in flight; a lock or close stops them (each is then logged as failed). */
export class OutboundCalls {
  private controller = new AbortController();
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  abort(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}

interface QueuedWebhook {
  target: { name: string; webhookUrl: string };
  payload: unknown;
}

/** The handoff packet's input for one item, with the dialog's overrides. */
export function handoffInput(
  db: DB,
  item: FeedbackDetail,
  overrides: { targetId?: string | undefined; reason?: string | undefined; note?: string | null | undefined; priority?: Priority | undefined },
  now: number,
): HandoffInput {
  const open = item.escalation;
  const flag = item.flags.find((f) => f.targetId !== null);
  const targetId = overrides.targetId ?? open?.targetId ?? flag?.targetId ?? null;
  const target = targetId ? requireTarget(db, targetId) : null;
  return {
    item,
    target: { name: target?.name ?? 'the team', email: target?.email ?? null },
    reason: overrides.reason ?? open?.reason ?? flag?.explanation ?? '',
    priority: overrides.priority ?? open?.priority ?? item.priority ?? item.urgency?.level ?? 'normal',
    note: overrides.note !== undefined ? overrides.note : (open?.note ?? null),
    flags: item.flags,
    agentName: agentName(db),
    now,
    timeZone: loadSlaSettings(db).calendar.timeZone,
  };
}

/** Runs `after` with what the committed mutation queued; a rolled-back one queues nothing. */
function thenSend<I, O>(definition: Definition<I, O>, queue: QueuedWebhook[], send: (queued: QueuedWebhook[]) => void): Definition<I, O> {
  return {
    bind: (ctx, channel) => {
      const run = definition.bind(ctx, channel);
      return async (input: I, meta: CallMeta) => {
        queue.length = 0;
        try {
          const result = await run(input, meta);
          send(queue.splice(0));
          return result;
        } finally {
          queue.length = 0;
        }
      };
    },
  };
}

export function escalationHandlers(ctx: CoreContext, grants: FileGrants, dialogs: CoreDialogs | undefined, outbound: OutboundCalls = new OutboundCalls()) {
  const chooseDialogs = (): CoreDialogs => {
    if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
    return dialogs;
  };
  const queue: QueuedWebhook[] = [];
  const send = (queued: QueuedWebhook[]): void => {
    const db = ctx.db;
    if (!db) return;
    for (const w of queued) {
      postWebhook(db, w.target, w.payload, ctx.now, outbound.signal)
        .then((entry) => ctx.emit('outbound.sent', { entry }))
        .catch((error: unknown) => log.warn('a webhook call could not be recorded', { target: w.target.name, error: error instanceof Error ? error.message : String(error) }));
    }
  };

  return defineHandlers(ctx, {
    'escalation.targets.list': query((db) => ({ targets: listTargets(db) })),
    'escalation.targets.save': mutation((db, input, { at }) => saved('escalation-target', input, saveTarget(db, input, at), ESCALATIONS_CHANGED)),
    'escalation.targets.delete': mutation((db, { id }) => deleted('escalation-target', id, deleteTarget(db, id), ESCALATIONS_CHANGED)),
    'escalation.prefill': query((db, { ids }) => {
      requireItems(db, ids);
      return prefill(db, ids);
    }),
    'escalation.create': thenSend(
      mutation((db, input, { at, actor }) => {
        const done = escalate(db, input, actor, at);
        if (done.count === 0) throw new HearkenError('NOT_FOUND', 'None of those feedback items exists any more.');
        const target = getTarget(db, input.targetId)!;
        if (target.webhookEnabled && target.webhookUrl) {
          for (const feedbackId of done.ids) {
            const item = getFeedback(db, feedbackId, at);
            const escalation = item.escalation ?? (openEscalation(db, feedbackId) as Escalation);
            const markdown = handoffMarkdown(handoffInput(db, item, { targetId: target.id, reason: input.reason, note: input.note ?? null, priority: input.priority }, at));
            queue.push({ target: { name: target.name, webhookUrl: target.webhookUrl }, payload: escalationPayload(escalation, item, markdown) });
          }
        }
        return {
          result: { escalated: done.count, undoToken: rememberUndo(ctx, done.undo), webhooksQueued: queue.length },
          audit: done.audit,
          emit: [['feedback.changed', { reason: 'escalation', ids: done.ids }], ESCALATIONS_CHANGED],
        };
      }),
      queue,
      send,
    ),
    'escalations.list': query((db, input, { at }) => listEscalations(db, input, (ids) => summariesByIds(db, ids, at))),
    'escalations.update': mutation((db, input, { at }) => {
      const done = updateEscalations(db, input, at);
      if (done.count === 0) return { result: { updated: 0, undoToken: null } };
      return {
        result: { updated: done.count, undoToken: rememberUndo(ctx, done.undo) },
        audit: done.audit,
        emit: [['feedback.changed', { reason: 'escalation', ids: done.ids }], ESCALATIONS_CHANGED],
      };
    }),
    'escalation.handoff': query((db, { feedbackId, targetId, reason, note }, { at }) => {
      const input = handoffInput(db, getFeedback(db, feedbackId, at), { targetId, reason, note }, at);
      const markdown = handoffMarkdown(input);
      const subject = handoffSubject(input);
      return { markdown, subject, mailto: input.target.email ? mailtoUrl(input.target.email, subject, markdown) : null };
    }),
    // The packet is built first (an .eml is composed asynchronously), then written in one step.
    'escalation.saveHandoff': prepare(
      async ({ feedbackId, format, grant, targetId, reason }) => {
        const db = requireDb(ctx);
        const now = ctx.now();
        const input = handoffInput(db, getFeedback(db, feedbackId, now), { targetId, reason }, now);
        const markdown = handoffMarkdown(input);
        const subject = handoffSubject(input);
        const defaultName = `handoff-${feedbackId.slice(-8).toLowerCase()}.${format}`;
        const path =
          grant !== undefined
            ? grants.path(grant, 'write')
            : await chooseDialogs().chooseSavePath(defaultName, { title: 'Save the handoff packet', filters: HANDOFF_FILTERS[format] });
        if (!path) return null;
        const content = format === 'md' ? markdown : await handoffEml({ to: input.target.email, subject, markdown, date: new Date(now) });
        return { path, content, feedbackId, format };
      },
      mutation((_db, chosen: { path: string; content: string | Buffer; feedbackId: string; format: 'md' | 'eml' } | null) => {
        if (!chosen) return { result: { fileName: null } };
        writeFileAtomic(chosen.path, typeof chosen.content === 'string' ? chosen.content : chosen.content.toString('utf8'));
        return {
          result: { fileName: basename(chosen.path) },
          audit: { action: 'escalation.handoffSaved', entityType: 'feedback', entityId: chosen.feedbackId, detail: { file: basename(chosen.path), format: chosen.format } },
        };
      }),
    ),
    'escalations.stats': query((db, range) => escalationStats(db, range)),
    'outbound.list': query((db, { limit }) => ({ entries: listOutbound(db, limit) })),
  });
}
