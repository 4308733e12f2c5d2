/**
 * The inbox at every window size: the conversation is what an agent is there to read, so
 * at 1024x700 and up an open thread shows the latest customer message without scrolling,
 * the list keeps its subjects, and a suggestion is one Alt+digit away from anywhere in
 * the inbox. Pictures of each scene at 1440x900, 1280x800 and 1024x700, light and dark.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/results';
import { UI_TIMEOUT, useApp, type AppPage } from '../support/e2e';
import { openId } from './inbox-helpers';

const SPEC_TIMEOUT = 180_000;
const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
const app = useApp();

async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect.poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT }).toEqual([size.width, size.height]);
}

/** Every review size, one picture each: `<scene>-<scheme>-<w>x<h>.png`. */
async function atEverySize(tab: AppPage, scene: string, scheme: string, check?: (size: { width: number; height: number }) => Promise<void>): Promise<void> {
  for (const size of sizes) {
    await resize(tab.page, size);
    await tab.screenshot(`layout-${scene}-${scheme}-${size.width}x${size.height}`);
    await check?.(size);
  }
}

/** Finds the demo's four-message doorbell thread from the search box and opens it. */
async function openDoorbellThread(page: Page): Promise<string> {
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await page.keyboard.press('/');
  await page.keyboard.type('"Still no replacement doorbell"');
  await expect.poll(() => page.getByTestId('feedback-row').count(), { timeout: UI_TIMEOUT }).toBe(1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('thread-message').count(), { timeout: UI_TIMEOUT }).toBe(4);
  await page.getByTestId('suggestion').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  // The search cleared, the conversation stays open beside the whole list.
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect.poll(() => page.getByTestId('feedback-row').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(5);
  return (await openId(page))!;
}

interface Visibility {
  /** Lines of the message's body inside the visible part of the thread, and in the whole body. */
  visibleLines: number;
  totalLines: number;
}

/** How much of the latest customer message a person sees without scrolling. */
function latestCustomerMessage(page: Page): Promise<Visibility> {
  return page.evaluate(`(() => {
    const messages = [...document.querySelectorAll('[data-testid="thread-message"][data-direction="in"]')];
    const body = messages.at(-1)?.querySelector('[data-testid="message-body"]');
    if (!body) return { visibleLines: 0, totalLines: 0 };
    const lineHeight = parseFloat(getComputedStyle(body).lineHeight);
    const box = body.getBoundingClientRect();
    let top = box.top, bottom = box.bottom;
    for (let el = body.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll|hidden)/.test(style.overflowY)) {
        const clip = el.getBoundingClientRect();
        top = Math.max(top, clip.top);
        bottom = Math.min(bottom, clip.bottom);
      }
    }
    bottom = Math.min(bottom, window.innerHeight);
    // Anything drawn over the body (the composer, a toast) hides it too.
    const x = box.left + Math.min(40, box.width / 2);
    let seen = top;
    while (seen < bottom) {
      const hit = document.elementFromPoint(x, seen + 1);
      if (!hit || !body.contains(hit) && hit !== body) break;
      seen += lineHeight / 2;
    }
    return { visibleLines: Math.max(0, Math.min(seen, bottom) - top) / lineHeight, totalLines: box.height / lineHeight };
  })()`) as Promise<Visibility>;
}

/** Each visible row's subject: its text and how wide it is drawn. */
function rowSubjects(page: Page): Promise<{ text: string; width: number }[]> {
  return page.evaluate(`[...document.querySelectorAll('[data-testid="feedback-row"] [data-testid="row-subject"]')]
    .filter((el) => el.getBoundingClientRect().bottom < window.innerHeight)
    .map((el) => ({ text: el.textContent ?? '', width: el.getBoundingClientRect().width }))`) as Promise<{ text: string; width: number }[]>;
}

describe('the inbox layout at every window size', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(
      `nothing open, a four-message thread and the composer (${scheme})`,
      async () => {
        const tab = await app().open({ colorScheme: scheme });
        const { page } = tab;
        await page.getByTestId('view-count').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });

        await atEverySize(tab, 'inbox', scheme, async (size) => {
          const subjects = await rowSubjects(page);
          expect(subjects.length, `rows with a subject at ${size.width}x${size.height}`).toBeGreaterThan(5);
          // A subject gets room for a readable phrase, not a couple of letters.
          for (const s of subjects) expect.soft(s.width, `"${s.text}" at ${size.width}x${size.height}`).toBeGreaterThan(160);
        });

        const id = await openDoorbellThread(page);
        await atEverySize(tab, 'thread', scheme, async (size) => {
          const seen = await latestCustomerMessage(page);
          expect(seen.totalLines, 'the latest customer message has a body').toBeGreaterThan(0.9);
          // At least its first four lines (all of it when it is shorter).
          expect.soft(seen.visibleLines, `lines of the latest customer message seen at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(Math.min(4, Math.round(seen.totalLines)) - 0.05);
          const subjects = await rowSubjects(page);
          expect(subjects.length, `the list still shows subjects at ${size.width}x${size.height}`).toBeGreaterThan(5);
          for (const s of subjects) expect.soft(s.width, `"${s.text}" beside the conversation at ${size.width}x${size.height}`).toBeGreaterThan(160);
        });

        const input = page.getByTestId('reply-input');
        await page.keyboard.press('r');
        await page.keyboard.type('Hello Jordan,\n\nI am sorry the replacement has not arrived yet. I have asked the warehouse');
        await atEverySize(tab, 'composer', scheme, async (size) => {
          expect(await page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('reply-input');
          const seen = await latestCustomerMessage(page);
          expect.soft(seen.visibleLines, `the message stays in sight while typing at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(Math.min(2, Math.round(seen.totalLines)) - 0.05);
        });
        await input.fill('');

        // Alt+1 from the list (focus there, not in the reply box) fills the reply.
        await page.keyboard.press('Escape');
        await page.getByTestId('feedback-list').focus();
        const { suggestions } = await call(app().core, 'suggestions.list', { feedbackId: id });
        await page.keyboard.press('Alt+1');
        await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT, message: 'Alt+1 filled the reply' }).toBe(suggestions[0]!.text);
        await page.getByTestId('discard-draft').click();
        await expect.poll(() => input.inputValue()).toBe('');

        // A toast (here: Undo for words replaced by a suggestion) covers neither the rows nor the reply.
        await input.focus();
        await page.keyboard.type('My own words.');
        await page.keyboard.press('Alt+2');
        const toast = page.locator('.mantine-Notification-root').filter({ has: page.getByTestId('undo-button') });
        await toast.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        for (const size of sizes) {
          await resize(page, size);
          const box = await toast.boundingBox();
          const rows = await page.locator('[data-testid="feedback-list"] [role="option"]').first().boundingBox();
          const composer = await page.getByTestId('composer').boundingBox();
          expect(box && rows && composer, 'the toast, the first row and the composer are on screen').toBeTruthy();
          expect(box!.y + box!.height, `the toast ends above the first row at ${size.width}x${size.height}`).toBeLessThanOrEqual(rows!.y);
          expect(box!.y + box!.height, `the toast ends above the composer at ${size.width}x${size.height}`).toBeLessThanOrEqual(composer!.y);
        }
        await toast.getByTestId('undo-button').click();
        await expect.poll(() => input.inputValue()).toBe('My own words.');
        await input.fill('');

        tab.expectClean();
        await tab.close();
      },
      SPEC_TIMEOUT,
    );
  }
});
