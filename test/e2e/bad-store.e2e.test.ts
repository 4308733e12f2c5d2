/**
 * The window's answer to a store it cannot open: a plain SQLite file or a damaged store at
 * the database path gets the problem screen with a message that says what to do, never a
 * setup screen, and the file stays byte-for-byte as it was.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { Database } from '../../src/main/core/store/db';
import { startBridge, type Bridge } from '../support/bridge-server';
import { launchBrowser, openPage, repoRoot, screenshot } from '../support/browser';
import { makeTempCore, type TempCore } from '../support/core';
import { call, sha256 } from '../helpers/results';

const rendererDir = join(repoRoot, 'out', 'renderer');
const PASSPHRASE = 'correct horse battery staple';
let browser: Browser;
let temp: TempCore | undefined;
let bridge: Bridge | undefined;

beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The built renderer is missing. Run `npm run build` first.');
  browser = await launchBrowser();
});
afterAll(() => browser.close());
afterEach(async () => {
  await bridge?.close();
  await temp?.cleanup();
  bridge = undefined;
  temp = undefined;
});

/** A passphrase store with the demo inbox, closed, then damaged by `damage`. */
async function damagedStore(damage: (dbFile: string) => void): Promise<{ dbFile: string; digest: string }> {
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  await call(temp.core, 'demo.load', {});
  temp.core.close();
  const dbFile = join(temp.dataDir, 'hearken.db');
  damage(dbFile);
  await temp.reopen();
  bridge = await startBridge({ core: temp.core, rendererDir });
  return { dbFile, digest: sha256(dbFile) };
}

describe('a store the app cannot open', () => {
  it('a plain SQLite file: the problem screen at once, file untouched', async () => {
    const { dbFile, digest } = await damagedStore((file) => {
      rmSync(file);
      const plain = new Database(file);
      plain.exec("CREATE TABLE notes(x); INSERT INTO notes VALUES ('hello')");
      plain.close();
    });
    const tab = await openPage(browser, `${bridge!.url}#token=${bridge!.token}`);
    const problem = tab.page.getByTestId('problem');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await problem.innerText()).toMatch(/plain, unencrypted SQLite database.*untouched/s);
    await expect.poll(() => tab.page.getByTestId('setup-create').count()).toBe(0);
    await screenshot(tab.page, 'problem-plain-sqlite');
    expect(sha256(dbFile)).toBe(digest);
    expect(tab.offHostRequests).toEqual([]);
    await tab.close();
  });

  it('a damaged store: the passphrase is right, so the problem screen replaces the unlock screen', async () => {
    const { dbFile, digest } = await damagedStore((file) => {
      const bytes = readFileSync(file);
      bytes.fill(0, 0, 4096);
      writeFileSync(file, bytes);
    });
    const tab = await openPage(browser, `${bridge!.url}#token=${bridge!.token}`);
    const field = tab.page.getByTestId('unlock-passphrase');
    await field.waitFor({ state: 'visible', timeout: 30_000 });
    await field.fill(PASSPHRASE);
    await tab.page.getByTestId('unlock-submit').click();
    const problem = tab.page.getByTestId('problem');
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await problem.innerText()).toMatch(/damaged or is not a Hearken database.*untouched.*backup/s);
    await screenshot(tab.page, 'problem-damaged-store');
    expect(sha256(dbFile)).toBe(digest);
    await tab.close();
  });
});
