/**
 * "What happened this week" through the core: the model is given the period's local
 * figures beside the previous period's and a few quotes of unhappy customers, redacted;
 * the stored summary is marked AI-written with the figures it was built from, and the same
 * period again is answered from the cache.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { AiSummary } from '../../src/shared/ai/schema';
import { makeTempCore, type TempCore } from '../support/core';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { call } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/ai/inbox.json', import.meta.url));
let temp: TempCore;
let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model'] });
  temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox, core: { ai: { offlineProbeMs: 100 } } });
  await call(temp.core, 'store.create', { passphrase: 'summary passphrase' });
  await call(temp.core, 'demo.load', {});
  await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model' });
});
afterAll(async () => {
  await temp.cleanup();
  await fake.close();
});

async function waitFor<T>(read: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('period summary', () => {
  it('is written from local figures and redacted quotes, stored as AI-written, and cached for the same period', async () => {
    const to = Date.now() + 60_000;
    const from = to - 7 * 86_400_000;
    const ready: AiSummary[] = [];
    const off = temp.core.onEvent((name, payload) => {
      if (name === 'ai.summary.ready') ready.push((payload as { summary: AiSummary }).summary);
    });
    const sent = fake.requests.length;
    const started = await call(temp.core, 'ai.summary.start', { from, to });
    expect(started.jobId).toBeTruthy();
    const summary = await waitFor(async () => (await call(temp.core, 'ai.summary.get', { from, to })).summary);
    off();
    expect(summary.aiWritten).toBe(true);
    expect(summary.model).toBe('fake-model');
    expect(summary.text.length).toBeGreaterThan(0);
    expect(summary.figures.items).toBe(4);
    expect(summary.figures['sentiment.negative']).toBe(2);
    expect(summary.figures['previous.items']).toBe(0);
    expect(summary.figures['channel.email']).toBe(2);
    expect(ready.map((s) => s.id)).toContain(summary.id);

    const request = fake.requests.slice(sent).find((r) => r.path.endsWith('/chat/completions'))!;
    // Quotes of the unhappy items went, with no name, address or phone number of a customer.
    expect(request.raw).toContain('crashes every time');
    expect(request.raw).not.toContain('greta.lindqvist@example.com');
    expect(request.raw).not.toContain('7946 0958');
    expect(request.raw).not.toContain('Lindqvist');

    const before = fake.requests.length;
    await call(temp.core, 'ai.summary.start', { from, to });
    await waitFor(async () => {
      const { summary: latest, job } = await call(temp.core, 'ai.summary.get', { from, to });
      return latest && latest.id !== summary.id && job === null ? latest : null;
    });
    expect(fake.requests.length).toBe(before);
    const jobs = (await call(temp.core, 'ai.jobs.list', { purpose: 'summary' })).jobs;
    expect(jobs.some((j) => j.state === 'done' && j.cached)).toBe(true);
  });
});
