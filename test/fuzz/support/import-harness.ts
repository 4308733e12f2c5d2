/**
 * One file through the core's import channels, the way the window does it (a read grant,
 * import.preview, import.start, the final progress event, import.report), with its time and
 * heap watched, and what the store held before and after it.
 */
import { createHash } from 'node:crypto';
import type { EventPayload, ImportReport } from '../../../src/shared/contract';
import type { HostCore } from '../../../src/main/core';
import type { ErrorInfo, Result } from '../../../src/shared/errors';

export interface Fingerprint {
  items: number;
  /** Of every item's id, preview, status and message count: any change to a stored item shows. */
  digest: string;
}

export async function fingerprint(core: HostCore): Promise<Fingerprint> {
  const hash = createHash('sha256');
  let items = 0;
  let cursor: string | null = null;
  do {
    const page = await core.invoke('feedback.list', { sort: 'oldest', limit: 500, cursor });
    if (!page.ok) throw new Error(`feedback.list failed: ${page.error.message}`);
    const value = page.value as { items: { id: string; preview: string; status: string; messageCount: number }[]; nextCursor: string | null };
    for (const item of value.items) hash.update(`${item.id}\u0000${item.preview}\u0000${item.status}\u0000${item.messageCount}\n`);
    items += value.items.length;
    cursor = value.nextCursor;
  } while (cursor !== null);
  return { items, digest: hash.digest('hex') };
}

export type ImportOutcome =
  | { stage: 'preview'; error: ErrorInfo; startError: ErrorInfo }
  | { stage: 'start'; error: ErrorInfo }
  | { stage: 'report'; report: ImportReport; preview: Result<unknown> };

export interface Watched<T> {
  value: T;
  ms: number;
  /** The highest heapUsed seen while it ran, above the heap when it started. */
  heapGrowthBytes: number;
}

/** Runs `work`, sampling the heap every few milliseconds; rejects past `timeoutMs` (a hang). */
export async function watched<T>(work: () => Promise<T>, timeoutMs: number): Promise<Watched<T>> {
  const start = performance.now();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const value = await Promise.race([work(), hang]);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, ms: performance.now() - start, heapGrowthBytes: peak - base };
  } finally {
    clearInterval(sampler);
    clearTimeout(timer);
  }
}

/** The answer of one import of `path`, whatever stage it stopped at. */
export async function importOnce(core: HostCore, path: string, format: string | undefined): Promise<ImportOutcome> {
  const granted = await core.grantFile(path, 'read');
  if (!granted.ok) throw new Error(`grantFile failed: ${granted.error.message}`);
  const grant = granted.value.grant;
  const input = format === undefined ? { grant } : { grant, format };
  const preview = await core.invoke('import.preview', input);
  if (!preview.ok) {
    // A file the preview refuses must be refused by start too, with nothing written.
    const started = await core.invoke('import.start', input);
    if (started.ok) throw new Error(`import.start accepted a file import.preview refused (${preview.error.code}: ${preview.error.message})`);
    return { stage: 'preview', error: preview.error, startError: started.error };
  }
  const finished = new Map<string, true>();
  const stop = core.onEvent((name, payload) => {
    const p = payload as EventPayload<'import.progress'>;
    if (name === 'import.progress' && p.state !== 'running') finished.set(p.importId, true);
  });
  try {
    const started = await core.invoke('import.start', input);
    if (!started.ok) return { stage: 'start', error: started.error };
    const { importId } = started.value as { importId: string };
    while (!finished.has(importId)) await new Promise((r) => setTimeout(r, 5));
    const report = await core.invoke('import.report', { importId });
    if (!report.ok) throw new Error(`import.report failed: ${report.error.message}`);
    return { stage: 'report', report: report.value as ImportReport, preview };
  } finally {
    stop();
  }
}
