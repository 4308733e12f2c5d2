/** The synthetic data generator must not be the bottleneck: items per second, and as CSV. */
import { csvHeader, itemToCsv } from '../../src/shared/synthetic';
import type { BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { timed } from '../lib/stats';

export function measureGenerator(ctx: BenchContext): void {
  const count = Math.min(ctx.n, 500_000);
  const gen = benchGenerator(count);
  // Warm the JIT first: the rate that matters is the steady one of a long run.
  for (let i = 0; i < Math.min(count, 20_000); i++) gen.item(i);
  const [bodyChars, ms] = timed(() => {
    let chars = 0;
    for (let i = 0; i < count; i++) chars += gen.item(i).body.length;
    return chars;
  });
  const csvCount = Math.min(count, 100_000);
  const [csvBytes, csvMs] = timed(() => {
    let bytes = csvHeader().length;
    for (let i = 0; i < csvCount; i++) bytes += itemToCsv(gen.item(i)).length;
    return bytes;
  });
  ctx.figures.set('generator_items_per_s', (count / ms) * 1000, 'items/s', '>= 200000', `${count.toLocaleString('en-US')} items, seeded`);
  ctx.figures.set('generator_csv_items_per_s', (csvCount / csvMs) * 1000, 'items/s', null, 'items generated and written as RFC 4180 CSV text');
  ctx.details.generator = { count, ms, meanBodyChars: bodyChars / count, csvCount, csvMs, csvCharsPerItem: csvBytes / csvCount };
}
