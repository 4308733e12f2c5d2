import { describe, expect, it } from 'vitest';
import { defaultSlaSettings } from '../../src/shared/escalation/sla';
import type { SlaSettings } from '../../src/shared/escalation/schema';
import { reportTimesOf, type TimesSubject } from '../../src/shared/reports/times';

const M = 60_000;
const H = 60 * M;
const r = Date.parse('2026-11-04T10:00:00Z');

function settings(businessHours: boolean): SlaSettings {
  const base = defaultSlaSettings('Europe/Berlin');
  return { ...base, businessHours, policies: base.policies.map((p) => ({ ...p, firstResponseMinutes: 60, nextResponseMinutes: null, resolutionMinutes: 480 })) };
}
const clock = settings(false);
const subject = (over: Partial<TimesSubject>): TimesSubject => ({
  receivedAt: r,
  status: 'open',
  priority: 'normal',
  messages: [{ direction: 'in', at: r }],
  statusChanges: [{ status: 'open', at: r }],
  ...over,
});
const NONE = { firstResponseAt: null, resolvedAt: null, firstResponseBms: null, resolutionBms: null, slaFirstResponse: null, slaResolution: null };

describe('reportTimesOf', () => {
  it('has nothing for an unanswered open item', () => {
    expect(reportTimesOf(subject({}), clock, r + 10 * H)).toEqual(NONE);
  });

  it('takes the first reply and the start of the resolved spell that still holds', () => {
    const t = reportTimesOf(
      subject({
        status: 'closed',
        messages: [
          { direction: 'in', at: r },
          { direction: 'note', at: r + 10 * M },
          { direction: 'out', at: r + 30 * M },
          { direction: 'out', at: r + 4 * H },
        ],
        statusChanges: [
          { status: 'open', at: r },
          { status: 'replied', at: r + 30 * M },
          { status: 'resolved', at: r + 2 * H },
          { status: 'open', at: r + 3 * H },
          { status: 'resolved', at: r + 5 * H },
          { status: 'closed', at: r + 6 * H },
        ],
      }),
      clock,
      r + 10 * H,
    );
    expect(t).toEqual({ firstResponseAt: r + 30 * M, resolvedAt: r + 5 * H, firstResponseBms: 30 * M, resolutionBms: 5 * H, slaFirstResponse: 'met', slaResolution: 'met' });
  });

  it('has no resolution once reopened', () => {
    const t = reportTimesOf(
      subject({ messages: [{ direction: 'in', at: r }, { direction: 'out', at: r + 2 * H }], statusChanges: [{ status: 'open', at: r }, { status: 'resolved', at: r + 3 * H }, { status: 'open', at: r + 4 * H }] }),
      clock,
      r + 10 * H,
    );
    expect(t).toEqual({ firstResponseAt: r + 2 * H, resolvedAt: null, firstResponseBms: 2 * H, resolutionBms: null, slaFirstResponse: 'breached', slaResolution: null });
  });

  it('takes an imported resolved thread as resolved at its last message', () => {
    const imported = subject({
      status: 'resolved',
      messages: [{ direction: 'in', at: r }, { direction: 'out', at: r + H }, { direction: 'in', at: r + 9 * H }],
      statusChanges: [{ status: 'resolved', at: r }],
    });
    expect(reportTimesOf(imported, clock, r)).toEqual({ firstResponseAt: r + H, resolvedAt: r + 9 * H, firstResponseBms: H, resolutionBms: 9 * H, slaFirstResponse: 'met', slaResolution: 'breached' });
    const single = subject({ status: 'closed', statusChanges: [{ status: 'closed', at: r }] });
    expect(reportTimesOf(single, clock, r)).toMatchObject({ resolvedAt: r, resolutionBms: 0, slaFirstResponse: null, slaResolution: 'met' });
  });

  it('counts business time on the calendar: Friday 16:00 to Monday 10:00 in Berlin is two hours', () => {
    const friday = Date.parse('2026-11-06T15:00:00Z');
    const t = reportTimesOf(
      { receivedAt: friday, status: 'replied', priority: 'normal', messages: [{ direction: 'in', at: friday }, { direction: 'out', at: Date.parse('2026-11-09T09:00:00Z') }], statusChanges: [{ status: 'open', at: friday }, { status: 'replied', at: Date.parse('2026-11-09T09:00:00Z') }] },
      settings(true),
      Date.parse('2026-11-10T00:00:00Z'),
    );
    expect(t).toMatchObject({ firstResponseBms: 2 * H, slaFirstResponse: 'breached', resolvedAt: null, slaResolution: null });
  });

  it('has no business time and no outcome on a calendar without hours', () => {
    const base = settings(true);
    const closed = { ...base, calendar: { ...base.calendar, week: base.calendar.week.map(() => []) } };
    const t = reportTimesOf(subject({ messages: [{ direction: 'in', at: r }, { direction: 'out', at: r + H }] }), closed, r + 2 * H);
    expect(t).toEqual({ firstResponseAt: r + H, resolvedAt: null, firstResponseBms: null, resolutionBms: null, slaFirstResponse: null, slaResolution: null });
  });
});
