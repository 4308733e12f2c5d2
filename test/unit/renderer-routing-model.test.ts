/** The Rules & SLA page's pure parts: rule drafts and their checks, the week grid, the outbound log's words. */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/shared/escalation/schema';
import { blankCondition, blankDraft, conditionKinds, conditionProblem, draftOf, previewInput, ruleSummary, sameDraft, saveInput } from '../../src/renderer/src/routing/model/rule-draft';
import { copyMondayToWeekdays, nextPeriod, slaProblem, sortedHolidays } from '../../src/renderer/src/routing/model/sla-week';
import { latencyLabel, outcomeLabel } from '../../src/renderer/src/routing/model/outbound';

const billing = { id: 't-billing', name: 'Billing' };
const refundRule: Rule = {
  id: 'r1',
  name: 'Angry refunds',
  enabled: true,
  match: 'all',
  conditions: [
    { kind: 'keywords', terms: ['refund'], match: 'any' },
    { kind: 'sentiment', labels: ['negative'], scoreAtMost: null },
  ],
  actions: { escalateTo: 't-billing', priority: null, addTag: null },
  autoEscalate: false,
  position: 0,
  matches: 12,
};

describe('rule drafts', () => {
  it('start every kind with a condition the editor can show', () => {
    for (const { value } of conditionKinds) expect(blankCondition(value).kind).toBe(value);
  });

  it('say why unfinished conditions cannot be previewed', () => {
    expect(conditionProblem({ conditions: [] })).toBe('Add at least one condition.');
    expect(conditionProblem(blankDraft)).toBe('Condition 1 (Keywords or phrases): add at least one word or phrase.');
    expect(conditionProblem({ conditions: [blankCondition('urgency'), { kind: 'language', languages: ['english'] }] })).toMatch(/^Condition 2 \(Language\): /);
    expect(conditionProblem(draftOf(refundRule))).toBeNull();
    expect(previewInput(blankDraft)).toBeNull();
  });

  it('preview unnamed rules without actions, enabled', () => {
    const draft = { ...draftOf(refundRule), name: ' ', enabled: false, actions: { escalateTo: null, priority: null, addTag: '  ' } };
    expect(previewInput(draft)).toMatchObject({ name: 'Preview', enabled: true, actions: { escalateTo: null, priority: 'normal', addTag: null } });
    expect(previewInput(draftOf(refundRule))).toMatchObject({ name: 'Angry refunds', actions: refundRule.actions });
  });

  it('save with their id, or say what is missing', () => {
    expect(saveInput(draftOf(refundRule))).toMatchObject({ ok: true, input: { id: 'r1', name: 'Angry refunds' } });
    expect(saveInput({ ...draftOf(refundRule), id: null })).toMatchObject({ ok: true, input: { name: 'Angry refunds' } });
    expect(saveInput({ ...draftOf(refundRule), id: null }).ok && 'id' in (saveInput({ ...draftOf(refundRule), id: null }) as { input: object }).input).toBe(false);
    expect(saveInput({ ...draftOf(refundRule), name: '' })).toEqual({ ok: false, message: 'Give the rule a name.' });
    expect(saveInput({ ...draftOf(refundRule), actions: { escalateTo: null, priority: null, addTag: ' ' } })).toEqual({
      ok: false,
      message: 'Say what the rule does: escalate, set a priority or add a tag.',
    });
  });

  it('compare by value', () => {
    expect(sameDraft(draftOf(refundRule), draftOf({ ...refundRule }))).toBe(true);
    expect(sameDraft(draftOf(refundRule), { ...draftOf(refundRule), autoEscalate: true })).toBe(false);
  });

  it('read as one line in the list', () => {
    expect(ruleSummary(refundRule, [billing])).toBe("When mentions 'refund' and sentiment is negative → Suggest escalating to Billing");
    expect(ruleSummary({ ...refundRule, match: 'any' }, [])).toBe("When mentions 'refund' or sentiment is negative → Suggest escalating to a team that no longer exists");
    const sla = { ...refundRule, conditions: [{ kind: 'sla' as const, state: 'breached' as const, withinMinutes: 60 }] };
    expect(ruleSummary(sla, [billing])).toBe('When SLA is breached → Suggest escalating to Billing');
  });
});

describe('the week', () => {
  it('adds periods after the last, until the day is full', () => {
    expect(nextPeriod([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextPeriod([{ start: '09:00', end: '12:00' }])).toEqual({ start: '13:00', end: '17:00' });
    expect(nextPeriod([{ start: '18:00', end: '23:30' }])).toEqual({ start: '23:30', end: '24:00' });
    expect(nextPeriod([{ start: '09:00', end: '24:00' }])).toBeNull();
  });

  it('copies Monday to the weekdays and leaves the weekend', () => {
    const monday = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
    const saturday = [{ start: '10:00', end: '14:00' }];
    const week = copyMondayToWeekdays([monday, [], [], [], [], saturday, []]);
    expect(week.slice(0, 5)).toEqual([monday, monday, monday, monday, monday]);
    expect(week[5]).toEqual(saturday);
    expect(week[6]).toEqual([]);
    expect(week[1]).not.toBe(week[0]);
  });

  it('keeps one holiday per date, in order', () => {
    expect(sortedHolidays([{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-01-01', name: 'New Year' }, { date: '2026-12-25', name: 'Xmas' }])).toEqual([
      { date: '2026-01-01', name: 'New Year' },
      { date: '2026-12-25', name: 'Xmas' },
    ]);
  });

  it('says which day is wrong', () => {
    const policies = (['low', 'normal', 'high', 'urgent'] as const).map((priority) => ({ priority, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: null }));
    const settings = (week: { start: string; end: string }[][]) => ({ calendar: { timeZone: 'Europe/Berlin', week, holidays: [] }, policies, businessHours: true, dueSoonMinutes: 60 });
    const empty = [[], [], [], [], [], [], []];
    expect(slaProblem(settings(empty))).toBeNull();
    expect(slaProblem(settings([[{ start: '12:00', end: '09:00' }], [], [], [], [], [], []]))).toBe('Monday: 12:00–09:00 ends before it starts.');
    expect(slaProblem(settings([[], [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }], [], [], [], [], []]))).toBe('Tuesday: 09:00–13:00 and 12:00–17:00 overlap.');
    expect(slaProblem(settings([[], [], [{ start: '', end: '17:00' }], [], [], [], []]))).toBe('Wednesday: give each period a start and an end.');
  });
});

describe('the outbound log', () => {
  it('says how each call went', () => {
    expect(outcomeLabel({ outcome: 'sent', status: 200, error: null })).toBe('sent 200');
    expect(outcomeLabel({ outcome: 'failed', status: 503, error: null })).toBe('failed: HTTP 503');
    expect(outcomeLabel({ outcome: 'failed', status: null, error: 'connection refused' })).toBe('failed: connection refused');
    expect(latencyLabel(87)).toBe('87 ms');
    expect(latencyLabel(2300)).toBe('2.3 s');
  });
});
