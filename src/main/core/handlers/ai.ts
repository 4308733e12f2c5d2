/**
 * The AI channels: settings and the key, the connection test, triage (queued, read,
 * accepted field by field, dismissed), reply drafts, period summaries, the queue, and
 * "What left this machine" with its export. The model's answers are only ever stored as
 * suggestions; the only writes to an item here are the fields a person chose to accept.
 */
import { basename } from 'node:path';
import { modelFor } from '../../../shared/ai/endpoint';
import type { AiJob } from '../../../shared/ai/schema';
import type { FeedbackFilter } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { applyTriage, dismissTriage } from '../ai/apply-triage';
import { cancelDraft, discardDraft, latestDraft, startDraft } from '../ai/draft';
import type { AiService } from '../ai/service';
import type { CoreContext } from '../context';
import { requireDb } from '../context';
import { writeFileAtomic } from '../files';
import type { FileGrants } from '../grants';
import { latestJobFor, listAiCalls, listAiJobs } from '../store/ai-repo';
import { getTriage, latestSummary } from '../store/ai-results-repo';
import { cached, type DB } from '../store/db';
import { filterClause, slaNow } from '../store/feedback-repo';
import type { CoreDialogs } from '../types';
import { defineHandlers, mutation, prepare, query, type CoreHandlers } from './define';
import { rememberUndo } from './feedback';

const PENDING = new Set<AiJob['state']>(['queued', 'running', 'waiting']);
const LOG_FILTERS = [{ name: 'JSON Lines', extensions: ['jsonl'] }];
/** The export holds the whole log: every call, as sent. */
const EXPORT_ALL = 1_000_000;
const DRAFT_PRIORITY = 10;

function idsFor(db: DB, filter: FeedbackFilter, now: number): string[] {
  const where = filterClause(filter, undefined, filter.sla !== undefined ? slaNow(db, now) : undefined);
  return (cached(db, `SELECT f.id FROM feedback f WHERE ${where.sql} ORDER BY f.received_at DESC, f.id DESC`).all(...where.params) as { id: string }[]).map((r) => r.id);
}

function existing(db: DB, ids: readonly string[]): string[] {
  return (cached(db, 'SELECT id FROM feedback WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[]).map((r) => r.id);
}

export function aiHandlers(ctx: CoreContext, ai: AiService, grants: FileGrants, dialogs: CoreDialogs | undefined) {
  const own: Pick<CoreHandlers, 'ai.status' | 'ai.settings.save' | 'ai.test' | 'ai.jobs.retry' | 'ai.jobs.cancel'> = {
    // Async around the keychain: the key is saved or removed before the settings row.
    'ai.status': async () => {
      requireDb(ctx);
      return ai.status();
    },
    'ai.settings.save': async (input, call) => {
      requireDb(ctx);
      return ai.save(input, call.actor);
    },
    'ai.test': async () => {
      requireDb(ctx);
      return ai.test();
    },
    'ai.jobs.retry': ({ id }) => {
      requireDb(ctx);
      const retried = ai.queue.retry(id);
      ctx.emit('ai.jobs.changed', ai.queueState());
      return { retried };
    },
    'ai.jobs.cancel': ({ id }) => {
      const db = requireDb(ctx);
      // A draft's job and the draft share an id: the draft stops too, and the composer hears so.
      const drafts = listAiJobs(db, { states: [...PENDING], purpose: 'draft', limit: 1000 }).filter((j) => id === undefined || j.id === id);
      const cancelled = ai.queue.cancel(id);
      for (const job of drafts) {
        const stopped = cancelDraft(db, job.id);
        if (stopped.cancelled && stopped.draft) ctx.emit('ai.draft.done', { draft: stopped.draft });
      }
      ctx.emit('ai.jobs.changed', ai.queueState());
      return { cancelled };
    },
  };
  return {
    ...own,
    ...defineHandlers(ctx, {
      'ai.triage.start': query((db, { ids, filter, force }, { at }) => {
        const wanted = ids ? existing(db, ids) : idsFor(db, filter!, at);
        const model = modelFor(ai.settings(), 'triage');
        // Without force, an item this model triaged after its latest message keeps its answer.
        const done = force
          ? new Set<string>()
          : new Set(
              (
                cached(
                  db,
                  `SELECT t.feedback_id FROM ai_triage t WHERE t.model = ? AND t.feedback_id IN (SELECT value FROM json_each(?))
                   AND t.at >= coalesce((SELECT max(m.sent_at) FROM messages m WHERE m.feedback_id = t.feedback_id), 0)`,
                ).all(model, JSON.stringify(wanted)) as { feedback_id: string }[]
              ).map((r) => r.feedback_id),
            );
        const todo = wanted.filter((id) => !done.has(id));
        // Asked for AI work: a held queue (the CLI's) sends from now on, earlier jobs too.
        ai.run();
        const queued = todo.length > 0 ? ai.queue.enqueue(todo.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId, params: force ? { force: true } : {} }))) : { queued: 0, alreadyQueued: 0 };
        return { queued: queued.queued, cached: done.size, alreadyQueued: queued.alreadyQueued };
      }),
      'ai.triage.get': query((db, { feedbackId }) => {
        const job = latestJobFor(db, feedbackId, 'triage');
        return { triage: getTriage(db, feedbackId), job: job && PENDING.has(job.state) ? job : null };
      }),
      'ai.triage.apply': mutation((db, { feedbackId, fields }, { at }) => {
        const done = applyTriage(db, feedbackId, fields, at);
        const undoToken = rememberUndo(ctx, done.undo);
        return {
          result: { triage: done.triage, undoToken },
          audit: { action: 'ai.triage.applied', entityType: 'feedback', entityId: feedbackId, detail: { fields: [...fields], changed: done.changed, model: done.triage.model } },
          emit: ['feedback.changed', { reason: 'ai', ids: [feedbackId] }],
        };
      }),
      'ai.triage.dismiss': mutation((db, { feedbackId }, { at }) => {
        const triage = dismissTriage(db, feedbackId, at);
        return {
          result: { triage },
          audit: { action: 'ai.triage.dismissed', entityType: 'feedback', entityId: feedbackId, detail: { model: triage.model } },
          emit: ['feedback.changed', { reason: 'ai', ids: [feedbackId] }],
        };
      }),
      'ai.draft.start': query((db, { feedbackId, tone }, { at }) => {
        const queue = ai.queue;
        // A new draft replaces one still being written for the item (one pending per item).
        const earlier = latestJobFor(db, feedbackId, 'draft');
        if (earlier && PENDING.has(earlier.state)) {
          queue.cancel(earlier.id);
          const { cancelled, draft } = cancelDraft(db, earlier.id);
          if (cancelled && draft) ctx.emit('ai.draft.done', { draft });
        }
        const started = startDraft(db, { feedbackId, tone }, at);
        // Someone is waiting for it: it goes before a bulk triage.
        queue.enqueue([{ id: started.draftId, purpose: 'draft', feedbackId, priority: DRAFT_PRIORITY, params: { tone } }]);
        return started;
      }),
      'ai.draft.cancel': query((db, { draftId }) => {
        const jobs = ai.queue.cancel(draftId);
        const { cancelled, draft } = cancelDraft(db, draftId);
        if (cancelled && draft) ctx.emit('ai.draft.done', { draft });
        return { cancelled: cancelled || jobs > 0 };
      }),
      'ai.draft.discard': mutation((db, { draftId }) => {
        const discarded = discardDraft(db, draftId);
        return { result: { discarded }, audit: discarded ? { action: 'ai.draft.discarded', entityType: 'ai_draft', entityId: draftId } : null };
      }),
      'ai.draft.get': query((db, { feedbackId }) => ({ draft: latestDraft(db, feedbackId) })),
      'ai.summary.start': query((_db, { from, to }) => {
        const queued = ai.queue.enqueue([{ purpose: 'summary', feedbackId: null, params: { from, to } }]);
        const jobId = queued.ids[0];
        if (!jobId) throw new HearkenError('INTERNAL', 'The summary could not be queued.');
        return { jobId, cached: false };
      }),
      'ai.summary.get': query((db, { from, to }) => {
        const job = listAiJobs(db, { purpose: 'summary', limit: 50 }).find((j: AiJob) => PENDING.has(j.state) && summaryPeriodOf(db, j.id) === `${from}:${to}`) ?? null;
        return { summary: latestSummary(db, from, to), job };
      }),
      'ai.jobs.list': query((db, { states, purpose, limit }) => ({ jobs: listAiJobs(db, { states, purpose, limit }), queue: ai.queueState() })),
      // Escalation webhooks are listed beside the LLM calls: both left this machine.
      'ai.log.list': query((db, input) => listAiCalls(db, input)),
      // Writing needs a write grant or the host's own dialog, never a path from the input.
      'ai.log.export': prepare(
        async ({ grant }) =>
          grant !== undefined
            ? grants.path(grant, 'write')
            : await chooseDialogs(dialogs).chooseSavePath('hearken-ai-log.jsonl', { title: 'Export what left this machine', filters: LOG_FILTERS }),
        mutation((db, chosen: string | null) => {
          if (!chosen) return { result: { fileName: null, count: 0 } };
          const { entries } = listAiCalls(db, { limit: EXPORT_ALL });
          writeFileAtomic(chosen, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
          return { result: { fileName: basename(chosen), count: entries.length }, audit: { action: 'ai.log.exported', detail: { file: basename(chosen), count: entries.length } } };
        }),
      ),
    }),
  };
}

function summaryPeriodOf(db: DB, jobId: string): string | null {
  const row = cached(db, 'SELECT params FROM ai_jobs WHERE id = ?').get(jobId) as { params: string } | undefined;
  if (!row) return null;
  const params = JSON.parse(row.params) as { from?: number; to?: number };
  return `${params.from}:${params.to}`;
}

function chooseDialogs(dialogs: CoreDialogs | undefined): CoreDialogs {
  if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
  return dialogs;
}
