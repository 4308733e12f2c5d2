/**
 * Full-text search through feedback.list with filter.query, as the search box sends it:
 * finished words, prefixes as typed (every keystroke of a word), quoted phrases, rare terms,
 * and searches combined with a filter. Slow ones are explained with their query plan.
 */
import { fileURLToPath } from 'node:url';
import type { Core } from '../../src/main/core/index';
import { listFeedback } from '../../src/main/core/store/feedback-repo';
import { toFtsQuery } from '../../src/shared/search';
import { runChild } from '../lib/child';
import { invokeOk, unlockInput, type BenchContext } from '../lib/context';
import { explainAll, openTraced } from '../lib/plans';
import { median, p95, sampleAsync } from '../lib/stats';
import { oneCharQueries, searchCases, type SearchKind } from '../lib/workload';

const ONCE = fileURLToPath(new URL('../children/search-once.ts', import.meta.url));

export async function measureSearch(ctx: BenchContext, core: Core): Promise<void> {
  const reps = ctx.args.quick ? 8 : 12;
  const cases = searchCases();
  const byKind = new Map<SearchKind, number[]>();
  const perCase: Record<string, { query: string; match: string | null; median: number; p95: number; rows: number; total: number | null }> = {};
  for (const c of cases) {
    const input = { filter: { ...c.filter, query: c.query }, limit: 100 };
    let rows = 0;
    const samples = await sampleAsync(async () => {
      rows = (await invokeOk<{ items: unknown[] }>(core, 'feedback.list', input)).items.length;
    }, reps);
    const list = byKind.get(c.kind) ?? [];
    list.push(...samples);
    byKind.set(c.kind, list);
    perCase[c.name] = { query: c.query, match: toFtsQuery(c.query), median: median(samples), p95: p95(samples), rows, total: null };
  }
  const all = (kinds: SearchKind[]): number[] => kinds.flatMap((k) => byKind.get(k) ?? []);
  // The worst query's p95, not a pooled p95: slow queries get fewer samples (sampleAsync
  // stops early past 100 ms), so pooling let a few fast queries hide a slow one.
  const worstP95 = (kinds: SearchKind[]): number | null => {
    const p95s = cases.filter((c) => kinds.includes(c.kind)).map((c) => perCase[c.name]?.p95 ?? 0);
    return p95s.length ? Math.max(...p95s) : null;
  };
  const fig = (name: string, kinds: SearchKind[], note: string): void => {
    ctx.figures.set(name, worstP95(kinds), 'ms', '<= 30', `${note}; worst query's p95`);
  };
  fig('search_p95_ms', ['word', 'prefix', 'phrase', 'filtered', 'rare'], 'feedback.list with filter.query, first page of 100');
  fig('search_word_p95_ms', ['word'], 'finished words (trailing space)');
  fig('search_prefix_p95_ms', ['prefix'], 'a word being typed (prefix match)');
  fig('search_phrase_p95_ms', ['phrase'], 'quoted phrases');
  fig('search_filtered_p95_ms', ['filtered'], 'search + status/sentiment/channel filter');
  fig('search_rare_p95_ms', ['rare'], 'terms with few or no hits');
  fig('search_typing_p95_ms', ['typing'], 'each keystroke of "refund" from 2 chars (as typed, prefix match)');
  ctx.figures.set('search_median_ms', median(all(['word', 'prefix', 'phrase', 'filtered', 'rare'])), 'ms', null);

  // One typed character: not covered by the prefix index; run apart with a time limit.
  const limitS = ctx.args.quick ? 10 : 30;
  const oneChar: Record<string, number | null> = {};
  if (ctx.main) {
    for (const q of oneCharQueries) {
      try {
        oneChar[q] = (await runChild<{ ms: number }>(ONCE, { dataDir: ctx.main.dataDir, unlock: unlockInput(ctx.main), query: q }, limitS * 1000)).value.ms;
      } catch {
        oneChar[q] = null;
      }
    }
  }
  const oneCharValues = Object.values(oneChar);
  const stopped = oneCharValues.some((v) => v === null);
  ctx.figures.set(
    'search_one_char_ms',
    stopped ? limitS * 1000 : Math.max(...(oneCharValues as number[])),
    'ms',
    '<= 30',
    stopped ? `AT LEAST this: stopped at the ${limitS} s limit, one typed character (${oneCharQueries.join(', ')})` : `one typed character (${oneCharQueries.join(', ')}), one run`,
  );

  // How many items each query matches, and for the slow ones, why.
  const traced = ctx.main ? openTraced(ctx.main) : null;
  const profiles: Record<string, unknown> = {};
  if (traced) {
    try {
      for (const c of cases) {
        const entry = perCase[c.name];
        if (!entry) continue;
        const match = entry.match;
        if (match) entry.total = (traced.db.prepare('SELECT count(*) AS n FROM feedback_fts WHERE feedback_fts MATCH ?').get(match) as { n: number }).n;
        if (entry.p95 <= 30) continue;
        // The plan does not depend on the term (no statistics): take the SQL from a search
        // that matches nothing, instead of running the slow one again.
        traced.take();
        listFeedback(traced.db, { filter: { ...c.filter, query: `${c.query.startsWith('"') ? '"' : ''}zqxjkv${c.query.endsWith(' ') ? ' ' : ''}` }, cursor: null, limit: 100 });
        const statements = explainAll(traced.db, traced.take());
        const t0 = performance.now();
        const ftsOnly = (traced.db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ?)').get(match) as { n: number }).n;
        const ftsMs = performance.now() - t0;
        profiles[c.name] = { matches: ftsOnly, ftsMatchAllMs: ftsMs, coreMedianMs: entry.median, statements };
      }
      const segments = traced.db.prepare("SELECT count(*) AS n FROM feedback_fts_data").get() as { n: number };
      profiles.ftsDataRows = segments.n;
    } finally {
      traced.close();
    }
  }
  ctx.details.search = { repetitions: reps, cases: perCase, oneChar: { limitS, ms: oneChar }, profiles };
}
