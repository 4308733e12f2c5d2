/** The AI page's words: the budget meter's maths, redaction lines, what a test found, why the queue waits. */
import { describe, expect, it } from 'vitest';
import type { AiQueueState, AiTestResult } from '../../src/shared/ai/schema';
import { budgetMeter, modelsSummary, pauseBanner, queueHint, redactionLine, redactionState, testFailure, testLines } from '../../src/renderer/src/ai/model/wording';

describe('the budget meter', () => {
  it('fills to the share used, amber from 80 %, red and stopped once spent', () => {
    const month = '2026-12';
    expect(budgetMeter({ month, used: 500_000, estimated: 0, limit: 2_000_000, exhausted: false })).toMatchObject({
      percent: 25,
      color: 'teal',
      stopped: false,
      label: '500,000 of 2,000,000 tokens used this month (25%)',
      estimatedNote: null,
    });
    expect(budgetMeter({ month, used: 1_700_000, estimated: 0, limit: 2_000_000, exhausted: false }).color).toBe('yellow');
    const spent = budgetMeter({ month, used: 2_000_400, estimated: 0, limit: 2_000_000, exhausted: true });
    expect(spent).toMatchObject({ percent: 100, color: 'red', stopped: true });
    expect(spent.label).toMatch(/^Stopped: budget spent/);
    // The core's word counts even when the figures alone say otherwise.
    expect(budgetMeter({ month, used: 10, estimated: 0, limit: 2000, exhausted: true }).stopped).toBe(true);
  });

  it('notes the estimated part, and has nothing to fill without a limit', () => {
    const m = budgetMeter({ month: '2026-12', used: 12_345, estimated: 1_200, limit: null, exhausted: false });
    expect(m.percent).toBeNull();
    expect(m.label).toBe('12,345 tokens used this month · no limit');
    expect(m.estimatedNote).toMatch(/^1,200 of them estimated/);
    expect(m.stopped).toBe(false);
  });

  it('rounds to a tenth of a percent', () => {
    expect(budgetMeter({ month: '2026-12', used: 1, estimated: 0, limit: 3000, exhausted: false }).percent).toBe(0);
    expect(budgetMeter({ month: '2026-12', used: 774, estimated: 0, limit: 2_000_000, exhausted: false }).label).toBe('774 of 2,000,000 tokens used this month (under 0.1%)');
    expect(budgetMeter({ month: '2026-12', used: 0, estimated: 0, limit: 2_000_000, exhausted: false }).label).toBe('0 of 2,000,000 tokens used this month (0%)');
    expect(budgetMeter({ month: '2026-12', used: 1001, estimated: 0, limit: 3000, exhausted: false }).percent).toBe(33.4);
  });
});

describe('redaction', () => {
  it('auto redacts for another machine and not for this one', () => {
    expect(redactionState('auto', false, true)).toEqual({ redacting: true, line: redactionLine, warning: null });
    const local = redactionState('auto', true, true);
    expect(local.redacting).toBe(false);
    expect(local.warning).toBeNull();
  });

  it('warns when off for a host that is not this machine', () => {
    expect(redactionState('off', false, true).warning).toMatch(/another machine/);
    expect(redactionState('off', true, true).warning).toBeNull();
    expect(redactionState('on', true, true).redacting).toBe(true);
  });

  it('lists every kind it replaces', () => {
    for (const kind of ['e-mails', 'phone numbers', 'card numbers', 'IBANs', 'IP addresses', 'secrets in URLs', 'name']) expect(redactionLine).toContain(kind);
  });
});

const result = (over: Partial<AiTestResult> = {}): AiTestResult => ({
  ok: true,
  host: '127.0.0.1:11434',
  latencyMs: 42,
  models: ['llama3.1', 'qwen2.5', 'mistral', 'phi3', 'gemma2'],
  modelFound: true,
  supports: { jsonSchema: 'enforced', streaming: true, streamUsage: 'final-chunk' },
  error: null,
  ...over,
});

describe('what a test found', () => {
  it('says latency, the models (count and first few), and whether the model is there', () => {
    const lines = testLines(result(), 'llama3.1');
    expect(lines[0]).toMatchObject({ label: 'Answered in', value: '42 ms' });
    expect(lines[1]).toMatchObject({ label: 'Models (5)', value: 'llama3.1, qwen2.5, mistral and 2 more' });
    expect(lines[2]).toMatchObject({ value: 'llama3.1 is available', tone: 'ok' });
    expect(testLines(result({ modelFound: false }), 'llama9')[2]).toMatchObject({ value: 'llama9 is not among them: check the name', tone: 'bad' });
    expect(testLines(result({ models: [], modelFound: null }), 'x')[2]!.value).toMatch(/lists no models/);
  });

  it('explains structured output and streamed usage in the words of what happens next', () => {
    const find = (r: AiTestResult, label: string) => testLines(r, 'm').find((l) => l.label === label)!.value;
    expect(find(result({ supports: { jsonSchema: 'ignored', streaming: true, streamUsage: 'every-chunk' } }), 'Structured output')).toBe('Ignored: answers are still checked');
    expect(find(result({ supports: { jsonSchema: 'refused', streaming: true, streamUsage: 'missing' } }), 'Structured output')).toBe('Refused: Hearken falls back to JSON in the prompt');
    expect(find(result({ supports: { jsonSchema: 'enforced', streaming: true, streamUsage: 'missing' } }), 'Streamed usage')).toBe('Missing: tokens are estimated');
    expect(find(result({ supports: { jsonSchema: 'enforced', streaming: true, streamUsage: 'every-chunk' } }), 'Streamed usage')).toBe('Sent with every chunk');
  });

  it('says what to do when it failed', () => {
    expect(testFailure({ code: 'offline', message: 'Connection refused.' }).advice).toMatch(/server is running/);
    expect(testFailure({ code: 'auth', message: '401.' }).advice).toMatch(/Replace the API key/);
    expect(testFailure({ code: 'weird', message: 'Odd.' })).toEqual({ title: 'The test failed', advice: 'Odd.' });
  });

  it('summarises models', () => {
    expect(modelsSummary([])).toBe('None listed');
    expect(modelsSummary(['a', 'b'])).toBe('a, b');
  });
});

const queue = (over: Partial<AiQueueState> = {}): AiQueueState => ({ counts: { queued: 0, running: 0, waiting: 0, failed: 0 }, paused: null, retryAt: null, ...over });

describe('why the queue waits', () => {
  it('has no banner while it runs', () => expect(pauseBanner(queue(), 0)).toBeNull());

  it('offline: resumes by itself, with the next try', () => {
    const now = Date.UTC(2026, 11, 6, 10, 0);
    const soon = pauseBanner(queue({ paused: 'offline', retryAt: now + 20_000 }), now)!;
    expect(soon.message).toBe('The endpoint doesn’t answer; jobs resume by themselves when it does. Next try in under a minute.');
    expect(pauseBanner(queue({ paused: 'offline', retryAt: now + 5 * 60_000 }), now)!.message).toMatch(/Next try at /);
  });

  it('budget, disabled and not configured each say where to go', () => {
    expect(pauseBanner(queue({ paused: 'budget' }), 0)).toMatchObject({ title: 'Stopped: budget spent', color: 'red' });
    expect(pauseBanner(queue({ paused: 'disabled' }), 0)!.message).toMatch(/Use an AI model/);
    expect(pauseBanner(queue({ paused: 'not-configured' }), 0)!.message).toMatch(/Provider tab/);
  });

  it('the nav badge counts failed first, then jobs in flight, and hides when idle', () => {
    expect(queueHint(queue())).toBeNull();
    expect(queueHint(queue({ counts: { queued: 3, running: 1, waiting: 1, failed: 0 } }))).toEqual({ count: 5, label: '5 AI jobs in progress', color: 'blue' });
    expect(queueHint(queue({ counts: { queued: 1, running: 0, waiting: 0, failed: 0 }, paused: 'offline' }))).toEqual({ count: 1, label: '1 AI job waiting', color: 'yellow' });
    expect(queueHint(queue({ counts: { queued: 3, running: 0, waiting: 0, failed: 2 } }))).toMatchObject({ count: 2, color: 'red' });
  });
});
