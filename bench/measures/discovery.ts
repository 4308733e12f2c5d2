/**
 * Topic discovery speed: discoverTopics over 100,000 generated items (subject + body, each
 * in its generated language), one core, after a warm-up run on 5,000 of them. Also notes
 * how many proposals came out, how many items they hold, the heap the run added, and the
 * process CPU time (beside wall time: on a busy machine the two differ).
 */
import { discoverTopics, type DiscoveryDoc } from '../../src/main/core/analysis/discovery';
import type { BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { timed } from '../lib/stats';

const COUNT = 100_000;

export function measureDiscovery(ctx: BenchContext): void {
  const gen = benchGenerator(COUNT);
  const docs: DiscoveryDoc[] = [];
  for (let i = 0; i < COUNT; i++) {
    const item = gen.item(i);
    docs.push({ text: item.subject ? `${item.subject}\n${item.body}` : item.body, language: item.language });
  }
  discoverTopics(docs.slice(0, 5_000));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const cpuBefore = process.cpuUsage();
  const [topics, ms] = timed(() =>
    discoverTopics(docs, {
      onProgress: () => {
        const used = process.memoryUsage().heapUsed;
        if (used > heapPeak) heapPeak = used;
      },
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const grouped = topics.reduce((s, t) => s + t.members.length, 0);
  ctx.figures.set('topic_discovery_ms', ms, 'ms', '<= 10000', `discoverTopics over ${COUNT.toLocaleString('en-US')} generated items (subject + body), defaults, one core, after a warm-up`);
  ctx.details.discovery = { count: COUNT, ms, cpuMs: (cpu.user + cpu.system) / 1000, proposals: topics.length, grouped, heapAddedMb: (heapPeak - heapBefore) / 1_048_576, names: topics.slice(0, 10).map((t) => `${t.name} (${t.members.length})`) };
}
