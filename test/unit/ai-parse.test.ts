/** Reading a model's answer: JSON found inside fences and prose, checked by zod, with issues a model can act on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson, parseAnswer } from '../../src/shared/ai/parse';
import { triageAnswerSchema } from '../../src/shared/ai/schema';

const answer = {
  sentiment: 'negative',
  topics: ['Billing'],
  proposedTopics: [],
  urgency: 'high',
  priority: 'high',
  language: 'en',
  summary: 'Charged twice for one order.',
  escalation: { target: 'Billing team', reason: 'A double charge needs a refund decision.' },
  confidence: 'high',
  reason: 'The customer says "charged twice" and is angry.',
};

describe('extractJson', () => {
  it('reads a bare object', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('  \n{"a":{"b":[1,2]}}\n ')).toEqual({ a: { b: [1, 2] } });
  });

  it('strips a ```json fence, a sentence before and a remark after', () => {
    const text = `Sure! Here is the triage:\n\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\`\nLet me know if you need more.`;
    expect(extractJson(text)).toEqual(answer);
    expect(extractJson('```\n{"a":1}\n```')).toEqual({ a: 1 });
  });

  it('finds the object in prose without fences, with braces inside its strings', () => {
    const text = 'The answer is {"summary":"uses {curly} braces and a \\"quote\\" }","n":2} — hope that helps }';
    expect(extractJson(text)).toEqual({ summary: 'uses {curly} braces and a "quote" }', n: 2 });
  });

  it('prefers the outermost object, not a nested one or a smaller example', () => {
    expect(extractJson('e.g. {"x":1} but really: {"outer":{"inner":{"x":1}},"more":[1,2,3,4,5,6]}')).toEqual({
      outer: { inner: { x: 1 } },
      more: [1, 2, 3, 4, 5, 6],
    });
  });

  it('skips a reasoning model\'s thinking, braces and all', () => {
    const text = '<think>The format is {"sentiment": ...}; maybe {"x": {"big": [1, 2, 3, 4, 5, 6, 7, 8, 9]}} fits.</think>\n{"a":1}';
    expect(extractJson(text)).toEqual({ a: 1 });
    expect(() => extractJson('<think>still thinking {"a":1}')).toThrow('only the model\'s thinking');
  });

  it('forgives trailing commas, but not inside strings', () => {
    expect(extractJson('{"a": [1, 2,], "b": {"c": "x, ]",},}')).toEqual({ a: [1, 2], b: { c: 'x, ]' } });
    expect(extractJson('Here: {"s": "a,}", }')).toEqual({ s: 'a,}' });
  });

  it('gets past a stray opening brace in the prose', () => {
    expect(extractJson('Thinking { about it... {"a":1}')).toEqual({ a: 1 });
  });

  it('throws a short reason when there is nothing to read', () => {
    expect(() => extractJson('')).toThrow('The answer was empty.');
    expect(() => extractJson('I cannot help with that.')).toThrow('The answer holds no JSON object.');
    expect(() => extractJson('{"a": 1, "b": ')).toThrow('cut off');
    expect(() => extractJson("{'a': 1}")).toThrow('does not parse');
    expect(() => extractJson('[1, 2, 3]')).toThrow();
  });

  it('round-trips any object wrapped in prose or fences (property)', () => {
    const wrappers = [
      (j: string) => j,
      (j: string) => `\`\`\`json\n${j}\n\`\`\``,
      (j: string) => `Here you go: ${j}`,
      (j: string) => `Answer:\n\`\`\`\n${j}\n\`\`\`\nDone. {not json`,
      (j: string) => `${j}\n\nThat is my answer.`,
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.integer({ min: 0, max: wrappers.length - 1 }), fc.boolean(), (obj, w, pretty) => {
        // JSON.parse turns -0 into 0 and drops nothing else; compare through JSON.
        const json = pretty ? JSON.stringify(obj, null, 2) : JSON.stringify(obj);
        expect(extractJson(wrappers[w]!(json))).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseAnswer', () => {
  it('accepts a valid answer', () => {
    const result = parseAnswer('```json\n' + JSON.stringify(answer) + '\n```', triageAnswerSchema);
    expect(result).toEqual({ ok: true, value: answer });
  });

  it('lists zod issues as path: message, one a line', () => {
    const bad = { ...answer, sentiment: 'furious', language: 'English', escalation: { target: 'Legal' } };
    const result = parseAnswer(JSON.stringify(bad), triageAnswerSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.error.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^sentiment: /);
    expect(result.error).toContain('language: ');
    expect(result.error).toContain('escalation.reason: ');
  });

  it('names a missing answer and caps a long list of issues', () => {
    expect(parseAnswer('no json here', triageAnswerSchema)).toEqual({ ok: false, error: 'The answer holds no JSON object.' });
    const many = z.object(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.string()])));
    const result = parseAnswer('{}', many);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.split('\n')).toHaveLength(9);
    expect(result.error).toContain('…and 4 more');
  });

  it('marks an issue at the root', () => {
    const result = parseAnswer('{"a":1}', z.object({ a: z.number() }).refine(() => false, 'never'));
    expect(result).toEqual({ ok: false, error: '(answer): never' });
  });
});
