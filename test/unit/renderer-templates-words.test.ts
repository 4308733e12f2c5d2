import { describe, expect, it } from 'vitest';
import { bodyParts, fallbackWords, placeholderName, timesWord, usageSentence } from '../../src/shared/template-words';
import { placeholders } from '../../src/shared/templates';

const usage = (used: number, unchanged: number, discarded = 0) => ({ used, unchanged, edited: used - unchanged, discarded });

describe('usageSentence', () => {
  it('says a template was never sent, and whether it was set aside', () => {
    expect(usageSentence(usage(0, 0))).toBe('Not sent yet');
    expect(usageSentence(usage(0, 0, 1))).toBe('Not sent yet, set aside once');
    expect(usageSentence(usage(0, 0, 4))).toBe('Not sent yet, set aside 4 times');
  });

  it('words one send', () => {
    expect(usageSentence(usage(1, 1))).toBe('Sent once, as written');
    expect(usageSentence(usage(1, 0))).toBe('Sent once, edited first');
  });

  it('words two sends', () => {
    expect(usageSentence(usage(2, 2))).toBe('Sent twice, both as written');
    expect(usageSentence(usage(2, 0))).toBe('Sent twice, edited both times');
    expect(usageSentence(usage(2, 1))).toBe('Sent twice, once as written');
  });

  it('words many sends: all, none, one or some as written', () => {
    expect(usageSentence(usage(12, 12))).toBe('Sent 12 times, always as written');
    expect(usageSentence(usage(12, 0))).toBe('Sent 12 times, edited every time');
    expect(usageSentence(usage(12, 1))).toBe('Sent 12 times, once as written');
    expect(usageSentence(usage(12, 9))).toBe('Sent 12 times, 9 of them as written');
  });

  it('adds how often it was set aside', () => {
    expect(usageSentence(usage(3, 3, 2))).toBe('Sent 3 times, always as written; set aside twice');
    expect(usageSentence(usage(1, 0, 5))).toBe('Sent once, edited first; set aside 5 times');
  });

  it('never claims more sent as written than sent', () => {
    expect(usageSentence({ used: 2, unchanged: 5, edited: 0, discarded: 0 })).toBe('Sent twice, both as written');
  });

  it('counts in words for one and two', () => {
    expect([1, 2, 3, 10].map(timesWord)).toEqual(['once', 'twice', '3 times', '10 times']);
  });
});

describe('placeholder names', () => {
  it('names every placeholder Hearken fills, and nothing else', () => {
    for (const p of placeholders) expect(placeholderName(p.key), p.key).toMatch(/^[A-Z][a-z]+( [a-z]+)?$/);
    expect(placeholderName('customer.first_name')).toBe('First name');
    expect(placeholderName('agent.name')).toBe('Your name');
    expect(placeholderName('order.number')).toBeNull();
  });

  it('cuts a reply into text and placeholders with their offsets', () => {
    const body = 'Hi {{customer.first_name|there}},\n{{ agent.name }} on {{order.number}} {{broken';
    const parts = bodyParts(body);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : `[${p.name ?? p.key}|${p.fallback ?? '-'}]`))).toEqual([
      'Hi ',
      '[First name|there]',
      ',\n',
      '[Your name|-]',
      ' on ',
      '[order.number|-]',
      ' {{broken',
    ]);
    for (const p of parts) expect(body.slice(p.start, p.end)).toBe(p.text);
    expect(bodyParts('')).toEqual([]);
  });

  it('words a fallback', () => {
    expect(fallbackWords(null)).toBeNull();
    expect(fallbackWords('')).toBe('or nothing');
    expect(fallbackWords('there')).toBe('or “there”');
  });
});
