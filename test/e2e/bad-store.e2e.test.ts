/**
 * The window's answer to a store it cannot open: a plain SQLite file or a damaged store at
 * the database path gets the problem screen with a message that says what to do, never a
 * setup screen, and the file stays byte-for-byte as it was.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { Database } from '../../src/main/core/store/db';
import { sha256 } from '../helpers/results';
import { PASSPHRASE, SETUP_TIMEOUT, startApp, type App } from '../support/e2e';

let running: App | undefined;

afterEach(async () => {
  const app = running;
  running = undefined;
  await app?.close();
}, SETUP_TIMEOUT);

/** A passphrase store with the demo inbox, closed, then damaged by `damage`, then opened again. */
async function damagedStore(damage: (dbFile: string) => void): Promise<{ app: App; dbFile: string; digest: string }> {
  const app = (running = await startApp({ secrets: new NoSecretStore() }));
  const dbFile = join(app.temp.dataDir, 'hearken.db');
  await app.restart(() => damage(dbFile));
  return { app, dbFile, digest: sha256(dbFile) };
}

describe('a store the app cannot open', () => {
  it('a plain SQLite file: the problem screen at once, file untouched', async () => {
    const { app, dbFile, digest } = await damagedStore((file) => {
      rmSync(file);
      const plain = new Database(file);
      plain.exec("CREATE TABLE notes(x); INSERT INTO notes VALUES ('hello')");
      plain.close();
    });
    const tab = await app.open({ ready: null });
    const problem = tab.page.getByTestId('problem');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await problem.innerText()).toMatch(/plain, unencrypted SQLite database.*untouched/s);
    await expect.poll(() => tab.page.getByTestId('setup-create').count()).toBe(0);
    await tab.screenshot('problem-plain-sqlite');
    expect(sha256(dbFile)).toBe(digest);
    expect(tab.offHostRequests).toEqual([]);
    await tab.close();
  });

  it('a damaged store: the passphrase is right, so the problem screen replaces the unlock screen', async () => {
    const { app, dbFile, digest } = await damagedStore((file) => {
      const bytes = readFileSync(file);
      bytes.fill(0, 0, 4096);
      writeFileSync(file, bytes);
    });
    const tab = await app.open({ ready: null });
    const field = tab.page.getByTestId('unlock-passphrase');
    await field.waitFor({ state: 'visible', timeout: 30_000 });
    await field.fill(PASSPHRASE);
    await tab.page.getByTestId('unlock-submit').click();
    const problem = tab.page.getByTestId('problem');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await problem.innerText()).toMatch(/damaged or is not a Hearken database.*untouched.*backup/s);
    await tab.screenshot('problem-damaged-store');
    expect(sha256(dbFile)).toBe(digest);
    await tab.close();
  });
});
