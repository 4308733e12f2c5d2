import { randomUUID } from 'node:crypto';
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { loadDemoInbox } from '../ingest/demo';
import { countFeedback, feedbackFacets, feedbackStats, getFeedback, listFeedback } from '../store/feedback-repo';
import { markRead, undoUpdate, updateFeedback, type UndoRecord } from '../store/feedback-update';
import { defineHandlers, mutation, query } from './define';

const UNDO_KEPT = 20;

/** Keeps an undo record under a new token (only the latest few are kept). */
export function rememberUndo(ctx: CoreContext, record: UndoRecord): string {
  const token = randomUUID();
  ctx.undo.set(token, record);
  while (ctx.undo.size > UNDO_KEPT) ctx.undo.delete(ctx.undo.keys().next().value!);
  return token;
}

export function feedbackHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'feedback.list': query((db, input, { at }) => listFeedback(db, input, at)),
    'feedback.count': query((db, { filter }, { at }) => ({ total: countFeedback(db, filter, at) })),
    'feedback.get': query((db, { id }, { at }) => getFeedback(db, id, at)),
    'feedback.stats': query((db) => feedbackStats(db)),
    'feedback.facets': query((db) => feedbackFacets(db)),
    'feedback.update': mutation((db, { ids, change }, { at }) => {
      const done = updateFeedback(db, ids, change, at);
      if (done.updated === 0) return { result: { updated: 0, undoToken: null } };
      const token = rememberUndo(ctx, done.undo);
      return {
        result: { updated: done.updated, undoToken: token },
        audit: [
          { action: 'feedback.updated', detail: { count: done.updated, change } },
          ...done.overrides.map((o) => ({ action: 'sentiment.override', entityType: 'feedback', entityId: o.id, detail: { from: o.from, fromSource: o.fromSource, to: o.to } })),
        ],
        emit: ['feedback.changed', { reason: 'update', ids: done.undo.rows.map((r) => r.id) }],
      };
    }),
    // Reading is not an action on the customer's case: announced, not audited.
    'feedback.markRead': mutation((db, { ids, unread }) => {
      const updated = markRead(db, ids, unread);
      return { result: { updated }, emit: updated > 0 ? ['feedback.changed', { reason: 'read', ids }] : null };
    }),
    'feedback.undo': mutation((db, { token }, { at }) => {
      const record = ctx.undo.get(token);
      if (!record) throw new HearkenError('NOT_FOUND', 'That change can no longer be undone.');
      const restored = undoUpdate(db, record, at);
      ctx.undo.delete(token);
      const escalations = (record.escalations?.created.length ?? 0) + (record.escalations?.changed.length ?? 0) > 0;
      return {
        result: { restored },
        audit: { action: 'feedback.undone', detail: { count: restored, ...(escalations ? { escalations: true } : {}) } },
        emit: [['feedback.changed', { reason: 'undo', ids: record.rows.map((r) => r.id) }], ...(escalations ? [['escalations.changed', {}] as const] : [])],
      };
    }),
    'demo.load': mutation((db, _input, { at }) => {
      const result = loadDemoInbox(db, ctx.demoInboxPath, at);
      return { result, audit: { action: 'demo.loaded', detail: result }, emit: result.imported > 0 ? ['feedback.changed', { reason: 'demo' }] : null };
    }),
  });
}
