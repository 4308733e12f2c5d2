/** "What left this machine" in the window: bodies as sent, tokens, redactions, paging and live merging. */
import { describe, expect, it } from 'vitest';
import type { AiLogEntry } from '../../src/shared/ai/schema';
import { chatMessages, logTimeLabel, mergeEntries, nextBefore, outcomeLabel, prettyBody, redactionsLabel, redactionTotal, tokensLabel } from '../../src/renderer/src/ai/model/log';

const entry = (id: string, at: number, over: Partial<AiLogEntry> = {}): AiLogEntry => ({
  id,
  at,
  kind: 'llm',
  purpose: 'triage',
  host: '127.0.0.1:11434',
  model: 'llama3.1',
  request: '{}',
  response: null,
  outcome: 'ok',
  status: 200,
  error: null,
  promptTokens: 1204,
  completionTokens: 96,
  tokensEstimated: false,
  latencyMs: 350,
  redactions: {},
  ...over,
});

describe('a logged call', () => {
  it('pretty-prints a JSON body and leaves anything else exactly as sent', () => {
    expect(prettyBody('{"model":"m","messages":[{"role":"user","content":"[EMAIL_1]"}]}')).toBe(
      '{\n  "model": "m",\n  "messages": [\n    {\n      "role": "user",\n      "content": "[EMAIL_1]"\n    }\n  ]\n}',
    );
    expect(prettyBody('not json {')).toBe('not json {');
    // Pretty-printing never changes a value.
    const body = '{"content":"Call +44 20 7946 0958 \\u00e9 [PHONE_1]"}';
    expect(JSON.parse(prettyBody(body))).toEqual(JSON.parse(body));
  });

  it('says tokens, marking estimates', () => {
    expect(tokensLabel(entry('a', 1))).toBe('1,204 + 96');
    expect(tokensLabel(entry('a', 1, { tokensEstimated: true }))).toBe('~1,204 + 96 (est.)');
    expect(tokensLabel(entry('a', 1, { promptTokens: null, completionTokens: null }))).toBe('—');
  });

  it('counts redactions by kind', () => {
    expect(redactionsLabel({})).toBe('none');
    expect(redactionsLabel({ email: 2, name: 1, phone: 0 })).toBe('2 e-mails, 1 name');
    expect(redactionsLabel({ ipv4: 1, ipv6: 2 })).toBe('3 IPs');
    expect(redactionTotal({ email: 2, name: 1 })).toBe(3);
  });

  it('says the outcome', () => {
    expect(outcomeLabel(entry('a', 1))).toBe('ok');
    expect(outcomeLabel(entry('a', 1, { outcome: 'invalid' }))).toBe('invalid answer');
    expect(outcomeLabel(entry('a', 1, { outcome: 'failed', status: 503 }))).toBe('failed: HTTP 503');
    expect(outcomeLabel(entry('a', 1, { outcome: 'failed', status: null, error: 'connection refused' }))).toBe('failed: connection refused');
  });
});

describe('paging and live entries', () => {
  it('pages back from the oldest entry shown', () => {
    expect(nextBefore([])).toBeNull();
    expect(nextBefore([entry('a', 30), entry('b', 10), entry('c', 20)])).toBe(10);
  });

  it('keeps newest first and each entry once', () => {
    const shown = [entry('c', 30), entry('b', 20)];
    const merged = mergeEntries(shown, [entry('d', 40), entry('b', 20), entry('a', 10)]);
    expect(merged.map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('reading a request', () => {
  it('lists a chat body’s messages with real line breaks', () => {
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'system', content: 'Rules:\n- one' }, { role: 'user', content: [{ type: 'text', text: 'Hi [NAME_1]' }] }] });
    expect(chatMessages(body)).toEqual([
      { role: 'system', content: 'Rules:\n- one' },
      { role: 'user', content: 'Hi [NAME_1]' },
    ]);
    expect(chatMessages('{"event":"escalated"}')).toBeNull();
    expect(chatMessages('not json')).toBeNull();
  });

  it('times today’s calls to the second and older ones by day', () => {
    const now = new Date(2026, 11, 6, 15, 0, 0).getTime();
    expect(logTimeLabel(new Date(2026, 11, 6, 9, 5, 7).getTime(), now)).toMatch(/:07/);
    const yesterday = logTimeLabel(new Date(2026, 11, 5, 9, 5, 7).getTime(), now);
    expect(yesterday).toMatch(/5/);
    expect(yesterday).not.toMatch(/:07/);
    expect(logTimeLabel(new Date(2025, 0, 5, 9, 5).getTime(), now)).toMatch(/2025/);
  });
});
