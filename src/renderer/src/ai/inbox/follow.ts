/** The core's AI pushes while the inbox shows: readiness, the queue, finished triages, streamed draft text. */
import { onEvent } from '../../api';
import { useDetail } from '../../inbox/state/detail';
import { useReplies } from '../../inbox/state/replies';
import { useAiInbox } from './state';
import { loadAiStatus } from './status';
import { loadTriage } from './triage-flows';

const store = useAiInbox.getState;

/** Follows the core: readiness, finished triages, streamed draft pieces; returns the unsubscribe. */
export function followAi(): () => void {
  const reloadOpen = (ids: readonly string[] | undefined): void => {
    const open = useDetail.getState().openId;
    if (open !== null && (ids === undefined || ids.includes(open))) void loadTriage(open, true);
  };
  const offs = [
    onEvent('ai.status.changed', () => void loadAiStatus()),
    onEvent('ai.jobs.changed', (queue) => {
      const status = store().status;
      if (status) store().statusLoaded({ ...status, queue });
    }),
    onEvent('ai.triage.ready', ({ ids }) => reloadOpen(ids)),
    onEvent('feedback.changed', ({ ids, reason }) => {
      if (reason !== 'read') reloadOpen(ids);
    }),
    onEvent('ai.draft.progress', ({ draftId, feedbackId, delta, text }) => {
      store().draftProgressed(feedbackId, draftId, { delta, text });
      const run = store().runs[feedbackId];
      if (run?.draftId === draftId) useReplies.getState().aiDraftWritten(feedbackId, run.text, draftId);
    }),
    onEvent('ai.draft.done', ({ draft }) => {
      store().draftFinished(draft);
      const run = store().runs[draft.feedbackId];
      if (run?.draftId !== draft.id) return;
      if (draft.text !== '') useReplies.getState().aiDraftWritten(draft.feedbackId, draft.text, draft.id);
      else useReplies.getState().draftCleared(draft.feedbackId);
    }),
  ];
  return () => offs.forEach((off) => off());
}
