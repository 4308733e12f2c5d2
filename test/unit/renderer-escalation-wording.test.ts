/**
 * What the escalation screens say (escalation/model/wording.ts): SLA chips, the dialog's
 * title and its note on items escalated already, clock lines, and the queue's cursor.
 */
import { describe, expect, it } from 'vitest';
import {
  agoLabel,
  alreadyEscalatedNote,
  clockLine,
  cursorAfterRemoval,
  escalatedLabel,
  escalateTitle,
  movedTo,
  queueActionLabel,
  queueOrder,
  rowSlaChip,
  slaChip,
  spanLabel,
} from '../../src/renderer/src/escalation/model/wording';

const now = Date.UTC(2026, 11, 5, 12, 0);
const minute = 60_000;

describe('SLA chips', () => {
  it('says how long is left, or how long ago it was breached', () => {
    expect(slaChip({ state: 'due-soon', dueAt: now + 25 * minute, clock: 'first-response' }, now)).toEqual({
      tone: 'due-soon',
      short: 'due 25m',
      long: 'due in 25 min',
      aria: 'First response due in 25 min',
    });
    expect(slaChip({ state: 'breached', dueAt: now - 2 * 60 * minute - 5 * minute, clock: 'resolution' }, now)).toMatchObject({
      tone: 'breached',
      short: 'breached 2h',
      long: 'breached 2 hours ago',
    });
    expect(slaChip({ state: 'paused', dueAt: null, clock: 'resolution' }, now)).toMatchObject({ tone: 'paused', short: 'paused' });
  });

  it('treats a running clock past its deadline as breached even before the core says so', () => {
    expect(slaChip({ state: 'due-soon', dueAt: now - minute, clock: 'first-response' }, now)?.tone).toBe('breached');
  });

  it('shows nothing for no SLA or a stopped one, and rows only what needs attention', () => {
    expect(slaChip(null, now)).toBeNull();
    expect(slaChip({ state: 'stopped', dueAt: null, clock: null }, now)).toBeNull();
    expect(rowSlaChip({ state: 'ok', dueAt: now + 5 * 60 * minute, clock: 'resolution' }, now)).toBeNull();
    expect(rowSlaChip({ state: 'paused', dueAt: null, clock: 'resolution' }, now)).toBeNull();
    expect(rowSlaChip({ state: 'breached', dueAt: now - 3 * 24 * 60 * minute, clock: 'resolution' }, now)?.short).toBe('breached 3d');
  });

  it('never says "0m"', () => {
    expect(spanLabel(10_000)).toBe('1m');
  });
});

describe('the Escalate dialog', () => {
  it('counts what it escalates and says which ones move', () => {
    expect(escalateTitle(1)).toBe('Escalate 1 conversation');
    expect(escalateTitle(12)).toBe('Escalate 12 conversations');
    expect(alreadyEscalatedNote(3, 12, 'Billing')).toBe('3 are escalated already and move to Billing.');
    expect(alreadyEscalatedNote(1, 12, 'Billing')).toBe('1 is escalated already and moves to Billing.');
    expect(alreadyEscalatedNote(1, 1, 'Legal')).toBe('It is escalated already and moves to Legal.');
    expect(alreadyEscalatedNote(0, 12, 'Billing')).toBeNull();
  });

  it('names the team in the toast', () => {
    expect(escalatedLabel(1, 'Billing')).toBe('Escalated to Billing');
    expect(escalatedLabel(3, 'Billing')).toBe('Escalated 3 conversations to Billing');
    expect(queueActionLabel('reassign', 1, 'Legal')).toBe('Moved the escalation to Legal');
    expect(queueActionLabel('deescalate', 2)).toBe('De-escalated 2 conversations');
  });
});

describe('SLA clocks in the detail', () => {
  it('says due, met, paused or breached per clock', () => {
    expect(clockLine({ kind: 'first-response', state: 'running', dueAt: now + 90 * minute, endedAt: null, remainingMs: 90 * minute }, now)).toMatchObject({ tone: 'ok' });
    expect(clockLine({ kind: 'first-response', state: 'running', dueAt: now + 20 * minute, endedAt: null, remainingMs: 20 * minute }, now).tone).toBe('due-soon');
    expect(clockLine({ kind: 'next-response', state: 'met', dueAt: now, endedAt: now, remainingMs: null }, now)).toEqual({ kind: 'next-response', text: 'Next response met', tone: 'met' });
    expect(clockLine({ kind: 'resolution', state: 'paused', dueAt: null, endedAt: null, remainingMs: null }, now).text).toBe('Resolution paused while pending');
    expect(clockLine({ kind: 'resolution', state: 'breached', dueAt: now - minute, endedAt: null, remainingMs: -minute }, now).tone).toBe('breached');
  });
});

describe('the queue cursor', () => {
  const groups = [{ items: [{ escalation: { id: 'a' } }, { escalation: { id: 'b' } }] }, { items: [{ escalation: { id: 'c' } }] }];

  it('walks the groups in screen order and stops at the ends', () => {
    const order = queueOrder(groups);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(movedTo(order, 'b', 1)).toBe('c');
    expect(movedTo(order, 'c', 1)).toBe('c');
    expect(movedTo(order, 'a', -1)).toBe('a');
    expect(movedTo(order, null, 1)).toBe('a');
  });

  it('stays in place when the row it was on leaves the queue', () => {
    expect(cursorAfterRemoval(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(cursorAfterRemoval(['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('b');
    expect(cursorAfterRemoval(['a', 'b'], [], 'a')).toBeNull();
    expect(cursorAfterRemoval([], ['x'], null)).toBe('x');
  });
});

describe('ages', () => {
  it('says "just now" rather than "now ago"', () => {
    expect(agoLabel(now - 10_000, now)).toBe('just now');
    expect(agoLabel(now - 3 * 60 * minute, now)).toBe('3h ago');
  });
});
