/**
 * The rules tab's store: a preview answer overtaken by a newer draft is dropped, the last
 * count stays while the next is worked out, a load overtaken by a newer one is dropped,
 * and opening a rule forgets the previous rule's preview.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackSummary } from '../../src/shared/contract';
import type { Rule } from '../../src/shared/escalation/schema';
import { blankDraft, draftOf } from '../../src/renderer/src/routing/model/rule-draft';
import { selectDirty, useRules } from '../../src/renderer/src/routing/model/rules-store';

const store = useRules.getState;
const rule: Rule = {
  id: 'r1',
  name: 'VIP unhappy',
  enabled: true,
  match: 'all',
  conditions: [{ kind: 'tier', tiers: ['vip'] }],
  actions: { escalateTo: null, priority: 'high', addTag: null },
  autoEscalate: false,
  position: 0,
  matches: 3,
};
const item = { id: 'f1' } as FeedbackSummary;

beforeEach(() => {
  useRules.setState({ rules: null, targets: [], draft: null, saved: null, preview: { state: 'idle' }, saveError: null, confirming: null });
});

describe('the rules store', () => {
  it('keeps only the newest preview answer', () => {
    store().ruleOpened(draftOf(rule));
    const first = store().previewStarted();
    const second = store().previewStarted();
    store().previewAnswered(second, 12, [item]);
    store().previewAnswered(first, 99, []);
    expect(store().preview).toEqual({ state: 'ready', count: 12, items: [item] });
    store().previewFailed(first, 'database is locked');
    expect(store().preview.state).toBe('ready');
  });

  it('shows the last count while the next is worked out', () => {
    store().ruleOpened(draftOf(rule));
    store().previewAnswered(store().previewStarted(), 12, [item]);
    store().previewStarted();
    expect(store().preview).toEqual({ state: 'loading', count: 12, items: [item] });
  });

  it('drops an answer for a draft that became invalid meanwhile', () => {
    store().ruleOpened(draftOf(rule));
    const asked = store().previewStarted();
    store().previewInvalid('Add at least one condition.');
    store().previewAnswered(asked, 12, [item]);
    expect(store().preview).toEqual({ state: 'invalid', message: 'Add at least one condition.' });
  });

  it('forgets the previous rule’s preview when another opens', () => {
    store().ruleOpened(draftOf(rule));
    const asked = store().previewStarted();
    store().ruleOpened(blankDraft);
    store().previewAnswered(asked, 12, [item]);
    expect(store().preview).toEqual({ state: 'idle' });
  });

  it('keeps only the newest load', () => {
    const first = store().loadStarted();
    const second = store().loadStarted();
    store().rulesLoaded(second, [rule], []);
    store().rulesLoaded(first, [], []);
    expect(store().rules).toEqual([rule]);
  });

  it('knows unsaved edits, and saving or reverting ends them', () => {
    store().ruleOpened(draftOf(rule));
    expect(selectDirty(store())).toBe(false);
    store().draftEdited({ name: 'VIP very unhappy' });
    expect(selectDirty(store())).toBe(true);
    store().draftReverted();
    expect(selectDirty(store())).toBe(false);
    store().draftEdited({ autoEscalate: true });
    store().saveStarted();
    store().saveFinished(store().draft!);
    expect(selectDirty(store())).toBe(false);
    expect(store().saving).toBe(false);
  });
});

describe('the list switch', () => {
  it('moves the open draft’s saved state and keeps its other edits', () => {
    useRules.setState({ draft: null, saved: null });
    store().ruleOpened(draftOf(rule));
    store().draftEdited({ name: 'Edited' });
    store().enabledSaved('r1', false);
    expect(store().draft).toMatchObject({ name: 'Edited', enabled: false });
    expect(store().saved).toMatchObject({ name: 'VIP unhappy', enabled: false });
    store().enabledSaved('other', true);
    expect(store().draft?.enabled).toBe(false);
  });
});
