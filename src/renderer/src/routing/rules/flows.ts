/**
 * The rules tab's steps that talk to the core: loading (with the teams rules name), the
 * debounced live preview of the draft, saving, switching rules with a question first when
 * edits are unsaved, turning a rule on or off, moving, deleting and the shipped rules.
 */
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { openFeedback } from '../../inbox/flows/detail';
import { useWorkspace } from '../../stores/workspace';
import type { Rule } from '../../../../shared/escalation/schema';
import { conditionProblem, draftOf, previewInput, sameDraft, saveInput, type RuleDraft } from '../model/rule-draft';
import { selectDirty, useRules } from '../model/rules-store';

const store = useRules.getState;
export const PREVIEW_DELAY_MS = 250;
const PREVIEW_LIMIT = 50;
const RELOAD_DELAY_MS = 150;

export async function loadRules(): Promise<void> {
  const generation = store().loadStarted();
  try {
    const [{ rules }, { targets }] = await Promise.all([call('rules.list', {}), call('escalation.targets.list', {})]);
    store().rulesLoaded(generation, rules, targets);
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the rules', () => void loadRules());
  }
}

/** Loads the rules and follows changes made elsewhere (the CLI, another tab); returns the way to stop. */
export function openRulesTab(): () => void {
  void loadRules();
  // Counts follow the conversations they count; a burst of changes (an import) is one reload.
  let reload: ReturnType<typeof setTimeout> | null = null;
  const reloadSoon = (): void => {
    if (reload !== null) clearTimeout(reload);
    reload = setTimeout(() => {
      reload = null;
      void loadRules();
    }, RELOAD_DELAY_MS);
  };
  const offs = [onEvent('rules.changed', reloadSoon), onEvent('escalations.changed', reloadSoon), onEvent('feedback.changed', reloadSoon)];
  const draft = store().draft;
  if (draft !== null) previewSoon();
  return () => {
    for (const off of offs) off();
    if (reload !== null) clearTimeout(reload);
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Asks for a preview of the draft once edits pause; an answer overtaken by a newer draft is dropped. */
function previewSoon(): void {
  if (timer !== null) clearTimeout(timer);
  const draft = store().draft;
  if (draft === null) return;
  const input = previewInput(draft);
  if (input === null) {
    timer = null;
    store().previewInvalid(conditionProblem(draft) ?? '');
    return;
  }
  timer = setTimeout(() => {
    timer = null;
    void runPreview(input);
  }, PREVIEW_DELAY_MS);
}

async function runPreview(rule: NonNullable<ReturnType<typeof previewInput>>): Promise<void> {
  const generation = store().previewStarted();
  try {
    const { count, items } = await call('rules.preview', { rule, limit: PREVIEW_LIMIT });
    store().previewAnswered(generation, count, items);
  } catch (failure) {
    store().previewFailed(generation, toErrorInfo(failure).message);
  }
}

export function draftEdited(patch: Partial<RuleDraft>): void {
  const before = store().draft;
  store().draftEdited(patch);
  // A field that reports its value again on blur (a number clamped to itself) asks for nothing.
  const after = store().draft;
  if (before !== null && after !== null && sameDraft(before, after)) return;
  previewSoon();
}

export function draftReverted(): void {
  store().draftReverted();
  previewSoon();
}

function open(next: RuleDraft | null): void {
  store().ruleOpened(next);
  previewSoon();
}

/** Opening another rule, a new one, or closing the editor: asks first when edits are unsaved. */
export function ruleRequested(next: RuleDraft | null): void {
  const s = store();
  if (!selectDirty(s)) open(next);
  else s.confirmationAsked({ kind: 'discard', next });
}

export async function saveRule(): Promise<void> {
  const { draft } = store();
  if (draft === null) return;
  const checked = saveInput(draft);
  if (!checked.ok) {
    store().saveFailed(checked.message);
    return;
  }
  store().saveStarted();
  try {
    const rule = await call('rules.save', checked.input);
    store().saveFinished(draftOf(rule));
    await loadRules();
    notifyInfo(`Saved the rule “${rule.name}”. It matches ${rule.matches} conversation${rule.matches === 1 ? '' : 's'} now.`);
  } catch (failure) {
    store().saveFailed(toErrorInfo(failure).message);
  }
}

const inputOf = (rule: Rule) => ({
  id: rule.id,
  name: rule.name,
  enabled: rule.enabled,
  match: rule.match,
  conditions: rule.conditions,
  actions: rule.actions,
  autoEscalate: rule.autoEscalate,
});

/** The list's switch: saves the rule as it is stored with `enabled` flipped (an open draft keeps its edits). */
export async function ruleToggled(rule: Rule, enabled: boolean): Promise<void> {
  try {
    const saved = await call('rules.save', { ...inputOf(rule), enabled });
    store().enabledSaved(saved.id, saved.enabled);
    await loadRules();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), enabled ? 'Turning the rule on' : 'Turning the rule off');
  }
}

export async function ruleMoved(rule: Rule, position: number): Promise<void> {
  try {
    await call('rules.move', { id: rule.id, position });
    await loadRules();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Moving the rule');
  }
}

async function deleteRule(id: string): Promise<void> {
  try {
    await call('rules.delete', { id });
    if (store().draft?.id === id) open(null);
    await loadRules();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Deleting the rule');
  }
}

async function restoreShippedRules(): Promise<void> {
  try {
    const { added } = await call('rules.restoreDefaults', {});
    await loadRules();
    notifyInfo(added === 0 ? 'Every shipped rule is here already.' : `${added} shipped rule${added === 1 ? '' : 's'} added back.`, 'Shipped rules');
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Restoring the shipped rules');
  }
}

export function confirmationAccepted(): void {
  const confirming = store().confirming;
  store().confirmationClosed();
  if (confirming === null) return;
  if (confirming.kind === 'discard') open(confirming.next);
  else if (confirming.kind === 'delete') void deleteRule(confirming.id);
  else void restoreShippedRules();
}

/** A preview row: the conversation in the inbox. */
export function previewItemOpened(id: string): void {
  useWorkspace.getState().pageOpened('inbox');
  void openFeedback(id);
}
