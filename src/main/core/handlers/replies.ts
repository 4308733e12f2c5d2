/**
 * Suggestions and sent replies. Sending is "Mark as sent": Hearken does not deliver mail;
 * it records the reply, sets the status to replied, and the window copies the text to the
 * clipboard for the agent's channel.
 */
import { HearkenError } from '../../../shared/errors';
import { compareToSuggestion, type ReplyOutcome } from '../../../shared/templates';
import { recordDraftOutcome } from '../ai/draft';
import type { CoreContext } from '../context';
import { suggestReplies } from '../replies/suggest';
import { getFeedback } from '../store/feedback-repo';
import { agentName, feedbackExists, recordOutcome, recordSentReply } from '../store/replies-repo';
import { loadTaxonomy } from '../store/taxonomy-repo';
import { defineHandlers, mutation, query } from './define';

export function replyHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'suggestions.list': query((db, { feedbackId, limit }) =>
      suggestReplies(db, getFeedback(db, feedbackId), { agentName: agentName(db), taxonomy: loadTaxonomy(db) }, limit),
    ),
    'replies.send': mutation((db, { feedbackId, body, suggestion, aiDraftId }, { at }) => {
      if (!feedbackExists(db, feedbackId)) throw new HearkenError('NOT_FOUND', 'That conversation no longer exists; the reply was not recorded.');
      let outcome: ReplyOutcome = 'written';
      let editDistance: number | null = null;
      if (suggestion) ({ outcome, editDistance } = compareToSuggestion(suggestion.text, body));
      const sent = recordSentReply(db, { feedbackId, body, author: agentName(db) || null, suggestion, outcome, editDistance }, at);
      // Sent from an AI draft: how much the agent changed it is recorded on the draft, in this transaction.
      const draft = aiDraftId ? recordDraftOutcome(db, aiDraftId, body, feedbackId) : null;
      return {
        result: { messageId: sent.messageId, outcome, editDistance, status: sent.status },
        audit: {
          action: 'reply.sent',
          entityType: 'feedback',
          entityId: feedbackId,
          detail: {
            messageId: sent.messageId,
            outcome,
            editDistance,
            source: suggestion ? { kind: suggestion.kind, id: suggestion.sourceId, rank: suggestion.rank } : null,
            ...(draft && aiDraftId ? { aiDraft: { id: aiDraftId, ...draft } } : {}),
          },
        },
        emit: ['feedback.changed', { reason: 'reply', ids: [feedbackId] }],
      };
    }),
    // An outcome feeds the suggestion figures; it changes no conversation, so no event.
    'replies.discard': mutation((db, { feedbackId, suggestion }, { at }) => {
      if (!feedbackExists(db, feedbackId)) throw new HearkenError('NOT_FOUND', 'That conversation no longer exists.');
      recordOutcome(db, { feedbackId, messageId: null, suggestion, outcome: 'discarded', editDistance: null, author: agentName(db) || null }, at);
      return { result: { recorded: true } };
    }),
  });
}
