/**
 * Small page helpers for the inbox specs (the set-up is test/support/e2e.ts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { UI_TIMEOUT } from '../support/e2e';

/** The number in the list header ("213 conversations"). */
export async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('feedback-count').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

export async function expectShownCount(page: Page, expected: number): Promise<void> {
  await expect.poll(() => shownCount(page), { timeout: UI_TIMEOUT, message: `the list header shows ${expected}` }).toBe(expected);
}

/** The id of the conversation open in the detail pane, or null. */
export async function openId(page: Page): Promise<string | null> {
  return page.getByTestId('detail-pane').getAttribute('data-open-id');
}

/** The id of the row the keyboard is on. */
export async function activeRowId(page: Page): Promise<string | null> {
  const active = page.locator('[data-testid="feedback-row"][data-active]');
  return (await active.count()) > 0 ? active.first().getAttribute('data-id') : null;
}

export async function rowIds(page: Page, count: number): Promise<string[]> {
  const ids: string[] = [];
  const rows = page.getByTestId('feedback-row');
  for (let i = 0; i < count; i++) ids.push((await rows.nth(i).getAttribute('data-id')) ?? '');
  return ids;
}

export function colorScheme(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-mantine-color-scheme');
}

/**
 * Opens the command palette and types into it once its box has the focus: typed before
 * that (the palette's opening transition on a busy machine), the keys would reach the page
 * as shortcuts and the palette would stay unfiltered.
 */
export async function typeInPalette(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const box = page.getByRole('textbox', { name: 'Command' });
  await box.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await expect.poll(() => box.evaluate((el) => el === el.ownerDocument.activeElement), { timeout: UI_TIMEOUT }).toBe(true);
  await page.keyboard.type(text);
}
