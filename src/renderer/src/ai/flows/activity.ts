/** The queue's and the log's calls: read, retry, cancel, page back, export, open an item. */
import type { AiLogEntry } from '../../../../shared/ai/schema';
import { ApiError, call, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { openFeedback } from '../../inbox/flows/detail';
import { useWorkspace } from '../../stores/workspace';
import { nextBefore } from '../model/log';
import { useAi } from '../state';

const store = () => useAi.getState();
const jobReads = { current: 0 };
const logReads = { current: 0 };
const PAGE = 100;

export async function loadJobs(): Promise<void> {
  const mine = ++jobReads.current;
  try {
    const { jobs, queue } = await call('ai.jobs.list', { limit: 200 });
    if (mine === jobReads.current) store().jobsLoaded(jobs, queue);
  } catch (failure) {
    if (mine === jobReads.current) notifyFailure(toErrorInfo(failure), 'Loading the AI queue', () => void loadJobs());
  }
}

/** Retries one failed job, or all of them. */
export async function retryJobs(id?: string): Promise<void> {
  try {
    const { retried } = await call('ai.jobs.retry', id === undefined ? {} : { id });
    if (id === undefined) notifyInfo(retried === 0 ? 'No failed jobs to retry.' : `${retried} job${retried === 1 ? '' : 's'} queued again.`);
    await loadJobs();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Retrying', () => void retryJobs(id));
  }
}

/** Cancels one job, or every job not yet done. */
export async function cancelJobs(id?: string): Promise<void> {
  try {
    const { cancelled } = await call('ai.jobs.cancel', id === undefined ? {} : { id });
    if (id === undefined) notifyInfo(cancelled === 0 ? 'Nothing to cancel.' : `${cancelled} job${cancelled === 1 ? '' : 's'} cancelled.`);
    await loadJobs();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Cancelling', () => void cancelJobs(id));
  }
}

/** A job's item, open in the inbox. */
export function jobItemOpened(feedbackId: string): void {
  useWorkspace.getState().pageOpened('inbox');
  void openFeedback(feedbackId);
}

function kindInput(): { kind?: AiLogEntry['kind'] } {
  const kind = store().logKind;
  return kind === 'all' ? {} : { kind };
}

/** The newest page of the log, for the kind chosen. */
export async function loadLog(): Promise<void> {
  const mine = ++logReads.current;
  try {
    const { entries, total } = await call('ai.log.list', { limit: PAGE, ...kindInput() });
    if (mine === logReads.current) store().logLoaded(entries, total, false);
  } catch (failure) {
    if (mine === logReads.current) notifyFailure(toErrorInfo(failure), 'Loading what left this machine', () => void loadLog());
  }
}

/** The next older page. */
export async function loadOlderLog(): Promise<void> {
  const before = nextBefore(store().log ?? []);
  if (before === null || store().logLoadingMore) return;
  const mine = ++logReads.current;
  store().logMoreStarted();
  try {
    const { entries, total } = await call('ai.log.list', { limit: PAGE, before, ...kindInput() });
    if (mine === logReads.current) store().logLoaded(entries, total, true);
  } catch (failure) {
    store().logLoaded([], store().logTotal, true);
    notifyFailure(toErrorInfo(failure), 'Loading older entries', () => void loadOlderLog());
  }
}

/** JSON Lines where the host's save dialog says; a cancelled dialog (or none to show) is not a failure. */
export async function exportLog(): Promise<void> {
  try {
    const { fileName, count } = await call('ai.log.export', {});
    if (fileName === null) notifyInfo('Nothing was exported.', 'Export cancelled');
    else notifyInfo(`${count} entr${count === 1 ? 'y' : 'ies'} written to ${fileName}.`, 'Log exported');
  } catch (failure) {
    if (failure instanceof ApiError && (failure.code === 'VALIDATION' || failure.code === 'FILE_NOT_GRANTED')) {
      notifyInfo(failure.message, 'Not exported');
      return;
    }
    notifyFailure(toErrorInfo(failure), 'Exporting the log', () => void exportLog());
  }
}
