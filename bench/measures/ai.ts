/**
 * The LLM layer's own costs.
 * - redact_items_per_s: the Redactor over generated support messages (subject + body), a
 *   quarter of them carrying an e-mail, a phone number and a card or IBAN, each with the
 *   customer's name to find, one Redactor per item as a call makes it. One core.
 * Both LLM figures run the core in its worker thread, as the app does, and the fake server
 *   in the bench's own thread, so the model's side does not share the core's event loop.
 * - llm_overhead_ms: per triage job through the real core and queue against the fake
 *   OpenAI-compatible server on 127.0.0.1 with no latency, one job at a time: wall time
 *   per job minus the HTTP round trip the client itself measured (ai_calls.latency_ms), so
 *   what is left is Hearken's own work (reading the item, redaction, the prompt, validation,
 *   storing, the queue's bookkeeping).
 * - llm_10k_triage_s: 10,000 triage jobs queued at once, the fake answering after 50 ms,
 *   concurrency 8; the ideal is 10,000 × 50 ms / 8 = 62.5 s.
 */
import type { Core } from '../../src/main/core/index';
import { Redactor } from '../../src/shared/ai/redact';
import { startFakeOpenAi } from '../../test/support/fake-openai';
import { invokeOk, openWorkerCore, type BenchContext } from '../lib/context';
import { benchGenerator } from '../lib/items';
import { openStoreDb, type BenchStore } from '../lib/stores';
import { timed } from '../lib/stats';

const REDACT_COUNT = 50_000;

function withPii(text: string, i: number): string {
  if (i % 4 !== 0) return text;
  const card = i % 8 === 0 ? '4111 1111 1111 1111' : 'DE89 3704 0044 0532 0130 00';
  return `${text}\nYou can reach me at customer${i}@example.com or +44 20 7946 ${String(1000 + (i % 9000)).padStart(4, '0')}. Paid with ${card}.`;
}

export function measureRedaction(ctx: BenchContext): void {
  const count = Math.min(Math.max(ctx.n, 10_000), REDACT_COUNT);
  const gen = benchGenerator(count);
  const items: { text: string; names: string[] }[] = [];
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const item = gen.item(i);
    // Flattened outside the timing: text read from the store is flat already.
    const text = Buffer.from(withPii(item.subject ? `${item.subject}\n${item.body}` : item.body, i), 'utf8').toString('utf8');
    items.push({ text, names: item.customer ? [item.customer.name] : [] });
    chars += text.length;
  }
  for (let i = 0; i < Math.min(count, 5_000); i++) new Redactor({ names: items[i]!.names }).redact(items[i]!.text);
  const [replaced, ms] = timed(() => {
    let n = 0;
    for (const { text, names } of items) {
      const redactor = new Redactor({ names });
      redactor.redact(text);
      for (const value of Object.values(redactor.counts())) n += value ?? 0;
    }
    return n;
  });
  ctx.figures.set('redact_items_per_s', (count / ms) * 1000, 'items/s', '>= 20000', `${count.toLocaleString('en-US')} generated messages (mean ${Math.round(chars / count)} chars, a quarter with PII), one Redactor each, one core`);
  ctx.details.redaction = { count, ms, meanChars: chars / count, replaced };
}

const OVERHEAD_JOBS = 300;
const BULK_JOBS = 10_000;
const BULK_LATENCY_MS = 50;
const BULK_CONCURRENCY = 8;

interface Pending {
  queue: { counts: { queued: number; running: number; waiting: number; failed: number }; paused: string | null };
}

/** Waits until no job is queued, running or waiting; throws if the queue pauses (offline, budget). */
async function drained(core: Core, limitMs: number): Promise<{ failed: number }> {
  const until = performance.now() + limitMs;
  for (;;) {
    const { queue } = await invokeOk<Pending>(core, 'ai.jobs.list', { limit: 1 });
    const { queued, running, waiting, failed } = queue.counts;
    if (queued + running + waiting === 0) return { failed };
    if (queue.paused !== null) throw new Error(`the LLM queue paused (${queue.paused}) with ${queued + waiting} jobs left`);
    if (performance.now() > until) throw new Error(`the LLM queue did not drain in ${limitMs / 1000} s (${queued + running + waiting} left)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Triage through the real core and queue against the fake server; on the main store, last (it adds triage rows). */
export async function measureLlmQueue(ctx: BenchContext, store: BenchStore): Promise<void> {
  const ids = ((): string[] => {
    const db = openStoreDb(store);
    try {
      return (db.prepare('SELECT id FROM feedback ORDER BY rowid LIMIT ?').all(OVERHEAD_JOBS + BULK_JOBS) as { id: string }[]).map((r) => r.id);
    } finally {
      db.close();
    }
  })();
  if (ids.length < OVERHEAD_JOBS + BULK_JOBS) {
    ctx.notes.push(`ai: the store has ${ids.length} items; llm_10k_triage_s needs ${OVERHEAD_JOBS + BULK_JOBS}`);
  }
  const fake = await startFakeOpenAi({ latencyMs: 0 });
  // The core in its worker thread, as the app runs it; the fake server (the model's side) stays in this thread.
  const core = await openWorkerCore(store, ctx.access);
  try {
    const settings = { enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'bench-model', redact: 'on', concurrency: 1, monthlyTokenBudget: null, timeoutMs: 30_000 };
    await invokeOk(core, 'ai.settings.save', settings);

    // Overhead: one job at a time, so no two share the wall clock.
    const first = ids.slice(0, OVERHEAD_JOBS);
    const t0 = performance.now();
    await invokeOk(core, 'ai.triage.start', { ids: first });
    const overhead = await drained(core, 300_000);
    const wallMs = performance.now() - t0;
    const log = await invokeOk<{ entries: { latencyMs: number; purpose: string }[] }>(core, 'ai.log.list', { limit: 1000, kind: 'llm' });
    const calls = log.entries.filter((e) => e.purpose === 'triage');
    const httpMs = calls.reduce((sum, e) => sum + e.latencyMs, 0);
    const perJob = (wallMs - httpMs) / first.length;
    ctx.figures.set('llm_overhead_ms', perJob, 'ms', '<= 5', `per triage job, ${first.length} jobs one at a time with redaction on, wall time minus the client's own HTTP time (${calls.length} calls, ${Math.round(httpMs / calls.length)} ms each to the fake on 127.0.0.1)`);

    // Bulk: 10k jobs, 50 ms a call, 8 at once.
    const bulk = ids.slice(OVERHEAD_JOBS, OVERHEAD_JOBS + BULK_JOBS);
    fake.latencyMs = BULK_LATENCY_MS;
    await invokeOk(core, 'ai.settings.save', { concurrency: BULK_CONCURRENCY });
    const t1 = performance.now();
    await invokeOk(core, 'ai.triage.start', { ids: bulk });
    const bulkDone = await drained(core, 900_000);
    const bulkS = (performance.now() - t1) / 1000;
    const ideal = (bulk.length * BULK_LATENCY_MS) / BULK_CONCURRENCY / 1000;
    ctx.figures.set('llm_10k_triage_s', bulkS, 's', '<= 75', `${bulk.length.toLocaleString('en-US')} triage jobs, fake at ${BULK_LATENCY_MS} ms, concurrency ${BULK_CONCURRENCY} (ideal ${ideal} s; most in flight at the fake: ${fake.maxInFlight}; failed ${bulkDone.failed})`);
    ctx.details.llm = { overheadJobs: first.length, overheadWallMs: wallMs, overheadHttpMs: httpMs, overheadFailed: overhead.failed, bulkJobs: bulk.length, bulkS, maxInFlight: fake.maxInFlight, bulkFailed: bulkDone.failed };
  } finally {
    await core.close();
    await fake.close();
  }
}
