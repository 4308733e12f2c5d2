import type { Handlers } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import { loadDemoInbox } from '../ingest/demo';
import { recordAudit } from '../store/audit';
import { countFeedback, feedbackStats, getFeedback, listFeedback } from '../store/feedback-repo';

type FeedbackHandlers = Pick<Handlers, 'feedback.list' | 'feedback.count' | 'feedback.get' | 'feedback.stats' | 'demo.load'>;

export function feedbackHandlers(ctx: CoreContext): FeedbackHandlers {
  return {
    'feedback.list': (input) => listFeedback(requireDb(ctx), input),
    'feedback.count': ({ filter }) => ({ total: countFeedback(requireDb(ctx), filter) }),
    'feedback.get': ({ id }) => getFeedback(requireDb(ctx), id),
    'feedback.stats': () => feedbackStats(requireDb(ctx)),
    'demo.load': () => {
      const db = requireDb(ctx);
      const result = loadDemoInbox(db, ctx.demoInboxPath, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'demo.loaded', detail: result });
      if (result.imported > 0) ctx.emit('feedback.changed', { reason: 'demo' });
      return result;
    },
  };
}
