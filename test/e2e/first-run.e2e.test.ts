/**
 * End to end: the built renderer (out/renderer) in headless Debian Chromium, with
 * window.hearken bridged over 127.0.0.1 to a real core on a temporary encrypted database.
 *
 * Needs `npm run build` first. The key goes to the OS keychain when a Secret Service
 * answers (CI: dbus-run-session + gnome-keyring-daemon); otherwise the setup asks for a
 * passphrase and these specs type one. HEARKEN_NO_KEYCHAIN=1 forces that path.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/types';
import { PASSPHRASE, useApp, type AppPage } from '../support/e2e';
import { colorScheme } from './inbox-helpers';

const SPEC_TIMEOUT = 120_000;
// Longer than the other specs: the first run derives keys and loads the demo through the page.
const UI_TIMEOUT = 30_000;

interface StoreStatus {
  state: string;
  keySource: 'keychain' | 'passphrase' | null;
  keychainAvailable: boolean;
}

async function invokeOk<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The Inbox view's count as the core computes it. */
async function inboxCount(core: Core): Promise<number> {
  const views = await invokeOk<{ id: string; count: number }[]>(core, 'views.list');
  const inbox = views.find((v) => v.id === 'builtin:inbox');
  if (!inbox) throw new Error('views.list has no Inbox view');
  return inbox.count;
}

/** The largest number in a piece of text ("312 items", "1,204 of 1,204" ...). */
function largestNumber(text: string | null): number {
  const numbers = (text ?? '').match(/\d[\d,.\u00a0\u202f ]*/g) ?? [];
  return Math.max(-1, ...numbers.map((n) => Number(n.replace(/[^\d]/g, ''))));
}

function firstBytes(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const read = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What the page shows right now, for failure messages. */
async function screenText(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch(() => '(unreadable)');
  return text.replace(/\s+/g, ' ').trim().slice(0, 600);
}

async function waitForRows(tab: AppPage, atLeast: number): Promise<void> {
  const { page } = tab;
  const rows = page.getByTestId('feedback-row');
  try {
    await rows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  } catch (err) {
    await tab.screenshot('failure-no-feedback-rows').catch(() => undefined);
    throw new Error(`No feedback rows appeared. The page shows: "${await screenText(page)}"`, { cause: err });
  }
  await expect
    .poll(() => rows.count(), { timeout: UI_TIMEOUT, message: `at least ${atLeast} feedback rows rendered` })
    .toBeGreaterThanOrEqual(atLeast);
}

describe('renderer in Chromium over the loopback bridge', () => {
  const app = useApp({ seed: 'none' });

  it(
    'first run: setup, recovery key, demo inbox, light and dark',
    async () => {
      const { core } = app();
      const status = await invokeOk<StoreStatus>(core, 'store.status');
      expect(status.state).toBe('new');

      const tab = await app().open();
      const { page } = tab;

      // Setup screen.
      const create = page.getByTestId('setup-create');
      await create.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      if (!status.keychainAvailable) {
        await page.getByTestId('setup-passphrase').fill(PASSPHRASE);
        await page.getByTestId('setup-passphrase-confirm').fill(PASSPHRASE);
      }
      await create.click();

      // Recovery key, shown once.
      const recoveryKey = page.getByTestId('recovery-key');
      await recoveryKey.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const keyText = ((await recoveryKey.textContent()) ?? '').trim();
      expect(keyText.replace(/[^0-9A-Za-z]/g, '').length, `recovery key text: "${keyText}"`).toBeGreaterThanOrEqual(20);

      // Copied for the password manager, then gone a minute later, unless the agent copied
      // something else since. The page's clock is faked from here on to skip the minute.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      const clipboard = (): Promise<string> => page.evaluate('navigator.clipboard.readText()') as Promise<string>;
      await page.clock.install();
      await page.getByTestId('recovery-copy').click();
      await expect.poll(clipboard, { timeout: UI_TIMEOUT }).toBe(keyText);
      expect(await page.getByTestId('recovery-copy-note').textContent()).toBe('A copied key is cleared from the clipboard after 60 seconds.');
      await page.evaluate('navigator.clipboard.writeText("a tracking number the agent copied")');
      await page.clock.fastForward(61_000);
      expect(await clipboard(), 'something copied since is left alone').toBe('a tracking number the agent copied');
      await page.getByTestId('recovery-copy').click();
      await expect.poll(clipboard, { timeout: UI_TIMEOUT }).toBe(keyText);
      await page.clock.fastForward(59_000);
      expect(await clipboard()).toBe(keyText);
      await page.clock.fastForward(2_000);
      await expect.poll(clipboard, { timeout: UI_TIMEOUT, message: 'the key is cleared after a minute' }).toBe('');
      await page.clock.resume();

      const proceed = page.getByTestId('recovery-continue');
      await expect.poll(() => proceed.isDisabled(), { message: 'Continue is disabled before the box is ticked' }).toBe(true);
      await page.getByTestId('recovery-saved').check();
      await expect.poll(() => proceed.isEnabled(), { message: 'Continue is enabled once the box is ticked' }).toBe(true);
      await tab.screenshot('first-run-recovery-key');
      await proceed.click();

      const after = await invokeOk<StoreStatus>(core, 'store.status');
      expect(after.state).toBe('unlocked');
      expect(after.keySource).toBe(status.keychainAvailable ? 'keychain' : 'passphrase');

      // Demo inbox.
      const demo = page.getByTestId('demo-load');
      await demo.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await demo.click();
      await waitForRows(tab, 50);
      const count = page.getByTestId('feedback-count');
      await expect
        .poll(async () => largestNumber(await count.textContent()), {
          timeout: UI_TIMEOUT,
          message: 'feedback-count shows the Inbox count',
        })
        .toBeGreaterThanOrEqual(150);
      await tab.screenshot('inbox-list-light');

      // Dark theme.
      const before = await colorScheme(page);
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page), { message: 'the colour scheme switched to dark' }).toBe('dark');
      expect(before).not.toBe('dark');
      await tab.screenshot('inbox-list-dark');

      // The core agrees, and the file on disk is not plain SQLite.
      // The window opens on the Inbox view; the core agrees on its count and on the total.
      const stats = await invokeOk<{ total: number }>(core, 'feedback.stats');
      expect(stats.total).toBeGreaterThanOrEqual(300);
      expect(largestNumber(await count.textContent())).toBe(await inboxCount(core));
      const dbPath = join(app().temp.dataDir, 'hearken.db');
      expect(existsSync(dbPath), `${dbPath} exists`).toBe(true);
      const header = firstBytes(dbPath, 16);
      expect(header.length).toBe(16);
      expect(header.toString('latin1').startsWith('SQLite format 3')).toBe(false);

      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'later run unlocks straight to the list',
    async () => {
      // A new core on the same folder and secret store, as after an app restart.
      await app().restart();

      const tab = await app().open();
      const { page } = tab;
      const { core } = app();
      const status = await invokeOk<StoreStatus>(core, 'store.status');

      if (status.keySource === 'passphrase') {
        // No keychain: a later run asks for the passphrase, never for setup again.
        const field = page.getByTestId('unlock-passphrase');
        await field.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        await field.fill(PASSPHRASE);
        await page.getByTestId('unlock-submit').click();
      }
      await waitForRows(tab, 50);
      expect(await page.getByTestId('setup-create').count(), 'no setup screen on a later run').toBe(0);
      expect(await page.getByTestId('recovery-key').count(), 'the recovery key is never shown again').toBe(0);
      expect(await page.getByTestId('demo-load').count(), 'no empty-inbox offer with data present').toBe(0);

      const inbox = await inboxCount(core);
      await expect
        .poll(async () => largestNumber(await page.getByTestId('feedback-count').textContent()), { timeout: UI_TIMEOUT })
        .toBe(inbox);

      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});
