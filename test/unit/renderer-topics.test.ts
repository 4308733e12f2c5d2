/**
 * The topics page's pure helpers (topics/model.ts) and its store: the form and what it
 * saves as, which topic opens after a load, and a load overtaken by a newer one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TopicInfo } from '../../src/shared/contract';
import { blankForm, confirmationText, formOf, languageCounts, sameForm, termCount, topicInputOf, topicToOpen } from '../../src/renderer/src/topics/model';
import { selectDirty, useTopics } from '../../src/renderer/src/topics/state';

const refund: TopicInfo = {
  id: 'refund',
  name: 'Refund',
  keywords: ['refund'],
  phrases: ['money back'],
  languages: { de: { keywords: ['erstattung'], phrases: ['geld zurück'] } },
};
const shipping: TopicInfo = { id: 'shipping', name: 'Shipping', keywords: ['parcel'], phrases: [], languages: {} };

describe('the topic form', () => {
  it('holds words and phrases together and saves them apart, per language too', () => {
    const form = formOf(refund);
    expect(form.terms).toEqual(['refund', 'money back']);
    expect(form.languages).toEqual({ de: ['erstattung', 'geld zurück'] });
    expect(topicInputOf({ ...form, name: '  Refund ', terms: ['refund', ' late delivery ', 'money'] })).toEqual({
      name: 'Refund',
      keywords: ['refund', 'money'],
      phrases: [' late delivery '],
      languages: { de: { keywords: ['erstattung'], phrases: ['geld zurück'] } },
    });
  });

  it('does not send a language whose additions were all removed', () => {
    expect(topicInputOf({ ...formOf(refund), languages: { de: [], fr: ['remboursement'] } }).languages).toEqual({ fr: { keywords: ['remboursement'], phrases: [] } });
  });

  it('counts a form that would save the same as unchanged', () => {
    const form = formOf(refund);
    expect(sameForm(form, { ...form, name: 'Refund ', languages: { ...form.languages, fr: [] } })).toBe(true);
    expect(sameForm(form, { ...form, terms: ['refund'] })).toBe(false);
    expect(sameForm(blankForm, { ...blankForm, name: 'x' })).toBe(false);
  });

  it('counts terms in every language, and each tab’s additions', () => {
    expect(termCount(refund)).toBe(4);
    expect(languageCounts(formOf(refund)).filter((l) => l.count > 0)).toEqual([{ lang: 'de', count: 2 }]);
    expect(languageCounts(blankForm).map((l) => l.lang)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl']);
  });
});

describe('topicToOpen', () => {
  const topics = [refund, shipping];

  it('opens a topic just saved, keeps the open one, or opens the first', () => {
    expect(topicToOpen(topics, 'refund', 'shipping')?.id).toBe('shipping');
    expect(topicToOpen(topics, 'shipping')?.id).toBe('shipping');
    expect(topicToOpen(topics, null)?.id).toBe('refund');
    expect(topicToOpen(topics, 'gone')?.id).toBe('refund');
  });

  it('opens nothing after the open topic was deleted', () => {
    expect(topicToOpen([shipping], 'refund', null)).toBeUndefined();
  });
});

describe('confirmationText', () => {
  it('names the topic at stake, and marks only losing work as dangerous', () => {
    expect(confirmationText({ kind: 'discard', name: '', next: blankForm })).toMatchObject({ message: 'Your changes to “the new topic” are not saved.', danger: true });
    expect(confirmationText({ kind: 'delete', id: 'refund', name: 'Refund' })).toMatchObject({ title: 'Delete the topic “Refund”?', danger: true });
    expect(confirmationText({ kind: 'restoreDefaults' }).danger).toBe(false);
  });
});

describe('the topics store', () => {
  beforeEach(() => useTopics.setState(useTopics.getInitialState(), true));

  it('drops a list that arrives after a newer load started', () => {
    const older = useTopics.getState().loadStarted();
    const newer = useTopics.getState().loadStarted();
    useTopics.getState().topicsLoaded(newer, [shipping]);
    useTopics.getState().topicsLoaded(older, [refund, shipping]);
    expect(useTopics.getState().topics).toEqual([shipping]);
    expect(useTopics.getState().form.id).toBe('shipping');
  });

  it('drops a list asked for on an earlier visit to the page', () => {
    const earlier = useTopics.getState().loadStarted();
    useTopics.getState().pageOpened();
    useTopics.getState().topicsLoaded(earlier, [refund]);
    expect(useTopics.getState().topics).toBeNull();
  });

  it('starts each visit afresh', () => {
    const load = useTopics.getState().loadStarted();
    useTopics.getState().topicsLoaded(load, [refund]);
    useTopics.getState().formEdited({ name: 'Refunds' });
    useTopics.getState().taxonomyChanged();
    useTopics.getState().pageOpened();
    const s = useTopics.getState();
    expect(s).toMatchObject({ topics: null, form: blankForm, changedSinceAnalysis: false });
    expect(selectDirty(s)).toBe(false);
  });

  it('knows unsaved edits until they are reverted', () => {
    const load = useTopics.getState().loadStarted();
    useTopics.getState().topicsLoaded(load, [refund]);
    useTopics.getState().formEdited({ terms: ['refund'] });
    expect(selectDirty(useTopics.getState())).toBe(true);
    useTopics.getState().formReverted();
    expect(selectDirty(useTopics.getState())).toBe(false);
  });
});
