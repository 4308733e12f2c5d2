/**
 * AI reply drafts in the composer: streamed into the reply box (asking first before the
 * agent's own words are replaced), stopped, caught up after another page, and their
 * sources opened where they live.
 */
import type { DraftSource, ReplyTone } from '../../../../shared/ai/schema';
import { call, toErrorInfo } from '../../api';
import { notifyDone, notifyFailure, notifyInfo } from '../../common/notify';
import { openFeedback } from '../../inbox/flows/detail';
import { useDetail } from '../../inbox/state/detail';
import { useReplies } from '../../inbox/state/replies';
import { openArticle } from '../../kb/flows';
import { useLibraryTab } from '../../kb/state';
import { useWorkspace } from '../../stores/workspace';
import { loadLibrary, switchRequested } from '../../templates/flows';
import { toneLabels, wouldReplace } from './model';
import { isStreaming, useAiInbox } from './state';
import { aiReady } from './status';

const store = useAiInbox.getState;

/** Starts a streamed draft in the given tone; its text becomes the composer's draft as it arrives. */
export async function startDraft(feedbackId: string, tone: ReplyTone): Promise<void> {
  store().draftStarted(feedbackId, tone);
  // The box empties at once and fills as text arrives; the draft id follows with the first piece.
  useReplies.getState().aiDraftWritten(feedbackId, '', null);
  try {
    const { draftId } = await call('ai.draft.start', { feedbackId, tone });
    store().draftIdKnown(feedbackId, draftId);
    const run = store().runs[feedbackId];
    if (run && run.draftId === draftId) useReplies.getState().aiDraftWritten(feedbackId, run.text, draftId);
  } catch (error) {
    const info = toErrorInfo(error);
    store().draftFailed(feedbackId, info.message);
    useReplies.getState().draftCleared(feedbackId);
  }
}

/**
 * AI draft in a tone: straight in when the composer is empty (or holds the last AI draft),
 * else the composer asks first, so words the agent typed are never replaced unasked.
 */
export function requestDraft(feedbackId: string, tone: ReplyTone): void {
  const draft = useReplies.getState().drafts[feedbackId];
  const run = store().runs[feedbackId];
  const aiText = draft?.aiDraftId && run?.draftId === draft.aiDraftId ? run.text : null;
  if (wouldReplace(draft?.text ?? '', aiText)) {
    store().replaceAsked(feedbackId, tone);
    return;
  }
  store().replaceAsked(feedbackId, null);
  void startDraft(feedbackId, tone);
}

/** The agent's answer to "Replace your draft?": the words they had come back with Undo. */
export function replaceAnswered(feedbackId: string, replace: boolean): void {
  const tone = store().replacing[feedbackId] ?? null;
  store().replaceAsked(feedbackId, null);
  if (!replace || tone === null) return;
  const before = useReplies.getState().drafts[feedbackId];
  void startDraft(feedbackId, tone);
  if (before) notifyDone(`Replaced your draft with a ${toneLabels[tone].toLowerCase()} AI draft`, () => {
    void cancelDraft(feedbackId);
    store().draftForgotten(feedbackId);
    useReplies.getState().draftRestored(feedbackId, before);
  }, false);
}

/** Shift+R: a draft for the open conversation, in the tone used last there (friendly at first). */
export async function draftForOpen(): Promise<void> {
  const id = useDetail.getState().openId;
  if (id === null) {
    notifyInfo('Open a conversation first.', 'Nothing to draft');
    return;
  }
  if (!(await aiReady())) return;
  requestDraft(id, store().runs[id]?.tone ?? 'friendly');
}

export async function cancelDraft(feedbackId: string): Promise<void> {
  const run = store().runs[feedbackId];
  if (!run?.draftId) return;
  try {
    await call('ai.draft.cancel', { draftId: run.draftId });
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Stopping the AI draft');
  }
}

/**
 * Catches up with the item's latest AI draft when its composer opens: one that finished while
 * the inbox was not listening (another page was open) lands in the box, and a composer
 * holding an AI draft's text gets its sources back.
 */
export async function loadDraft(feedbackId: string): Promise<void> {
  const run = store().runs[feedbackId];
  const aiDraftId = useReplies.getState().drafts[feedbackId]?.aiDraftId ?? null;
  const behind = run !== undefined && isStreaming(run) && run.draftId !== null;
  if (!behind && (aiDraftId === null || run)) return;
  try {
    const { draft } = await call('ai.draft.get', { feedbackId });
    if (!draft || draft.state === 'streaming') return;
    if (behind && draft.id === run.draftId) {
      store().draftFinished(draft);
      if (draft.text !== '') useReplies.getState().aiDraftWritten(feedbackId, draft.text, draft.id);
    } else if (!behind && useReplies.getState().drafts[feedbackId]?.aiDraftId === draft.id) {
      store().draftStarted(feedbackId, draft.tone);
      store().draftFinished(draft);
    }
  } catch {
    // The composer works without it.
  }
}

/** A source chip: the template in the library, the article in the knowledge base, or the earlier conversation. */
export function openSource(source: DraftSource): void {
  if (source.kind === 'reply') {
    if (source.feedbackId) void openFeedback(source.feedbackId);
    return;
  }
  useWorkspace.getState().pageOpened('templates');
  if (source.kind === 'kb') {
    useLibraryTab.getState().tabChosen('kb');
    void openArticle(source.sourceId);
    return;
  }
  useLibraryTab.getState().tabChosen('templates');
  void loadLibrary().then(() => switchRequested({ kind: 'open', id: source.sourceId }));
}
