/**
 * `--experiments`: measured effects of proposed store changes, on bench-only copies of the
 * store code and schema (src/main/core is not changed). Results go to details.experiments
 * in the JSON and to a table after the main one.
 */
import type { ExperimentName } from '../lib/args';
import type { BenchContext } from '../lib/context';
import { openPlainDb, openStoreDb } from '../lib/stores';
import { inboxCases, searchCases } from '../lib/workload';
import { runInsertVariants } from './insert-variants';
import { runCountExperiments, runDeepPageExperiment, runQueryExperiments, type QueryCase } from './query-variants';

export interface ExperimentTable {
  title: string;
  header: string[];
  rows: string[][];
}

const f = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function runExperiments(ctx: BenchContext, plainPath: string | null): Promise<ExperimentTable[]> {
  const tables: ExperimentTable[] = [];
  const main = ctx.main;
  if (!main) return tables;
  const items = ctx.args.quick ? 10_000 : 50_000;
  const want = (name: ExperimentName): boolean => ctx.args.experiments.includes(name);
  const insert = want('insert') ? runInsertVariants(ctx, plainPath, items) : [];
  const base = insert[0]?.itemsPerS ?? 1;
  const baseCpu = insert[0]?.cpuUsPerItem ?? 1;
  if (insert.length) tables.push({
    title: `Insert variants: ${items.toLocaleString('en-US')} new items into a copy of the ${ctx.n.toLocaleString('en-US')}-item store, ${ctx.args.batchSize}/transaction`,
    header: ['variant', 'items/s', 'vs as-is', 'CPU µs/item', 'CPU vs as-is'],
    rows: insert.map((r) => [
      r.name,
      Math.round(r.itemsPerS).toLocaleString('en-US'),
      `${(r.itemsPerS / base).toFixed(2)}x`,
      r.cpuUsPerItem.toFixed(1),
      `${(r.cpuUsPerItem / baseCpu).toFixed(2)}x`,
    ]),
  });

  const result: Record<string, unknown> = { insertItems: items, insert };
  const db = openStoreDb(main);
  try {
    const spec = ctx.details.workload as Parameters<typeof inboxCases>[0];
    const inbox = inboxCases(spec);
    const pick = (name: string): QueryCase[] => inbox.filter((c) => c.name === name).map((c) => ({ name: c.name, filter: c.filter, sort: c.sort }));
    const cases: QueryCase[] = [
      ...pick('tag_refund'),
      ...pick('tag_refund').map((c) => ({ ...c, deep: true })),
      ...pick('vip_view'),
      ...pick('all').map((c) => ({ ...c, deep: true })),
      ...pick('negative_email').map((c) => ({ ...c, deep: true })),
      ...searchCases()
        .filter((c) => c.kind !== 'rare')
        .map((c) => ({ name: `search ${c.name}`, filter: { ...c.filter, query: c.query } })),
    ];
    const queries = want('queries') ? runQueryExperiments(db, cases) : [];
    result.queries = queries;
    if (queries.length) tables.push({
      title: 'Query variants: the page-keys query (step 1 of feedback.list) on the main store, median ms',
      header: ['case', 'current', 'variant', 'variant ms', 'same page'],
      rows: queries.map((q) => [q.case, f(q.currentMs), q.variant, f(q.variantMs), q.samePage ? 'yes' : 'NO']),
    });
    const plainDb = plainPath && want('deep') ? openPlainDb(plainPath) : null;
    try {
      const deep = want('deep') ? runDeepPageExperiment(db, plainDb) : [];
      result.deepPages = deep;
      if (deep.length) tables.push({
        title: 'Deep pages (rows not read recently): whole inbox, median ms per page',
        header: ['store', 'variant', 'ms'],
        rows: deep.map((d) => [d.store, d.variant, f(d.medianMs)]),
      });
    } finally {
      plainDb?.close();
    }
    const counts = want('counts') ? runCountExperiments(db) : [];
    result.counts = counts;
    if (counts.length) tables.push({
      title: 'Counts (views.list) and facets, median ms',
      header: ['query', 'current', 'variant', 'variant ms', 'same'],
      rows: counts.map((c) => [c.name, f(c.currentMs), c.variant, f(c.variantMs), c.same ? 'yes' : 'NO']),
    });
  } finally {
    db.close();
  }
  ctx.details.experiments = { ...result, tables };
  return Promise.resolve(tables);
}

export function formatExperimentTables(tables: readonly ExperimentTable[]): string {
  return tables
    .map((t) => {
      const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
      const line = (cells: string[]): string =>
        cells
          .map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
          .join('  ')
          .trimEnd();
      return [t.title, line(t.header), line(widths.map((w) => '-'.repeat(w))), ...t.rows.map(line)].join('\n');
    })
    .join('\n\n');
}
