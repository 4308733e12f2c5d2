/**
 * Asking the configured LLM for a period summary and following it to the end: the
 * `ai.summary.ready` push when it lands, and a slow poll of `ai.summary.get` meanwhile (a
 * push can be missed while the window reloads, and a failed job sends none).
 */
import type { ErrorInfo } from '../../../../shared/errors';
import { call, onEvent, toErrorInfo } from '../../api';
import { periodKey, useSummary } from './summary-state';

const store = useSummary.getState;
const POLL_MS = 3000;

async function whyNoSummary(jobId: string): Promise<ErrorInfo> {
  const fallback: ErrorInfo = { code: 'AI_OFFLINE', message: 'The model did not write a summary. The AI & privacy page lists the job and why it stopped.' };
  try {
    const { jobs } = await call('ai.jobs.list', { purpose: 'summary', limit: 50 });
    const job = jobs.find((j) => j.id === jobId);
    if (job?.state === 'cancelled') return { code: 'AI_OFFLINE', message: 'The summary was cancelled. Ask again to write it.' };
    return job?.error ? { code: 'AI_OFFLINE', message: job.error } : fallback;
  } catch {
    return fallback;
  }
}

/** Reads the period's summary (or the job writing it); returns whether it is still being written. */
export async function readSummary(from: number, to: number): Promise<boolean> {
  const period = periodKey(from, to);
  try {
    const { summary, job } = await call('ai.summary.get', { from, to });
    const asked = store().jobId;
    if (summary === null && job === null && asked !== null && store().period === period && store().phase === 'writing') {
      // The job this window asked for ended without a summary: say why, from the queue.
      store().summaryFailed(period, await whyNoSummary(asked));
    } else store().summaryRead(period, summary, job);
  } catch (error) {
    store().summaryFailed(period, toErrorInfo(error));
  }
  return store().period === period && store().phase === 'writing';
}

export async function writeSummary(from: number, to: number): Promise<void> {
  const period = periodKey(from, to);
  store().summaryAsked(period);
  try {
    const { jobId } = await call('ai.summary.start', { from, to });
    store().summaryQueued(period, jobId);
  } catch (error) {
    store().summaryFailed(period, toErrorInfo(error));
    return;
  }
  await readSummary(from, to);
}

/** Follows the period on screen until its summary is written or fails; returns the stop. */
export function followSummary(from: number, to: number): () => void {
  const period = periodKey(from, to);
  store().periodShown(period);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    const writing = await readSummary(from, to);
    if (!stopped && writing && timer === null) timer = setTimeout(() => void tick(), POLL_MS);
  };
  // Polls only while a summary is being written.
  const offStore = useSummary.subscribe((s) => {
    if (!stopped && s.period === period && s.phase === 'writing' && timer === null) timer = setTimeout(() => void tick(), POLL_MS);
  });
  const off = onEvent('ai.summary.ready', ({ summary }) => {
    if (summary.from === from && summary.to === to) store().summaryRead(period, summary, null);
  });
  void tick();
  return () => {
    stopped = true;
    off();
    offStore();
    if (timer !== null) clearTimeout(timer);
  };
}
