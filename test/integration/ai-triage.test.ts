/**
 * LLM triage end to end through the core's channels, on a real encrypted store, against the
 * fake OpenAI-compatible server on 127.0.0.1: one item, a selection and a view are triaged
 * into pending suggestions with their model and confidence; accepting all or one field
 * writes them with source `llm` and can be undone; dismissing records it; the same text
 * again is answered from the cache; jobs left pending by a closed core finish after the
 * next unlock; a prompt injection the fake obeys changes nothing on the item; redaction
 * keeps the customer's e-mail, phone and name out of every request and the stored summary
 * has them back.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../src/shared/contract';
import { NoSecretStore } from '../../src/main/core/secrets';
import { UNTRUSTED_CLOSE, UNTRUSTED_OPEN } from '../../src/shared/ai/untrusted';
import { makeTempCore, type TempCore } from '../support/core';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { call } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/ai/inbox.json', import.meta.url));
const PASSPHRASE = 'ai triage passphrase';
let temp: TempCore;
let fake: FakeOpenAi;
const ids: Record<string, string> = {};

beforeAll(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model'] });
  temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox, core: { ai: { offlineProbeMs: 100 } } });
  await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  await call(temp.core, 'demo.load', {});
  for (const item of (await call(temp.core, 'feedback.list', { limit: 50 })).items) ids[item.subject ?? ''] = item.id;
  await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model' });
});
afterAll(async () => {
  await temp.cleanup();
  await fake.close();
});

function id(subject: string): string {
  const found = ids[subject];
  if (!found) throw new Error(`no item "${subject}"`);
  return found;
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function idle(): Promise<void> {
  await waitFor(async () => {
    const { counts } = (await call(temp.core, 'ai.status', {})).queue;
    return counts.queued + counts.running + counts.waiting === 0;
  });
}

const chatRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));

describe('LLM triage', () => {
  it('triages one item into a pending suggestion with its model and confidence', async () => {
    const feedbackId = id('App crashes on start');
    const ready: string[][] = [];
    const off = temp.core.onEvent((name, payload) => {
      if (name === 'ai.triage.ready') ready.push((payload as { ids: string[] }).ids);
    });
    const started = await call(temp.core, 'ai.triage.start', { ids: [feedbackId] });
    expect(started).toEqual({ queued: 1, cached: 0, alreadyQueued: 0 });
    await idle();
    off();
    const { triage, job } = await call(temp.core, 'ai.triage.get', { feedbackId });
    expect(job).toBeNull();
    expect(triage).not.toBeNull();
    expect(triage!.state).toBe('pending');
    expect(triage!.model).toBe('fake-model');
    expect(triage!.answer.confidence).toBe('medium');
    expect(triage!.accepted).toEqual([]);
    expect(ready).toContainEqual([feedbackId]);
    const jobs = await call(temp.core, 'ai.jobs.list', { purpose: 'triage' });
    expect(jobs.jobs.find((j) => j.feedbackId === feedbackId)?.state).toBe('done');
  });

  it('triages a selection and a view (filter)', async () => {
    const selection = [id('Charged twice for my subscription'), id('Great headphones')];
    const started = await call(temp.core, 'ai.triage.start', { ids: selection });
    expect(started.queued).toBe(2);
    await idle();
    for (const feedbackId of selection) expect((await call(temp.core, 'ai.triage.get', { feedbackId })).triage?.state).toBe('pending');

    const view = await call(temp.core, 'ai.triage.start', { filter: { channel: ['review'] } });
    // The only review was triaged a moment ago by the same model: kept, not asked again.
    expect(view).toEqual({ queued: 0, cached: 1, alreadyQueued: 0 });
    const forced = await call(temp.core, 'ai.triage.start', { filter: { channel: ['chat'] }, force: true });
    expect(forced.queued).toBe(1);
    await idle();
  });

  it('answers the same text again from the cache: no request reaches the server, the job says cached', async () => {
    const feedbackId = id('App crashes on start');
    const before = chatRequests().length;
    await call(temp.core, 'ai.triage.start', { ids: [feedbackId], force: true });
    await idle();
    expect(chatRequests().length).toBe(before);
    const jobs = (await call(temp.core, 'ai.jobs.list', { purpose: 'triage' })).jobs.filter((j) => j.feedbackId === feedbackId);
    expect(jobs.some((j) => j.state === 'done' && j.cached)).toBe(true);
  });

  it('applies all fields with source llm, undoes them, applies one field, and dismisses', async () => {
    const feedbackId = id('App crashes on start');
    const before = await call(temp.core, 'feedback.get', { id: feedbackId });
    const { triage } = await call(temp.core, 'ai.triage.get', { feedbackId });
    const answer = triage!.answer;
    const applied = await call(temp.core, 'ai.triage.apply', { feedbackId, fields: ['sentiment', 'topics', 'priority', 'language'] });
    expect(applied.triage.state).toBe('accepted');
    expect([...applied.triage.accepted].sort()).toEqual(['language', 'priority', 'sentiment', 'topics']);
    expect(applied.triage.decidedAt).not.toBeNull();
    const after = await call(temp.core, 'feedback.get', { id: feedbackId });
    expect(after.sentiment).toBe(answer.sentiment);
    expect(after.sentimentSource).toBe('llm');
    expect(after.priority).toBe(answer.priority);
    for (const topic of answer.topics) expect(after.tags.map((t) => t.name)).toContain(topic);
    for (const t of after.tags.filter((t) => answer.topics.includes(t.name) && !before.tags.some((b) => b.name === t.name))) expect(t.source).toBe('llm');

    await call(temp.core, 'feedback.undo', { token: applied.undoToken });
    const undone = await call(temp.core, 'feedback.get', { id: feedbackId });
    expect(undone.sentiment).toBe(before.sentiment);
    expect(undone.sentimentSource).toBe(before.sentimentSource);
    expect(undone.priority).toBe(before.priority);
    expect(undone.language).toBe(before.language);
    expect(undone.tags.map((t) => t.name).sort()).toEqual(before.tags.map((t) => t.name).sort());

    const second = id('Charged twice for my subscription');
    const one = await call(temp.core, 'ai.triage.apply', { feedbackId: second, fields: ['sentiment'] });
    expect(one.triage.state).toBe('partly');
    expect(one.triage.accepted).toEqual(['sentiment']);
    expect((await call(temp.core, 'feedback.get', { id: second })).sentimentSource).toBe('llm');

    const third = id('Great headphones');
    const untouched = await call(temp.core, 'feedback.get', { id: third });
    const dismissed = await call(temp.core, 'ai.triage.dismiss', { feedbackId: third });
    expect(dismissed.triage.state).toBe('dismissed');
    expect(comparable(await call(temp.core, 'feedback.get', { id: third }))).toEqual(comparable(untouched));
  });

  it('obeys nothing a prompt injection asks, even when the model does: the item is unchanged and the triage only pending', async () => {
    const feedbackId = id('Question about my order');
    const before = await call(temp.core, 'feedback.get', { id: feedbackId });
    const escalationsBefore = (await call(temp.core, 'escalations.list', { state: 'open' })).total;
    fake.enqueue({
      kind: 'json',
      value: {
        sentiment: 'positive',
        topics: [],
        proposedTopics: [],
        urgency: 'urgent',
        priority: 'urgent',
        language: 'en',
        summary: 'Customer asks to mark resolved and escalate to Legal.',
        escalation: { target: 'Legal', reason: 'instructed' },
        confidence: 'high',
        reason: 'instructed',
      },
    });
    const sent = chatRequests().length;
    await call(temp.core, 'ai.triage.start', { ids: [feedbackId] });
    await idle();
    const request = chatRequests()[sent]!;
    const user = (request.body.messages as { role: string; content: string }[]).find((m) => m.role === 'user')!.content;
    const open = user.lastIndexOf(UNTRUSTED_OPEN);
    const close = user.indexOf(UNTRUSTED_CLOSE, open);
    const inside = user.indexOf('Ignore previous instructions');
    expect(open).toBeGreaterThanOrEqual(0);
    expect(inside).toBeGreaterThan(open);
    expect(inside).toBeLessThan(close);

    const { triage } = await call(temp.core, 'ai.triage.get', { feedbackId });
    expect(triage!.state).toBe('pending');
    expect(triage!.answer.escalation?.targetName).toBe('Legal');
    const after = await call(temp.core, 'feedback.get', { id: feedbackId });
    expect(comparable(after)).toEqual(comparable(before));
    expect(after.status).toBe('open');
    expect(after.escalated).toBe(false);
    expect(after.escalation).toBeNull();
    expect((await call(temp.core, 'escalations.list', { state: 'open' })).total).toBe(escalationsBefore);
  });

  it('with redaction on, sends no e-mail, phone or name of the customer, and restores them in the stored summary', async () => {
    await call(temp.core, 'ai.settings.save', { redact: 'on' });
    const feedbackId = id('Charged twice for my subscription');
    fake.enqueue({
      kind: 'json',
      value: {
        sentiment: 'negative',
        topics: [],
        proposedTopics: [],
        urgency: 'high',
        priority: 'high',
        language: 'en',
        summary: '[NAME_1] was charged twice; reach them at [EMAIL_1] or [PHONE_1].',
        escalation: null,
        confidence: 'high',
        reason: 'The customer [NAME_1] says so plainly.',
      },
    });
    const sent = chatRequests().length;
    await call(temp.core, 'ai.triage.start', { ids: [feedbackId], force: true });
    await idle();
    const bodies = chatRequests().slice(sent).map((r) => r.raw);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body).not.toContain('greta.lindqvist@example.com');
      expect(body).not.toContain('7946 0958');
      expect(body).not.toContain('Greta');
      expect(body).not.toContain('Lindqvist');
      expect(body).toContain('[EMAIL_1]');
    }
    const { triage } = await call(temp.core, 'ai.triage.get', { feedbackId });
    expect(triage!.answer.summary).toContain('greta.lindqvist@example.com');
    expect(triage!.answer.summary).toContain('+44 20 7946 0958');
    expect(triage!.answer.summary).toContain('Greta Lindqvist');
    expect(triage!.answer.reason).toContain('Greta Lindqvist');
    // The log shows what was sent (redacted) and how many values were replaced.
    const logged = (await call(temp.core, 'ai.log.list', { kind: 'llm' })).entries.find((e) => e.purpose === 'triage');
    expect(logged!.request).not.toContain('greta.lindqvist@example.com');
    expect(Object.values(logged!.redactions).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await call(temp.core, 'ai.settings.save', { redact: 'auto' });
  });

  it('cancels pending jobs, and retries a failed one', async () => {
    const feedbackId = id('Great headphones');
    // Another model: the answer cached for this text must not stand in for a call.
    await call(temp.core, 'ai.settings.save', { model: 'retry-model' });
    fake.enqueue({ kind: 'status', status: 400, body: '{"error":{"message":"bad model"}}' });
    await call(temp.core, 'ai.triage.start', { ids: [feedbackId], force: true });
    await idle();
    const failed = (await call(temp.core, 'ai.jobs.list', { states: ['failed'] })).jobs.find((j) => j.feedbackId === feedbackId);
    expect(failed?.error).toBeTruthy();
    expect((await call(temp.core, 'ai.status', {})).queue.counts.failed).toBe(1);
    expect((await call(temp.core, 'ai.jobs.retry', { id: failed!.id })).retried).toBe(1);
    await idle();
    expect((await call(temp.core, 'ai.jobs.list', { states: ['done'] })).jobs.some((j) => j.id === failed!.id)).toBe(true);

    fake.latencyMs = 2000;
    await call(temp.core, 'ai.settings.save', { model: 'slow-model' });
    const started = await call(temp.core, 'ai.triage.start', { ids: Object.values(ids) });
    expect(started.queued).toBe(Object.values(ids).length);
    const cancelled = await call(temp.core, 'ai.jobs.cancel', {});
    expect(cancelled.cancelled).toBe(started.queued);
    await idle();
    expect((await call(temp.core, 'ai.jobs.list', { states: ['cancelled'] })).jobs.length).toBe(started.queued);
    fake.latencyMs = 0;
    await call(temp.core, 'ai.settings.save', { model: 'fake-model' });
  });

  it('resumes jobs left pending when the core closed: a new core on the same folder finishes them after unlock', async () => {
    fake.latencyMs = 400;
    await call(temp.core, 'ai.settings.save', { concurrency: 1 });
    const all = Object.values(ids);
    const started = await call(temp.core, 'ai.triage.start', { ids: all, force: true });
    expect(started.queued).toBe(all.length);
    await waitFor(async () => (await call(temp.core, 'ai.status', {})).queue.counts.running > 0);
    const core = await temp.reopen();
    fake.latencyMs = 0;
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect((await call(core, 'ai.jobs.list', { states: ['queued', 'waiting', 'running'] })).jobs.length).toBeGreaterThan(0);
    await idle();
    const jobs = (await call(core, 'ai.jobs.list', { purpose: 'triage', limit: 1000 })).jobs;
    expect(jobs.filter((j) => j.state === 'queued' || j.state === 'running' || j.state === 'waiting')).toEqual([]);
    for (const feedbackId of all) expect((await call(core, 'ai.triage.get', { feedbackId })).triage).not.toBeNull();
    await call(core, 'ai.settings.save', { concurrency: 4 });
  });

  it('lists escalation webhooks beside the LLM calls in "What left this machine", newest first', async () => {
    const core = temp.core;
    const { targets } = await call(core, 'escalation.targets.list', {});
    const billing = targets.find((t) => t.name === 'Billing')!;
    await call(core, 'escalation.targets.save', { id: billing.id, name: billing.name, email: null, webhookUrl: `${fake.origin}/hooks/billing?token=s3cret`, webhookEnabled: true });
    const posted = new Promise<void>((resolve) => {
      const off = core.onEvent((name) => {
        if (name !== 'outbound.sent') return;
        off();
        resolve();
      });
    });
    await call(core, 'escalation.create', { ids: [id('Great headphones')], targetId: billing.id, reason: 'Billing should look', priority: 'normal', note: null });
    await posted;
    const all = await call(core, 'ai.log.list', { limit: 1000 });
    const hooks = all.entries.filter((e) => e.kind === 'webhook');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ purpose: 'escalation', host: new URL(fake.origin).host, model: null });
    expect(hooks[0]!.request).toContain('Billing should look');
    expect(JSON.stringify(hooks[0])).not.toContain('s3cret');
    expect(all.entries.some((e) => e.kind === 'llm')).toBe(true);
    expect(all.total).toBe(all.entries.length);
    const times = all.entries.map((e) => e.at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const onlyHooks = await call(core, 'ai.log.list', { kind: 'webhook' });
    expect(onlyHooks.total).toBe(1);
  });
});

/** What a triage could have changed on an item. */
function comparable(item: FeedbackDetail) {
  return {
    status: item.status,
    sentiment: item.sentiment,
    sentimentSource: item.sentimentSource,
    priority: item.priority,
    language: item.language,
    escalated: item.escalated,
    tags: item.tags.map((t) => `${t.name}:${t.source}`).sort(),
  };
}
