/**
 * Security in the window, on a passphrase store (no keychain answers): open the page from
 * the palette, back up now and find the backup listed as the core lists it, verify it (sound,
 * with its counts), change the schedule and find it saved; restore it after a change made
 * since, and the change is gone from the nav while the store it replaced is kept aside. Then
 * the keys: Move to the keychain is refused with its reason, the passphrase changes (a short
 * one and a wrong current one are refused in the dialog), and a new recovery key is made
 * behind a warning that says the old key stops working, shown once and copied. After a
 * restart only the new passphrase and the new recovery key open the store. Last, with the
 * manifest lost and no keychain, the store opened by its recovery key alone says the next
 * start would need that key again, and a passphrase set from the notice is what it asks for.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { call, callError } from '../helpers/results';
import { PASSPHRASE, UI_TIMEOUT, useApp } from '../support/e2e';
import { colorScheme, typeInPalette } from './inbox-helpers';

const SPEC_TIMEOUT = 240_000;
const NEW_PASSPHRASE = 'a quieter inbox on tuesdays';
const LATER_VIEW = 'Made after the backup';
const RECOVERED_PASSPHRASE = 'set after the recovery key';
let firstRecoveryKey = '';
/** The recovery key the second test makes; the third opens the store with it alone. */
let newKey = '';

const app = useApp({
  secrets: new NoSecretStore(),
  seed: 'none',
  // Made here rather than by the seed, to hold the first recovery key.
  prepare: async (core) => {
    firstRecoveryKey = (await call(core, 'store.create', { passphrase: PASSPHRASE })).recoveryKey;
    await call(core, 'demo.load', {});
  },
});

/** Pictures without toasts over the header: they close by themselves within seconds. */
function quiet(page: Page): Promise<void> {
  return expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: UI_TIMEOUT }).toBe(0);
}

function backupRows(page: Page) {
  return page.getByTestId('backup-row');
}

describe('the Security page', () => {
  it(
    'backs up, verifies, schedules and restores with the current store kept aside',
    async () => {
      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      await typeInPalette(page, 'backup');
      await page.locator('.mantine-Spotlight-action').filter({ hasText: 'Go to Security (backups and keys)' }).click();
      await page.getByTestId('security-screen').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('backup-empty').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const listed = await call(app().core, 'backup.list', {});
      expect(await page.getByTestId('backup-folder').textContent()).toBe(listed.folder);

      // A busy store: the failure says so in the stable code's words, and its Retry backs up.
      app().failNext('backup.create', 'DATABASE_LOCKED');
      await page.getByTestId('backup-now').click();
      const busy = page.locator('.mantine-Notification-root').filter({ hasText: 'The store is busy' });
      await busy.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await busy.textContent()).toContain('The store is busy in another Hearken window or CLI command.');
      expect(await backupRows(page).count()).toBe(0);

      // Back up now: the button waits, then the backup is listed as the core lists it.
      await busy.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => backupRows(page).count(), { timeout: UI_TIMEOUT }).toBe(1);
      const [made] = (await call(app().core, 'backup.list', {})).backups;
      expect(made!.reason).toBe('manual');
      const row = backupRows(page).first();
      expect(await row.getAttribute('data-name')).toBe(made!.name);
      expect(await row.getByTestId('backup-reason').textContent()).toBe('Manual');
      expect(await row.getByTestId('backup-items').textContent()).toBe(`${made!.items.toLocaleString('en')} items`);
      expect(made!.items).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('backup-last').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^Last backup just now, /);

      // Verify: sound, and the table's rows are the core's counts.
      await row.getByTestId('backup-verify').click();
      const verifyModal = page.getByRole('dialog');
      await verifyModal.getByTestId('verify-result').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const verified = await call(app().core, 'backup.verify', { name: made!.name });
      expect(verified.ok).toBe(true);
      expect(await verifyModal.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
      expect(await verifyModal.getByTestId('verify-result').textContent()).toContain(verified.message);
      expect(await verifyModal.getByTestId('verify-count-row').count()).toBe(verified.counts.length);
      const feedbackCount = verified.counts.find((c) => c.table === 'feedback');
      expect(feedbackCount?.rows).toBe(made!.items);
      expect(await verifyModal.locator('[data-table="feedback"] td').nth(1).textContent()).toBe(made!.items.toLocaleString('en'));
      await tab.screenshot('security-verify');
      await page.keyboard.press('Escape');
      await verifyModal.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // The schedule: switched, every 6 hours, keep 5; saved as the core keeps it.
      const before = listed.schedule;
      await page.getByTestId('schedule-enabled').click({ force: true });
      if (before.enabled) await page.getByTestId('schedule-enabled').click({ force: true });
      expect(await page.getByTestId('schedule-enabled').isChecked()).toBe(true);
      await page.getByTestId('schedule-every').fill('6');
      await page.getByTestId('schedule-keep').fill('5');
      expect(await page.getByTestId('schedule-summary').textContent()).toBe('Unsaved changes.');
      await page.getByTestId('schedule-save').click();
      await expect.poll(async () => (await call(app().core, 'backup.list', {})).schedule, { timeout: UI_TIMEOUT }).toEqual({ enabled: true, everyHours: 6, keep: 5 });
      await expect.poll(() => page.getByTestId('schedule-summary').textContent(), { timeout: UI_TIMEOUT }).toBe('Backs up every 6 hours, keeping the last 5.');
      expect(await page.getByTestId('schedule-save').isDisabled()).toBe(true);

      await quiet(page);
      await tab.screenshot('security-backups', { bothSizes: true });

      // A change after the backup: a saved view, in the nav.
      await call(app().core, 'views.save', { name: LATER_VIEW, filter: {} });
      const laterView = page.getByTestId('view-link').filter({ hasText: LATER_VIEW });
      await expect.poll(() => laterView.count(), { timeout: UI_TIMEOUT }).toBe(1);

      // Restore: the question says what happens to the store there is now.
      await backupRows(page).first().getByTestId('backup-restore').click();
      const restoreModal = page.getByRole('dialog');
      await restoreModal.getByTestId('restore-explanation').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const explanation = (await restoreModal.getByTestId('restore-explanation').textContent())!;
      expect(explanation).toContain('kept aside first, as a backup marked “Before restore”');
      expect(explanation).toContain('The window reloads the inbox afterwards.');
      expect(explanation).toContain(`back to its ${made!.items.toLocaleString('en')} conversations`);
      await tab.screenshot('security-restore-confirm');
      await restoreModal.getByTestId('restore-confirm').click();
      await restoreModal.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // The store it replaced is the newest backup; the view made since is gone from the nav.
      await expect.poll(() => backupRows(page).count(), { timeout: UI_TIMEOUT }).toBe(2);
      const after = (await call(app().core, 'backup.list', {})).backups;
      expect(after.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);
      const keptAside = after.find((b) => b.reason === 'before-restore')!;
      await expect.poll(() => page.locator(`[data-testid="backup-row"][data-name="${keptAside.name}"] [data-testid="backup-reason"]`).textContent(), { timeout: UI_TIMEOUT }).toBe('Before restore');
      await expect.poll(() => laterView.count(), { timeout: UI_TIMEOUT }).toBe(0);
      expect((await call(app().core, 'views.list', {})).some((v) => v.name === LATER_VIEW)).toBe(false);
      // The inbox reads the restored store.
      await page.getByTestId('view-link').first().click();
      await page.getByTestId('feedback-row').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });

      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'changes the passphrase and makes a new recovery key, told first that the old one stops working',
    async () => {
      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().bridge.url.replace(/\/$/, '') });
      await page.getByTestId('security-link').click();
      await page.getByTestId('security-tab-keys').click();
      await page.getByTestId('keys-tab').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('keys-source').getAttribute('data-source')).toBe('passphrase');
      expect(await page.getByTestId('keys-keychain').getAttribute('data-available')).toBe('false');
      // No keychain answers: moving there is refused, and the page says why.
      expect(await page.getByTestId('keys-move-keychain').isDisabled()).toBe(true);
      expect(await page.getByTestId('keys-no-keychain').textContent()).toMatch(/No system keychain answered/);
      await quiet(page);
      await tab.screenshot('security-keys', { bothSizes: true });

      // Change the passphrase: too short, then a wrong current one, are refused in the dialog.
      await page.getByTestId('keys-change-passphrase').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('passphrase-current').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await dialog.getByTestId('passphrase-current').fill('not the passphrase');
      await dialog.getByTestId('passphrase-new').fill('short');
      await dialog.getByTestId('passphrase-confirm').fill('short');
      await dialog.getByTestId('key-dialog-submit').click();
      await dialog.getByText('Use at least 8 characters.').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await dialog.getByTestId('passphrase-new').fill(NEW_PASSPHRASE);
      await dialog.getByTestId('passphrase-confirm').fill(NEW_PASSPHRASE);
      await dialog.getByTestId('key-dialog-submit').click();
      const wrong = await callError(app().core, 'keys.changePassphrase', { current: 'not the passphrase', next: NEW_PASSPHRASE });
      expect(wrong.code).toBe('WRONG_PASSPHRASE');
      await dialog.getByText(wrong.message).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await dialog.getByTestId('passphrase-current').fill(PASSPHRASE);
      await dialog.getByTestId('key-dialog-submit').click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // A new recovery key: the warning comes before anything changes.
      await page.getByTestId('keys-rotate').click();
      const rotate = page.getByRole('dialog');
      const warning = rotate.getByTestId('rotate-warning');
      await warning.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const warned = (await warning.textContent())!;
      expect(warned).toContain('Your current recovery key stops opening this store as soon as the new one is made.');
      expect(warned).toContain('Backups made before now keep needing the old recovery key');
      expect(warned).toContain('type it below to confirm');
      expect(await rotate.getByTestId('rotate-confirm').isDisabled()).toBe(true);
      await rotate.getByTestId('rotate-passphrase').fill(NEW_PASSPHRASE);
      await rotate.getByTestId('rotate-understood').click({ force: true });
      await tab.screenshot('security-rotate-confirm');
      expect((await call(app().core, 'keys.status', {})).rotatedAt).toBeNull();
      await rotate.getByTestId('rotate-confirm').click();

      // Shown once, copied, and the dialog stays until the person says it is stored.
      const shown = rotate.getByTestId('new-recovery-key');
      await shown.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      newKey = (await shown.textContent())!.trim();
      expect(newKey.length).toBeGreaterThan(20);
      expect(newKey).not.toBe(firstRecoveryKey);
      // The focus is on Copy (the confirm button it was on is gone), and Escape does not close it.
      await expect.poll(() => page.evaluate('document.activeElement?.dataset.testid'), { timeout: UI_TIMEOUT }).toBe('new-recovery-copy');
      await page.keyboard.press('Escape');
      expect(await shown.isVisible()).toBe(true);
      // From here by keyboard alone: Enter copies, Tab and Space acknowledge, Tab and Enter close.
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate('navigator.clipboard.readText()'), { timeout: UI_TIMEOUT }).toBe(newKey);
      expect(await rotate.getByTestId('new-recovery-done').isDisabled()).toBe(true);
      await tab.screenshot('security-new-recovery-key');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await rotate.getByTestId('new-recovery-stored').isChecked()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await rotate.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await expect.poll(() => page.getByTestId('keys-rotated').textContent(), { timeout: UI_TIMEOUT }).not.toBe('With the store');
      // The key left the page with the dialog.
      expect(await page.content()).not.toContain(newKey);

      // The dark scheme, on the same tab.
      await page.getByTestId('theme-toggle').click();
      await expect.poll(() => colorScheme(page)).toBe('dark');
      await quiet(page);
      await tab.screenshot('security-keys-dark');
      tab.expectClean();
      await tab.close();

      // After a restart only the new passphrase and the new recovery key open the store.
      await app().restart();
      expect((await callError(app().core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
      expect((await callError(app().core, 'store.unlock', { method: 'recovery', recoveryKey: firstRecoveryKey })).code).toBe('WRONG_RECOVERY_KEY');
      await call(app().core, 'store.unlock', { method: 'passphrase', passphrase: NEW_PASSPHRASE });
      await call(app().core, 'store.lock', {});
      await call(app().core, 'store.unlock', { method: 'recovery', recoveryKey: newKey });
    },
    SPEC_TIMEOUT,
  );

  it(
    'offers a passphrase when the store was opened by its recovery key alone, and the next start takes it',
    async () => {
      expect(newKey, 'the recovery key the test before made').not.toBe('');
      // No keychain and a lost manifest: only the recovery key opens the store.
      await app().restart((dataDir) => rmSync(join(dataDir, 'hearken.json')));
      await call(app().core, 'store.unlock', { method: 'recovery', recoveryKey: newKey });
      expect((await call(app().core, 'keys.status', {})).recoveredWithoutManifest).toBe(true);
      const tab = await app().open({ ready: 'feedback-row' });
      const { page } = tab;
      await page.getByTestId('security-link').click();
      const notice = page.getByTestId('recovered-notice');
      await notice.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await notice.textContent()).toContain('The next start will ask for the recovery key again');
      await quiet(page);
      await tab.screenshot('security-recovered-notice');

      await notice.getByTestId('recovered-notice-action').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('passphrase-new').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await dialog.getByTestId('passphrase-new').fill(RECOVERED_PASSPHRASE);
      await dialog.getByTestId('passphrase-confirm').fill(`${RECOVERED_PASSPHRASE}!`);
      await dialog.getByTestId('key-dialog-submit').click();
      await dialog.getByText('The two passphrases differ. Type the same one twice.').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await dialog.getByTestId('passphrase-confirm').fill(RECOVERED_PASSPHRASE);
      // A failure other than a wrong passphrase is said inside the dialog, which stays open.
      app().failNext('keys.moveToPassphrase', 'DATABASE_LOCKED');
      await dialog.getByTestId('key-dialog-submit').click();
      await expect.poll(() => dialog.getByTestId('key-dialog-error').textContent(), { timeout: UI_TIMEOUT }).toContain('The store is busy');
      await dialog.getByTestId('key-dialog-submit').click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await notice.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await expect.poll(() => page.getByTestId('keys-source').getAttribute('data-source'), { timeout: UI_TIMEOUT }).toBe('passphrase');
      expect(await call(app().core, 'keys.status', {})).toMatchObject({ keySource: 'passphrase', recoveredWithoutManifest: false });
      tab.expectClean();
      await tab.close();

      // The next start asks for the passphrase, not the recovery key.
      await app().restart();
      expect((await call(app().core, 'store.status', {})).keySource).toBe('passphrase');
      await call(app().core, 'store.unlock', { method: 'passphrase', passphrase: RECOVERED_PASSPHRASE });
    },
    SPEC_TIMEOUT,
  );
});
