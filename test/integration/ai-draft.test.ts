/**
 * Reply drafts end to end on a real encrypted store, against the fake OpenAI-compatible
 * server over real HTTP on 127.0.0.1, with the real client: the streamed pieces, the
 * sources cited ([S1] resolved locally, an unknown marker dropped), promises no source
 * supports, the customer's language and the tone in the prompt, PII redacted in the request
 * and restored in the text (also when a placeholder arrives split across chunks), and what
 * became of the draft once sent. Then the same through the core's channels and events.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLlmClient } from '../../src/main/core/ai/client';
import { discardDraft, draftRunner, getDraft, latestDraft, recordDraftOutcome, startDraft } from '../../src/main/core/ai/draft';
import type { AiRunEnv, CallRecord } from '../../src/main/core/ai/types';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import { defaultAiSettings, type AiDraft, type AiSettings, type ReplyTone } from '../../src/shared/ai/schema';
import type { EventName, EventPayload } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { startFakeOpenAi, type FakeBehaviour, type FakeOpenAi } from '../support/fake-openai';
import { call } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/replies/inbox.json', import.meta.url));
let temp: TempCore;
let raw: DB;
let fake: FakeOpenAi;
const calls: CallRecord[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAi();
  temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: 'draft tests passphrase' });
  await call(temp.core, 'demo.load', {});
  await call(temp.core, 'profile.save', { agentName: 'Jonas Keller' });
  await call(temp.core, 'kb.save', { article: { title: 'Refunds', body: 'Refunds are issued within 14 days of the return reaching our warehouse.', tags: ['refund'] } });
  await call(temp.core, 'kb.save', { article: { title: 'Lost parcels', body: 'When tracking has not moved for 7 days, we trace the parcel with the carrier.', tags: ['delivery'] } });
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
});
afterAll(async () => {
  raw.close();
  await temp.cleanup();
  await fake.close();
});

async function itemId(subject: string): Promise<string> {
  const item = (await call(temp.core, 'feedback.list', { limit: 50 })).items.find((i) => i.subject === subject);
  if (!item) throw new Error(`no item "${subject}"`);
  return item.id;
}

type Pushed = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

/** Starts a draft and runs its job with the real client against the fake server. */
async function draft(subject: string, options: { tone?: ReplyTone; answer?: FakeBehaviour; redact?: AiSettings['redact'] } = {}) {
  const feedbackId = await itemId(subject);
  const { draftId } = startDraft(raw, { feedbackId, tone: options.tone ?? 'friendly' }, Date.now());
  if (options.answer) fake.enqueue(options.answer);
  const settings: AiSettings = { ...defaultAiSettings, enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'fake-model', redact: options.redact ?? 'off' };
  const client = createLlmClient({ provider: 'custom', baseUrl: fake.baseUrl, apiKey: null, azureApiVersion: '', timeoutMs: 10_000, maxTokens: 800 }, (r) => calls.push(r));
  const events: Pushed[] = [];
  const env: AiRunEnv = { db: raw, client, settings, now: () => Date.now(), signal: new AbortController().signal, emit: (name, payload) => void events.push({ name, payload } as Pushed) };
  const requestsBefore = fake.requests.length;
  await draftRunner.run({ id: draftId, purpose: 'draft', feedbackId, params: {}, attempts: 0 }, env);
  const request = fake.requests.slice(requestsBefore).find((r) => r.path.endsWith('/chat/completions'));
  const progress = events.flatMap((e) => (e.name === 'ai.draft.progress' ? [e.payload] : []));
  const done = events.flatMap((e) => (e.name === 'ai.draft.done' ? [e.payload.draft] : []));
  return { feedbackId, draftId, progress, done, stored: getDraft(raw, draftId)!, request: request!.body as { messages: { role: string; content: string }[] } };
}

const markerOf = (d: AiDraft, kind: string) => d.sources.find((s) => s.kind === kind)?.marker;

describe('reply drafts', () => {
  it('streams the text in order, Azure-style empty first chunk and usage on every chunk; the pieces add up to the stored text', async () => {
    const text = 'Hi Tom,\n\nThank you for your patience. The warehouse has your headphones, and refunds are issued within 14 days [S1].\n\nJonas Keller';
    const run = await draft('Still waiting for refund on returned headphones', { answer: { kind: 'text', text, chunks: 9, usage: 'every', emptyFirstChunk: true } });
    expect(run.progress.length).toBeGreaterThan(1);
    let sofar = '';
    for (const p of run.progress) {
      expect(p).toMatchObject({ draftId: run.draftId, feedbackId: run.feedbackId });
      sofar += p.delta;
      expect(p.text).toBe(sofar);
    }
    expect(sofar).toBe(text);
    expect(run.done).toHaveLength(1);
    expect(run.done[0]).toEqual(run.stored);
    expect(run.stored).toMatchObject({ state: 'done', text, model: 'fake-model', tone: 'friendly', language: 'en', tokensEstimated: false, error: null });
    expect(run.stored.tokens).toBeGreaterThan(0);
    expect(latestDraft(raw, run.feedbackId)?.id).toBe(run.draftId);
  });

  it('marks tokens as estimated when the stream carries no usage', async () => {
    const run = await draft('Still waiting for refund on returned headphones', { answer: { kind: 'text', text: 'Hello, we are on it.', usage: 'none' } });
    expect(run.stored).toMatchObject({ state: 'done', text: 'Hello, we are on it.', tokensEstimated: true });
    expect(run.stored.tokens).toBeGreaterThan(0);
  });

  it('resolves [S1]-style markers to a template, a KB article and an earlier reply, and drops an unknown one', async () => {
    const feedbackId = await itemId('Still waiting for refund on returned headphones');
    // Sources are retrieved when the draft starts, so the answer can cite them by marker.
    const probe = getDraft(raw, startDraft(raw, { feedbackId, tone: 'friendly' }, Date.now()).draftId)!;
    const kb = markerOf(probe, 'kb');
    const template = markerOf(probe, 'template');
    const reply = markerOf(probe, 'reply');
    expect([kb, template, reply]).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
    const answer = `Refunds are issued within 14 days [${kb}]. The warehouse has your parcel [${reply}]. We are sorry for the wait [${template}] [S9].`;
    const run = await draft('Still waiting for refund on returned headphones', { answer: { kind: 'text', text: answer } });
    expect(run.stored.sources.map((s) => s.marker)).toEqual(probe.sources.map((s) => s.marker));
    expect(run.stored.cited).toEqual([kb, reply, template]);
    expect(run.stored.text).not.toContain('[S9]');
    expect(run.stored.text).toContain(`[${kb}]`);
    const byMarker = new Map(run.stored.sources.map((s) => [s.marker, s]));
    const refunds = (await call(temp.core, 'kb.list', { query: 'refunds' })).articles.find((a) => a.title === 'Refunds')!;
    expect(byMarker.get(kb!)).toMatchObject({ kind: 'kb', sourceId: refunds.id, title: 'KB: Refunds', feedbackId: null });
    expect(byMarker.get(template!)).toMatchObject({ kind: 'template', title: expect.stringMatching(/^Template: Refund/) });
    expect(byMarker.get(reply!)).toMatchObject({ kind: 'reply', feedbackId: await itemId('Refund for my returned headphones'), title: expect.stringMatching(/^Reply to 'Refund for my returned headphones'/) });
    // The model was given each source's text under its marker.
    const prompt = run.request.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(`SOURCE ${kb}`);
    expect(prompt).toContain('Refunds are issued within 14 days');
  });

  it('flags promises no source supports, and not those a KB article states', async () => {
    const supported = await draft('Still waiting for refund on returned headphones', { answer: { kind: 'text', text: 'We will issue your refund within 14 days [S1].' } });
    expect(supported.stored.sources.some((s) => s.title === 'KB: Refunds')).toBe(true);
    expect(supported.stored.unsupportedPromises).toEqual([]);

    // The late parcel's sources say nothing of refunds once the delivery template (which offers one) is gone.
    const delivery = (await call(temp.core, 'templates.list', {})).templates.filter((t) => /refund/i.test(t.body) && t.topics.includes('delivery'));
    for (const t of delivery) await call(temp.core, 'templates.delete', { id: t.id });
    const run = await draft('Late parcel', { answer: { kind: 'text', text: 'Sorry about the delay. You will get a full refund by Friday.' } });
    expect(run.stored.sources.every((s) => !/refund|friday/i.test(s.excerpt))).toBe(true);
    expect(run.stored.unsupportedPromises.map((p) => p.kind).sort()).toEqual(['date', 'refund']);
    for (const p of run.stored.unsupportedPromises) expect(run.stored.text.slice(p.start, p.end)).toBe(p.text);
  });

  it("asks in the customer's language and the chosen tone", async () => {
    const run = await draft('Paket nicht angekommen', { tone: 'formal' });
    expect(run.stored).toMatchObject({ state: 'done', language: 'de', tone: 'formal' });
    const system = run.request.messages.find((m) => m.role === 'system')!.content;
    expect(system).toMatch(/German \(de\)/);
    expect(system).toMatch(/Formal/);
    expect(system).not.toMatch(/Apologetic/);
    expect(run.request.messages.map((m) => m.content).join('\n')).toContain('Wo ist mein Paket?');
  });

  it("answers the customer's latest message, with the thread before it as context", async () => {
    const feedbackId = await itemId('Refund for my returned headphones');
    raw
      .prepare("INSERT INTO messages (id, feedback_id, direction, author, body, sent_at) VALUES ('01FOLLOWUPMESSAGE0000000000', ?, 'in', 'Maria Lopez', ?, ?)")
      .run(feedbackId, 'Five days later and still nothing on my card statement.', Date.now());
    const run = await draft('Refund for my returned headphones');
    const user = run.request.messages.find((m) => m.role === 'user')!.content;
    const answered = user.slice(user.indexOf('the message to answer'));
    expect(answered).toContain('still nothing on my card statement');
    expect(answered).not.toContain('Where is my refund?');
    expect(user).toMatch(/earlier message 1 of 2, from the customer\n[^]*Where is my refund\?/);
    expect(user).toMatch(/earlier message 2 of 2, from the support team\n[^]*refund was issued today/);
  });

  it('redacts PII in the request and restores it in the text, even when a placeholder is split across chunks', async () => {
    const feedbackId = await itemId('Parcel tracking stuck');
    const pii = ' Write to maria.lopez@example.com or call +1 415 555 2671.';
    raw.prepare('UPDATE feedback SET body = body || ? WHERE id = ?').run(pii, feedbackId);
    raw.prepare("UPDATE messages SET body = body || ? WHERE feedback_id = ? AND direction = 'in'").run(pii, feedbackId);
    const answer = 'Hello [NAME_1], we will write to [EMAIL_1] and call [PHONE_1] today.';
    const run = await draft('Parcel tracking stuck', { redact: 'on', answer: { kind: 'text', text: answer, chunks: 23 } });
    const sent = JSON.stringify(run.request);
    expect(sent).not.toContain('maria.lopez@example.com');
    expect(sent).not.toContain('415 555 2671');
    expect(sent).not.toContain('Maria Lopez');
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toContain('[NAME_1]');
    expect(run.stored.text).toBe('Hello Maria Lopez, we will write to maria.lopez@example.com and call +1 415 555 2671 today.');
    for (const p of run.progress) expect(p.text).not.toMatch(/\[(N|NA|NAM|NAME|E|EM|EMA|EMAI|EMAIL|P|PH|PHO|PHON|PHONE)(_\d*)?\]?$|\[[A-Z]+_\d\]/);
    expect(run.progress.map((p) => p.delta).join('')).toBe(run.stored.text);
    // Nothing redacted when the endpoint is trusted with it.
    const plain = await draft('Parcel tracking stuck', { redact: 'off' });
    expect(JSON.stringify(plain.request)).toContain('maria.lopez@example.com');
  });

  it('records the outcome: sent unchanged (markers aside), edited with its distance, or set aside', async () => {
    const a = await draft('Late parcel', { answer: { kind: 'text', text: 'Hi Tom, we are tracing your parcel [S1].' } });
    const sent = await call(temp.core, 'replies.send', { feedbackId: a.feedbackId, body: 'Hi Tom, we are tracing your parcel.', suggestion: null, aiDraftId: a.draftId });
    expect(sent.status).toBe('replied');
    expect(raw.prepare('SELECT outcome, edit_distance FROM ai_drafts WHERE id = ?').get(a.draftId)).toEqual({ outcome: 'unchanged', edit_distance: 0 });

    const b = await draft('Late parcel', { answer: { kind: 'text', text: 'Hi Tom, we are tracing your parcel.' } });
    expect(recordDraftOutcome(raw, b.draftId, 'Hi Tom, we are tracing your parcel with the carrier.')).toEqual({ outcome: 'edited', editDistance: 17 });
    expect(raw.prepare('SELECT outcome, edit_distance FROM ai_drafts WHERE id = ?').get(b.draftId)).toEqual({ outcome: 'edited', edit_distance: 17 });
    expect(discardDraft(raw, b.draftId)).toBe(false);
    // Another item's draft is not this reply's.
    expect(recordDraftOutcome(raw, b.draftId, 'x', await itemId('Parcel tracking stuck'))).toBeNull();

    const c = await draft('Late parcel');
    expect(discardDraft(raw, c.draftId)).toBe(true);
    expect(raw.prepare('SELECT outcome FROM ai_drafts WHERE id = ?').get(c.draftId)).toEqual({ outcome: 'discarded' });
  });

  it('fails a draft the server refuses, keeping what was said and why', async () => {
    const run = draft('Late parcel', { answer: { kind: 'status', status: 400 } });
    await expect(run).rejects.toMatchObject({ name: 'AiCallError', kind: 'bad-request' });
    const failed = latestDraft(raw, await itemId('Late parcel'))!;
    expect(failed).toMatchObject({ state: 'failed', error: expect.any(String) });
  });

  it('through the core: ai.draft.start lists its sources at once, streams progress events, ends with ai.draft.done', async () => {
    await call(temp.core, 'ai.settings.save', { enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'fake-model', redact: 'off' });
    const pushed: Pushed[] = [];
    const off = temp.core.onEvent((name, payload) => void pushed.push({ name, payload } as Pushed));
    const feedbackId = await itemId('Still waiting for refund on returned headphones');
    fake.enqueue({ kind: 'text', text: 'Hi Tom, refunds are issued within 14 days [S1]. [S7]', chunks: 6, usage: 'final' });
    try {
      const { draftId } = await call(temp.core, 'ai.draft.start', { feedbackId, tone: 'brief' });
      const early = (await call(temp.core, 'ai.draft.get', { feedbackId })).draft!;
      expect(early).toMatchObject({ id: draftId, tone: 'brief' });
      expect(early.sources.length).toBeGreaterThan(0);
      await vi.waitFor(() => expect(pushed.some((e) => e.name === 'ai.draft.done' && e.payload.draft.id === draftId)).toBe(true), { timeout: 15_000 });
      const progress = pushed.flatMap((e) => (e.name === 'ai.draft.progress' && e.payload.draftId === draftId ? [e.payload] : []));
      expect(progress.map((p) => p.delta).join('')).toBe('Hi Tom, refunds are issued within 14 days [S1]. [S7]');
      const done = (await call(temp.core, 'ai.draft.get', { feedbackId })).draft!;
      expect(done).toMatchObject({ id: draftId, state: 'done', text: 'Hi Tom, refunds are issued within 14 days [S1].', cited: ['S1'] });
      // Set aside unsent: recorded as discarded, with an audit row.
      expect(await call(temp.core, 'ai.draft.discard', { draftId })).toEqual({ discarded: true });
      expect(raw.prepare('SELECT outcome FROM ai_drafts WHERE id = ?').get(draftId)).toEqual({ outcome: 'discarded' });
      expect(raw.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'ai.draft.discarded' AND entity_id = ?").get(draftId)).toEqual({ n: 1 });
    } finally {
      off();
    }
  });

  it('through the core: a draft cancelled while it waits on the server ends as cancelled, once asked', async () => {
    await call(temp.core, 'ai.settings.save', { enabled: true, provider: 'custom', baseUrl: fake.baseUrl, model: 'fake-model', redact: 'off' });
    const pushed: Pushed[] = [];
    const off = temp.core.onEvent((name, payload) => void pushed.push({ name, payload } as Pushed));
    const feedbackId = await itemId('Late parcel');
    const before = fake.requests.length;
    fake.enqueue({ kind: 'hang' });
    try {
      const { draftId } = await call(temp.core, 'ai.draft.start', { feedbackId, tone: 'apologetic' });
      await vi.waitFor(() => expect(fake.requests.length).toBeGreaterThan(before), { timeout: 10_000 });
      expect(await call(temp.core, 'ai.draft.cancel', { draftId })).toEqual({ cancelled: true });
      await vi.waitFor(() => expect(pushed.some((e) => e.name === 'ai.draft.done' && e.payload.draft.id === draftId)).toBe(true), { timeout: 10_000 });
      expect((await call(temp.core, 'ai.draft.get', { feedbackId })).draft).toMatchObject({ id: draftId, state: 'cancelled' });
      expect(await call(temp.core, 'ai.draft.cancel', { draftId })).toEqual({ cancelled: false });
    } finally {
      off();
    }
  });
});
