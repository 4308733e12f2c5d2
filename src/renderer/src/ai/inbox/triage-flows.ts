/**
 * The AI's triage in the inbox: asking for it (one item, a selection, a view), accepting or
 * dismissing it, and opening the Escalate dialog as the model suggests (a person still
 * confirms). Nothing here changes an item without the agent's click.
 */
import type { AiTriage, TriageField } from '../../../../shared/ai/schema';
import { call, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { loadTargets } from '../../escalation/flows';
import { useEscalation } from '../../escalation/state';
import { refreshDetail } from '../../inbox/flows/detail';
import { actionTargets, changeRecorded } from '../../inbox/flows/triage';
import { useDetail } from '../../inbox/state/detail';
import { useQuery } from '../../inbox/state/query';
import { useSelection } from '../../inbox/state/selection';
import { fieldLabels, queuedLine } from './model';
import { useAiInbox } from './state';
import { aiReady } from './status';

const store = useAiInbox.getState;

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
