/**
 * The inbox, end to end: the built renderer in Chromium over the loopback bridge, a real
 * core on a temporary encrypted store with the demo inbox. Every spec checks what landed
 * in the core, not just what the page shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FeedbackFilter } from '../../src/shared/contract';
import type { Sentiment } from '../../src/shared/domain';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { activeRowId, colorScheme, expectShownCount, openId, rowIds, typeInPalette } from './inbox-helpers';

const SPEC_TIMEOUT = 90_000;
const inboxFilter: FeedbackFilter = { status: ['open', 'pending'] };
const app = useApp();

async function count(filter: FeedbackFilter): Promise<number> {
  return (await call(app().core, 'feedback.count', { filter })).total;
}

/** g then i, and wait until the list shows the Inbox. */
async function goToInbox(page: Page): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect.poll(() => page.locator('[data-view-id="builtin:inbox"]').getAttribute('aria-current')).toBe('page');
  await expectShownCount(page, await count(inboxFilter));
}

describe('the inbox', () => {
  it(
    'keyboard-only triage: open, tag, override sentiment, resolve, next',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await page.getByTestId('view-count').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('inbox-light', { bothSizes: true });
      await goToInbox(page);

      // j puts the cursor on the first row, Enter opens it.
      const [first, second] = await rowIds(page, 2);
      await page.keyboard.press('j');
      await expect.poll(() => activeRowId(page)).toBe(first);
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      await expect.poll(() => activeRowId(page)).toBe(first);
      await page.keyboard.press('Enter');
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).toBe(first);
      await page.getByTestId('detail-subject').waitFor({ state: 'visible' });
      // The properties start as one summary line; the full details stay open once asked for.
      await page.getByTestId('details-toggle').click();
      await page.getByTestId('properties').waitFor({ state: 'visible' });
      const id = first!;
      const before = await call(app().core, 'feedback.get', { id });

      // t: the tag picker; typing a new name creates it.
      await page.keyboard.press('t');
      const tagInput = page.getByTestId('tag-picker-input');
      await tagInput.waitFor({ state: 'visible' });
      await page.keyboard.type('callback-requested');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('detail-tag').filter({ hasText: 'callback-requested' })).toBeTruthy();
      await page.getByTestId('detail-tag').filter({ hasText: 'callback-requested' }).waitFor({ timeout: UI_TIMEOUT });

      // s: the sentiment picker; a digit picks (1 negative, 2 neutral, 3 positive).
      const wanted: Sentiment = before.sentiment === 'negative' ? 'positive' : 'negative';
      await page.keyboard.press('s');
      await page.getByTestId('sentiment-picker-input').waitFor({ state: 'visible' });
      await page.keyboard.press(wanted === 'negative' ? '1' : '3');
      await expect.poll(() => page.getByTestId('sentiment-source').textContent(), { timeout: UI_TIMEOUT }).toContain('set by you');

      // a: resolves and moves on to the next conversation.
      await page.keyboard.press('a');
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT, message: 'the next conversation opened' }).toBe(second);
      await page.getByTestId('action-notice').filter({ hasText: 'Resolved 1 conversation' }).first().waitFor({ timeout: UI_TIMEOUT });
      await expectShownCount(page, await count(inboxFilter));
      await expect.poll(() => page.locator(`[data-testid="feedback-row"][data-id="${id}"]`).count(), { message: 'the resolved row left the Inbox' }).toBe(0);
      await page.keyboard.press('j');
      await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).not.toBe(second);

      const after = await call(app().core, 'feedback.get', { id });
      expect(after.status).toBe('resolved');
      expect(after.sentiment).toBe(wanted);
      expect(after.sentimentSource).toBe('human');
      expect(after.tags).toContainEqual({ name: 'callback-requested', source: 'human' });

      // A repeat contact's thread (customer, reply, note), found and opened from the keyboard.
      await page.keyboard.press('/');
      await page.keyboard.type('"Still no replacement doorbell"');
      await expectShownCount(page, 1);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('detail-subject').textContent(), { timeout: UI_TIMEOUT }).toBe('Still no replacement doorbell');
      await expect.poll(() => page.getByTestId('thread-message').count()).toBe(4);
      expect(await page.getByTestId('earlier-contact').count()).toBeGreaterThan(0);
      await tab.screenshot('inbox-detail');
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'search, add a filter, save both as a view',
    async () => {
      const tab = await app().open();
      const { page } = tab;

      // Search everything: g then a opens All feedback (a new window starts on the Inbox).
      await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.keyboard.press('g');
      await page.keyboard.press('a');
      const all = page.getByTestId('view-link').filter({ hasText: 'All feedback' });
      await expect.poll(() => all.getAttribute('aria-current'), { message: 'All feedback is open' }).toBe('page');

      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('search-input');
      await page.keyboard.type('camera');
      const searched = await count({ query: 'camera' });
      expect(searched).toBeGreaterThan(1);
      await expectShownCount(page, searched);
      await expect.poll(() => page.locator('[data-testid="feedback-row"] mark').count(), { message: 'hits are highlighted' }).toBeGreaterThan(0);
      await tab.screenshot('inbox-search');

      // Enter goes to the results; the search stays.
      await page.keyboard.press('Enter');
      await page.getByTestId('filter-add').click();
      await page.getByTestId('filter-add-sentiment').click();
      await page.getByRole('checkbox', { name: 'Negative' }).check();
      await page.keyboard.press('Escape');
      const filter: FeedbackFilter = { query: 'camera', sentiment: ['negative'] };
      const filtered = await count(filter);
      expect(filtered).toBeGreaterThan(0);
      expect(filtered).toBeLessThan(searched);
      await expectShownCount(page, filtered);

      await page.getByTestId('save-view').click();
      const name = page.getByTestId('view-name');
      await name.waitFor({ state: 'visible' });
      await name.fill('Unhappy with the camera');
      await page.getByTestId('view-name-submit').click();

      const link = page.getByTestId('view-link').filter({ hasText: 'Unhappy with the camera' });
      await link.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // The view opens a render after its link appears.
      await expect.poll(() => link.getAttribute('aria-current'), { timeout: UI_TIMEOUT, message: 'the saved view is open' }).toBe('page');
      await expect.poll(async () => Number(await link.getByTestId('view-count').textContent())).toBe(filtered);
      const views = await call(app().core, 'views.list', {});
      const saved = views.find((v) => v.name === 'Unhappy with the camera');
      expect(saved?.builtIn).toBe(false);
      expect(saved?.filter).toEqual(filter);
      expect(saved?.count).toBe(filtered);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'bulk resolve three with x and Shift+x, then undo',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await goToInbox(page);
      const ids = await rowIds(page, 3);
      const statusOf = async (id: string) => (await call(app().core, 'feedback.get', { id })).status;
      const before = await Promise.all(ids.map(statusOf));
      expect(before.every((s) => s === 'open' || s === 'pending')).toBe(true);

      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('Shift+X');
      await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3');
      expect(await page.locator('[data-testid="feedback-row"][aria-selected="true"]').count()).toBe(3);

      await page.keyboard.press('a');
      await expect.poll(() => Promise.all(ids.map(statusOf)), { timeout: UI_TIMEOUT }).toEqual(['resolved', 'resolved', 'resolved']);
      await page.getByTestId('action-notice').filter({ hasText: 'Resolved 3 conversations' }).first().waitFor({ timeout: UI_TIMEOUT });
      await expectShownCount(page, await count(inboxFilter));
      expect(await page.getByTestId('selection-bar').count(), 'the selection is cleared after a bulk action').toBe(0);

      await page.keyboard.press('Control+z');
      await expect.poll(() => Promise.all(ids.map(statusOf)), { timeout: UI_TIMEOUT }).toEqual(before);
      await expectShownCount(page, await count(inboxFilter));
      await expect.poll(() => rowIds(page, 3), { timeout: UI_TIMEOUT, message: 'the rows are back in place' }).toEqual(ids);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'light and dark themes, the shortcut sheet and the command palette',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      const start = await colorScheme(page);
      expect(start).toBe('light');
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await expect.poll(() => openId(page)).not.toBeNull();
      await page.getByTestId('detail-subject').waitFor({ state: 'visible' });
      await tab.screenshot('inbox-dark');

      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await sheet.waitFor({ state: 'visible' });
      await tab.screenshot('shortcut-sheet');
      // Only keys that work: a suggestion by Alt+digit, Escalate on e.
      expect(await sheet.textContent()).toContain('Start the reply from suggestion 1, 2 or 3');
      expect(await sheet.textContent()).toContain('Escalate…');
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });

      await typeInPalette(page, 'escalate');
      const command = page.getByRole('textbox', { name: 'Command' });
      await tab.screenshot('command-palette');
      await expect.poll(() => page.locator('.mantine-Spotlight-action').count()).toBeGreaterThan(0);
      // The view of escalated conversations, the Escalations page and the Escalate action.
      const offered = await page.locator('.mantine-Spotlight-action').allTextContents();
      expect(offered.some((label) => /Go to Escalated/.test(label))).toBe(true);
      expect(offered.some((label) => /Go to Escalations/.test(label))).toBe(true);
      expect(offered.some((label) => /^Escalate…/.test(label))).toBe(true);
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      // Away from the inbox, the sheet lists the keys that work everywhere, not j or a.
      await page.keyboard.press('Escape');
      await command.waitFor({ state: 'hidden' });
      await page.getByTestId('templates-link').click();
      await page.getByTestId('templates-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('templates-link').focus();
      await page.keyboard.press('?');
      await sheet.waitFor({ state: 'visible' });
      expect(await sheet.textContent()).toContain('Command palette');
      expect(await sheet.textContent()).not.toContain('Next conversation');
      expect(await sheet.textContent()).not.toMatch(/Resolve(?!d)/);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });
      // Enter runs the best match: the theme action switches back (once the list has filtered).
      await typeInPalette(page, 'light theme');
      await expect.poll(() => page.locator('.mantine-Spotlight-action').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/light/i);
      await page.keyboard.press('Enter');
      await expect.poll(() => colorScheme(page)).toBe('light');
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'follows changes made elsewhere without losing the place or the selection',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await goToInbox(page);
      for (let i = 0; i < 20; i++) await page.keyboard.press('j');
      await page.keyboard.press('x');
      const active = await activeRowId(page);
      expect(active).not.toBeNull();
      const scrollTop = (): Promise<number> => page.evaluate('document.querySelector("[data-testid=feedback-list]").scrollTop') as Promise<number>;
      expect(await scrollTop(), 'the list scrolled to keep the cursor in view').toBeGreaterThan(0);
      const activeRow = page.locator(`[data-testid="feedback-row"][data-id="${active}"]`);
      const yBefore = (await activeRow.boundingBox())?.y;

      // Another window (here: the core directly) resolves the newest item, far above the viewport.
      const total = await count(inboxFilter);
      const [top] = await rowIds(page, 1);
      await call(app().core, 'feedback.update', { ids: [top!], change: { status: 'resolved' } });
      await expectShownCount(page, total - 1);
      await expect.poll(() => page.locator('[data-view-id="builtin:inbox"] [data-testid="view-count"]').textContent()).toBe(String(total - 1));
      await expect.poll(() => page.locator(`[data-testid="feedback-row"][data-id="${top}"]`).count()).toBe(0);
      expect(await activeRowId(page), 'the cursor stays on its conversation').toBe(active);
      expect(await activeRow.getAttribute('aria-selected'), 'the selection survives').toBe('true');
      expect((await activeRow.boundingBox())?.y, 'the row did not jump on screen').toBeCloseTo(yBefore ?? -1, 0);
      await call(app().core, 'feedback.update', { ids: [top!], change: { status: 'open' } });
      await expectShownCount(page, total);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'a busy database says so and offers Retry',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      // Let the first page and the view counts land, so the failure hits the g-r list call.
      await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('view-count').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      app().failNext('feedback.list', 'DATABASE_LOCKED');
      await page.keyboard.press('g');
      await page.keyboard.press('r');
      const error = page.getByTestId('list-error');
      await error.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await error.innerText()).toContain('The store is busy in another Hearken window or CLI command');
      await error.getByRole('button', { name: 'Retry' }).click();
      await error.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await expectShownCount(page, await count({ status: ['replied'] }));
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
