import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { requireDb, type CoreContext } from '../context';
import { loadDemoInbox } from '../ingest/demo';
import { recordAudit } from '../store/audit';
import { countFeedback, feedbackFacets, feedbackStats, getFeedback, listFeedback } from '../store/feedback-repo';
import { markRead, undoUpdate, updateFeedback } from '../store/feedback-update';

const UNDO_KEPT = 20;

type FeedbackHandlers = Pick<
  Handlers,
  'feedback.list' | 'feedback.count' | 'feedback.get' | 'feedback.stats' | 'feedback.facets' | 'feedback.update' | 'feedback.markRead' | 'feedback.undo' | 'demo.load'
>;

export function feedbackHandlers(ctx: CoreContext): FeedbackHandlers {
  return {
    'feedback.list': (input) => listFeedback(requireDb(ctx), input),
    'feedback.count': ({ filter }) => ({ total: countFeedback(requireDb(ctx), filter) }),
    'feedback.get': ({ id }) => getFeedback(requireDb(ctx), id),
    'feedback.stats': () => feedbackStats(requireDb(ctx)),
    'feedback.facets': () => feedbackFacets(requireDb(ctx)),
    'feedback.update': ({ ids, change }) => {
      const db = requireDb(ctx);
      const now = ctx.now();
      const result = updateFeedback(db, ids, change, now);
      if (result.updated === 0) return { updated: 0, undoToken: null };
      recordAudit(db, { at: now, actor: 'agent', action: 'feedback.updated', detail: { count: result.updated, change } });
      for (const o of result.overrides) {
        recordAudit(db, { at: now, actor: 'agent', action: 'sentiment.override', entityType: 'feedback', entityId: o.id, detail: { from: o.from, fromSource: o.fromSource, to: o.to } });
      }
      const token = randomUUID();
      ctx.undo.set(token, result.undo);
      while (ctx.undo.size > UNDO_KEPT) ctx.undo.delete(ctx.undo.keys().next().value!);
      ctx.emit('feedback.changed', { reason: 'update', ids: result.undo.rows.map((r) => r.id) });
      return { updated: result.updated, undoToken: token };
    },
    'feedback.markRead': ({ ids, unread }) => {
      const updated = markRead(requireDb(ctx), ids, unread);
      if (updated > 0) ctx.emit('feedback.changed', { reason: 'read', ids });
      return { updated };
    },
    'feedback.undo': ({ token }) => {
      const db = requireDb(ctx);
      const record = ctx.undo.get(token);
      if (!record) throw new HearkenError('NOT_FOUND', 'That change can no longer be undone.');
      const restored = undoUpdate(db, record);
      ctx.undo.delete(token);
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'feedback.undone', detail: { count: restored } });
      ctx.emit('feedback.changed', { reason: 'undo', ids: record.rows.map((r) => r.id) });
      return { restored };
    },
    'demo.load': () => {
      const db = requireDb(ctx);
      const result = loadDemoInbox(db, ctx.demoInboxPath, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'demo.loaded', detail: result });
      if (result.imported > 0) ctx.emit('feedback.changed', { reason: 'demo' });
      return result;
    },
  };
}
