/**
 * The LLM client against the fake OpenAI-compatible server, over real HTTP on 127.0.0.1:
 * json_schema enforced, ignored (repaired) and refused (prompt-only fallback); malformed
 * JSON repaired; streams with usage on the last chunk, every chunk or none; failures
 * classified for the queue (429 with Retry-After, 500, a hang, connection refused); every
 * attempt logged exactly as the server received it, and never with the key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmClient } from '../../src/main/core/ai/client';
import { AiCallError, type AiEndpoint, type CallRecord, type JsonRequest } from '../../src/main/core/ai/types';
import { startFakeOpenAi, type FakeOpenAi, type JsonSchemaMode } from '../support/fake-openai';

const API_KEY = 'sk-test-ai-client-5f3b9c1e7d2a';

const answerSchema = z.object({ sentiment: z.enum(['negative', 'neutral', 'positive']), confidence: z.enum(['high', 'medium', 'low']), summary: z.string().min(1) });
const portable = {
  type: 'object',
  properties: {
    sentiment: { type: 'string', enum: ['negative', 'neutral', 'positive'] },
    confidence: { type: 'string', enum: ['high', 'medium', 'low'] },
    summary: { type: 'string' },
  },
  required: ['sentiment', 'confidence', 'summary'],
  additionalProperties: false,
};

const request = (over: Partial<JsonRequest<z.infer<typeof answerSchema>>> = {}): JsonRequest<z.infer<typeof answerSchema>> => ({
  purpose: 'triage',
  model: 'fake-model',
  messages: [
    { role: 'system', content: 'You triage customer messages.' },
    { role: 'user', content: 'My parcel is late.' },
  ],
  schema: answerSchema,
  jsonSchema: { name: 'triage', schema: portable },
  ...over,
});

let fake: FakeOpenAi | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setup(jsonSchema: JsonSchemaMode = 'enforced', endpoint: Partial<AiEndpoint> = {}) {
  fake = await startFakeOpenAi({ jsonSchema });
  const calls: CallRecord[] = [];
  const client = createLlmClient(
    { provider: 'custom', baseUrl: fake.baseUrl, apiKey: API_KEY, azureApiVersion: '2024-10-21', timeoutMs: 5000, maxTokens: 300, ...endpoint },
    (record) => calls.push(record),
  );
  return { fake, calls, client };
}

const chats = (f: FakeOpenAi) => f.requests.filter((r) => r.path.includes('/chat/completions'));

function expectNoKey(calls: CallRecord[]): void {
  for (const c of calls) expect(JSON.stringify(c)).not.toContain(API_KEY);
}

describe('completeJson', () => {
  it('sends json_schema with the portable schema and accepts an enforced answer', async () => {
    const { fake, calls, client } = await setup('enforced');
    const answer = await client.completeJson(request());
    expect(answer.value).toEqual({ sentiment: 'negative', confidence: 'medium', summary: expect.any(String) });
    expect(answer.repaired).toBe(false);
    expect(answer.usage.estimated).toBe(false);
    const [sent] = chats(fake);
    expect(sent?.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'triage', schema: portable, strict: true } });
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(Object.keys(sent?.headers ?? {}).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ purpose: 'triage', host: `127.0.0.1:${fake.port}`, model: 'fake-model', status: 200, outcome: 'ok', error: null });
    expectNoKey(calls);
  });

  it('logs the request body exactly as the server received it, byte for byte', async () => {
    const { fake, calls, client } = await setup('enforced');
    await client.completeJson(request({ messages: [{ role: 'user', content: 'Ünïcödé "quotes" and \\ backslashes\nnew line' }] }));
    const received = chats(fake)[0];
    expect(calls[0]?.request).toBe(received?.raw);
    expect(JSON.stringify(JSON.parse(calls[0]!.request))).toBe(JSON.stringify(received?.body));
  });

  it('repairs an answer from a server that ignores the schema: two calls, the first marked invalid', async () => {
    const { fake, calls, client } = await setup('ignored');
    const answer = await client.completeJson(request());
    expect(answer.repaired).toBe(true);
    expect(answer.value.sentiment).toBe('negative');
    expect(calls.map((c) => c.outcome)).toEqual(['invalid', 'ok']);
    expect(calls[0]?.error).toMatch(/sentiment/);
    const second = chats(fake)[1]?.body;
    expect(second.messages.at(-2)).toMatchObject({ role: 'assistant' });
    expect(second.messages.at(-1).content).toMatch(/not valid/);
  });

  it('repairs malformed JSON once', async () => {
    const { fake, calls, client } = await setup('enforced');
    fake.enqueue({ kind: 'raw', content: '{"sentiment": "negative", "confidence": "medium", "summary": "late parcel"' });
    const answer = await client.completeJson(request());
    expect(answer).toMatchObject({ repaired: true, value: { sentiment: 'negative' } });
    expect(calls.map((c) => c.outcome)).toEqual(['invalid', 'ok']);
    expect(answer.usage.promptTokens).toBeGreaterThan(0);
  });

  it('fails as invalid after one repair that is still wrong', async () => {
    const { fake, calls, client } = await setup('enforced');
    fake.enqueue({ kind: 'json', value: { sentiment: 'angry' } }, { kind: 'raw', content: 'I cannot answer in JSON.' });
    const error = await client.completeJson(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiCallError);
    expect((error as AiCallError).kind).toBe('invalid');
    expect(calls.map((c) => c.outcome)).toEqual(['invalid', 'invalid']);
  });

  it('falls back to prompt-only JSON where json_schema is refused, remembers it, and still validates', async () => {
    const { fake, calls, client } = await setup('refused');
    const first = await client.completeJson(request());
    expect(first.value.confidence).toBe('medium');
    const sent = chats(fake);
    expect(sent[0]?.body.response_format?.type).toBe('json_schema');
    expect(sent[1]?.body.response_format).toBeUndefined();
    expect(JSON.stringify(sent[1]?.body)).not.toContain('json_object');
    expect(sent[1]?.body.messages[0].content).toContain('"enum":["negative","neutral","positive"]');
    expect(calls.map((c) => [c.status, c.outcome])).toEqual([
      [400, 'failed'],
      [200, 'ok'],
    ]);
    await client.completeJson(request());
    expect(chats(fake)).toHaveLength(3);
    expect(chats(fake)[2]?.body.response_format).toBeUndefined();
  });

  it('takes a 422 as a refusal of json_schema too', async () => {
    const { fake, client } = await setup('enforced');
    fake.enqueue({ kind: 'status', status: 422, body: JSON.stringify({ detail: 'Unprocessable' }) });
    await client.completeJson(request());
    expect(chats(fake).map((r) => r.body.response_format?.type ?? null)).toEqual(['json_schema', null]);
  });

  it('estimates usage when the server sends none, and says so', async () => {
    const { fake, client } = await setup('enforced');
    fake.enqueue({ kind: 'text', text: JSON.stringify({ sentiment: 'neutral', confidence: 'low', summary: 'ok' }), usage: 'none' });
    const answer = await client.completeJson(request());
    expect(answer.usage.estimated).toBe(true);
    expect(answer.usage.completionTokens).toBeGreaterThan(0);
  });
});

describe('streamText', () => {
  const stream = async (client: Awaited<ReturnType<typeof setup>>['client']) => {
    const deltas: string[] = [];
    const result = await client.streamText({ purpose: 'draft', model: 'fake-model', messages: [{ role: 'user', content: 'Write a reply citing [S1].' }], onDelta: (d) => deltas.push(d) });
    return { ...result, deltas };
  };

  it('streams the pieces and takes usage from the final chunk', async () => {
    const { fake, calls, client } = await setup();
    const { text, usage, deltas } = await stream(client);
    expect(deltas.length).toBe(5);
    expect(deltas.join('')).toBe(text);
    expect(text).toContain('[S1]');
    expect(usage.estimated).toBe(false);
    expect(chats(fake)[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(calls[0]).toMatchObject({ outcome: 'ok', response: text, usage });
  });

  it('takes the last count, not the sum, when usage comes on every chunk', async () => {
    const { fake, client } = await setup();
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    fake.enqueue({ kind: 'text', text, chunks: 6, usage: 'every' });
    const result = await stream(client);
    expect(result.text).toBe(text);
    expect(result.usage).toEqual({ promptTokens: expect.any(Number), completionTokens: Math.ceil(text.length / 4), estimated: false });
  });

  it('streams again without stream_options where the server refuses them, and remembers', async () => {
    const { fake, calls, client } = await setup();
    fake.enqueue({ kind: 'status', status: 400, body: JSON.stringify({ error: { message: 'Unrecognized request argument supplied: stream_options' } }) });
    const first = await stream(client);
    expect(first.text).toContain('[S1]');
    await stream(client);
    expect(chats(fake).map((r) => 'stream_options' in r.body)).toEqual([true, false, false]);
    expect(calls.map((c) => c.outcome)).toEqual(['failed', 'ok', 'ok']);
  });

  it('estimates usage when the stream has none, and skips an empty first chunk', async () => {
    const { fake, client } = await setup();
    fake.enqueue({ kind: 'text', text: 'Hello there, your parcel is on its way.', usage: 'none', emptyFirstChunk: true, chunks: 3 });
    const result = await stream(client);
    expect(result.text).toBe('Hello there, your parcel is on its way.');
    expect(result.deltas).toHaveLength(3);
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
  });
});

describe('failures, classified for the queue', () => {
  const kindOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AiCallError);

  it('429 with Retry-After is rate-limited with the wait in ms (seconds and HTTP date)', async () => {
    const { fake, calls, client } = await setup();
    fake.enqueue({ kind: 'status', status: 429, retryAfter: '7' });
    const error = await kindOf(client.completeJson(request()));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000, status: 429 });
    expect(calls[0]).toMatchObject({ status: 429, outcome: 'failed' });
    fake.enqueue({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 30_000).toUTCString() });
    const dated = await kindOf(client.completeJson(request()));
    expect(dated?.retryAfterMs).toBeGreaterThan(25_000);
    expect(dated?.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(chats(fake)).toHaveLength(2);
  });

  it('500 is a server failure; 401 is auth; 404 names the model', async () => {
    const { fake, client } = await setup();
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 401 }, { kind: 'status', status: 404 });
    expect(await kindOf(client.completeJson(request()))).toMatchObject({ kind: 'server', status: 500 });
    const auth = await kindOf(client.completeJson(request()));
    expect(auth).toMatchObject({ kind: 'auth' });
    expect(auth?.message).toMatch(/API key/);
    const missing = await kindOf(client.completeJson(request()));
    expect(missing).toMatchObject({ kind: 'bad-request' });
    expect(missing?.message).toMatch(/fake-model/);
  });

  it('a hang is a time-out within timeoutMs', async () => {
    const { fake, calls, client } = await setup('enforced', { timeoutMs: 1000 });
    fake.enqueue({ kind: 'hang' });
    const started = Date.now();
    const error = await kindOf(client.completeJson(request()));
    expect(error?.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(calls[0]).toMatchObject({ outcome: 'failed', status: null });
  });

  it('a streamed request that hangs is a time-out too', async () => {
    const { fake, client } = await setup('enforced', { timeoutMs: 1000 });
    fake.enqueue({ kind: 'hang' });
    const error = await kindOf(client.streamText({ purpose: 'draft', model: 'fake-model', messages: [{ role: 'user', content: 'hi' }], onDelta: () => undefined }));
    expect(error?.kind).toBe('timeout');
  });

  it("the caller's abort is 'cancelled'", async () => {
    const { fake, client } = await setup();
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = kindOf(client.completeJson(request({ signal: controller.signal })));
    setTimeout(() => controller.abort(), 100);
    expect((await pending)?.kind).toBe('cancelled');
  });

  it('connection refused is offline, with what to do', async () => {
    const { fake, calls, client } = await setup();
    await fake.close();
    const error = await kindOf(client.completeJson(request()));
    expect(error?.kind).toBe('offline');
    expect(error?.message).toMatch(/Nothing answers at 127\.0\.0\.1:\d+\. Start the server/);
    expect(calls[0]).toMatchObject({ outcome: 'failed', status: null });
    await expect(client.listModels()).rejects.toMatchObject({ kind: 'offline' });
  });

  it('the key appears in no record, even when the server echoes it', async () => {
    const { fake, calls, client } = await setup();
    fake.enqueue({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${API_KEY}` } }) });
    const error = await kindOf(client.completeJson(request()));
    expect(error?.message).not.toContain(API_KEY);
    await client.probe('fake-model');
    expect(calls.length).toBeGreaterThan(2);
    expectNoKey(calls);
  });
});

describe('probe', () => {
  it('lists models and finds json_schema enforced and usage on the final chunk', async () => {
    const { calls, client } = await setup('enforced');
    const result = await client.probe('fake-model');
    expect(result).toMatchObject({ ok: true, models: ['fake-model'], modelFound: true, supports: { jsonSchema: 'enforced', streaming: true, streamUsage: 'final-chunk' }, error: null });
    expect(calls.every((c) => c.purpose === 'test')).toBe(true);
  });

  it('tells ignored and refused apart, and usage on every chunk or missing', async () => {
    const ignored = await setup('ignored');
    ignored.fake.enqueue({ kind: 'raw', content: '{"check": "hello"}' }, { kind: 'text', text: 'OK', usage: 'every', chunks: 2 });
    expect((await ignored.client.probe('fake-model')).supports).toEqual({ jsonSchema: 'ignored', streaming: true, streamUsage: 'every-chunk' });
    await ignored.fake.close();
    const refused = await setup('refused');
    refused.fake.enqueue({ kind: 'text', text: 'OK', usage: 'none' });
    expect((await refused.client.probe('fake-model')).supports).toEqual({ jsonSchema: 'refused', streaming: true, streamUsage: 'missing' });
  });

  it('never throws: a missing model lists what there is; nothing listening says how to start it', async () => {
    const { fake, client } = await setup();
    fake.models = ['llama3.1', 'qwen2.5'];
    const missing = await client.probe('gpt-4o');
    expect(missing).toMatchObject({ ok: false, modelFound: false, error: { code: 'model-not-found' } });
    expect(missing.error?.message).toMatch(/llama3\.1, qwen2\.5/);
    await fake.close();
    const offline = await client.probe('llama3.1');
    expect(offline).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(offline.error?.message).toMatch(/ollama serve/);
  });
});

describe('Azure', () => {
  it('sends to the deployment path with api-version and the api-key header', async () => {
    fake = await startFakeOpenAi();
    const calls: CallRecord[] = [];
    const client = createLlmClient(
      { provider: 'azure', baseUrl: fake.origin, apiKey: API_KEY, azureApiVersion: '2024-10-21', timeoutMs: 5000, maxTokens: 300 },
      (r) => calls.push(r),
    );
    const answer = await client.completeJson(request({ model: 'my-deployment' }));
    expect(answer.value.sentiment).toBe('negative');
    const [sent] = chats(fake);
    expect(sent?.path).toBe('/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21');
    expect(sent?.headers['api-key']).toBe(API_KEY);
    expect(sent?.headers.authorization).toBeUndefined();
    expect(calls[0]?.host).toBe(`127.0.0.1:${fake.port}`);
    expectNoKey(calls);
  });

  it('uses the plain client on a base URL ending in /openai/v1', async () => {
    fake = await startFakeOpenAi();
    const client = createLlmClient({ provider: 'azure', baseUrl: `${fake.origin}/openai/v1`, apiKey: API_KEY, azureApiVersion: '2024-10-21', timeoutMs: 5000, maxTokens: 300 }, () => undefined);
    await client.completeJson(request({ model: 'gpt-4.1-mini' }));
    expect(chats(fake)[0]?.path).toBe('/openai/v1/chat/completions');
  });
});
