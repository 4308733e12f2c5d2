/**
 * SLA clocks through the core, on a clock the test moves: deadlines in the list and the
 * filters, the sweep that logs each breach once, pausing and stopping, the settings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

const HOUR = 3_600_000;
let now = Date.UTC(2026, 2, 10, 15, 0, 0);
let temp: TempCore;
let raw: DB;
const files = mkdtempSync(join(tmpdir(), 'hearken-sla-files-'));
const PASSPHRASE = 'sla tests passphrase';

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  await call(temp.core, 'demo.load', {});
  // Around the clock, so the deadlines do not depend on this machine's time zone or weekday.
  const settings = await call(temp.core, 'sla.get', {});
  await call(temp.core, 'sla.save', { ...settings, businessHours: false });
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
});
afterAll(async () => {
  raw.close();
  await temp.cleanup();
  rmSync(files, { recursive: true, force: true });
});

const count = async (sla: 'breached' | 'due-soon'): Promise<number> => (await call(temp.core, 'feedback.count', { filter: { sla } })).total;

async function relock(): Promise<void> {
  await call(temp.core, 'store.lock', {});
  await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
}

describe('SLA', () => {
  it('shows an item past its first-response deadline as breached, and the sweep logs each breach once', async () => {
    const [open] = (await call(temp.core, 'feedback.list', { filter: { status: ['open'] }, limit: 1, sort: 'newest' })).items;
    const item = await call(temp.core, 'feedback.get', { id: open!.id });
    const first = item.slaClocks.find((c) => c.kind === 'first-response');
    expect(first).toMatchObject({ state: 'running', dueAt: expect.any(Number) });
    expect(item.sla?.dueAt).toBeLessThanOrEqual(first!.dueAt!);

    // A rule that reads the deadline: its matches change with time alone.
    await call(temp.core, 'rules.save', { name: 'Past due', conditions: [{ kind: 'sla', state: 'breached' }], actions: { escalateTo: null, priority: null, addTag: 'overdue' } });
    const breachedBefore = await count('breached');
    // Two hours on, as if the store had stayed locked past the deadline.
    now = first!.dueAt! + 2 * HOUR;
    expect(await count('breached')).toBeGreaterThan(breachedBefore);
    const listed = (await call(temp.core, 'feedback.list', { filter: { sla: 'breached' }, limit: 500 })).items;
    expect(listed.map((i) => i.id)).toContain(open!.id);
    expect(listed.every((i) => i.sla?.state === 'breached')).toBe(true);
    expect((await call(temp.core, 'sla.summary', {})).breached).toBe(await count('breached'));

    const logged = (): { breaches: number; audits: number; mine: number } =>
      raw
        .prepare(
          `SELECT (SELECT count(*) FROM sla_breaches) AS breaches, (SELECT count(*) FROM audit_events WHERE action = 'sla.breached' AND actor = 'system') AS audits,
             (SELECT count(*) FROM sla_breaches WHERE feedback_id = ?) AS mine`,
        )
        .get(open!.id) as { breaches: number; audits: number; mine: number };
    expect((await call(temp.core, 'feedback.get', { id: open!.id })).flags.map((f) => f.ruleName)).not.toContain('Past due');
    await relock();
    const once = logged();
    expect(once.mine).toBe(1);
    // The sweep worked the breached item out again, so the rule that reads the deadline flags it.
    const swept = await call(temp.core, 'feedback.get', { id: open!.id });
    expect(swept.flags.map((f) => f.ruleName)).toContain('Past due');
    expect(swept.tags).toContainEqual({ name: 'overdue', source: 'local' });
    expect(once.breaches).toBe(await count('breached'));
    expect(once.audits).toBe(once.breaches);
    await relock();
    expect(logged()).toEqual(once);
  });

  it('pauses while pending and stops once resolved', async () => {
    const [a, b] = (await call(temp.core, 'feedback.list', { filter: { status: ['open'], escalated: false }, limit: 2 })).items;
    now += HOUR;
    await call(temp.core, 'feedback.update', { ids: [a!.id], change: { status: 'pending' } });
    const paused = await call(temp.core, 'feedback.get', { id: a!.id });
    expect(paused.sla).toEqual({ state: 'paused', dueAt: null, clock: null });
    expect(paused.slaClocks.some((c) => c.state === 'paused')).toBe(true);
    expect((await call(temp.core, 'feedback.list', { filter: { sla: 'breached' }, limit: 500 })).items.map((i) => i.id)).not.toContain(a!.id);

    await call(temp.core, 'feedback.update', { ids: [b!.id], change: { status: 'resolved' } });
    const stopped = await call(temp.core, 'feedback.get', { id: b!.id });
    expect(stopped.sla).toBeNull();
    expect(stopped.slaClocks.every((c) => c.state !== 'running')).toBe(true);
  });

  it('refuses a time zone it does not know, saying which', async () => {
    const settings = await call(temp.core, 'sla.get', {});
    const error = await callError(temp.core, 'sla.save', { ...settings, calendar: { ...settings.calendar, timeZone: 'Mars/Olympus_Mons' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('"Mars/Olympus_Mons" is not a time zone');
    expect((await call(temp.core, 'sla.get', {})).calendar.timeZone).toBe(settings.calendar.timeZone);
  });

  it('adds holidays from an .ics file through a grant, once', async () => {
    const ics = join(files, 'holidays.ics');
    writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//EN',
        'BEGIN:VEVENT',
        'UID:xmas-2026@example.com',
        'DTSTAMP:20260101T000000Z',
        'DTSTART;VALUE=DATE:20261225',
        'DTEND;VALUE=DATE:20261226',
        'SUMMARY:Christmas Day',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(await call(temp.core, 'sla.importHolidays', { grant: await grantOf(temp.core, ics) })).toEqual({ fileName: 'holidays.ics', added: 1, skipped: 0 });
    expect((await call(temp.core, 'sla.get', {})).calendar.holidays).toContainEqual({ date: '2026-12-25', name: 'Christmas Day' });
    expect(await call(temp.core, 'sla.importHolidays', { grant: await grantOf(temp.core, ics) })).toMatchObject({ added: 0 });
  });
});
