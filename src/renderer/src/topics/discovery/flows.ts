/**
 * "Suggest topics"' steps that talk to the core, reporting to the discovery store: reading
 * the latest proposals, starting a run and following it, accepting or rejecting a
 * proposal, and opening a sample in the inbox.
 */
import type { DiscoveryScope } from '../../../../shared/contract';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { openFeedback } from '../../inbox/flows/detail';
import { useWorkspace } from '../../stores/workspace';
import { loadTopics } from '../flows';
import { editOf, useDiscovery, type TopicsPanel } from './state';

const store = useDiscovery.getState;

/** Reads the latest run's proposals. Never throws: a failure is a toast with Retry. */
export async function loadProposals(): Promise<void> {
  const generation = store().loadStarted();
  try {
    store().proposalsLoaded(generation, await call('topics.proposals', {}));
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the suggested topics', () => void loadProposals());
  }
}

async function loadViews(): Promise<void> {
  try {
    store().viewsLoaded(await call('views.list', {}));
  } catch {
    // The scope menu then offers no views; the other scopes still work.
  }
}

/** While the topics page shows: follows runs and decisions made anywhere; returns the way to stop. */
export function followDiscovery(): () => void {
  void loadProposals();
  void loadViews();
  const stops = [
    onEvent('topics.discovery', (p) => {
      if (p.state === 'running') store().runProgressed({ jobId: p.jobId, done: p.done, total: p.total });
      else store().runEnded(p.jobId, p.error);
      if (p.state === 'cancelled') notifyInfo('Suggesting topics stopped before it finished; the earlier suggestions stay.');
    }),
    onEvent('topics.proposals.changed', () => void loadProposals()),
    onEvent('views.changed', () => void loadViews()),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

export function suggestRequested(scope: DiscoveryScope = store().scope): void {
  void (async () => {
    try {
      const { jobId } = await call('topics.suggest', { scope });
      store().runStarted(jobId);
    } catch (failure) {
      notifyFailure(toErrorInfo(failure), 'Suggesting topics');
    }
  })();
}

export async function acceptRequested(id: string): Promise<void> {
  const s = store();
  const proposal = s.proposals?.find((p) => p.id === id);
  if (!proposal || s.pending[id]) return;
  const edit = editOf(s, id);
  const name = edit.name.trim();
  if (name === '') {
    store().decisionFailed(id, 'Give the topic a name.');
    return;
  }
  if (edit.keywords.length === 0) {
    store().decisionFailed(id, 'Keep at least one keyword, or the topic can never match new conversations.');
    return;
  }
  store().decisionStarted(id, 'accept');
  try {
    const changed = name !== proposal.name || edit.keywords.length !== proposal.keywords.length;
    const result = await call('topics.accept', changed ? { id, name, keywords: edit.keywords } : { id });
    store().proposalAccepted(proposal, result.topic.name, result.tagged);
    // The taxonomy list beside it shows the new topic.
    void loadTopics();
  } catch (failure) {
    store().decisionFailed(id, toErrorInfo(failure).message);
  }
}

export async function rejectRequested(id: string): Promise<void> {
  if (store().pending[id]) return;
  store().decisionStarted(id, 'reject');
  try {
    await call('topics.reject', { id });
    store().proposalRejected(id);
  } catch (failure) {
    store().decisionFailed(id, null);
    notifyFailure(toErrorInfo(failure), 'Setting the suggestion aside');
  }
}

/** A sample item opens in the inbox, as a queue entry does. */
export function sampleOpened(id: string): void {
  useWorkspace.getState().pageOpened('inbox');
  void openFeedback(id);
}

/** The command palette's "Suggest topics": the topics page, on its suggestions. */
export function openSuggestions(): void {
  store().panelChosen('suggest');
  useWorkspace.getState().pageOpened('topics');
}

export function panelChosen(panel: TopicsPanel): void {
  store().panelChosen(panel);
}
