/**
 * `generate`: writes synthetic, realistic support feedback (deterministic for a seed) as
 * RFC 4180 CSV or as JSON lines, for benchmarks, demos and importer tests. It needs no
 * inbox: nothing is opened or unlocked.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { HearkenError } from '../../shared/errors';
import { createGenerator, csvHeader, DEFAULT_END, itemToCsv, type SyntheticItem } from '../../shared/synthetic';

export interface GenerateOptions {
  count: string;
  out: string;
  seed: string;
  format: string;
  end?: string;
  days: string;
  handles: string;
}

function whole(value: string, flag: string, min: number): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min) throw new HearkenError('VALIDATION', `--${flag} needs a whole number of at least ${min} (got "${value}").`);
  return n;
}

function jsonLine(item: SyntheticItem): string {
  return `${JSON.stringify({ ...item, receivedAt: new Date(item.receivedAt).toISOString() })}\n`;
}

export async function generate(opts: GenerateOptions): Promise<void> {
  const count = whole(opts.count, 'count', 1);
  const seed = whole(opts.seed, 'seed', 0);
  const days = whole(opts.days, 'days', 1);
  const handles = Number(opts.handles);
  if (!(handles >= 0)) throw new HearkenError('VALIDATION', '--handles needs a number of at least 0.');
  if (opts.format !== 'csv' && opts.format !== 'jsonl') throw new HearkenError('VALIDATION', `--format is csv or jsonl (got "${opts.format}").`);
  const end = opts.end === undefined ? DEFAULT_END : Date.parse(opts.end);
  if (!Number.isFinite(end)) throw new HearkenError('VALIDATION', `--end needs a date such as 2025-06-01 (got "${opts.end}").`);

  const generator = createGenerator({ seed, count, end, days, handles });
  const line = opts.format === 'csv' ? itemToCsv : jsonLine;
  const toStdout = opts.out === '-';
  const out = toStdout ? process.stdout : createWriteStream(opts.out, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', (error) => reject(new HearkenError('INTERNAL', `Writing ${opts.out} failed: ${error.message}`))));
  const t0 = performance.now();
  let chunk = opts.format === 'csv' ? csvHeader() : '';
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    chunk += line(generator.item(i));
    if (chunk.length >= 1 << 20 || i === count - 1) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      chunk = '';
    }
  }
  if (!toStdout) {
    const file = out as ReturnType<typeof createWriteStream>;
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `Wrote ${count.toLocaleString('en-US')} items (${(bytes / 2 ** 20).toFixed(1)} MiB, seed ${seed}) to ${opts.out} in ${seconds.toFixed(1)} s (${Math.round(count / seconds).toLocaleString('en-US')} items/s).\n`,
    );
  }
}
