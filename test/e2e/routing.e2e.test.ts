/**
 * Rules & SLA in the window: write a rule (mentions "refund" and negative sentiment,
 * suggest Billing), watch its preview count, save it and find the same count in the core's
 * list; switch it off and see its matches go; open a previewed conversation in the inbox;
 * add a second period to Monday and find it saved; a webhook call listed in the outbound log.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { colorScheme, openId } from './inbox-helpers';

const SPEC_TIMEOUT = 180_000;
const RULE_NAME = 'Angry refund requests';
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Hearken e2e//EN',
  'BEGIN:VEVENT',
  'UID:xmas@e2e',
  'DTSTART;VALUE=DATE:20261225',
  'DTEND;VALUE=DATE:20261226',
  'SUMMARY:Christmas Day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:newyear@e2e',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270102',
  "SUMMARY:New Year's Day",
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:meeting@e2e',
  'DTSTART:20261210T100000Z',
  'DTEND:20261210T110000Z',
  'SUMMARY:Team meeting',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const app = useApp({
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve([]),
      chooseSavePath: () => Promise.resolve(null),
      // The host's file dialog, answered with a calendar written into the spec's scratch folder.
      chooseOpenFile: () => {
        const file = join(app().scratch, 'holidays.ics');
        writeFileSync(file, ICS);
        return Promise.resolve(file);
      },
    },
  },
});

let hook: Server | undefined;
const received: string[] = [];
afterAll(() => new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve())));

async function startHook(): Promise<string> {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hook!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hearken`;
}

describe('the Rules & SLA page', () => {
  it(
    'previews, saves and switches off a rule; edits the SLA week; lists what left the machine',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await page.getByTestId('routing-link').click();
      await page.getByTestId('routing-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const shipped = (await call(app().core, 'rules.list', {})).rules;
      expect(shipped.length).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('rule-item').count(), { timeout: UI_TIMEOUT }).toBe(shipped.length);
      // The list's counts are the core's.
      const firstShown = await page.getByTestId('rule-item').first().getByTestId('rule-matches').getAttribute('data-count');
      expect(Number(firstShown)).toBe(shipped[0]!.matches);

      // A new rule: the empty keyword list is a problem, not a count.
      await page.getByTestId('rule-new').click();
      await page.getByTestId('rule-name').fill(RULE_NAME);
      await expect.poll(() => page.getByTestId('rule-preview-problem').textContent(), { timeout: UI_TIMEOUT }).toMatch(/add at least one word or phrase/);
      await expect(page.getByTestId('rule-preview-count').count()).resolves.toBe(0);

      await page.getByTestId('condition-terms').click();
      await page.keyboard.type('refund');
      await page.keyboard.press('Enter');
      const countShown = async (): Promise<number | null> => {
        const el = page.getByTestId('rule-preview-count');
        return (await el.count()) === 0 ? null : Number(await el.getAttribute('data-count'));
      };
      await expect.poll(countShown, { timeout: UI_TIMEOUT }).not.toBeNull();
      const refundOnly = (await countShown())!;

      // AND negative sentiment (the added condition starts as negative): the count can only shrink.
      await page.getByTestId('condition-add').click();
      await expect.poll(() => page.getByTestId('rule-condition').count()).toBe(2);
      await page.getByTestId('rule-target').click();
      await page.getByRole('option', { name: 'Billing' }).click();
      const draft = {
        name: RULE_NAME,
        match: 'all' as const,
        conditions: [
          { kind: 'keywords' as const, terms: ['refund'], match: 'any' as const },
          { kind: 'sentiment' as const, labels: ['negative' as const], scoreAtMost: null },
        ],
        actions: { escalateTo: (await call(app().core, 'escalation.targets.list', {})).targets.find((t) => t.name === 'Billing')!.id, priority: null, addTag: null },
      };
      const expected = await call(app().core, 'rules.preview', { rule: draft, limit: 50 });
      await expect.poll(countShown, { timeout: UI_TIMEOUT }).toBe(expected.count);
      expect(expected.count).toBeGreaterThan(0);
      expect(expected.count).toBeLessThanOrEqual(refundOnly);
      const previewed = page.getByTestId('rule-preview-item');
      await expect.poll(() => previewed.count(), { timeout: UI_TIMEOUT }).toBe(Math.min(50, expected.count));
      // Every previewed conversation is negative, and a search for the word finds at least as many.
      expect(expected.items.every((i) => i.sentiment === 'negative')).toBe(true);
      const searched = await call(app().core, 'feedback.count', { filter: { sentiment: ['negative'], query: 'refund' } });
      expect(searched.total).toBeGreaterThanOrEqual(expected.count);

      await page.getByTestId('rule-name').click();
      await tab.screenshot('rules-editor-light', { bothSizes: true });

      await page.getByTestId('rule-save').click();
      const savedRule = async () => (await call(app().core, 'rules.list', {})).rules.find((r) => r.name === RULE_NAME);
      await expect.poll(savedRule, { timeout: UI_TIMEOUT }).toMatchObject({ enabled: true, autoEscalate: false, matches: expected.count });
      const row = page.locator(`[data-testid="rule-item"][data-rule-id="${(await savedRule())!.id}"]`);
      await expect.poll(() => row.getByTestId('rule-matches').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe(String(expected.count));
      expect(await countShown()).toBe(expected.count);

      // The dark scheme, with the saved rule and its preview showing.
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await tab.screenshot('rules-editor-dark', { bothSizes: true });
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('light');

      // Off: the rule matches nothing until it is switched on again.
      await row.getByTestId('rule-enabled').click({ force: true });
      await expect.poll(savedRule, { timeout: UI_TIMEOUT }).toMatchObject({ enabled: false, matches: 0 });
      await expect.poll(() => row.getByTestId('rule-matches').textContent(), { timeout: UI_TIMEOUT }).toBe('off');
      await row.getByTestId('rule-enabled').click({ force: true });
      await expect.poll(savedRule, { timeout: UI_TIMEOUT }).toMatchObject({ enabled: true, matches: expected.count });
      await expect.poll(() => row.getByTestId('rule-matches').textContent(), { timeout: UI_TIMEOUT }).toBe(`matches ${expected.count}`);

      // Teams.
      await page.getByTestId('routing-tab-teams').click();
      const targets = (await call(app().core, 'escalation.targets.list', {})).targets;
      await expect.poll(() => page.getByTestId('team-row').count(), { timeout: UI_TIMEOUT }).toBe(targets.length);
      await tab.screenshot('routing-teams-light');
      // A new team, its webhook switched on in the dialog.
      await page.getByTestId('team-new').click();
      await page.getByTestId('team-name').fill('Partner desk');
      await page.getByTestId('team-email').fill('partners@example.com');
      await page.getByTestId('team-webhook-url').fill('https://hooks.example.com/hearken');
      await page.getByTestId('team-webhook-enabled').click({ force: true });
      await tab.screenshot('routing-team-dialog-light');
      await page.getByTestId('team-save').click();
      await expect
        .poll(async () => (await call(app().core, 'escalation.targets.list', {})).targets.find((t) => t.name === 'Partner desk'), { timeout: UI_TIMEOUT })
        .toMatchObject({ email: 'partners@example.com', webhookUrl: 'https://hooks.example.com/hearken', webhookEnabled: true });
      await expect.poll(() => page.getByTestId('team-row').count(), { timeout: UI_TIMEOUT }).toBe(targets.length + 1);
      // A team a rule names cannot go: the core's refusal is shown, and the team stays.
      const billingRow = page.getByTestId('team-row').filter({ hasText: 'Billing' });
      await billingRow.getByTestId('team-delete').click();
      await page.getByTestId('team-delete-confirm').click();
      await expect.poll(() => page.getByTestId('team-delete-error').textContent(), { timeout: UI_TIMEOUT }).toMatch(/\w/);
      expect((await call(app().core, 'escalation.targets.list', {})).targets).toHaveLength(targets.length + 1);
      await page.keyboard.press('Escape');
      await page.getByTestId('team-delete-error').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // SLA: a second period on Monday, saved and read back.
      const before = await call(app().core, 'sla.get', {});
      await page.getByTestId('routing-tab-sla').click();
      const monday = page.locator('[data-testid="sla-day"][data-day="Monday"]');
      await expect.poll(() => monday.getByTestId('sla-period').count(), { timeout: UI_TIMEOUT }).toBe(before.calendar.week[0]!.length);
      if (!before.businessHours) await page.getByTestId('sla-business-hours').click({ force: true });
      await monday.getByTestId('sla-add-period').click();
      await expect.poll(() => monday.getByTestId('sla-period').count()).toBe(before.calendar.week[0]!.length + 1);
      await page.getByTestId('sla-save').click();
      await expect.poll(async () => (await call(app().core, 'sla.get', {})).calendar.week[0]!.length, { timeout: UI_TIMEOUT }).toBe(before.calendar.week[0]!.length + 1);
      const after = await call(app().core, 'sla.get', {});
      expect(after.calendar.week.slice(1)).toEqual(before.calendar.week.slice(1));
      expect(after.businessHours).toBe(true);
      await page.getByTestId('sla-summary').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Holidays from an iCalendar file chosen in the host's dialog: all-day events added, timed ones counted.
      await page.getByTestId('sla-import-ical').click();
      await expect
        .poll(() => page.getByTestId('sla-import-notice').textContent(), { timeout: UI_TIMEOUT })
        .toBe('Added 2 holidays from holidays.ics (1 timed event skipped)');
      expect((await call(app().core, 'sla.get', {})).calendar.holidays).toEqual([
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: "New Year's Day" },
      ]);
      await expect.poll(() => page.getByTestId('sla-holidays').locator('tr').count()).toBe(2);
      await expect(page.getByTestId('sla-save').isDisabled()).resolves.toBe(true);
      await tab.screenshot('routing-sla-light', { bothSizes: true });
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await tab.screenshot('routing-sla-dark');
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('light');

      // A webhook to a server on this machine, then the log.
      const url = await startHook();
      const billing = targets.find((t) => t.name === 'Billing')!;
      await call(app().core, 'escalation.targets.save', { id: billing.id, name: billing.name, email: billing.email, webhookUrl: url, webhookEnabled: true });
      await call(app().core, 'escalation.create', { ids: [expected.items[0]!.id], targetId: billing.id, reason: 'Refund dispute', priority: 'high' });
      await expect.poll(() => received.length, { timeout: UI_TIMEOUT }).toBe(1);
      await page.getByTestId('routing-tab-outbound').click();
      const entry = page.getByTestId('outbound-entry');
      await expect.poll(() => entry.count(), { timeout: UI_TIMEOUT }).toBe(1);
      expect(await entry.getByTestId('outbound-outcome').textContent()).toBe('sent 200');
      await entry.getByRole('button').first().click();
      await expect.poll(() => entry.getByTestId('outbound-payload').textContent(), { timeout: UI_TIMEOUT }).toBe(received[0]);
      await tab.screenshot('outbound-log-light');
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await tab.screenshot('outbound-log-dark');
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('light');

      // A previewed conversation opens in the inbox.
      await page.getByTestId('routing-tab-rules').click();
      await row.getByRole('button').first().click();
      await expect.poll(() => previewed.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      const clicked = await previewed.first().getAttribute('data-id');
      expect(clicked).not.toBeNull();
      await previewed.first().click();
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(clicked);
      tab.expectClean();
    },
    SPEC_TIMEOUT,
  );
});
