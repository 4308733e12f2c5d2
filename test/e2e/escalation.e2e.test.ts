/**
 * Escalation end to end, on the demo inbox: e on a conversation the rules flag opens the
 * dialog prefilled (team and reason), Enter escalates it and it shows on the Escalations
 * page under its team; three checked with x are escalated and Undo takes all three back;
 * a conversation past its SLA says so in the list. Pictures of the dialog, the queue and
 * the list's SLA chips at 1440x900 and 1024x700.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FeedbackFilter } from '../../src/shared/contract';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp, type AppPage } from '../support/e2e';
import { openId, typeInPalette } from './inbox-helpers';

const SPEC_TIMEOUT = 180_000;
const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
const flaggedView: FeedbackFilter = { flagged: true, escalated: false, status: ['open', 'pending'] };

let savedTo: string | null = null;
// The host's save dialog, answered as a person would: a file in the spec's scratch folder.
const app = useApp({
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve([]),
      chooseSavePath: (defaultName) => {
        savedTo = join(app().scratch, defaultName);
        return Promise.resolve(savedTo);
      },
      chooseOpenFile: () => Promise.resolve(null),
    },
  },
});

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

async function atBothSizes(tab: AppPage, name: string): Promise<void> {
  for (const size of sizes) {
    await resize(tab.page, size);
    await tab.screenshot(`${name}-${size.width}x${size.height}`);
  }
}

async function openTotal(): Promise<number> {
  return (await call(app().core, 'escalations.list', { state: 'open', limit: 500 })).total;
}

/** Keys go to the list, not to a field or a button that kept focus. */
async function focusList(page: Page): Promise<void> {
  await page.getByTestId('feedback-list').focus();
}

async function goToView(page: Page, key: string, viewId: string): Promise<void> {
  await focusList(page);
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await expect.poll(() => page.locator(`[data-testid="view-link"][data-view-id="${viewId}"]`).getAttribute('aria-current'), { timeout: UI_TIMEOUT }).toBe('page');
}

describe('escalation', () => {
  it(
    'e on a flagged conversation opens the dialog prefilled; Enter escalates it to the Escalations page',
    async () => {
      const { items } = await call(app().core, 'feedback.list', { filter: flaggedView, sort: 'newest', cursor: null, limit: 5 });
      expect(items.length, 'the demo inbox has conversations the rules flag').toBeGreaterThan(0);
      const id = items[0]!.id;
      const prefill = await call(app().core, 'escalation.prefill', { ids: [id] });
      const { targets } = await call(app().core, 'escalation.targets.list', {});
      const target = targets.find((t) => t.id === prefill.targetId);
      expect(target, 'the rule suggests a team').toBeDefined();
      expect(prefill.reason.length).toBeGreaterThan(0);
      const before = await openTotal();

      // Dark first, cancelled with Esc; then light, confirmed with Enter.
      for (const scheme of ['dark', 'light'] as const) {
        const tab = await app().open({ colorScheme: scheme });
        const { page } = tab;
        await goToView(page, 'f', 'builtin:flagged');
        // The flagged list in place (newest first, so it leads), not the inbox it replaced.
        await expect.poll(() => page.getByTestId('feedback-row').first().getAttribute('data-id'), { timeout: UI_TIMEOUT }).toBe(id);
        const row = page.locator(`[data-testid="feedback-row"][data-id="${id}"]`);
        // The row carries the rule's flag, its explanation on hover.
        expect(await row.getByTestId('row-rule-flag').getAttribute('title')).toBe(items[0]!.flag?.explanation);
        await row.click();
        await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(id);
        await page.getByTestId('detail-subject').waitFor({ state: 'visible' });
        await focusList(page);
        await page.keyboard.press('e');

        const dialog = page.getByRole('dialog', { name: 'Escalate 1 conversation' });
        await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        const reason = dialog.getByTestId('escalate-reason');
        await expect.poll(() => reason.inputValue(), { timeout: UI_TIMEOUT }).toBe(prefill.reason);
        expect(await dialog.getByTestId('escalate-target').inputValue()).toBe(target!.name);
        // The rule behind it is named, so the agent sees why.
        expect(await dialog.getByTestId('escalate-flags').textContent()).toContain(prefill.flags[0]!.ruleName);
        // Focus in the reason with all of it selected: typing replaces the rule's words.
        await expect
          .poll(() => page.evaluate('[document.activeElement?.getAttribute("data-testid"), document.activeElement?.selectionStart, document.activeElement?.selectionEnd]'), { timeout: UI_TIMEOUT })
          .toEqual(['escalate-reason', 0, prefill.reason.length]);
        await atBothSizes(tab, `escalate-dialog-${scheme}`);

        if (scheme === 'dark') {
          // The handoff packet for this conversation, from the same dialog.
          await dialog.getByTestId('handoff-tab').click();
          await expect.poll(() => dialog.getByTestId('handoff-markdown').textContent(), { timeout: UI_TIMEOUT }).toContain(target!.name);
          await tab.screenshot('escalate-handoff-dark');
          // Save .md: the host's dialog chooses where; the file holds the packet shown.
          const shown = (await dialog.getByTestId('handoff-markdown').textContent()) ?? '';
          await dialog.getByTestId('handoff-save-md').click();
          await expect.poll(() => savedTo !== null && existsSync(savedTo), { timeout: UI_TIMEOUT }).toBe(true);
          expect(savedTo).toMatch(/\.md$/);
          expect(readFileSync(savedTo!, 'utf8').trim()).toBe(shown.trim());
          // No team address: E-mail is there but disabled, and says why.
          expect(await dialog.getByTestId('handoff-email').isDisabled()).toBe(true);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
          expect(await openTotal(), 'Esc cancels').toBe(before);
          await tab.close();
          continue;
        }

        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
        await page.getByTestId('action-notice').filter({ hasText: `Escalated to ${target!.name}` }).first().waitFor({ timeout: UI_TIMEOUT });
        await expect.poll(openTotal, { timeout: UI_TIMEOUT }).toBe(before + 1);
        await expect.poll(() => page.getByTestId('escalations-count').textContent(), { timeout: UI_TIMEOUT }).toBe(String(before + 1));

        // g e: the queue, the conversation under its team.
        await focusList(page);
        await page.keyboard.press('g');
        await page.keyboard.press('e');
        await page.getByTestId('escalations-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        const group = page.locator(`[data-testid="escalation-group"][data-target="${target!.name}"]`);
        await group.locator(`[data-testid="escalation-row"][data-feedback-id="${id}"]`).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        expect(await group.locator(`[data-testid="escalation-row"][data-feedback-id="${id}"]`).getByTestId('escalation-reason').textContent()).toContain(prefill.reason);
        await tab.close();
      }

      // A queue worth a picture: a few more, to two more teams, at several priorities.
      const more = await call(app().core, 'feedback.list', { filter: { status: ['open'], escalated: false }, sort: 'oldest', cursor: null, limit: 5 });
      const [billing, engineering] = [targets.find((t) => t.name === 'Billing')!, targets.find((t) => t.name === 'Engineering')!];
      const asks = [
        { ids: more.items.slice(0, 2).map((i) => i.id), targetId: billing.id, reason: 'Charged twice for the annual plan; refund over the agent limit', priority: 'urgent' as const },
        { ids: more.items.slice(2, 5).map((i) => i.id), targetId: engineering.id, reason: 'Camera drops offline after the 4.2 firmware update', priority: 'normal' as const },
      ];
      for (const ask of asks) await call(app().core, 'escalation.create', { ...ask, note: null });
      const extra = asks.reduce((n, a) => n + a.ids.length, 0);

      // The queue in both schemes, after the escalations above.
      for (const scheme of ['light', 'dark'] as const) {
        const tab = await app().open({ colorScheme: scheme });
        const { page } = tab;
        await page.getByTestId('escalations-link').click();
        await page.getByTestId('escalation-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        await expect.poll(() => page.getByTestId('escalation-row').count(), { timeout: UI_TIMEOUT }).toBe(before + 1 + extra);
        expect(await page.getByTestId('escalation-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-target')))).toEqual(
          expect.arrayContaining([target!.name, 'Billing', 'Engineering']),
        );
        // j puts the keyboard on the first row: its actions show.
        await page.keyboard.press('j');
        await expect.poll(() => page.locator('[data-testid="escalation-row"][data-active]').count()).toBe(1);
        await atBothSizes(tab, `escalations-queue-${scheme}`);
        if (scheme === 'light') {
          // Enter opens the conversation in the inbox.
          const feedbackId = await page.locator('[data-testid="escalation-row"][data-active]').getAttribute('data-feedback-id');
          await page.keyboard.press('Enter');
          await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(feedbackId);
          await page.getByTestId('detail-subject').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
          // The properties are one summary line in a narrow pane until opened; the open escalation is among them.
          if ((await page.getByTestId('escalation-section').count()) === 0) await page.getByTestId('details-toggle').first().click();
          await page.getByTestId('escalation-section').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
          expect(await page.getByTestId('sla-clocks').textContent()).toMatch(/First response/);
          expect(await page.getByTestId('rules-matched').textContent()).toContain(prefill.flags[0]!.ruleName);
          await tab.screenshot('escalation-detail-light');
          await resize(page, sizes[0]);
          await tab.screenshot('escalation-detail-light-1440x900');
          tab.expectClean();
        }
        await tab.close();
      }
    },
    SPEC_TIMEOUT * 2,
  );

  it(
    'on the queue, m moves an escalation to another team, d de-escalates it and a resolves it, each undone with Mod+Z',
    async () => {
      const { targets } = await call(app().core, 'escalation.targets.list', {});
      const queue = async () => (await call(app().core, 'escalations.list', { state: 'open', limit: 500 })).groups.flatMap((g) => g.items.map((i) => ({ id: i.escalation.id, target: g.target.name })));
      const before = await queue();
      expect(before.length, 'the first spec left an escalation').toBeGreaterThan(0);
      const tab = await app().open();
      const { page } = tab;
      await page.getByTestId('escalations-link').click();
      await page.getByTestId('escalation-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.keyboard.press('j');
      const active = page.locator('[data-testid="escalation-row"][data-active]');
      const id = (await active.getAttribute('data-id'))!;
      const from = before.find((e) => e.id === id)!.target;
      const to = targets.find((t) => t.name !== from)!;

      await page.keyboard.press('m');
      const picker = page.getByRole('dialog', { name: 'Move to another team' });
      await picker.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.keyboard.type(to.name);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await queue()).find((e) => e.id === id)?.target, { timeout: UI_TIMEOUT }).toBe(to.name);
      await page.locator(`[data-testid="escalation-group"][data-target="${to.name}"] [data-testid="escalation-row"][data-id="${id}"]`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('action-notice').filter({ hasText: `Moved the escalation to ${to.name}` }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('escalations-queue').focus();
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await queue()).find((e) => e.id === id)?.target, { timeout: UI_TIMEOUT }).toBe(from);

      await page.getByTestId('escalations-queue').focus();
      await page.keyboard.press('d');
      await expect.poll(async () => (await queue()).some((e) => e.id === id), { timeout: UI_TIMEOUT }).toBe(false);
      await expect.poll(() => page.locator(`[data-testid="escalation-row"][data-id="${id}"]`).count(), { timeout: UI_TIMEOUT }).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await queue()).length, { timeout: UI_TIMEOUT }).toBe(before.length);

      // a on the row again (its id may be new after the undo), then the Closed tab lists it.
      await page.locator(`[data-testid="escalation-row"]`).first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('escalations-queue').focus();
      await page.keyboard.press('j');
      await page.keyboard.press('a');
      await expect.poll(async () => (await queue()).length, { timeout: UI_TIMEOUT }).toBe(before.length - 1);
      await page.getByText('Closed', { exact: true }).click();
      await page.getByTestId('escalation-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('escalations-closed-light');
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await queue()).length, { timeout: UI_TIMEOUT }).toBe(before.length);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'three checked with x are escalated at once, and Undo takes all three back',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await goToView(page, 'i', 'builtin:inbox');
      const before = await openTotal();

      await focusList(page);
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3');
      const ids = await page.locator('[data-testid="feedback-row"][aria-selected="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
      const escalatedOf = async (id: string) => (await call(app().core, 'feedback.get', { id })).escalated;
      const was = await Promise.all(ids.map(escalatedOf));

      await page.keyboard.press('e');
      const dialog = page.getByRole('dialog', { name: 'Escalate 3 conversations' });
      await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")'), { timeout: UI_TIMEOUT }).toBe('escalate-reason');
      // Enter with no reason: the dialog stays and the field says what it needs.
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await dialog.getByText('Say why it is escalated.').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await openTotal()).toBe(before);
      // Typing replaces whatever the rules suggested.
      await page.keyboard.type('Three customers report the same outage');
      expect(await dialog.getByTestId('escalate-reason').inputValue()).toBe('Three customers report the same outage');
      const targetName = await dialog.getByTestId('escalate-target').inputValue();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await expect.poll(() => Promise.all(ids.map(escalatedOf)), { timeout: UI_TIMEOUT }).toEqual([true, true, true]);
      await expect.poll(openTotal, { timeout: UI_TIMEOUT }).toBe(before + was.filter((w) => !w).length);
      expect(await page.getByTestId('selection-bar').count(), 'the selection is cleared after escalating').toBe(0);

      const notice = page.getByTestId('action-notice').filter({ hasText: `Escalated 3 conversations to ${targetName}` }).first();
      await notice.waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('undo-button').first().click();
      await expect.poll(openTotal, { timeout: UI_TIMEOUT }).toBe(before);
      await expect.poll(() => Promise.all(ids.map(escalatedOf)), { timeout: UI_TIMEOUT }).toEqual(was);
      // The rows say so too: no escalation flag on them.
      for (const id of ids.filter((_, i) => !was[i])) {
        await expect.poll(() => page.locator(`[data-testid="feedback-row"][data-id="${id}"] [aria-label="Escalated"]`).count(), { timeout: UI_TIMEOUT }).toBe(0);
      }
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'a conversation past its SLA shows it in the list: a red chip and edge; one close to it an orange chip',
    async () => {
      // Around the clock, and a first response due a little after the fifth newest open conversation arrived:
      // the newer ones are due soon, the older ones breached.
      const { items } = await call(app().core, 'feedback.list', { filter: { status: ['open'] }, sort: 'newest', cursor: null, limit: 10 });
      const pivot = items[4] ?? items.at(-1)!;
      const minutes = Math.max(2, Math.ceil((Date.now() - pivot.receivedAt) / 60_000) + 20);
      const settings = await call(app().core, 'sla.get', {});
      await call(app().core, 'sla.save', {
        ...settings,
        businessHours: false,
        dueSoonMinutes: Math.min(10_080, minutes),
        policies: settings.policies.map((p) => ({ ...p, firstResponseMinutes: minutes })),
      });
      const breached = await call(app().core, 'feedback.list', { filter: { sla: 'breached' }, sort: 'newest', cursor: null, limit: 5 });
      expect(breached.items.length, 'the core counts some conversations breached').toBeGreaterThan(0);

      const tab = await app().open();
      const { page } = tab;
      await goToView(page, 'i', 'builtin:inbox');
      const row = page.locator(`[data-testid="feedback-row"][data-sla="breached"]`).first();
      await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await row.getByTestId('row-sla').textContent()).toMatch(/^breached \d+[mhd]$/);
      expect(await row.getByTestId('row-sla').getAttribute('aria-label')).toMatch(/breached .* ago/);
      const soon = page.locator(`[data-testid="feedback-row"][data-sla="due-soon"]`).first();
      await soon.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await soon.getByTestId('row-sla').textContent()).toMatch(/^due \d+[mhd]$/);
      const edge = (await page.evaluate('getComputedStyle(document.querySelector(\'[data-testid="feedback-row"][data-sla="breached"]\')).boxShadow')) as string;
      expect(edge, 'a breached row has a red left edge').toMatch(/inset/);
      await atBothSizes(tab, 'sla-highlight-list-light');

      // The Breached view counts them, and its rows are all breached.
      await goToView(page, 'b', 'builtin:breached');
      await expect
        .poll(async () => Number(await page.locator('[data-testid="view-link"][data-view-id="builtin:breached"] [data-testid="view-count"]').textContent()), { timeout: UI_TIMEOUT })
        .toBeGreaterThan(0);
      await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const states = await page.getByTestId('feedback-row').evaluateAll((rows) => rows.slice(0, 10).map((r) => r.getAttribute('data-sla')));
      expect(new Set(states)).toEqual(new Set(['breached']));
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'the palette and the sheet offer Escalate in the inbox and the queue keys only on the Escalations page; a failed webhook is told',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await focusList(page);
      await typeInPalette(page, 'escalat');
      const offered = async () => page.locator('.mantine-Spotlight-action').allTextContents();
      await expect.poll(async () => (await offered()).join('|'), { timeout: UI_TIMEOUT }).toContain('Escalate…');
      expect((await offered()).join('|')).toContain('Go to Escalations');
      expect((await offered()).join('|')).not.toContain('Resolve the escalation');
      await page.keyboard.press('Escape');
      await page.getByRole('textbox', { name: 'Command' }).waitFor({ state: 'hidden' });

      await page.getByTestId('escalations-link').click();
      await page.getByTestId('escalations-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await typeInPalette(page, 'escalat');
      await expect.poll(async () => (await offered()).join('|'), { timeout: UI_TIMEOUT }).toContain('Resolve the escalation');
      expect((await offered()).join('|')).not.toContain('Escalate…');
      await page.keyboard.press('Escape');
      await page.getByRole('textbox', { name: 'Command' }).waitFor({ state: 'hidden' });

      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.waitFor({ state: 'visible' });
      await tab.screenshot('shortcut-sheet-escalations');
      expect(await sheet.textContent()).toContain('De-escalate');
      expect(await sheet.textContent()).not.toContain('Select or unselect the conversation');
      await page.keyboard.press('Escape');

      // A webhook call that failed after the escalation was stored: said once, calmly.
      app().pushFromMain('outbound.sent', {
        entry: { id: 'out-1', at: Date.now(), kind: 'webhook', target: 'Billing', host: 'hooks.example.com', payload: '{}', outcome: 'failed', status: 502, error: 'Bad Gateway', latencyMs: 120 },
      });
      await expect
        .poll(() => page.getByTestId('webhook-failed-notice').first().textContent(), { timeout: UI_TIMEOUT })
        .toBe('The webhook to Billing failed: Bad Gateway. The escalation is saved.');

      await page.getByTestId('routing-link').click();
      await expect.poll(() => page.getByTestId('routing-link').getAttribute('aria-current')).toBe('page');
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
