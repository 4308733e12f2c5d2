/**
 * The list pane and the nav at every window size, and rows that say each thing once. At
 * 1024x700 the nav is a rail of icons that names each view on hover; the list's title row,
 * filters and rows keep their words whole however narrow the list gets; a row leaves out
 * the status its view is named for, a second line that repeats the subject, and a tag
 * that a more specific tag already says.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FeedbackFilter } from '../../src/shared/contract';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { expectShownCount, openId } from './inbox-helpers';

const SPEC_TIMEOUT = 120_000;
const app = useApp();

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

interface Box {
  text: string;
  scrollWidth: number;
  clientWidth: number;
  width: number;
}

/** What a person would see cut: each matching element's text, drawn and needed widths. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((el) => el.getBoundingClientRect().bottom < window.innerHeight)
    .map((el) => ({ text: (el.textContent ?? '').trim(), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, width: el.getBoundingClientRect().width }))`) as Promise<Box[]>;
}

function expectWhole(found: Box[], what: string): void {
  expect(found.length, `${what}: some on screen`).toBeGreaterThan(0);
  for (const b of found) expect.soft(b.scrollWidth, `${what} "${b.text}" is not cut`).toBeLessThanOrEqual(b.clientWidth);
}

async function count(filter: FeedbackFilter): Promise<number> {
  return (await call(app().core, 'feedback.count', { filter })).total;
}

async function goToView(page: Page, key: string, viewId: string, filter: FeedbackFilter): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.press(key);
  await expect.poll(() => page.locator(`[data-view-id="${viewId}"]`).getAttribute('aria-current')).toBe('page');
  await expectShownCount(page, await count(filter));
  await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
}

/** Visible rows, and how many of them carry a status label. */
async function statusLabels(page: Page): Promise<{ rows: number; labelled: number }> {
  return page.evaluate(`(() => {
    const rows = [...document.querySelectorAll('[data-testid="feedback-row"]')].filter((el) => el.getBoundingClientRect().bottom < window.innerHeight);
    return { rows: rows.length, labelled: rows.filter((row) => row.querySelector('[data-testid="row-status"]')).length };
  })()`) as Promise<{ rows: number; labelled: number }>;
}

const heading = 'section[aria-label="Conversations"] h2';
const normalised = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

describe('the list pane and the nav', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(
      `at 1024x700 the nav is a rail of named icons and the list keeps its words whole (${scheme})`,
      async () => {
        const tab = await app().open({ colorScheme: scheme });
        const { page } = tab;
        await page.getByTestId('view-count').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT });
        await resize(page, { width: 1440, height: 900 });
        await tab.screenshot(`list-inbox-${scheme}-1440x900`);

        await resize(page, { width: 1024, height: 700 });
        const nav = page.locator('nav[aria-label="Views"]');
        await expect.poll(() => nav.getAttribute('data-collapsed'), { timeout: UI_TIMEOUT }).toBe('true');
        expect((await nav.boundingBox())!.width, 'the nav is a rail').toBeLessThanOrEqual(64);
        expectWhole(await boxes(page, '[data-testid="view-link"], [data-testid="templates-link"], [data-testid="topics-link"]'), 'nav link');
        // The names stay for tests and screen readers: the link is still found by its name.
        await expect.poll(() => page.getByTestId('view-link').filter({ hasText: 'All feedback' }).count()).toBe(1);

        await page.locator('[data-view-id="builtin:inbox"]').hover();
        const inboxCount = await count({ status: ['open', 'pending'] });
        await expect
          .poll(() => page.getByRole('tooltip').textContent(), { timeout: UI_TIMEOUT, message: 'hovering a rail icon names the view and its count' })
          .toBe(`Inbox · ${new Intl.NumberFormat().format(inboxCount)}`);
        await page.mouse.move(600, 1);

        await goToView(page, 'i', 'builtin:inbox', { status: ['open', 'pending'] });
        expectWhole(await boxes(page, heading), 'the list heading');
        expect(await page.locator(heading).textContent()).toBe('Inbox');
        await tab.screenshot(`list-nav-collapsed-${scheme}-1024x700`);

        // A conversation open beside the list: the narrow list stacks its rows.
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        await expect.poll(() => openId(page), { timeout: UI_TIMEOUT }).not.toBeNull();
        await page.getByTestId('feedback-list').focus();
        expectWhole(await boxes(page, heading), 'the list heading beside a conversation');
        expectWhole(await boxes(page, '[data-testid="sort-button"]'), 'the sort control');
        const subjects = await boxes(page, '[data-testid="feedback-row"] [data-testid="row-subject"]');
        expect(subjects.length).toBeGreaterThan(3);
        for (const s of subjects) expect.soft(s.width, `"${s.text}" beside a conversation`).toBeGreaterThan(160);
        expectWhole(await boxes(page, '[data-testid="feedback-row"] [class*="customer"]'), 'customer');

        // A changed filter brings Reset and Save as view: all of it fits or wraps, nothing cut.
        await page.getByTestId('filter-add').click();
        await page.getByTestId('filter-add-unread').click();
        await page.getByTestId('save-view').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        expectWhole(await boxes(page, '[role="group"][aria-label="Filters"] button'), 'filter bar button');
        const bar = (await page.locator('[role="group"][aria-label="Filters"]').boundingBox())!;
        const save = (await page.getByTestId('save-view').boundingBox())!;
        expect(save.x + save.width, 'Save as view inside the filter bar').toBeLessThanOrEqual(bar.x + bar.width);
        await tab.screenshot(`list-narrow-open-${scheme}-1024x700`);
        await page.getByTestId('filter-reset').click();

        tab.expectClean();
        await tab.close();
      },
      SPEC_TIMEOUT,
    );
  }

  it(
    'rows leave out what the view already says: the status in Replied, the subject twice, a tag inside another',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await resize(page, { width: 1440, height: 900 });

      await goToView(page, 'i', 'builtin:inbox', { status: ['open', 'pending'] });
      const inbox = await statusLabels(page);
      expect(inbox.rows).toBeGreaterThan(5);
      expect(inbox.labelled, 'Inbox rows say open or pending').toBe(inbox.rows);

      expect(await count({ status: ['replied'] }), 'the demo has replied conversations').toBeGreaterThan(0);
      await goToView(page, 'r', 'builtin:replied', { status: ['replied'] });
      const replied = await statusLabels(page);
      expect(replied.rows).toBeGreaterThan(0);
      expect.soft(replied.labelled, 'no "Replied" on every row of the Replied view').toBe(0);
      await tab.screenshot('list-replied-view-1440x900');

      // A search hit in the subject: the snippet would only print the subject again.
      await page.keyboard.press('g');
      await page.keyboard.press('a');
      await page.keyboard.press('/');
      await page.keyboard.type('"Still no replacement doorbell"');
      const row = page.getByTestId('feedback-row');
      await expect.poll(() => row.count(), { timeout: UI_TIMEOUT }).toBe(1);
      const subject = (await row.getByTestId('row-subject').textContent()) ?? '';
      expect(normalised(subject)).toContain('still no replacement doorbell');
      const second = (await row.getByTestId('row-preview').textContent()) ?? '';
      expect.soft(normalised(second), 'the second line does not repeat the subject').not.toContain(normalised(subject));
      expect.soft(await row.getByTestId('row-subject').locator('mark').allTextContents(), 'the hit is marked in the subject instead').toEqual(['Still no replacement doorbell']);

      // Two tags where one says the other: only the more specific shows (the row's label keeps both).
      const id = (await row.getAttribute('data-id'))!;
      const { tags } = await call(app().core, 'feedback.get', { id });
      if (tags.length > 0) await call(app().core, 'feedback.update', { ids: [id], change: { removeTags: tags.map((t) => t.name) } });
      await call(app().core, 'feedback.update', { ids: [id], change: { addTags: ['refund', 'refund-request'] } });
      await expect.poll(() => row.getAttribute('aria-label'), { timeout: UI_TIMEOUT }).toContain('refund-request');
      expect.soft(await row.getByTestId('row-tag').allTextContents(), 'refund gives way to refund-request').toEqual(['refund-request']);
      await tab.screenshot('list-search-hit-1440x900');

      // A saved view's name too long for the nav is cut there, and whole in its tooltip.
      const longName = 'Waiting on a replacement doorbell, refund asked';
      await call(app().core, 'views.save', { name: longName, filter: { tags: ['refund-request'] } });
      const saved = page.getByTestId('view-link').filter({ hasText: longName });
      await saved.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await saved.hover();
      await expect.poll(() => page.getByRole('tooltip').textContent(), { timeout: UI_TIMEOUT, message: 'the long name in full on hover' }).toBe(longName);
      await tab.screenshot('list-long-view-name-1440x900', { parkMouse: false });

      // In the rail a saved view has no room for its dots: a right-click opens its options.
      await resize(page, { width: 1024, height: 700 });
      await saved.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Rename…' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('list-rail-view-options-1024x700', { parkMouse: false });
      await page.keyboard.press('Escape');

      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
