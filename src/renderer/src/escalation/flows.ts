/**
 * Escalation's async steps: the teams, the Escalate dialog (prefill, confirm, undo), the
 * queue (load, act on rows, open one in the inbox), the handoff packet, and following the
 * core's pushes. Each read that can be overtaken carries a generation and drops stale answers.
 */
import type { Priority } from '../../../shared/escalation/schema';
import { call, onEvent, toErrorInfo } from '../api';
import { notifyFailure, notifyInfo } from '../common/notify';
import { openFeedback } from '../inbox/flows/detail';
import { actionTargets, changeRecorded } from '../inbox/flows/triage';
import { useSelection } from '../inbox/state/selection';
import { useWorkspace } from '../stores/workspace';
import { cursorAfterRemoval, escalatedLabel, movedTo, queueActionLabel, queueOrder, type QueueAction } from './model/wording';
import { notifyWebhookFailed } from './notices';
import { useEscalation, type QueueTab } from './state';

export async function loadTargets(): Promise<void> {
  try {
    const { targets } = await call('escalation.targets.list', {});
    useEscalation.getState().targetsLoaded(targets);
  } catch {
    // The nav's count and the dialog's list wait for the next change; the dialog says so if empty.
  }
}

/** e: the Escalate dialog for the selection, else the row the keyboard is on or the open one. */
export function escalate(ids: string[] = actionTargets()): void {
  if (ids.length === 0) {
    notifyInfo('Move to a conversation with j and k, or check some with x.', 'Nothing to escalate');
    return;
  }
  useEscalation.getState().escalateAsked(ids);
  void readPrefill(ids);
}

async function readPrefill(ids: string[]): Promise<void> {
  try {
    const [prefill] = await Promise.all([call('escalation.prefill', { ids }), loadTargets()]);
    useEscalation.getState().prefillLoaded(ids, prefill);
  } catch (error) {
    useEscalation.getState().prefillFailed(ids, toErrorInfo(error));
  }
}

export function retryPrefill(): void {
  const { dialog } = useEscalation.getState();
  if (dialog.stage === 'failed') escalate(dialog.ids);
}

export interface EscalateForm {
  targetId: string;
  reason: string;
  priority: Priority;
  note: string;
}

/** Confirms the dialog: true when the core escalated them (the dialog closes); on a failure it stays, inputs kept. */
export async function confirmEscalate(form: EscalateForm): Promise<boolean> {
  const state = useEscalation.getState();
  const { dialog } = state;
  if (dialog.stage !== 'ready' || dialog.saving) return false;
  const targetName = state.targets?.find((t) => t.id === form.targetId)?.name ?? 'the team';
  state.escalateSaving(true);
  try {
    const note = form.note.trim();
    const result = await call('escalation.create', { ids: dialog.ids, targetId: form.targetId, reason: form.reason, priority: form.priority, note: note === '' ? null : note });
    useEscalation.getState().dialogClosed();
    if (useSelection.getState().selected.size > 0) useSelection.getState().selectionCleared();
    const label = escalatedLabel(result.escalated, targetName);
    if (result.undoToken !== null) changeRecorded(result.undoToken, label);
    else notifyInfo(label);
    void loadTargets();
    return true;
  } catch (error) {
    useEscalation.getState().escalateSaving(false);
    notifyFailure(toErrorInfo(error), 'Escalating');
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------

let generation = 0;

export async function loadQueue(): Promise<void> {
  const tab: QueueTab = useEscalation.getState().queueTab;
  const mine = ++generation;
  try {
    const { groups, total } = await call('escalations.list', { state: tab, limit: 500 });
    if (mine !== generation) return;
    const before = queueOrder(useEscalation.getState().groups ?? []);
    useEscalation.getState().queueLoaded(tab, groups, total);
    const after = queueOrder(groups);
    useEscalation.getState().cursorMoved(cursorAfterRemoval(before, after, useEscalation.getState().cursor));
  } catch (error) {
    if (mine === generation) useEscalation.getState().queueFailed(toErrorInfo(error));
  }
}

export function chooseQueueTab(tab: QueueTab): void {
  useEscalation.getState().queueTabChosen(tab);
  void loadQueue();
}

export function moveQueueCursor(step: number): void {
  const { groups, cursor } = useEscalation.getState();
  const next = movedTo(queueOrder(groups ?? []), cursor, step);
  if (next !== null) useEscalation.getState().cursorMoved(next);
}

function entryOf(escalationId: string | null) {
  if (escalationId === null) return null;
  for (const group of useEscalation.getState().groups ?? []) for (const entry of group.items) if (entry.escalation.id === escalationId) return entry;
  return null;
}

/** Enter on a queue row: the conversation, open in the inbox. */
export function openQueueEntry(escalationId = useEscalation.getState().cursor): void {
  const entry = entryOf(escalationId);
  if (!entry) return;
  useWorkspace.getState().pageOpened('inbox');
  void openFeedback(entry.item.id);
}

/** a, d, m on the queue, or the same on the detail's escalation: one call, an Undo toast. */
export async function actOnEscalations(ids: string[], action: QueueAction, targetId?: string): Promise<boolean> {
  if (ids.length === 0) return false;
  const targetName = targetId ? useEscalation.getState().targets?.find((t) => t.id === targetId)?.name : undefined;
  try {
    const result = await call('escalations.update', { ids, action, ...(targetId ? { targetId } : {}) });
    const label = queueActionLabel(action, result.updated || ids.length, targetName);
    if (result.undoToken !== null) changeRecorded(result.undoToken, label);
    else notifyInfo(label);
    void loadQueue();
    void loadTargets();
    return true;
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Changing the escalation', () => void actOnEscalations(ids, action, targetId));
    return false;
  }
}

/** The queue row the keyboard is on, as a list of one (the queue has no multi-select). */
function cursorIds(): string[] {
  const cursor = useEscalation.getState().cursor;
  return cursor !== null && entryOf(cursor)?.escalation.state === 'open' ? [cursor] : [];
}

export function resolveAtCursor(): void {
  void actOnEscalations(cursorIds(), 'resolve');
}

export function deescalateAtCursor(): void {
  void actOnEscalations(cursorIds(), 'deescalate');
}

export function reassignAtCursor(): void {
  const ids = cursorIds();
  if (ids.length > 0) useEscalation.getState().reassignAsked(ids);
}

// ---------------------------------------------------------------------------------------
// The handoff packet
// ---------------------------------------------------------------------------------------

export interface HandoffAsk {
  feedbackId: string;
  targetId: string | null;
  reason: string;
  note: string;
}

export function readHandoff(ask: HandoffAsk) {
  return call('escalation.handoff', {
    feedbackId: ask.feedbackId,
    ...(ask.targetId ? { targetId: ask.targetId } : {}),
    reason: ask.reason.slice(0, 2000),
    note: ask.note.trim() === '' ? null : ask.note.slice(0, 5000),
  });
}

export async function saveHandoff(ask: HandoffAsk, format: 'md' | 'eml'): Promise<void> {
  try {
    const { fileName } = await call('escalation.saveHandoff', {
      feedbackId: ask.feedbackId,
      format,
      ...(ask.targetId ? { targetId: ask.targetId } : {}),
      reason: ask.reason.slice(0, 2000),
    });
    if (fileName !== null) notifyInfo(`Saved the handoff as ${fileName}.`);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Saving the handoff', () => void saveHandoff(ask, format));
  }
}

export async function copyHandoff(markdown: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(markdown);
    notifyInfo('Copied the handoff as Markdown.');
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Copying the handoff');
  }
}

// ---------------------------------------------------------------------------------------
// Following the core
// ---------------------------------------------------------------------------------------

const settleMs = 80;

/** The queue and the nav's count follow escalations from anywhere; a failed webhook is told. */
export function followEscalations(): () => void {
  let timer: number | undefined;
  const refresh = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      void loadTargets();
      // The queue is read again where it shows; elsewhere when its page opens.
      if (useWorkspace.getState().page === 'escalations') void loadQueue();
    }, settleMs);
  };
  void loadTargets();
  const offChanged = onEvent('escalations.changed', refresh);
  const offFeedback = onEvent('feedback.changed', ({ reason }) => {
    if (reason !== 'read' && reason !== 'analysis' && reason !== 'import') refresh();
  });
  const offSent = onEvent('outbound.sent', ({ entry }) => {
    if (entry.outcome === 'failed') notifyWebhookFailed(entry.target, entry.error ?? (entry.status !== null ? `HTTP ${entry.status}` : 'no answer'));
  });
  return () => {
    window.clearTimeout(timer);
    offChanged();
    offFeedback();
    offSent();
  };
}
