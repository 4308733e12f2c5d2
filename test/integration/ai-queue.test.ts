/**
 * The persistent LLM queue on a real encrypted store, calling the fake OpenAI-compatible
 * server over real HTTP: bounded concurrency, priority, Retry-After and back-off (on a clock
 * and timers moved by hand), time-outs, offline pause and self-resume when the server comes
 * back on the same port, stop and restart mid-queue with nothing lost or done twice,
 * cancel, retry, dedupe, and 10,000 jobs enqueued at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultAiSettings, type AiPurpose, type AiQueueState, type AiSettings } from '../../src/shared/ai/schema';
import { createLlmClient } from '../../src/main/core/ai/client';
import { LlmQueue, type LlmQueueOptions, type QueueTimers } from '../../src/main/core/ai/queue';
import { AiCallError, type AiPurposeRunner, type CallRecord, type LlmClient } from '../../src/main/core/ai/types';
import { getAiJob, listAiJobs, recordAiCall, monthUsage, listAiCalls, latestJobFor, getCached, putCached } from '../../src/main/core/store/ai-repo';
import type { DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';

const answer = z.object({ sentiment: z.enum(['negative', 'neutral', 'positive']) });
const portable = { type: 'object', properties: { sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] } }, required: ['sentiment'], additionalProperties: false };

interface Harness {
  db: DB;
  fake: FakeOpenAi;
  calls: CallRecord[];
  /** Successful runs per job id: a job done twice shows 2. */
  completed: Map<string, number>;
  order: string[];
  events: AiQueueState[];
  /** When each ai.jobs.changed was pushed. */
  eventTimes: number[];
  settings: AiSettings;
  client: LlmClient;
  queue: LlmQueue;
  makeQueue(extra?: Partial<LlmQueueOptions>): LlmQueue;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function openStore(): DB {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-ai-queue-'));
  const db = openEncrypted(join(dir, 'store.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
  migrate(db, migrations);
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

function addItems(db: DB, n: number, from = 0): string[] {
  const insert = db.prepare("INSERT INTO feedback (id, source, content_hash, channel, subject, body, received_at, updated_at) VALUES (?, 'test', ?, 'email', ?, ?, 1, 1)");
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = from; i < from + n; i++) {
      const id = `item-${String(i).padStart(6, '0')}`;
      insert.run(id, `hash-${i}`, i % 2 === 0 ? `Parcel ${i} is late` : null, `Body of item ${i}: where is my parcel?`);
      ids.push(id);
    }
  })();
  return ids;
}

/** Timers moved by hand: `fire()` runs what is due at the clock's time. */
function manualTime(start = 1_700_000_000_000) {
  let clock = start;
  const pending = new Map<number, { fn: () => void; at: number; ms: number }>();
  let next = 1;
  const timers: QueueTimers = {
    set(fn, ms) {
      const id = next++;
      pending.set(id, { fn, at: clock + ms, ms });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    now: () => clock,
    delays: () => [...pending.values()].map((t) => t.ms),
    advance(ms: number) {
      clock += ms;
      for (const [id, t] of [...pending]) {
        if (t.at <= clock) {
          pending.delete(id);
          t.fn();
        }
      }
    },
  };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function harness(opts: { concurrency?: number; latencyMs?: number; timeoutMs?: number; port?: number; queue?: Partial<LlmQueueOptions> } = {}): Promise<Harness> {
  const db = openStore();
  const fake = await startFakeOpenAi({ latencyMs: opts.latencyMs ?? 0, ...(opts.port ? { port: opts.port } : {}) });
  cleanups.push(() => fake.close());
  const calls: CallRecord[] = [];
  const completed = new Map<string, number>();
  const order: string[] = [];
  const events: AiQueueState[] = [];
  const eventTimes: number[] = [];
  const settings: AiSettings = { ...defaultAiSettings, enabled: true, baseUrl: fake.baseUrl, model: 'fake-model', concurrency: opts.concurrency ?? 4 };
  const client = createLlmClient(
    { provider: 'custom', baseUrl: fake.baseUrl, apiKey: null, azureApiVersion: '', timeoutMs: opts.timeoutMs ?? 5000, maxTokens: 100 },
    (r) => calls.push(r),
  );
  const runner: AiPurposeRunner = {
    async run(job, env) {
      order.push(job.id);
      await env.client.completeJson({
        purpose: job.purpose,
        model: 'fake-model',
        messages: [{ role: 'user', content: `Triage ${job.feedbackId ?? JSON.stringify(job.params)}` }],
        schema: answer,
        jsonSchema: { name: 'answer', schema: portable },
        signal: env.signal,
      });
      completed.set(job.id, (completed.get(job.id) ?? 0) + 1);
      return { cached: false };
    },
  };
  const runners: Record<AiPurpose, AiPurposeRunner> = { triage: runner, draft: runner, summary: runner };
  const makeQueue = (extra: Partial<LlmQueueOptions> = {}): LlmQueue => {
    const queue = new LlmQueue({
      db: () => db,
      now: Date.now,
      emit: (name, payload) => {
        if (name !== 'ai.jobs.changed') return;
        events.push(payload as AiQueueState);
        eventTimes.push(performance.now());
      },
      runners,
      settings: () => settings,
      client: () => client,
      ...opts.queue,
      ...extra,
    });
    cleanups.push(() => queue.stop());
    return queue;
  };
  return { db, fake, calls, completed, order, events, eventTimes, settings, client, queue: makeQueue(), makeQueue };
}

const stateOf = (db: DB, id: string) => getAiJob(db, id)?.state;
const chatCount = (fake: FakeOpenAi) => fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

describe('the LLM queue', () => {
  it('runs at most `concurrency` calls at once, and all of them', async () => {
    const h = await harness({ concurrency: 3, latencyMs: 80 });
    const items = addItems(h.db, 12);
    h.queue.start();
    const { queued, ids } = h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    expect(queued).toBe(12);
    await waitFor(() => ids.every((id) => stateOf(h.db, id) === 'done'));
    expect(h.fake.maxInFlight).toBe(3);
    expect([...h.completed.values()]).toEqual(Array(12).fill(1));
    // The last push after the burst has the final counts; pushes are at least 250 ms apart.
    await waitFor(() => h.events.at(-1)?.counts.queued === 0 && h.events.at(-1)?.counts.running === 0);
    const gaps = h.eventTimes.slice(1).map((t, i) => t - h.eventTimes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(240);
  });

  it('runs a draft someone waits for before queued triages', async () => {
    const h = await harness({ concurrency: 1, latencyMs: 30 });
    const items = addItems(h.db, 6);
    const triages = h.queue.enqueue(items.slice(0, 5).map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    const draft = h.queue.enqueue([{ id: 'draft-1', purpose: 'draft', feedbackId: items[5]!, priority: 10, params: { tone: 'friendly' } }]);
    expect(draft.ids).toEqual(['draft-1']);
    h.queue.start();
    await waitFor(() => h.order.length === 6);
    expect(h.order[0]).toBe('draft-1');
    expect(h.order.slice(1)).toEqual(triages.ids);
  });

  it('waits out a 429 Retry-After as a waiting job on a timer, then succeeds', async () => {
    const time = manualTime();
    const h = await harness({ queue: { now: time.now, timers: time.timers } });
    h.fake.enqueue({ kind: 'status', status: 429, retryAfter: '30' });
    const [item] = addItems(h.db, 1);
    h.queue.start();
    const { ids } = h.queue.enqueue([{ purpose: 'triage', feedbackId: item! }]);
    const id = ids[0]!;
    await waitFor(() => stateOf(h.db, id) === 'waiting');
    const job = getAiJob(h.db, id)!;
    expect(job.notBefore).toBe(time.now() + 30_000);
    expect(job.error).toMatch(/429/);
    expect(h.queue.state().counts.waiting).toBe(1);
    await waitFor(() => time.delays().includes(30_000));
    time.advance(29_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(chatCount(h.fake)).toBe(1);
    time.advance(1_000);
    await waitFor(() => stateOf(h.db, id) === 'done');
    expect(chatCount(h.fake)).toBe(2);
    expect(getAiJob(h.db, id)?.attempts).toBe(2);
  });

  it('a waiting job that comes due while every slot is busy waits for a slot, without a timer spinning', async () => {
    const time = manualTime();
    let sets = 0;
    const timers: QueueTimers = { set: (fn, ms) => (sets++, time.timers.set(fn, ms)), clear: (h) => time.timers.clear(h) };
    const h = await harness({ concurrency: 1, latencyMs: 300, queue: { now: time.now, timers } });
    h.fake.enqueue({ kind: 'status', status: 429, retryAfter: '1' });
    const [a, b] = addItems(h.db, 2);
    h.queue.start();
    const [first, second] = h.queue.enqueue([
      { purpose: 'triage', feedbackId: a! },
      { purpose: 'triage', feedbackId: b! },
    ]).ids;
    await waitFor(() => stateOf(h.db, first!) === 'waiting' && stateOf(h.db, second!) === 'running');
    await waitFor(() => time.delays().includes(1_000));
    time.advance(1_000);
    await new Promise((r) => setTimeout(r, 50));
    // Real timers would run a zero-delay one at once, again and again.
    for (let i = 0; i < 5; i++) time.advance(0);
    expect(time.delays()).not.toContain(0);
    expect(sets).toBeLessThan(6);
    await waitFor(() => stateOf(h.db, first!) === 'done' && stateOf(h.db, second!) === 'done');
  });

  it('retries 500s with growing back-off, then fails with the error after the last try', async () => {
    const time = manualTime();
    const h = await harness({ queue: { now: time.now, timers: time.timers, random: () => 0.5 } });
    h.fake.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500 })));
    const [item] = addItems(h.db, 1);
    h.queue.start();
    const id = h.queue.enqueue([{ purpose: 'triage', feedbackId: item! }]).ids[0]!;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await waitFor(() => stateOf(h.db, id) === 'waiting' && getAiJob(h.db, id)!.attempts === i + 1);
      const wait = getAiJob(h.db, id)!.notBefore! - time.now();
      waits.push(wait);
      time.advance(wait);
    }
    expect(waits).toEqual([2_000, 8_000, 30_000]);
    await waitFor(() => stateOf(h.db, id) === 'failed');
    const failed = getAiJob(h.db, id)!;
    expect(failed.attempts).toBe(4);
    expect(failed.error).toMatch(/500/);
    expect(chatCount(h.fake)).toBe(4);
    expect(h.queue.state().counts.failed).toBe(1);
  });

  it('retries a time-out', async () => {
    const time = manualTime();
    const h = await harness({ timeoutMs: 300, queue: { now: time.now, timers: time.timers } });
    h.fake.enqueue({ kind: 'hang' });
    const [item] = addItems(h.db, 1);
    h.queue.start();
    const id = h.queue.enqueue([{ purpose: 'triage', feedbackId: item! }]).ids[0]!;
    await waitFor(() => stateOf(h.db, id) === 'waiting');
    expect(getAiJob(h.db, id)?.error).toMatch(/did not answer/);
    time.advance(60_000);
    await waitFor(() => stateOf(h.db, id) === 'done');
    expect(h.calls.map((c) => c.outcome)).toEqual(['failed', 'ok']);
  });

  it('pauses when the server is gone and drains by itself when it is back on the same port', async () => {
    const h = await harness({ concurrency: 2, queue: { offlineProbeMs: 40 } });
    const port = h.fake.port;
    await h.fake.close();
    const items = addItems(h.db, 5);
    h.queue.start();
    const { ids } = h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    await waitFor(() => h.queue.state().paused === 'offline');
    expect(h.queue.state().retryAt).not.toBeNull();
    await waitFor(() => h.queue.state().counts.running === 0);
    expect(h.queue.state().counts).toMatchObject({ queued: 5, failed: 0 });
    expect(ids.every((id) => getAiJob(h.db, id)?.attempts === 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.queue.state().paused).toBe('offline');

    const back = await startFakeOpenAi({ port });
    cleanups.push(() => back.close());
    await waitFor(() => ids.every((id) => stateOf(h.db, id) === 'done'));
    expect(h.queue.state().paused).toBeNull();
    expect(chatCount(back)).toBe(5);
  });

  it('loses no job and does none twice across a stop mid-queue and a new queue on the same store', async () => {
    const h = await harness({ concurrency: 2, latencyMs: 150 });
    const items = addItems(h.db, 6);
    h.queue.start();
    const { ids } = h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    await waitFor(() => h.fake.inFlight === 2);
    await h.queue.stop();
    const states = ids.map((id) => stateOf(h.db, id));
    expect(states).not.toContain('running');
    expect(states.filter((s) => s === 'queued').length).toBeGreaterThanOrEqual(4);
    // A crash would leave a job running in the table: start() takes it back.
    const stranded = ids.find((id) => stateOf(h.db, id) === 'queued')!;
    h.db.prepare("UPDATE ai_jobs SET state = 'running' WHERE id = ?").run(stranded);

    const again = h.makeQueue();
    again.start();
    await waitFor(() => ids.every((id) => stateOf(h.db, id) === 'done'));
    expect(ids.map((id) => h.completed.get(id))).toEqual(Array(6).fill(1));
    expect(getAiJob(h.db, ids[0]!)?.attempts).toBe(1);
  });

  it('cancels a queued job, a running one (its call aborted), or all', async () => {
    const h = await harness({ concurrency: 1, latencyMs: 300 });
    const items = addItems(h.db, 4);
    h.queue.start();
    const { ids } = h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    await waitFor(() => stateOf(h.db, ids[0]!) === 'running' && h.fake.inFlight === 1);
    expect(h.queue.cancel(ids[1])).toBe(1);
    expect(h.queue.cancel(ids[0])).toBe(1);
    await waitFor(() => stateOf(h.db, ids[2]!) === 'running');
    expect(stateOf(h.db, ids[0]!)).toBe('cancelled');
    expect(h.completed.has(ids[0]!)).toBe(false);
    expect(h.queue.cancel()).toBe(2);
    await waitFor(() => h.queue.state().counts.running === 0);
    expect(ids.map((id) => stateOf(h.db, id))).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(h.queue.cancel()).toBe(0);
  });

  it('fails at once on a refused key, and Retry runs the failed job again', async () => {
    const h = await harness();
    h.fake.enqueue({ kind: 'status', status: 401 });
    const [item] = addItems(h.db, 1);
    h.queue.start();
    const id = h.queue.enqueue([{ purpose: 'triage', feedbackId: item! }]).ids[0]!;
    await waitFor(() => stateOf(h.db, id) === 'failed');
    expect(getAiJob(h.db, id)).toMatchObject({ attempts: 1, error: expect.stringMatching(/API key/) });
    expect(h.queue.retry(id)).toBe(1);
    await waitFor(() => stateOf(h.db, id) === 'done');
    expect(getAiJob(h.db, id)).toMatchObject({ attempts: 1, error: null });
    expect(h.queue.retry()).toBe(0);
  });

  it('keeps one pending job per item and purpose, and per summary period', async () => {
    const h = await harness();
    const [a, b] = addItems(h.db, 2);
    const first = h.queue.enqueue([
      { purpose: 'triage', feedbackId: a! },
      { purpose: 'triage', feedbackId: a! },
      { purpose: 'draft', feedbackId: a! },
      { purpose: 'summary', feedbackId: null, params: { from: 1, to: 2 } },
    ]);
    expect(first).toMatchObject({ queued: 3, alreadyQueued: 1 });
    expect(first.ids[1]).toBe(first.ids[0]);
    const second = h.queue.enqueue([
      { purpose: 'triage', feedbackId: a! },
      { purpose: 'triage', feedbackId: b! },
      { purpose: 'summary', feedbackId: null, params: { from: 1, to: 2 } },
      { purpose: 'summary', feedbackId: null, params: { from: 2, to: 3 } },
    ]);
    expect(second).toMatchObject({ queued: 2, alreadyQueued: 2 });
    h.queue.start();
    await waitFor(() => h.queue.state().counts.queued + h.queue.state().counts.running === 0);
    expect(h.queue.enqueue([{ purpose: 'triage', feedbackId: a! }]).queued).toBe(1);
    expect(latestJobFor(h.db, a!, 'triage')?.state).not.toBe('done');
  });

  it('takes 10,000 jobs in one call', async () => {
    const h = await harness({ queue: { blocked: () => 'disabled' } });
    const items = addItems(h.db, 10_000);
    h.queue.start();
    const result = h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId })));
    expect(result).toMatchObject({ queued: 10_000, alreadyQueued: 0 });
    expect(new Set(result.ids).size).toBe(10_000);
    expect(h.queue.state()).toMatchObject({ counts: { queued: 10_000, running: 0 }, paused: 'disabled' });
    expect(h.queue.enqueue(items.map((feedbackId) => ({ purpose: 'triage' as const, feedbackId }))).alreadyQueued).toBe(10_000);
    expect(chatCount(h.fake)).toBe(0);
    const listed = listAiJobs(h.db, { states: ['queued'], limit: 3 });
    expect(listed).toHaveLength(3);
    expect(listed.every((j) => j.label !== null && /parcel/i.test(j.label))).toBe(true);
  });

  it('pauses for a spent budget with the job kept, until woken', async () => {
    const h = await harness();
    let spent = true;
    const guarded: LlmClient = {
      ...h.client,
      completeJson: (r) => (spent ? Promise.reject(new AiCallError('budget', 'spent')) : h.client.completeJson(r)),
      streamText: (r) => h.client.streamText(r),
      listModels: (s) => h.client.listModels(s),
      probe: (m, s) => h.client.probe(m, s),
    };
    const queue = h.makeQueue({ client: () => guarded });
    const [item] = addItems(h.db, 1);
    queue.start();
    const id = queue.enqueue([{ purpose: 'triage', feedbackId: item! }]).ids[0]!;
    await waitFor(() => queue.state().paused === 'budget');
    await waitFor(() => stateOf(h.db, id) === 'queued');
    expect(getAiJob(h.db, id)?.attempts).toBe(0);
    spent = false;
    queue.wake();
    await waitFor(() => stateOf(h.db, id) === 'done');
    expect(queue.state().paused).toBeNull();
  });
});

describe('the budget', () => {
  it('holds jobs while the budget is spent and runs them once a new month lifts it, without a wake', async () => {
    const time = manualTime();
    let blocked: 'budget' | null = 'budget';
    const h = await harness({ queue: { now: time.now, timers: time.timers, blocked: () => blocked } });
    const [item] = addItems(h.db, 1);
    h.queue.start();
    const id = h.queue.enqueue([{ purpose: 'triage', feedbackId: item! }]).ids[0]!;
    await waitFor(() => time.delays().includes(60_000));
    expect(h.queue.state().paused).toBe('budget');
    expect(stateOf(h.db, id)).toBe('queued');
    blocked = null;
    await new Promise((r) => setTimeout(r, 50));
    expect(chatCount(h.fake)).toBe(0);
    time.advance(60_000);
    await waitFor(() => stateOf(h.db, id) === 'done');
    expect(chatCount(h.fake)).toBe(1);
  });
});

describe('the call log and the cache', () => {
  it('records calls, sums the month from its start, and lists webhooks beside them', () => {
    const db = openStore();
    const base = { purpose: 'triage' as const, host: '127.0.0.1:1', model: 'm', request: '{}', response: null, status: 200, outcome: 'ok' as const, error: null, latencyMs: 12 };
    recordAiCall(db, { ...base, usage: { promptTokens: 100, completionTokens: 20, estimated: false } }, { at: 1_000 });
    recordAiCall(db, { ...base, usage: { promptTokens: 50, completionTokens: 5, estimated: true } }, { at: 2_000, jobId: 'j', redactions: { email: 2 } });
    recordAiCall(db, { ...base, usage: { promptTokens: 7, completionTokens: 3, estimated: false } }, { at: 10 });
    expect(monthUsage(db, 500)).toEqual({ used: 175, estimated: 55 });
    db.prepare("INSERT INTO outbound_log (id, at, kind, target, host, payload, outcome, status, error, latency_ms) VALUES ('w1', 1500, 'webhook', 't', 'hooks.example', '{\"x\":1}', 'sent', 200, NULL, 40)").run();
    const { entries, total } = listAiCalls(db, { limit: 10 });
    expect(total).toBe(4);
    expect(entries.map((e) => [e.kind, e.at])).toEqual([
      ['llm', 2000],
      ['webhook', 1500],
      ['llm', 1000],
      ['llm', 10],
    ]);
    expect(entries[0]).toMatchObject({ tokensEstimated: true, redactions: { email: 2 } });
    expect(entries[1]).toMatchObject({ purpose: 'escalation', outcome: 'ok', request: '{"x":1}' });
    expect(listAiCalls(db, { limit: 10, before: 1500, kind: 'llm' }).entries.map((e) => e.at)).toEqual([1000, 10]);
    putCached(db, 'triage', 'm', 'h1', '{"a":1}', 5);
    putCached(db, 'triage', 'm', 'h1', '{"a":2}', 6);
    expect(getCached(db, 'triage', 'm', 'h1')).toBe('{"a":2}');
    expect(getCached(db, 'triage', 'other', 'h1')).toBeNull();
  });
});
