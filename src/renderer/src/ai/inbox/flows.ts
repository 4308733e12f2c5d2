/**
 * The AI's steps in the inbox: the endpoint's readiness, asking for triages (one item, a
 * selection, a view), accepting or dismissing one, opening the Escalate dialog as the model
 * suggests (a person still confirms), and streaming a reply draft into the composer.
 * Nothing here changes an item without the agent's click.
 */
import type { AiTriage, DraftSource, ReplyTone, TriageField } from '../../../../shared/ai/schema';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyDone, notifyFailure, notifyInfo } from '../../common/notify';
import { loadTargets } from '../../escalation/flows';
import { useEscalation } from '../../escalation/state';
import { refreshDetail, openFeedback } from '../../inbox/flows/detail';
import { actionTargets, changeRecorded } from '../../inbox/flows/triage';
import { useDetail } from '../../inbox/state/detail';
import { useQuery } from '../../inbox/state/query';
import { useReplies } from '../../inbox/state/replies';
import { useSelection } from '../../inbox/state/selection';
import { openArticle } from '../../kb/flows';
import { useWorkspace } from '../../stores/workspace';
import { loadLibrary, switchRequested } from '../../templates/flows';
import { useLibraryTab } from '../../kb/state';
import { fieldLabels, queuedLine, toneLabels, wouldReplace } from './model';
import { isStreaming, useAiInbox } from './state';

const store = useAiInbox.getState;

export async function loadAiStatus(): Promise<void> {
  try {
    store().statusLoaded(await call('ai.status', {}));
  } catch {
    // Without an answer the AI parts stay hidden; the inbox works on local analysis.
  }
}

/** Reads an item's triage (and its job); `quiet` keeps what is shown while it reads. */
export async function loadTriage(id: string, quiet = false): Promise<void> {
  if (!quiet) store().triageRequested(id);
  try {
    const { triage, job } = await call('ai.triage.get', { feedbackId: id });
    store().triageLoaded(id, triage, job);
  } catch (error) {
    store().triageFailed(id, toErrorInfo(error));
  }
}

function subject(count: number): string {
  return `${new Intl.NumberFormat().format(count)} ${count === 1 ? 'conversation' : 'conversations'}`;
}

/** False, with a note on where to set it up, when no endpoint is ready (the queue would only wait). */
async function aiReady(): Promise<boolean> {
  if (store().status === null) await loadAiStatus();
  if (store().status?.ready ?? false) return true;
  notifyInfo('Choose a provider and a model on the AI & privacy page (g p); everything else keeps working on local analysis.', 'AI is not set up');
  return false;
}

/** Triage with AI for the selection, the row the keyboard is on, or the open item. */
export async function triageWithAi(ids: string[] = actionTargets(), force = false): Promise<void> {
  if (!(await aiReady())) return;
  if (ids.length === 0) {
    notifyInfo('Open a conversation, or check some with x.', 'Nothing to triage');
    return;
  }
  try {
    const result = await call('ai.triage.start', { ids, force });
    if (useSelection.getState().selected.size > 0) useSelection.getState().selectionCleared();
    notifyInfo(queuedLine(result), `Triage with AI · ${subject(ids.length)}`);
    const open = useDetail.getState().openId;
    if (open !== null && ids.includes(open)) void loadTriage(open, true);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Triage with AI', () => void triageWithAi(ids, force));
  }
}

/** Triage this view with AI: every item the current filters match. */
export async function triageView(): Promise<void> {
  if (!(await aiReady())) return;
  const filter = useQuery.getState().filter;
  try {
    const result = await call('ai.triage.start', { filter });
    notifyInfo(queuedLine(result), 'Triage this view with AI');
    const open = useDetail.getState().openId;
    if (open !== null) void loadTriage(open, true);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Triage this view with AI', () => void triageView());
  }
}

function acceptedLabel(fields: readonly TriageField[]): string {
  const words = fields.map((f) => fieldLabels[f].toLowerCase());
  return `Accepted the AI's ${words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]}`;
}

/** Applies chosen fields (source llm): an Undo toast, the card and the detail follow. */
export async function acceptTriage(id: string, fields: TriageField[]): Promise<void> {
  if (fields.length === 0 || store().applying[id]) return;
  store().applyingChanged(id, true);
  try {
    const { triage, undoToken } = await call('ai.triage.apply', { feedbackId: id, fields });
    store().triageLoaded(id, triage, null);
    changeRecorded(undoToken, acceptedLabel(fields));
    await refreshDetail();
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Accepting the AI suggestion', () => void acceptTriage(id, fields));
  } finally {
    store().applyingChanged(id, false);
  }
}

export async function dismissTriage(id: string): Promise<void> {
  try {
    const { triage } = await call('ai.triage.dismiss', { feedbackId: id });
    store().triageLoaded(id, triage, null);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Dismissing the AI suggestion', () => void dismissTriage(id));
  }
}

/**
 * The Escalate dialog, prefilled with the team and reason the model suggests (the rules'
 * priority kept). It only opens: the person reads, changes and confirms, or cancels.
 */
export async function escalateAsSuggested(id: string, triage: AiTriage): Promise<void> {
  const suggestion = triage.answer.escalation;
  if (!suggestion) return;
  const ids = [id];
  useEscalation.getState().escalateAsked(ids);
  try {
    const [prefill] = await Promise.all([call('escalation.prefill', { ids }), loadTargets()]);
    const known = useEscalation.getState().targets?.some((t) => t.id === suggestion.targetId) ?? false;
    const reason = `${suggestion.reason} (suggested by the AI model)`;
    useEscalation.getState().prefillLoaded(ids, { ...prefill, targetId: known ? suggestion.targetId : prefill.targetId, reason });
  } catch (error) {
    useEscalation.getState().prefillFailed(ids, toErrorInfo(error));
  }
}

// ---------------------------------------------------------------------------------------
// Reply drafts
// ---------------------------------------------------------------------------------------

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
