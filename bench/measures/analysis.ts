/**
 * Local analysis speed: sentiment + language + topics per item, on the bench generator's
 * texts (subject + body), beside vader-sentiment on the same texts in the same run, so
 * that a busy or slow machine shows in both figures. Both are warmed up first; one core.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/main/core/analysis/analyze';
import type { BenchContext } from '../lib/context';
import { runChild } from '../lib/child';
import { benchGenerator } from '../lib/items';
import { timed } from '../lib/stats';

// vader-sentiment ships no types and is CommonJS.
const vader = createRequire(import.meta.url)('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };

const COUNT = 50_000;
/** Texts the memory child analyses: a few thousand in every generator language. */
const RSS_COUNT = 5_000;
const RSS_CHILD = fileURLToPath(new URL('../children/analysis-memory.ts', import.meta.url));
const VADER_COUNT = 5_000;

interface AnalysisMemory {
  rawMb: number;
  addedMb: number;
  withCompilerThreadsMb: number;
  controlMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export async function measureAnalysis(ctx: BenchContext): Promise<void> {
  const count = Math.min(ctx.n, COUNT);
  const gen = benchGenerator(count);
  const texts: string[] = [];
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const item = gen.item(i);
    const text = item.subject ? `${item.subject}\n${item.body}` : item.body;
    texts.push(text);
    chars += text.length;
  }
  const warm = Math.min(count, 10_000);
  for (let i = 0; i < warm; i++) analyze({ text: texts[i] as string }, { urgency: false });
  // CPU time beside wall time: on a busy machine the wall figure also counts waiting.
  const cpu0 = process.cpuUsage();
  const [topics, ms] = timed(() => {
    let n = 0;
    for (const text of texts) n += analyze({ text }, { urgency: false }).topics.length;
    return n;
  });
  const cpu = process.cpuUsage(cpu0);
  const cpuUsPerItem = (cpu.user + cpu.system) / count;
  const vaderCount = Math.min(count, VADER_COUNT);
  for (let i = 0; i < 500; i++) vader.SentimentIntensityAnalyzer.polarity_scores(texts[i] as string);
  const [, vaderMs] = timed(() => {
    for (let i = 0; i < vaderCount; i++) vader.SentimentIntensityAnalyzer.polarity_scores(texts[i] as string);
  });
  ctx.figures.set('analysis_items_per_s', (count / ms) * 1000, 'items/s', '>= 100000', `sentiment + language + topics, ${count.toLocaleString('en-US')} generated items, one core (CPU ${cpuUsPerItem.toFixed(1)} µs per item)`);
  ctx.figures.set('vader_items_per_s', (vaderCount / vaderMs) * 1000, 'items/s', null, `vader-sentiment polarity_scores on the same texts (${vaderCount.toLocaleString('en-US')})`);
  // Resident memory of the analysis, bundled as the app ships it, in fresh plain-node
  // processes beside a control (bench/children/analysis-memory.ts).
  const { value: rss } = await runChild<AnalysisMemory>(RSS_CHILD, { count: RSS_COUNT, mode: 'hearken' });
  ctx.figures.set(
    'analysis_rss_mb',
    rss.addedMb,
    'MB',
    '<= 25',
    `RSS the bundled analyze() adds once imported and run on ${RSS_COUNT.toLocaleString('en-US')} generated texts (every language), minus a control process running the same loop without it; both with the young generation fixed and filled and V8's compiler on the main thread (with compiler threads: ${rss.withCompilerThreadsMb.toFixed(1)} MB); raw, V8 defaults and no control: ${rss.rawMb.toFixed(1)} MB; heap used +${rss.heapUsedMb.toFixed(1)} MB, external +${rss.externalMb.toFixed(1)} MB`,
  );
  ctx.details.analysis = { count, ms, cpuUsPerItem, meanChars: chars / count, topicsPerItem: topics / count, vaderCount, vaderMs, rss };
}
