/**
 * Suggested replies and Mark as sent. Hearken does not deliver mail: the reply is
 * recorded on the conversation (status replied) and copied to the clipboard for the
 * agent to paste into the channel the customer wrote from.
 */
import type { Suggestion, SuggestionRef } from '../../../../shared/contract';
import { channelLabels } from '../../../../shared/domain';
import { unfilledPlaceholders } from '../../../../shared/templates';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyDone, notifyFailure, notifyInfo } from '../../common/notify';
import { withoutMarkers } from '../../ai/inbox/model';
import { useDetail } from '../state/detail';
import { useReplies, type Draft } from '../state/replies';

export async function loadSuggestions(id: string, force = false): Promise<void> {
  const current = useReplies.getState().suggestions[id];
  if (!force && current && current.status !== 'failed') return;
  useReplies.getState().suggestionsRequested(id);
  try {
    const { suggestions } = await call('suggestions.list', { feedbackId: id });
    useReplies.getState().suggestionsLoaded(id, suggestions);
  } catch (error) {
    useReplies.getState().suggestionsFailed(id, toErrorInfo(error));
  }
}

/** Templates changed (here or elsewhere): suggestions are made again for what is open. */
export function followTemplateChanges(): () => void {
  return onEvent('templates.changed', () => {
    useReplies.getState().suggestionsStale();
    const open = useDetail.getState().openId;
    if (open !== null) void loadSuggestions(open);
  });
}

function refOf(picked: { suggestion: Suggestion; rank: number } | null): SuggestionRef | null {
  return picked ? { kind: picked.suggestion.kind, sourceId: picked.suggestion.sourceId, text: picked.suggestion.text, rank: picked.rank } : null;
}

/**
 * Starts the draft from a suggestion. A picked suggestion the agent replaces with another
 * counts as set aside for the first one (the AI-quality figures).
 */
export function pickSuggestion(id: string, suggestion: Suggestion, rank: number): void {
  const draft = useReplies.getState().drafts[id];
  const before = draft?.picked ?? null;
  if (before && before.suggestion.sourceId !== suggestion.sourceId) void recordDiscard(id, before);
  useReplies.getState().suggestionPicked(id, suggestion, rank);
  offerUndo(id, draft, `Replaced your draft with “${suggestion.title}”`);
}

/**
 * Alt+1..9 anywhere in the inbox while a conversation is open: starts the reply from that
 * suggestion and puts the caret in it. False when there is no such suggestion (yet).
 */
export function pickSuggestionByRank(rank: number): boolean {
  const id = useDetail.getState().openId;
  if (id === null) return false;
  const state = useReplies.getState().suggestions[id];
  const suggestion = state?.status === 'ready' ? state.items[rank - 1] : undefined;
  if (!suggestion) return false;
  pickSuggestion(id, suggestion, rank);
  return true;
}

/** Mark as sent for the conversation that is open (Mod+Enter outside the reply box). */
export function sendOpenDraft(): void {
  const { detail, openId } = useDetail.getState();
  // The pane may still show the previous conversation while the next one loads.
  if (!detail || detail.id !== openId || (useReplies.getState().drafts[detail.id]?.text.trim() ?? '') === '') return;
  void markSent(detail.id, channelLabels[detail.channel].toLowerCase());
}

/** Words the agent wrote or changed: a draft that is not just a suggestion as offered. */
const hasOwnWords = (draft: Draft): boolean => draft.text.trim() !== '' && (draft.picked === null || draft.text !== draft.picked.suggestion.text);

/** Nothing the agent wrote is lost without a way back: replacing or clearing it offers Undo. */
function offerUndo(id: string, before: Draft | undefined, label: string): void {
  if (!before || !hasOwnWords(before)) return;
  notifyDone(label, () => useReplies.getState().draftRestored(id, before), false);
}

async function recordDiscard(id: string, picked: { suggestion: Suggestion; rank: number }): Promise<void> {
  try {
    await call('replies.discard', { feedbackId: id, suggestion: refOf(picked)! });
  } catch {
    // Only a statistic is lost; the agent's work is not.
  }
}

/** Clears the draft; a suggestion or an AI draft it came from is recorded as set aside. */
export function discardDraft(id: string): void {
  const draft = useReplies.getState().drafts[id];
  const picked = draft?.picked ?? null;
  if (picked) void recordDiscard(id, picked);
  // Only a statistic is lost if this fails; the agent's work is not.
  if (draft?.aiDraftId) void call('ai.draft.discard', { draftId: draft.aiDraftId }).catch(() => undefined);
  useReplies.getState().draftCleared(id);
  offerUndo(id, draft, 'Cleared the draft');
}

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export type SendResult = { ok: true; copied: boolean } | { ok: false; reason: string };

/** Mark as sent: records the reply, sets replied, copies the text. The draft goes only when the core has it. */
export async function markSent(id: string, channelLabel: string): Promise<SendResult> {
  const state = useReplies.getState();
  if (state.sending !== null) return { ok: false, reason: 'A reply is already being recorded.' };
  const draft = state.drafts[id];
  // An AI draft's [S1] markers are for the agent; the customer gets the reply without them.
  const text = (draft?.aiDraftId ? withoutMarkers(draft.text) : (draft?.text ?? '')).trim();
  if (text === '') return { ok: false, reason: 'Write the reply first.' };
  const unfilled = unfilledPlaceholders(text);
  if (unfilled.length > 0) return { ok: false, reason: `Fill in ${unfilled.map((k) => `{{${k}}}`).join(', ')} first.` };
  state.sendStarted(id);
  try {
    const result = await call('replies.send', { feedbackId: id, body: text, suggestion: refOf(draft!.picked), aiDraftId: draft!.aiDraftId ?? null });
    const copied = await copyToClipboard(text);
    useReplies.getState().draftCleared(id);
    useReplies.getState().suggestionsStale();
    useDetail.getState().detailChanged([id], { status: result.status, unread: false });
    notifyInfo(
      copied ? `Copied to the clipboard: paste it into the ${channelLabel} conversation.` : 'Copying to the clipboard was refused; select the reply in the thread and copy it.',
      'Reply recorded · status Replied',
    );
    return { ok: true, copied };
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Recording the reply', () => void markSent(id, channelLabel));
    return { ok: false, reason: toErrorInfo(error).message };
  } finally {
    useReplies.getState().sendFinished();
  }
}
