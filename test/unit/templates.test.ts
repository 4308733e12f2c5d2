import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import {
  compareToSuggestion,
  fillTemplate,
  firstNameOf,
  lastNameOf,
  placeholdersIn,
  templateFileSchema,
  templateProblems,
  unfilledPlaceholders,
} from '../../src/shared/templates';
import { DEFAULT_TEMPLATES } from '../../src/main/core/replies/default-templates';

describe('fillTemplate', () => {
  it('fills known placeholders, with spaces inside the braces and any case', () => {
    const filled = fillTemplate('Hi {{ customer.first_name }}, about {{Product}} — {{agent.name}}', {
      'customer.first_name': 'Harriet',
      product: 'Lumo Cam',
      'agent.name': 'Sam',
    });
    expect(filled).toEqual({ text: 'Hi Harriet, about Lumo Cam — Sam', missing: [] });
  });

  it('uses the fallback when there is no value, and leaves a placeholder without one visible', () => {
    const filled = fillTemplate('Hi {{customer.first_name|there}}, {{agent.name}}', { 'customer.first_name': null });
    expect(filled.text).toBe('Hi there, {{agent.name}}');
    expect(filled.missing).toEqual(['agent.name']);
    expect(unfilledPlaceholders(filled.text)).toEqual(['agent.name']);
  });

  it('drops the space before punctuation when an empty fallback is used', () => {
    expect(fillTemplate('Bonjour {{customer.first_name|}},\nMerci', {}).text).toBe('Bonjour,\nMerci');
    expect(fillTemplate('Hola {{customer.first_name|}}:', { 'customer.first_name': 'Ana' }).text).toBe('Hola Ana:');
  });

  it('leaves unknown placeholders as written', () => {
    expect(fillTemplate('{{order.id}} {{product}}', { product: 'X' }).text).toBe('{{order.id}} X');
  });

  it('never throws and never loses text outside placeholders', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const text = fillTemplate(`${before.replaceAll('{', '')}{{product}}${after.replaceAll('{', '')}`, { product: 'P' }).text;
        expect(text).toBe(`${before.replaceAll('{', '')}P${after.replaceAll('{', '')}`);
      }),
    );
  });
});

describe('templateProblems', () => {
  it('names unknown placeholders and lists the known ones', () => {
    const [problem] = templateProblems('Hi {{customer.firstname}}');
    expect(problem).toMatch(/Unknown placeholder \{\{customer\.firstname\}\}/);
    expect(problem).toMatch(/\{\{customer\.first_name\}\}/);
  });
  it('finds an unclosed placeholder', () => {
    expect(templateProblems('Hi {{customer.first_name, thanks')).toEqual([expect.stringMatching(/not closed/)]);
  });
  it('accepts every shipped template', () => {
    for (const t of DEFAULT_TEMPLATES) expect(templateProblems(t.body), t.name).toEqual([]);
    expect(placeholdersIn(DEFAULT_TEMPLATES[0]!.body).map((p) => p.key)).toContain('customer.first_name');
  });
});

describe('names', () => {
  it.each([
    ['Harriet Garrett', 'Harriet', 'Garrett'],
    ['Liam W.', 'Liam', null],
    ['Élodie R.', 'Élodie', null],
    ['@chloeblanc', null, null],
    ['someone@example.com', null, null],
    ['+44 20 7946 0000', null, null],
    ['Madonna', 'Madonna', null],
    ['Anna von Hoffmann', 'Anna', 'Hoffmann'],
    [null, null, null],
  ])('%s → %s / %s', (name, first, last) => {
    expect(firstNameOf(name)).toBe(first);
    expect(lastNameOf(name)).toBe(last);
  });
});

describe('compareToSuggestion', () => {
  it('is unchanged for the same text up to surrounding space and line endings', () => {
    expect(compareToSuggestion('Hi Ann,\nThanks', '  Hi Ann,\r\nThanks  \n')).toEqual({ outcome: 'unchanged', editDistance: 0 });
  });
  it('is edited with the Levenshtein distance otherwise', () => {
    expect(compareToSuggestion('Hi Ann, thanks', 'Hi Anna, many thanks')).toEqual({ outcome: 'edited', editDistance: distance('Hi Ann, thanks', 'Hi Anna, many thanks') });
    expect(compareToSuggestion('abc', 'abd').editDistance).toBe(1);
  });
});

describe('the templates file', () => {
  it('accepts a minimal file and fills defaults', () => {
    const parsed = templateFileSchema.parse({ format: 'hearken.templates', version: 1, templates: [{ name: 'A', body: 'B' }] });
    expect(parsed.templates[0]).toEqual({ name: 'A', body: 'B', language: null, topics: [], keywords: '' });
  });
  it('says what is wrong with a foreign or newer file', () => {
    const foreign = templateFileSchema.safeParse({ format: 'other', version: 1, templates: [] });
    expect(foreign.success || foreign.error.issues[0]!.message).toMatch(/Not a Hearken templates file/);
    const newer = templateFileSchema.safeParse({ format: 'hearken.templates', version: 2, templates: [] });
    expect(newer.success || newer.error.issues[0]!.message).toMatch(/newer Hearken/);
    const noName = templateFileSchema.safeParse({ format: 'hearken.templates', version: 1, templates: [{ name: ' ', body: 'x' }] });
    expect(noName.success || noName.error.issues[0]!.message).toMatch(/name/);
  });
});
