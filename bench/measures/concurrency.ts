/**
 * Reads while a job writes, through the host protocol: the core in its worker thread with
 * its job thread (as the app runs it), on the bench's main store. First the cost of the
 * boundary itself (a trivial channel), then an import of 100,000 rows on the job thread
 * while the inbox's first page and searches are asked for again and again.
 *
 * Runs last among the store measures: the import adds its rows to the main store.
 */
import { join } from 'node:path';
import type { Core } from '../../src/main/core/types';
import type { EventPayload } from '../../src/shared/contract';
import { invokeOk, openWorkerCore, readGrant, type BenchContext } from '../lib/context';
import { median, p95 } from '../lib/stats';
import { searchCases } from '../lib/workload';
import { writeImportCsv } from './import';

export const IMPORT_ROWS = 100_000;
const ROUNDTRIPS = 2_000;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Resolves with the final progress of the import, once it has ended. */
function importEnded(core: Core, importId: () => string | null): Promise<EventPayload<'import.progress'>> {
  return new Promise((resolve) => {
    const stop = core.onEvent((name, payload) => {
      const p = payload as EventPayload<'import.progress'>;
      if (name === 'import.progress' && p.importId === importId() && p.state !== 'running') {
        stop();
        resolve(p);
      }
    });
  });
}

export async function measureConcurrency(ctx: BenchContext): Promise<void> {
  if (!ctx.main) throw new Error('the concurrency measure needs the main store');
  const file = join(ctx.workDir, 'during-import.csv');
  await writeImportCsv(file, IMPORT_ROWS, 'concurrency');
  const core = await openWorkerCore(ctx.main, ctx.access);
  try {
    await invokeOk(core, 'app.info');
    const roundtrips: number[] = [];
    for (let i = 0; i < ROUNDTRIPS; i++) roundtrips.push(await timed(() => core.invoke('app.info', {})));
    ctx.figures.set('ipc_roundtrip_p95_ms', p95(roundtrips), 'ms', '<= 2', `app.info through the host protocol (worker thread), ${ROUNDTRIPS} calls`);
    ctx.figures.set('ipc_roundtrip_median_ms', median(roundtrips), 'ms', null);

    const firstPage = { filter: {}, sort: 'newest', limit: 100 };
    const searches = searchCases().filter((c) => c.kind !== 'typing');
    let importId: string | null = null;
    const ended = importEnded(core, () => importId);
    const started = performance.now();
    importId = (await invokeOk<{ importId: string }>(core, 'import.start', { grant: await readGrant(core, file) })).importId;
    const pages: number[] = [];
    const found: number[] = [];
    let finished = false;
    void ended.then(() => (finished = true));
    for (let k = 0; !finished; k++) {
      pages.push(await timed(() => invokeOk(core, 'feedback.list', firstPage)));
      const search = searches[k % searches.length]!;
      found.push(await timed(() => invokeOk(core, 'feedback.list', { filter: { ...search.filter, query: search.query }, sort: 'newest', limit: 100 })));
    }
    const last = await ended;
    const importS = (performance.now() - started) / 1000;
    ctx.figures.set('inbox_page_during_import_p95_ms', p95(pages), 'ms', '<= 30', `first inbox page (100) while ${IMPORT_ROWS.toLocaleString('en-US')} rows import on the job thread, ${pages.length} pages`);
    ctx.figures.set('search_during_import_p95_ms', p95(found), 'ms', '<= 50', `search first pages during the same import, ${found.length} searches`);
    ctx.figures.set('import_with_reads_rows_per_s', last.counts.read / importS, 'rows/s', null, 'the same import, while those reads ran');
    ctx.details.concurrency = {
      roundtripMs: { median: median(roundtrips), p95: p95(roundtrips), max: Math.max(...roundtrips) },
      pageMs: { median: median(pages), p95: p95(pages), max: Math.max(...pages), n: pages.length },
      searchMs: { median: median(found), p95: p95(found), max: Math.max(...found), n: found.length },
      import: { state: last.state, counts: last.counts, seconds: importS },
    };
  } finally {
    await core.close();
  }
}
