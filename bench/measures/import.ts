/**
 * Import speed and memory: a CSV of n generated items (the bench's item count) and an mbox of
 * 10,000 threaded messages, each imported by a fresh process (bench/children/import-file.ts)
 * into a fresh encrypted store, through the real readers and pipeline on the job thread (with
 * its parse worker, as the app and `hearken import` run it): import.start to the final
 * progress event. Peak RSS is that process's VmHWM.
 */
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, csvHeader, itemToCsv, type SyntheticItem } from '../../src/shared/synthetic';
import { runChild } from '../lib/child';
import { unlockInput, type BenchContext } from '../lib/context';
import { BENCH_SEED, benchGenerator } from '../lib/items';
import { createStore } from '../lib/stores';

const CHILD = fileURLToPath(new URL('../children/import-file.ts', import.meta.url));
const MBOX_MESSAGES = 10_000;

interface ImportChild {
  ms: number;
  state: string;
  error: { code: string; message: string } | null;
  counts: { read: number; imported: number; duplicates: number; failed: number };
  problemsTotal: number;
  firstProblems: unknown[];
  rssBeforeImportMb: number | null;
  peakRssMb: number | null;
}

export async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return statSync(file).size;
}

function* csvLines(n: number): Generator<string> {
  const gen = benchGenerator(n);
  yield csvHeader();
  for (let i = 0; i < n; i++) yield itemToCsv(gen.item(i));
}

/**
 * A CSV of `count` items that are not in the bench's store (another seed), dated in the 30
 * days after it, as a new export that lands on top of the inbox.
 */
export async function writeImportCsv(file: string, count: number, label: string): Promise<number> {
  const base = benchGenerator(1);
  const gen = createGenerator({ seed: BENCH_SEED + 101 + label.length, count, end: base.end + 30 * 86_400_000, days: 30 });
  function* lines(): Generator<string> {
    yield csvHeader();
    for (let i = 0; i < count; i++) yield itemToCsv(gen.item(i));
  }
  return writeLines(file, lines());
}

const rfc2822 = (ms: number): string => new Date(ms).toUTCString().replace('GMT', '+0000');
/** mbox "From " line date: asctime format. */
function asctime(ms: number): string {
  const d = new Date(ms);
  const [wd, mon] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  const hh = (x: number): string => String(x).padStart(2, '0');
  return `${wd} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${hh(d.getUTCHours())}:${hh(d.getUTCMinutes())}:${hh(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** One thread of a synthetic item as mbox messages linked by Message-ID, In-Reply-To and References. */
function* threadMessages(item: SyntheticItem, limit: number): Generator<string> {
  const customer = item.customer?.email ? `${item.customer.name} <${item.customer.email}>` : `Customer <anonymous-${item.index}@bench.invalid>`;
  const support = 'Support <support@hearken.invalid>';
  const ids: string[] = [];
  for (const [m, message] of item.messages.slice(0, limit).entries()) {
    const id = `<${item.externalId}.${m}@bench.hearken.invalid>`;
    const from = message.direction === 'in' ? customer : support;
    const to = message.direction === 'in' ? support : customer;
    const subject = `${m > 0 ? 'Re: ' : ''}${item.subject ?? `Feedback ${item.index}`}`;
    const headers = [
      `From ${from.replace(/^.*<|>$/g, '')} ${asctime(message.sentAt)}`,
      `From: ${from}`,
      `To: ${to}`,
      `Subject: ${subject}`,
      `Date: ${rfc2822(message.sentAt)}`,
      `Message-ID: ${id}`,
      ...(ids.length ? [`In-Reply-To: ${ids.at(-1)}`, `References: ${ids.join(' ')}`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    const body = message.body.replace(/\r?\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    ids.push(id);
    yield `${headers.join('\n')}\n\n${body}\n\n`;
  }
}

/** An mbox of `count` messages: synthetic threads, each message linked to the one before. */
export function* mboxLines(count: number): Generator<string> {
  const gen = createGenerator({ seed: BENCH_SEED + 7, count: count });
  let written = 0;
  for (let i = 0; written < count; i++) {
    const item = gen.item(i % gen.count);
    for (const message of threadMessages(item, count - written)) {
      written++;
      yield message;
    }
  }
}

async function importInChild(ctx: BenchContext, name: string, file: string, format: string): Promise<ImportChild> {
  const store = await createStore(join(ctx.workDir, name), ctx.access);
  ctx.stores.push(store);
  const { value } = await runChild<ImportChild>(CHILD, { dataDir: store.dataDir, unlock: unlockInput(store), file, format, batchSize: ctx.args.batchSize, cliJobThread: true }, 3_600_000);
  if (value.state !== 'done') ctx.notes.push(`import (${name}): ended ${value.state}${value.error ? `: ${value.error.message}` : ''}`);
  if (value.counts.failed > 0) ctx.notes.push(`import (${name}): ${value.counts.failed} rows failed, e.g. ${JSON.stringify(value.firstProblems[0])}`);
  return value;
}

export async function measureImport(ctx: BenchContext): Promise<void> {
  const n = ctx.n;
  const csvFile = join(ctx.workDir, 'import.csv');
  const g0 = performance.now();
  const csvBytes = await writeLines(csvFile, csvLines(n));
  ctx.log(`  wrote ${n.toLocaleString('en-US')} rows (${(csvBytes / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
  const csv = await importInChild(ctx, 'import-csv', csvFile, 'csv');
  if (csv.counts.imported !== n) ctx.notes.push(`import: ${csv.counts.imported} of ${n} rows imported (${csv.counts.duplicates} duplicates, ${csv.counts.failed} failed)`);
  ctx.figures.set('import_rows_per_s', (csv.counts.read / csv.ms) * 1000, 'rows/s', ctx.args.quick ? '>= 12000' : '>= 8000', `${n.toLocaleString('en-US')}-row CSV into a fresh encrypted store with FTS, ${ctx.args.batchSize}/transaction`);
  // import_peak_rss_mb is the import-memory measure's (its own fresh process, runnable alone); this child's peak stays in details.

  const mboxFile = join(ctx.workDir, 'import.mbox');
  const mboxBytes = await writeLines(mboxFile, mboxLines(MBOX_MESSAGES));
  const mbox = await importInChild(ctx, 'import-mbox', mboxFile, 'mbox');
  ctx.figures.set('mbox_messages_per_s', (MBOX_MESSAGES / mbox.ms) * 1000, 'messages/s', '>= 2000', `${MBOX_MESSAGES.toLocaleString('en-US')} messages in ${mbox.counts.read.toLocaleString('en-US')} threads`);
  ctx.details.import = { csv: { rows: n, bytes: csvBytes, ...csv }, mbox: { messages: MBOX_MESSAGES, bytes: mboxBytes, ...mbox } };
}
