/** The per-conversation export as a job, so a million rows are written off the window's thread. */
import { ExportCancelled, writeConversationRows } from '../../reports/rows';
import type { ExportJobParams, ExportJobResult, JobEnv } from '../types';

export async function exportJob(env: JobEnv, params: ExportJobParams): Promise<ExportJobResult> {
  let done = 0;
  try {
    const count = await writeConversationRows(env.db(), params.filter, params.format, params.path, {
      signal: env.signal,
      now: env.now(),
      ...(params.timeZone === undefined ? {} : { timeZone: params.timeZone }),
      onProgress: (written, total) => {
        done = written;
        env.progress({ done: written, total });
      },
    });
    return { state: 'done', count };
  } catch (error) {
    // Nothing is left under the chosen name: the writer removed its temporary file.
    if (error instanceof ExportCancelled) return { state: 'cancelled', count: done };
    throw error;
  }
}
