/**
 * Shared set-up for the inbox specs: a real core on a temporary encrypted store holding the
 * demo inbox, bridged to the built renderer in Chromium, plus small page helpers.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { call } from '../helpers/results';
import { startBridge, type Bridge } from '../support/bridge-server';
import { launchBrowser, openPage, repoRoot, screenshot, type OpenedPage } from '../support/browser';
import { makeTempCore, type TempCore } from '../support/core';
import type { Core } from '../../src/main/core/types';
import type { ErrorCode } from '../../src/shared/errors';

export const UI_TIMEOUT = 20_000;
const rendererDir = join(repoRoot, 'out', 'renderer');
const PASSPHRASE = 'correct horse battery staple';

export interface InboxEnv {
  temp: TempCore;
  bridge: Bridge;
  browser: Browser;
  open(opts?: { colorScheme?: 'light' | 'dark' }): Promise<OpenedPage>;
  /** The next call on `channel` from the page answers with this error instead. */
  failNext(channel: string, code: ErrorCode): void;
  close(): Promise<void>;
}

/** The page's view of the core, with one-shot failures a test can arm. */
function withFaults(temp: TempCore, faults: Map<string, ErrorCode>): Core {
  return {
    invoke(channel, input) {
      const code = faults.get(channel);
      if (code === undefined) return temp.core.invoke(channel, input);
      faults.delete(channel);
      return Promise.resolve({ ok: false, error: { code, message: 'database is locked' } });
    },
    onEvent: (listener) => temp.core.onEvent(listener),
    close: () => temp.core.close(),
  };
}

/** A store made the way the app makes it: keychain when one answers, else a passphrase. */
export async function startInbox(): Promise<InboxEnv> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The built renderer is missing. Run `npx electron-vite build` first.');
  const temp = await makeTempCore();
  const pages: OpenedPage[] = [];
  const faults = new Map<string, ErrorCode>();
  let bridge: Bridge | undefined;
  let browser: Browser | undefined;
  try {
    const status = await call(temp.core, 'store.status', {});
    await call(temp.core, 'store.create', status.keychainAvailable ? {} : { passphrase: PASSPHRASE });
    await call(temp.core, 'demo.load', {});
    bridge = await startBridge({ core: withFaults(temp, faults), rendererDir });
    browser = await launchBrowser();
  } catch (error) {
    await bridge?.close();
    await temp.cleanup();
    throw error;
  }
  const b = bridge;
  const br = browser;
  return {
    temp,
    bridge: b,
    browser: br,
    async open(opts = {}) {
      const page = await openPage(br, `${b.url}#token=${b.token}`, opts);
      pages.push(page);
      await page.page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      return page;
    },
    failNext(channel, code) {
      faults.set(channel, code);
    },
    async close() {
      for (const page of pages.splice(0)) await page.close().catch(() => undefined);
      await br.close().catch(() => undefined);
      await b.close();
      await temp.cleanup();
    },
  };
}

export function expectClean(opened: OpenedPage): void {
  expect(opened.offHostRequests, 'requests that tried to leave 127.0.0.1').toEqual([]);
  expect(opened.consoleErrors, 'console errors and uncaught exceptions').toEqual([]);
  expect(opened.failedRequests, 'failed requests').toEqual([]);
}

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

export async function shoot(page: Page, name: string): Promise<void> {
  // Toasts and transitions settle first, so the picture shows the resting state.
  await page.waitForTimeout(250);
  await screenshot(page, name);
}

export function colorScheme(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-mantine-color-scheme');
}
