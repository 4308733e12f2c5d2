/** SLA clocks: start, pause, stop, met and breached, on business time and around the clock. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, aroundTheClock, businessTimeBetween } from '../../src/shared/escalation/calendar';
import { slaSettingsSchema, type SlaClock, type SlaSettings, type SlaSubject } from '../../src/shared/escalation/schema';
import { defaultSlaSettings, effectiveCalendar, nextDeadline, slaClocks, slaSummary } from '../../src/shared/escalation/sla';

const H = 3_600_000;
const M = 60_000;
const iso = (s: string): number => Date.parse(s);

/** UTC business hours, Monday–Friday 09:00–17:00; 'normal' is 8 h / 24 h / 48 h of business time. */
const settings: SlaSettings = defaultSlaSettings('UTC');
const clockTime: SlaSettings = { ...settings, businessHours: false };
// Tuesday 2026-01-13 10:00Z.
const T0 = iso('2026-01-13T10:00:00Z');

function item(over: Partial<SlaSubject> = {}): SlaSubject {
  return { receivedAt: T0, priority: 'normal', status: 'open', messages: [{ direction: 'in', at: T0 }], statusChanges: [], ...over };
}
const byKind = (clocks: SlaClock[], kind: SlaClock['kind']) => clocks.find((c) => c.kind === kind);

describe('defaults', () => {
  it('are valid settings on business hours, with a policy per priority', () => {
    expect(slaSettingsSchema.parse(settings)).toEqual(settings);
    expect(settings.businessHours).toBe(true);
    expect(effectiveCalendar(settings)).toBe(settings.calendar);
    expect(effectiveCalendar(clockTime)).toBe(aroundTheClock);
  });
});

describe('first response', () => {
  it('runs from arrival on business hours until the first reply', () => {
    // 8 business hours from Tuesday 10:00 is Wednesday 10:00.
    const now = T0 + H;
    const first = byKind(slaClocks(item(), settings, now), 'first-response')!;
    expect(first).toEqual({ kind: 'first-response', state: 'running', dueAt: iso('2026-01-14T10:00:00Z'), endedAt: null, remainingMs: 7 * H });
  });

  it('is met by a reply in time and breached by a late one (which still counts as late)', () => {
    const reply = (at: number) => item({ messages: [{ direction: 'in', at: T0 }, { direction: 'note', at: T0 + M }, { direction: 'out', at }] });
    const due = iso('2026-01-14T10:00:00Z');
    expect(byKind(slaClocks(reply(due), settings, due + H), 'first-response')).toMatchObject({ state: 'met', dueAt: due, endedAt: due });
    expect(byKind(slaClocks(reply(due + 1), settings, due + H), 'first-response')).toMatchObject({ state: 'breached', dueAt: due, endedAt: due + 1 });
  });

  it('past its deadline keeps running with negative business time left', () => {
    const now = iso('2026-01-14T12:00:00Z');
    const first = byKind(slaClocks(item(), settings, now), 'first-response')!;
    expect(first.state).toBe('running');
    expect(first.remainingMs).toBe(-2 * H);
    expect(slaSummary(slaClocks(item(), settings, now), settings, now)).toEqual({ state: 'breached', dueAt: iso('2026-01-14T10:00:00Z'), clock: 'first-response' });
  });

  it('around the clock counts nights and weekends', () => {
    const first = byKind(slaClocks(item(), clockTime, T0), 'first-response')!;
    expect(first.dueAt).toBe(T0 + 8 * H);
  });
});

describe('pauses and stops', () => {
  it('pending moves the deadline by the business time it lasted', () => {
    // Pending Tuesday 12:00–15:00 (3 business hours), then open again.
    const s = item({
      statusChanges: [
        { status: 'open', at: T0 },
        { status: 'pending', at: T0 + 2 * H },
        { status: 'open', at: T0 + 5 * H },
      ],
    });
    const first = byKind(slaClocks(s, settings, T0 + 6 * H), 'first-response')!;
    expect(first.dueAt).toBe(iso('2026-01-14T13:00:00Z'));
    expect(first.remainingMs).toBe(5 * H);
  });

  it('an item pending now has paused clocks with the business time left', () => {
    const s = item({ status: 'pending', statusChanges: [{ status: 'open', at: T0 }, { status: 'pending', at: T0 + 2 * H }] });
    const clocks = slaClocks(s, settings, T0 + 30 * H);
    expect(byKind(clocks, 'first-response')).toEqual({ kind: 'first-response', state: 'paused', dueAt: null, endedAt: null, remainingMs: 6 * H });
    expect(nextDeadline(clocks)).toBeNull();
    expect(slaSummary(clocks, settings, T0 + 30 * H)).toEqual({ state: 'paused', dueAt: null, clock: null });
  });

  it('an item pending since it arrived (no history) has been paused all along', () => {
    const clocks = slaClocks(item({ status: 'pending' }), settings, T0 + 100 * H);
    expect(byKind(clocks, 'resolution')).toMatchObject({ state: 'paused', remainingMs: 48 * H });
  });

  it('resolving stops every clock; resolution is met or breached by when it came', () => {
    const resolvedAt = T0 + 3 * H;
    const s = item({ status: 'resolved', statusChanges: [{ status: 'open', at: T0 }, { status: 'resolved', at: resolvedAt }] });
    const clocks = slaClocks(s, settings, T0 + 200 * H);
    expect(byKind(clocks, 'first-response')).toEqual({ kind: 'first-response', state: 'stopped', dueAt: null, endedAt: resolvedAt, remainingMs: null });
    expect(byKind(clocks, 'resolution')).toMatchObject({ state: 'met', endedAt: resolvedAt });
    expect(nextDeadline(clocks)).toBeNull();
    expect(slaSummary(clocks, settings, T0 + 200 * H)?.state).toBe('stopped');
    // 48 business hours from Tuesday 10:00 end the Wednesday after next at 10:00; resolved two days later, then closed.
    const resolutionDue = iso('2026-01-21T10:00:00Z');
    const late = item({ status: 'closed', statusChanges: [{ status: 'resolved', at: resolutionDue + 48 * H }, { status: 'closed', at: resolutionDue + 72 * H }] });
    const lateClocks = slaClocks(late, settings, resolutionDue + 100 * H);
    expect(byKind(lateClocks, 'resolution')).toMatchObject({ state: 'breached', dueAt: resolutionDue, endedAt: resolutionDue + 48 * H });
    expect(byKind(lateClocks, 'first-response')).toMatchObject({ state: 'breached', dueAt: iso('2026-01-14T10:00:00Z'), endedAt: resolutionDue + 48 * H });
  });

  it('after a reopen, resolution runs again from where it was', () => {
    // Open 2 h, resolved overnight, reopened Wednesday 09:00: 46 business hours left.
    const s = item({
      statusChanges: [
        { status: 'resolved', at: T0 + 2 * H },
        { status: 'open', at: iso('2026-01-14T09:00:00Z') },
      ],
    });
    const resolution = byKind(slaClocks(s, settings, iso('2026-01-14T09:00:00Z')), 'resolution')!;
    expect(resolution.state).toBe('running');
    expect(resolution.remainingMs).toBe(46 * H);
    expect(resolution.dueAt).toBe(addBusinessTime(settings.calendar, iso('2026-01-14T09:00:00Z'), 46 * H));
  });
});

describe('next response', () => {
  it('is absent until the customer writes after a reply, then runs until the next reply', () => {
    const reply = T0 + H;
    expect(byKind(slaClocks(item({ messages: [{ direction: 'in', at: T0 }, { direction: 'out', at: reply }] }), settings, reply + H), 'next-response')).toBeUndefined();
    const again = T0 + 2 * H;
    const waitingOnUs = item({ messages: [{ direction: 'in', at: T0 }, { direction: 'out', at: reply }, { direction: 'in', at: again }, { direction: 'in', at: again + H }] });
    expect(byKind(slaClocks(waitingOnUs, settings, again + H), 'next-response')).toMatchObject({ state: 'running', dueAt: addBusinessTime(settings.calendar, again, 24 * H) });
    const answered = item({ messages: [...waitingOnUs.messages, { direction: 'out', at: again + 2 * H }] });
    expect(byKind(slaClocks(answered, settings, again + 3 * H), 'next-response')).toMatchObject({ state: 'met', endedAt: again + 2 * H });
  });
});

describe('policies', () => {
  it('a null target has no clock; no targets at all has no summary', () => {
    const none: SlaSettings = { ...settings, policies: settings.policies.map((p) => ({ ...p, firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null })) };
    expect(slaClocks(item(), none, T0)).toEqual([]);
    expect(slaSummary([], none, T0)).toBeNull();
    const onlyFirst: SlaSettings = { ...settings, policies: settings.policies.map((p) => ({ ...p, resolutionMinutes: null })) };
    expect(slaClocks(item(), onlyFirst, T0).map((c) => c.kind)).toEqual(['first-response']);
  });

  it('due soon within the window, ok before it', () => {
    const clocks = slaClocks(item({ priority: 'urgent' }), settings, T0);
    // Urgent: first response in 60 min.
    expect(slaSummary(clocks, settings, T0)).toEqual({ state: 'due-soon', dueAt: T0 + H, clock: 'first-response' });
    const relaxed = slaClocks(item(), settings, T0);
    expect(slaSummary(relaxed, settings, T0)?.state).toBe('ok');
  });
});

describe('properties', () => {
  const cal = settings.calendar;
  const instant = fc.integer({ min: iso('2025-01-01T00:00:00Z'), max: iso('2027-12-31T00:00:00Z') });

  it('an item pending for X business ms has its deadline moved by X', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 * H }), fc.integer({ min: 1, max: 20 * H }), fc.integer({ min: 0, max: 100 * H }), (received, before, pauseBusiness, extra) => {
        // The clock runs `before` business ms, then waits on the customer for pauseBusiness business ms.
        const pauseStart = addBusinessTime(cal, received, before);
        const pauseEnd = addBusinessTime(cal, pauseStart, pauseBusiness);
        const paused = item({
          receivedAt: received,
          messages: [{ direction: 'in', at: received }],
          statusChanges: [
            { status: 'open', at: received },
            { status: 'pending', at: pauseStart },
            { status: 'open', at: pauseEnd },
          ],
        });
        const now = pauseEnd + extra;
        const plain = byKind(slaClocks(item({ receivedAt: received, messages: [{ direction: 'in', at: received }] }), settings, now), 'resolution')!;
        const moved = byKind(slaClocks(paused, settings, now), 'resolution')!;
        expect(moved.dueAt).not.toBeNull();
        expect(moved.dueAt!).toBeGreaterThanOrEqual(received);
        expect(businessTimeBetween(cal, plain.dueAt!, moved.dueAt!)).toBe(pauseBusiness);
      }),
      { numRuns: 200 },
    );
  });

  const status = fc.constantFrom('open' as const, 'pending' as const, 'replied' as const, 'resolved' as const, 'closed' as const);
  const history = fc.tuple(instant, fc.array(fc.tuple(status, fc.integer({ min: 0, max: 200 * H })), { maxLength: 6 }), fc.array(fc.tuple(fc.constantFrom('in' as const, 'out' as const, 'note' as const), fc.integer({ min: 0, max: 200 * H })), { maxLength: 6 }));

  it('a resolved or closed item has no running clock; every due time is at or after arrival', () => {
    fc.assert(
      fc.property(history, status, fc.integer({ min: 0, max: 300 * H }), fc.boolean(), ([received, changes, messages], current, later, business) => {
        const subject = item({
          receivedAt: received,
          status: current,
          statusChanges: changes.map(([s, d]) => ({ status: s, at: received + d })).sort((a, b) => a.at - b.at),
          messages: [{ direction: 'in' as const, at: received }, ...messages.map(([dir, d]) => ({ direction: dir, at: received + d }))].sort((a, b) => a.at - b.at),
        });
        const s = business ? settings : clockTime;
        const clocks = slaClocks(subject, s, received + later);
        for (const c of clocks) {
          if (c.dueAt !== null) expect(c.dueAt).toBeGreaterThanOrEqual(received);
          if (current === 'resolved' || current === 'closed') expect(c.state).not.toBe('running');
          if (current === 'pending' || current === 'replied') expect(['running']).not.toContain(c.state);
        }
        if (current === 'resolved' || current === 'closed') expect(nextDeadline(clocks)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
