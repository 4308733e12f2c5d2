/**
 * The pure parts of the LLM engine: reading stream chunks from servers that each stream
 * differently, Retry-After, and what the queue does after each kind of failure.
 */
import { describe, expect, it } from 'vitest';
import { backoffMs, decide, MAX_ATTEMPTS, offlineProbeMs, RETRY_AFTER_CAP_MS } from '../../src/main/core/ai/backoff';
import { withoutThinking, withSchemaInPrompt } from '../../src/main/core/ai/client';
import { networkCode, retryAfterMs } from '../../src/main/core/ai/client-errors';
import { StreamAccumulator } from '../../src/main/core/ai/stream';
import { AiCallError } from '../../src/main/core/ai/types';

const chunk = (content: string | null | undefined, extra: Record<string, unknown> = {}) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: null }],
  ...extra,
});

describe('StreamAccumulator', () => {
  it("joins OpenAI's stream: role first, text pieces, usage on a final chunk with no choices", () => {
    const acc = new StreamAccumulator();
    const pieces = [
      { choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      chunk('Hello'),
      chunk(', world'),
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      { choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } },
    ].map((c) => acc.push(c));
    expect(pieces).toEqual(['', 'Hello', ', world', '', '']);
    expect(acc.text).toBe('Hello, world');
    expect(acc.usage).toEqual({ promptTokens: 12, completionTokens: 3 });
    expect(acc.usageStyle).toBe('final-chunk');
    expect(acc.finishReason).toBe('stop');
  });

  it("skips Azure's empty first chunk and null content", () => {
    const acc = new StreamAccumulator();
    acc.push({ choices: [], prompt_filter_results: [{ prompt_index: 0 }] });
    acc.push(chunk(null));
    acc.push(chunk('Hi'));
    acc.push(chunk(undefined));
    expect(acc.text).toBe('Hi');
    expect(acc.usage).toBeNull();
    expect(acc.usageStyle).toBe('missing');
  });

  it('takes the largest count, never the sum, when usage comes on every chunk', () => {
    const acc = new StreamAccumulator();
    acc.push(chunk('a', { usage: { prompt_tokens: 10, completion_tokens: 1 } }));
    acc.push(chunk('b', { usage: { prompt_tokens: 10, completion_tokens: 2 } }));
    acc.push(chunk('c', { usage: { prompt_tokens: 10, completion_tokens: 3 } }));
    expect(acc.usage).toEqual({ promptTokens: 10, completionTokens: 3 });
    expect(acc.usageStyle).toBe('every-chunk');
  });

  it('survives chunks that are not what OpenAI sends', () => {
    const acc = new StreamAccumulator();
    for (const odd of [null, 'text', 42, [], {}, { choices: null }, { choices: [null] }, { choices: [{ delta: 'x' }] }, { usage: { prompt_tokens: 'many' } }, { choices: [{ text: 'legacy' }] }]) {
      expect(() => acc.push(odd)).not.toThrow();
    }
    expect(acc.text).toBe('legacy');
    expect(acc.usage).toBeNull();
  });

  it('reads a finish_reason wherever it comes', () => {
    const acc = new StreamAccumulator();
    acc.push({ choices: [{ index: 0, delta: { content: 'cut' }, finish_reason: 'length' }] });
    expect(acc.finishReason).toBe('length');
  });
});

describe('Retry-After', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs(headers({ 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(headers({ 'retry-after': '1.5' }))).toBe(1500);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(headers({}))).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});

describe('network codes', () => {
  it('finds the system code under fetch failed and AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(networkCode(new TypeError('fetch failed', { cause: refused }))).toBe('ECONNREFUSED');
    const aggregate = Object.assign(new AggregateError([refused]), {});
    expect(networkCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ECONNREFUSED');
    expect(networkCode(new Error('plain'))).toBeNull();
  });
});

describe('prompt-only JSON', () => {
  it('appends the schema to the system message, or adds one', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const withSystem = withSchemaInPrompt(
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      schema,
    );
    expect(withSystem).toHaveLength(2);
    expect(withSystem[0]?.content).toMatch(/^Be brief\.\n\n.*JSON Schema:\n\{"type":"object"/s);
    expect(withSchemaInPrompt([{ role: 'user', content: 'Hi' }], schema)[0]?.role).toBe('system');
  });
});

describe("a reasoning model's thinking", () => {
  it('is not taken for the answer', () => {
    expect(withoutThinking('<think>Maybe {"sentiment": "positive"}? No.</think>\n{"sentiment": "negative"}')).toBe('\n{"sentiment": "negative"}');
    expect(withoutThinking('thinking cut {"a": 1}</think>{"b": 2}')).toBe('{"b": 2}');
    expect(withoutThinking('{"plain": true}')).toBe('{"plain": true}');
  });
});

describe('what the queue does after a failed try', () => {
  const now = 1_000_000;
  const half = () => 0.5;

  it('waits out Retry-After, capped', () => {
    expect(decide(new AiCallError('rate-limited', '429', 7000, 429), 0, now, half)).toEqual({ state: 'waiting', attempts: 1, notBefore: now + 7000, error: '429' });
    expect(decide(new AiCallError('rate-limited', '429', 3_600_000, 429), 0, now, half)).toMatchObject({ notBefore: now + RETRY_AFTER_CAP_MS });
    expect(decide(new AiCallError('rate-limited', '429', null, 429), 0, now, half)).toMatchObject({ notBefore: now + 2000 });
  });

  it('backs off 5xx and time-outs, then fails after the last try', () => {
    expect(decide(new AiCallError('server', '500'), 0, now, half)).toMatchObject({ state: 'waiting', attempts: 1, notBefore: now + 2000 });
    expect(decide(new AiCallError('timeout', 't'), 1, now, half)).toMatchObject({ state: 'waiting', attempts: 2, notBefore: now + 8000 });
    expect(decide(new AiCallError('server', '500'), MAX_ATTEMPTS - 1, now, half)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, error: expect.stringMatching(/500.*gave up after 4 tries/) });
  });

  it('fails at once where a retry cannot help; puts the job back for offline and the budget', () => {
    for (const kind of ['auth', 'bad-request', 'invalid'] as const) expect(decide(new AiCallError(kind, kind), 0, now)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(decide(new AiCallError('offline', 'gone'), 2, now)).toEqual({ state: 'queued', pause: 'offline' });
    expect(decide(new AiCallError('budget', 'spent'), 0, now)).toEqual({ state: 'queued', pause: 'budget' });
    expect(decide(new Error('bug'), 0, now)).toMatchObject({ state: 'failed', error: 'The job failed: bug' });
  });

  it('spreads back-off with jitter and probes an absent endpoint less and less often', () => {
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 1)).toBe(2400);
    expect([0, 1, 2, 3, 4, 9].map((n) => offlineProbeMs(n))).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000]);
    expect(offlineProbeMs(5, 50)).toBe(50);
  });
});
