/** How the store turns an item's history into what the SLA maths reads. */
import { describe, expect, it } from 'vitest';
import { slaSubjectOf } from '../../src/main/core/store/derived';
import { defaultSlaSettings, slaClocks } from '../../src/shared/escalation/sla';

describe('slaSubjectOf', () => {
  it('gives an item stored without status history clocks that do not move with the time they are read at', () => {
    const receivedAt = Date.UTC(2026, 2, 2, 9, 0);
    const settings = defaultSlaSettings('UTC');
    for (const status of ['resolved', 'closed', 'replied'] as const) {
      const subject = slaSubjectOf({ receivedAt, status, priority: 'normal' }, [{ direction: 'in', at: receivedAt }], []);
      const monday = slaClocks(subject, settings, Date.UTC(2026, 2, 9, 10, 0));
      const month = slaClocks(subject, settings, Date.UTC(2026, 3, 9, 10, 0));
      expect(month.map((c) => [c.kind, c.state, c.dueAt, c.endedAt]), status).toEqual(monday.map((c) => [c.kind, c.state, c.dueAt, c.endedAt]));
    }
  });

  it('keeps the history it is given', () => {
    const receivedAt = Date.UTC(2026, 2, 2, 9, 0);
    const statuses = [{ status: 'open' as const, at: receivedAt }, { status: 'resolved' as const, at: receivedAt + 3_600_000 }];
    expect(slaSubjectOf({ receivedAt, status: 'resolved', priority: 'high' }, [], statuses)).toMatchObject({ statusChanges: statuses, messages: [{ direction: 'in', at: receivedAt }] });
  });
});
