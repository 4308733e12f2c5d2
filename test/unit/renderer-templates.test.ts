/**
 * The template library page's pure helpers (templates/model.ts) and the store decisions
 * built on them: what counts as an unsaved change, what stops a save, how the list is
 * searched, ordered and grouped, and which template opens after a delete.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Template } from '../../src/shared/contract';
import {
  arrangeTemplates,
  copyName,
  draftOf,
  draftProblems,
  emptyDraft,
  flatOrder,
  hasProblems,
  keywordList,
  keywordText,
  languageOptions,
  placeholderToken,
  previewParts,
  sameDraft,
  sampleValues,
  usageLabel,
  type Draft,
} from '../../src/renderer/src/templates/model';
import { selectDirty, useTemplates } from '../../src/renderer/src/templates/state';

let ids = 0;
function template(patch: Partial<Template> = {}): Template {
  ids += 1;
  return {
    id: `t${ids}`,
    name: `Template ${ids}`,
    language: null,
    topics: [],
    keywords: '',
    body: 'Hello {{customer.first_name|there}}',
    createdAt: 0,
    updatedAt: 0,
    usage: { used: 0, unchanged: 0, edited: 0, discarded: 0 },
    ...patch,
  };
}

const names = (list: readonly Template[]) => list.map((t) => t.name);

describe('drafts', () => {
  const draft: Draft = { name: 'Refund', language: 'en', topics: ['billing'], keywords: 'refund, money', body: 'Hi' };

  it('treat what the core would store the same as unchanged', () => {
    expect(sameDraft(draft, { ...draft, name: '  Refund ', keywords: ' refund ,money, ', topics: ['billing', ' billing', ''], body: 'Hi\n' })).toBe(true);
    expect(sameDraft(draft, { ...draft, body: 'Hello' })).toBe(false);
    expect(sameDraft(draft, { ...draft, language: null })).toBe(false);
    expect(sameDraft(draft, { ...draft, keywords: 'money, refund' })).toBe(false);
    expect(sameDraft(null, null)).toBe(true);
    expect(sameDraft(draft, null)).toBe(false);
  });

  it('turn keywords into chips and back', () => {
    expect(keywordList(' refund, , late delivery ,')).toEqual(['refund', 'late delivery']);
    expect(keywordText([' refund', '', 'late delivery '])).toBe('refund, late delivery');
  });

  it('copy a template without sharing its topics', () => {
    const source = template({ topics: ['billing'] });
    const copy = draftOf(source);
    copy.topics.push('shipping');
    expect(source.topics).toEqual(['billing']);
  });
});

describe('draftProblems', () => {
  const others = [template({ id: 'a', name: 'Refund policy' })];

  it('asks for a name and a body', () => {
    const problems = draftProblems(emptyDraft, others, null);
    expect(problems.name).toMatch(/name/);
    expect(problems.body).toMatch(/reply text/);
    expect(hasProblems(problems)).toBe(true);
  });

  it('refuses a name another template has, in any case, but not the template’s own', () => {
    const draft = { ...emptyDraft, name: ' refund POLICY ', body: 'Hi' };
    expect(draftProblems(draft, others, null).name).toMatch(/already exists/);
    expect(draftProblems(draft, others, 'a').name).toBeNull();
  });

  it('refuses names of 120 characters or more', () => {
    expect(draftProblems({ ...emptyDraft, name: 'x'.repeat(121), body: 'Hi' }, [], null).name).toMatch(/120/);
    expect(draftProblems({ ...emptyDraft, name: 'x'.repeat(120), body: 'Hi' }, [], null).name).toBeNull();
  });

  it('names an unknown or unclosed placeholder in the body', () => {
    expect(draftProblems({ ...emptyDraft, name: 'A', body: 'Hi {{customer.nickname}}' }, [], null).body).toMatch(/customer\.nickname/);
    expect(draftProblems({ ...emptyDraft, name: 'A', body: 'Hi {{customer.first_name' }, [], null).body).toMatch(/not closed/);
    const fine = draftProblems({ ...emptyDraft, name: 'A', body: 'Hi {{customer.first_name|there}}' }, [], null);
    expect(hasProblems(fine)).toBe(false);
  });
});

describe('arrangeTemplates', () => {
  const library = [
    template({ name: 'Rückerstattung', language: 'de', keywords: 'geld', usage: { used: 4, unchanged: 1, edited: 3, discarded: 0 }, updatedAt: 30 }),
    template({ name: 'Refund', language: 'en', usage: { used: 4, unchanged: 4, edited: 0, discarded: 0 }, updatedAt: 10 }),
    template({ name: 'apology', language: 'en', topics: ['delay'], updatedAt: 20 }),
    template({ name: 'Signature', language: null, body: 'Kind regards' }),
    template({ name: 'Versand', language: 'de', usage: { used: 9, unchanged: 0, edited: 9, discarded: 0 } }),
    template({ name: 'Late delivery', language: 'en', body: 'Sorry about the wait' }),
  ];

  it('groups by language, the largest group first and any language last, names A–Z ignoring case', () => {
    const groups = arrangeTemplates(library, '', 'name');
    expect(groups.map((g) => g.key)).toEqual(['en', 'de', 'any']);
    expect(groups.map((g) => g.label)).toEqual(['English', 'German', 'Any language']);
    expect(names(groups[0]!.templates)).toEqual(['apology', 'Late delivery', 'Refund']);
  });

  it('ranks by use, then by how often sent unchanged', () => {
    const [all] = arrangeTemplates(library, '', 'used');
    expect(all?.key).toBe('all');
    expect(names(all!.templates).slice(0, 3)).toEqual(['Versand', 'Refund', 'Rückerstattung']);
  });

  it('ranks by last edit', () => {
    expect(names(flatOrder(arrangeTemplates(library, '', 'recent'))).slice(0, 3)).toEqual(['Rückerstattung', 'apology', 'Refund']);
  });

  it('finds every word of a search in the name, keywords, topics or text, without accents', () => {
    expect(names(flatOrder(arrangeTemplates(library, 'ruck', 'name')))).toEqual(['Rückerstattung']);
    expect(names(flatOrder(arrangeTemplates(library, 'GELD ruck', 'name')))).toEqual(['Rückerstattung']);
    expect(names(flatOrder(arrangeTemplates(library, 'delay', 'name')))).toEqual(['apology']);
    expect(names(flatOrder(arrangeTemplates(library, 'sorry wait', 'name')))).toEqual(['Late delivery']);
    expect(flatOrder(arrangeTemplates(library, 'refund nothing', 'name'))).toEqual([]);
  });
});

describe('small wording helpers', () => {
  it('names a copy that is not taken yet', () => {
    expect(copyName('Refund', [template({ name: 'Refund' })])).toBe('Refund (copy)');
    expect(copyName('Refund ', [template({ name: 'refund (COPY)' }), template({ name: 'Refund (copy 2)' })])).toBe('Refund (copy 3)');
  });

  it('says how a template has fared', () => {
    expect(usageLabel({ used: 0, unchanged: 0, edited: 0, discarded: 0 })).toBe('Not sent yet');
    expect(usageLabel({ used: 0, unchanged: 0, edited: 0, discarded: 2 })).toBe('Not sent yet, set aside twice');
    expect(usageLabel({ used: 3, unchanged: 2, edited: 1, discarded: 0 })).toBe('Sent 3 times, 2 of them as written');
  });

  it('keeps a language outside the usual list selectable', () => {
    expect(languageOptions(null).map((o) => o.value)).toEqual(['any', 'en', 'de', 'fr', 'es', 'pt', 'it', 'nl']);
    expect(languageOptions('sv').at(-1)?.value).toBe('sv');
    expect(languageOptions('de')).toHaveLength(8);
  });

  it('inserts name placeholders with a fallback', () => {
    expect(placeholderToken('customer.first_name')).toEqual({ text: '{{customer.first_name|there}}', fallback: 'there' });
    expect(placeholderToken('product')).toEqual({ text: '{{product}}', fallback: null });
  });
});

describe('the preview', () => {
  const examples = [
    { key: 'customer.first_name', label: 'First name', example: 'Harriet' },
    { key: 'product', label: 'Product', example: 'Lumo Cam' },
  ];

  it('reads for a customer known only by a handle, and signs with the agent’s name when set', () => {
    expect(sampleValues(examples, 'named', '  Sam ')).toMatchObject({ 'customer.first_name': 'Harriet', product: 'Lumo Cam', 'agent.name': 'Sam' });
    expect(sampleValues(examples, 'unnamed', '  ')).toMatchObject({ 'customer.first_name': null, 'customer.name': null, product: 'Lumo Cam', 'agent.name': null });
  });

  it('marks placeholders left in the filled text', () => {
    expect(previewParts('Hi {{customer.first_name}}, about {{product}}.')).toEqual([
      { text: 'Hi ', missing: false },
      { text: '{{customer.first_name}}', missing: true },
      { text: ', about ', missing: false },
      { text: '{{product}}', missing: true },
      { text: '.', missing: false },
    ]);
    expect(previewParts('')).toEqual([]);
  });
});

describe('the templates store', () => {
  beforeEach(() => useTemplates.setState(useTemplates.getInitialState(), true));

  const library = (templates: Template[]) => ({ templates, topics: [], placeholders: [] });

  it('opens the first template shown once the library loads', () => {
    const b = template({ name: 'B' });
    const a = template({ name: 'A' });
    useTemplates.getState().libraryLoaded(library([b, a]));
    expect(useTemplates.getState().openId).toBe(a.id);
    expect(selectDirty(useTemplates.getState())).toBe(false);
  });

  it('keeps unsaved edits when the library reloads, and knows what is saved now', () => {
    const a = template({ name: 'A', body: 'one' });
    useTemplates.getState().libraryLoaded(library([a]));
    useTemplates.getState().draftEdited({ body: 'mine' });
    useTemplates.getState().libraryLoaded(library([{ ...a, body: 'two' }]));
    const s = useTemplates.getState();
    expect(s.draft?.body).toBe('mine');
    expect(s.baseline?.body).toBe('two');
    expect(selectDirty(s)).toBe(true);
  });

  it('opens the neighbour below a deleted template, or above it at the end', () => {
    const [a, b, c] = [template({ name: 'A' }), template({ name: 'B' }), template({ name: 'C' })];
    useTemplates.getState().libraryLoaded(library([a!, b!, c!]));
    useTemplates.getState().templateOpened(b!);
    useTemplates.getState().templateDeleted(b!.id);
    expect(useTemplates.getState().openId).toBe(c!.id);
    useTemplates.getState().templateDeleted(c!.id);
    expect(useTemplates.getState().openId).toBe(a!.id);
  });
});
