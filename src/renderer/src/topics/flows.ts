/**
 * The topic taxonomy's steps that talk to the core, reporting to the topics store: loading,
 * switching topics with a question first when edits are unsaved, saving, deleting, the
 * shipped defaults, and analysing every conversation again once the topics changed.
 */
import { call, onEvent, toErrorInfo } from '../api';
import { notifyFailure, notifyInfo } from '../common/notify';
import { reanalyzeAll } from '../common/reanalyze';
import { topicInputOf, type TopicForm } from './model';
import { selectDirty, useTopics } from './state';

const store = useTopics.getState;

/** Loads the topics; `selectId` as in `topicToOpen`. Never throws: a failure is a toast with Retry. */
export async function loadTopics(selectId?: string | null): Promise<void> {
  const generation = store().loadStarted();
  try {
    const { topics } = await call('taxonomy.list', {});
    store().topicsLoaded(generation, topics, selectId);
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the topics', () => void loadTopics());
  }
}

/** Starts the page afresh and follows changes made elsewhere; returns the way to stop. */
export function openTopicsPage(): () => void {
  store().pageOpened();
  void loadTopics();
  return onEvent('taxonomy.changed', () => store().taxonomyChanged());
}

/** Opening another topic or starting a new one: asks first when edits are unsaved. */
export function topicRequested(next: TopicForm): void {
  const s = store();
  if (!selectDirty(s)) s.topicOpened(next);
  else s.confirmationAsked({ kind: 'discard', name: s.form.name, next });
}

export async function saveTopic(): Promise<void> {
  const { form } = store();
  store().saveStarted();
  try {
    const input = topicInputOf(form);
    const topic = await call('taxonomy.save', form.id ? { ...input, id: form.id } : input);
    await loadTopics(topic.id);
    store().taxonomyChanged();
    notifyInfo(`Saved the topic “${topic.name}”. New conversations are tagged with it from now on.`);
    store().saveFinished();
  } catch (failure) {
    store().saveFailed(toErrorInfo(failure).message);
  }
}

async function deleteTopic(id: string): Promise<void> {
  try {
    await call('taxonomy.delete', { id });
    await loadTopics(null);
    store().taxonomyChanged();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Deleting the topic');
  }
}

async function restoreDefaultTopics(): Promise<void> {
  try {
    const result = await call('taxonomy.restoreDefaults', {});
    await loadTopics();
    notifyInfo(`${result.added} added, ${result.updated} reset to their shipped words.`, 'Default topics restored');
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Restoring the default topics');
  }
}

/** The agent confirmed what the dialog asked: discard the edits, delete, or restore the defaults. */
export function confirmationAccepted(): void {
  const confirming = store().confirming;
  store().confirmationClosed();
  if (confirming === null) return;
  if (confirming.kind === 'discard') store().topicOpened(confirming.next);
  else if (confirming.kind === 'delete') void deleteTopic(confirming.id);
  else void restoreDefaultTopics();
}

export function reanalysisRequested(): void {
  store().reanalysisStarted();
  void reanalyzeAll();
}
