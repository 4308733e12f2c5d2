/**
 * Import, end to end: the built renderer in Chromium over the loopback bridge, a real core
 * on a temporary encrypted store. Only the OS file dialogs are replaced (the core's
 * `dialogs`), and Electron's drop route (the bridge's stand-in over `dropDir`). Files reach
 * the page as grants, the way the app hands them over: the page never holds a path.
 */
import { readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/results';
import { repoRoot } from '../support/browser';
import { UI_TIMEOUT, useApp } from '../support/e2e';
import { expectShownCount } from './inbox-helpers';

const SPEC_TIMEOUT = 120_000;
const fixtureDir = join(repoRoot, 'test', 'fixtures', 'e2e');
const surveyCsv = join(fixtureDir, 'survey-export.csv');

/** What the next "Import…" dialog answers; set by each spec. */
let chooseNext: string[] = [];
const savedReports: string[] = [];

const app = useApp({
  seed: 'empty',
  dropDir: fixtureDir,
  core: {
    dialogs: {
      chooseImportFiles: () => Promise.resolve(chooseNext),
      chooseSavePath: (defaultName) => {
        const path = join(app().scratch, defaultName);
        savedReports.push(path);
        return Promise.resolve(path);
      },
      chooseOpenFile: () => Promise.resolve(null),
    },
  },
});

function mappingRow(page: Page, column: string) {
  return page.locator(`[data-testid="mapping-row"][data-column="${column}"]`);
}

/** Opens the column's "Import as" list and picks `label`; waits until the row says `target`. */
async function chooseTarget(page: Page, column: string, label: string, target: string): Promise<void> {
  await mappingRow(page, column).getByTestId('mapping-select').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await expect.poll(() => mappingRow(page, column).getAttribute('data-target')).toBe(target);
}

async function countOf(page: Page, key: 'read' | 'imported' | 'duplicates' | 'failed'): Promise<number> {
  return Number(await page.getByTestId('import-report').getByTestId(`count-${key}`).getAttribute('data-value'));
}

async function waitForReport(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="import-report"][data-state="${state}"]`).waitFor({ state: 'visible', timeout: 60_000 });
}

describe('importing feedback', () => {
  it(
    'maps a survey CSV with one correction, imports it, reports it, exports the report, and lists the items',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      // Every answer the page gets, to check that no file's path reaches it.
      const answers: Promise<string>[] = [];
      const listen = (response: Response): void => {
        if (new URL(response.url()).pathname === '/__hearken/invoke') answers.push(response.text());
      };
      page.on('response', listen);
      // An empty store offers the import beside the demo.
      await page.getByTestId('empty-import').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      chooseNext = [surveyCsv];
      await page.getByTestId('empty-import').click();

      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('import-file-name').textContent()).toBe('survey-export.csv');
      expect(await page.getByTestId('import-detected-format').textContent()).toBe('CSV');
      expect(await page.getByTestId('import-file-details').textContent()).toContain('Comma-separated');
      // The guess: names matched, notes left out, and "Plan" taken for the product.
      expect(await mappingRow(page, 'Your feedback').getAttribute('data-target')).toBe('body');
      expect(await mappingRow(page, 'Email').getAttribute('data-target')).toBe('customerEmail');
      expect(await mappingRow(page, 'Submitted').getAttribute('data-target')).toBe('receivedAt');
      expect(await mappingRow(page, 'Internal notes').getAttribute('data-target')).toBe('skip');
      expect(await mappingRow(page, 'Plan').getAttribute('data-target')).toBe('product');

      // The one correction: Plan holds the customer's tier, not a product.
      await chooseTarget(page, 'Plan', 'Customer tier', 'tier');
      expect(await mappingRow(page, 'Plan').getAttribute('data-target')).toBe('tier');
      // The picture starts at the first column, with no focus ring left on a field.
      await page.evaluate(`(() => {
        document.activeElement && document.activeElement.blur();
        document.querySelectorAll('[data-testid="import-mapping"] .mantine-ScrollArea-viewport').forEach((v) => v.scrollTo(0, 0));
      })()`);
      await tab.screenshot('import-mapping');

      // Without a message column there is nothing to import, and the window says why.
      await chooseTarget(page, 'Your feedback', 'Don’t import', 'skip');
      await expect.poll(() => page.getByTestId('import-start').isDisabled()).toBe(true);
      expect(await page.getByTestId('mapping-problem').textContent()).toContain('Message');
      await chooseTarget(page, 'Your feedback', 'Message', 'body');
      await expect.poll(() => page.getByTestId('import-start').isDisabled()).toBe(false);

      await page.getByTestId('import-start').click();
      await waitForReport(page, 'done');
      expect(await countOf(page, 'read')).toBe(12);
      expect(await countOf(page, 'imported')).toBe(10);
      expect(await countOf(page, 'duplicates')).toBe(1);
      expect(await countOf(page, 'failed')).toBe(1);
      expect(await page.getByTestId('import-summary').textContent()).toBe('Imported 10 items. 1 was already in your inbox. 1 row could not be read.');
      const failedRow = page.locator('[data-testid="import-problem"][data-kind="failed"]');
      await failedRow.first().waitFor({ state: 'visible' });
      const failedLine = Number(await failedRow.first().getAttribute('data-line'));
      expect(failedLine).toBe(8);
      await tab.screenshot('import-report');

      // Export: the core asks where (the test answers a temp path) and writes the CSV.
      await page.getByTestId('import-export').click();
      await page.getByTestId('import-exported').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const exported = savedReports.at(-1);
      expect(exported).toBeDefined();
      expect(await page.getByTestId('import-exported').textContent()).toBe('Saved survey-export-import-report.csv');
      const csv = readFileSync(exported!, 'utf8').split(/\r?\n/);
      expect(csv[0]).toBe('file,format,state,read,imported,duplicates,failed,skipped,problems,problems_listed,error');
      expect(csv[1]).toMatch(/^survey-export\.csv,csv,done,12,10,1,1,0,2,2,$/);
      expect(csv[3]).toBe('line,kind,reason');
      expect(csv.some((line) => line.startsWith(`${failedLine},failed,`))).toBe(true);
      expect(csv.some((line) => /^\d+,duplicate,/.test(line))).toBe(true);

      // Done: the list shows what landed, tier corrected on the way in.
      await page.getByTestId('import-done').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'hidden' }).catch(() => undefined);
      const inInbox = (await call(app().core, 'feedback.count', { filter: { status: ['open', 'pending'] } })).total;
      expect(inInbox).toBe(10);
      await expectShownCount(page, 10);
      await page.getByTestId('feedback-row').filter({ hasText: 'Amara Okafor' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('feedback-row').filter({ hasText: 'Grace Kim' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const page1 = await call(app().core, 'feedback.list', { filter: { query: 'SSO' } });
      expect(page1.items).toHaveLength(1);
      const detail = await call(app().core, 'feedback.get', { id: page1.items[0]!.id });
      expect(detail.customer?.tier).toBe('vip');
      // The page named the files by grant and saw their names, never where they are.
      // Stop collecting first: an answer that arrives while the tab closes is never read, and
      // its body promise would be rejected with nobody waiting for it.
      page.off('response', listen);
      const seen = await Promise.all(answers);
      expect(seen.some((text) => text.includes('"grant"'))).toBe(true);
      expect(seen.filter((text) => text.includes(fixtureDir) || text.includes(app().scratch))).toEqual([]);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'importing the same file again adds nothing and says so, with the saved mapping',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await expectShownCount(page, 10);
      chooseNext = [surveyCsv];
      // Ctrl/Cmd+I from the inbox.
      await page.locator('body').click({ position: { x: 5, y: 700 } });
      await page.keyboard.press('Control+i');
      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('saved-mapping-note').waitFor({ state: 'visible' });
      expect(await mappingRow(page, 'Plan').getAttribute('data-target')).toBe('tier');
      await page.getByTestId('import-start').click();
      await waitForReport(page, 'done');
      expect(await countOf(page, 'imported')).toBe(0);
      expect(await countOf(page, 'duplicates')).toBe(11);
      expect(await page.getByTestId('import-summary').textContent()).toBe(
        '0 new items — every row that could be read is already in your inbox. 1 row could not be read.',
      );
      await page.getByTestId('import-done').click();
      expect((await call(app().core, 'feedback.count', { filter: {} })).total).toBe(10);
      await expectShownCount(page, 10);
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'a wide file shows every column in the mapping step, each with three sample values',
    async () => {
      // 14 columns, more than the table shows at once; every column has distinct values in its first rows.
      const values: Record<string, string[]> = {
        Ticket: ['T-1001', 'T-1002', 'T-1003', 'T-1004'],
        Created: ['2025-03-03 08:12', '2025-03-03 09:40', '2025-03-04 14:05', '2025-03-05 17:30'],
        Customer: ['Amara Okafor', 'Lukas Brandt', 'Chloé Blanc', 'Kenji Sato'],
        Email: ['amara@example.com', 'lukas@example.de', 'chloe@example.fr', 'kenji@example.jp'],
        Country: ['Nigeria', 'Germany', 'France', 'Japan'],
        Plan: ['Premium', 'Standard', 'Free', 'Team'],
        Seats: ['12', '3', '1', '40'],
        Score: ['2', '5', '4', '1'],
        Source: ['Web form', 'Mobile app', 'In-app survey', 'Partner portal'],
        Agent: ['Sam Rivera', 'Priya Shah', 'Tom Weber', 'Ana Lima'],
        Labels: ['billing', 'login', 'export', 'billing;refund'],
        Order: ['#88121', '#88130', '#88144', '#88152'],
        Device: ['iPhone 15', 'Pixel 8', 'MacBook Air', 'ThinkPad X1'],
        Message: [
          'The invoice for March charged us twice, can someone look at it?',
          'I cannot log in since the update, the code never arrives.',
          'Exporting to CSV stops at 10,000 rows without a word.',
          'Please refund the second charge, we only have one workspace.',
        ],
      };
      const header = Object.keys(values);
      const quote = (v: string): string => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const rows = [0, 1, 2, 3].map((r) => header.map((column) => quote(values[column]![r]!)).join(','));
      const wide = join(app().scratch, 'wide-export.csv');
      writeFileSync(wide, `${header.join(',')}\n${rows.join('\n')}\n`);
      for (const scheme of ['light', 'dark'] as const) {
        const tab = await app().open({ colorScheme: scheme });
        const { page } = tab;
        chooseNext = [wide];
        await page.getByTestId('import-open').click();
        await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        expect(await page.getByTestId('mapping-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column')))).toEqual(header);
        expect(await page.getByTestId('mapping-column-count').textContent()).toBe('14 columns');
        for (const column of header) {
          const samples = mappingRow(page, column).getByTestId('mapping-sample');
          expect(await samples.count(), column).toBe(3);
          const titles = await samples.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title')));
          expect(titles, `${column}: the first three values, whole in their titles`).toEqual(values[column]!.slice(0, 3));
        }
        // The table scrolls, says so, and reaches the last column.
        const frame = page.getByTestId('mapping-frame');
        expect(await frame.getAttribute('data-more-below')).toBe('true');
        if (scheme === 'light') await tab.screenshot('import-mapping-wide', { bothSizes: true });
        else await tab.screenshot('import-mapping-wide-dark', { bothSizes: true });
        await mappingRow(page, 'Message').scrollIntoViewIfNeeded();
        await expect.poll(() => mappingRow(page, 'Message').isVisible()).toBe(true);
        await expect.poll(() => frame.getAttribute('data-more-below')).toBeNull();
        await page.keyboard.press('Escape');
        await page.getByTestId('import-mapping').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
        tab.expectClean();
        await tab.close();
      }
    },
    SPEC_TIMEOUT,
  );

  it(
    'a file that is not what it claims shows why, and another file can be chosen',
    async () => {
      const broken = join(app().scratch, 'export.csv');
      writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]));
      const tab = await app().open();
      const { page } = tab;
      chooseNext = [broken];
      await page.getByTestId('import-open').click();
      await page.getByTestId('import-unreadable').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('import-unreadable-file').textContent()).toBe('export.csv');
      const message = (await page.getByTestId('import-error-message').textContent()) ?? '';
      expect(message.length).toBeGreaterThan(10);
      await tab.screenshot('import-unreadable');

      chooseNext = [surveyCsv];
      await page.getByTestId('import-unreadable').getByTestId('import-choose-another').click();
      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.keyboard.press('Escape');
      await page.getByTestId('import-mapping').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'a file dropped on the window opens the mapping step',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      const drop = async (type: 'dragenter' | 'dragover' | 'drop'): Promise<void> => {
        // A string, as the test runs under Node's types: this code runs in the page.
        await page.evaluate(`(() => {
          const data = new DataTransfer();
          data.items.add(new File(['x'], 'survey-export.csv', { type: 'text/csv' }));
          document.querySelector('main').dispatchEvent(new DragEvent('${type}', { bubbles: true, cancelable: true, dataTransfer: data }));
        })()`);
      };
      await drop('dragenter');
      await drop('dragover');
      await page.getByTestId('drop-overlay').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await tab.screenshot('import-drop');
      await drop('drop');
      await page.getByTestId('drop-overlay').waitFor({ state: 'hidden' });
      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('import-file-name').textContent()).toBe('survey-export.csv');
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByTestId('import-mapping').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // A page that names a path, or makes up a File, gets nothing to open.
      expect(await page.evaluate(`window.hearken.invoke('import.preview', { grant: ${JSON.stringify(surveyCsv)} })`)).toMatchObject({
        ok: false,
        error: { code: 'FILE_NOT_GRANTED' },
      });
      expect(await page.evaluate(`window.hearken.invoke('import.preview', { path: ${JSON.stringify(surveyCsv)} })`)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(await page.evaluate(`window.hearken.grantDroppedFiles([new File(['x'], '../e2e/survey-export.csv')])`)).toEqual({ ok: true, value: [] });
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'File > Import… in the app menu opens the mapping step with the chosen file',
    async () => {
      const tab = await app().open();
      const { page } = tab;
      await expect.poll(() => app().pageListeners(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      // Main shows the dialog, the core grants what was chosen, and the page gets the grants.
      app().pushFromMain('import.requested', { files: await app().grantFromMain([surveyCsv]) });
      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      expect(await page.getByTestId('import-file-name').textContent()).toBe('survey-export.csv');
      await page.keyboard.press('Escape');
      await page.getByTestId('import-mapping').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );

  it(
    'a big import runs in the background, and cancelling keeps what was committed',
    async () => {
      const big = join(app().scratch, 'big-survey.csv');
      await writeBigCsv(big, 300_000);
      const tab = await app().open();
      const { page } = tab;
      const before = (await call(app().core, 'feedback.count', { filter: {} })).total;
      chooseNext = [big];
      await page.getByTestId('import-open').click();
      await page.getByTestId('import-mapping').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Put away: the nav follows the import while the agent works.
      await page.getByTestId('import-hide').click();
      const card = page.locator('[data-testid="import-status-card"][data-state="running"]');
      await card.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      await expect.poll(async () => Number((await page.getByTestId('feedback-count').textContent())?.replace(/[^\d]/g, '')), { timeout: 30_000 }).toBeGreaterThan(before);
      await tab.screenshot('import-running');
      await card.getByTestId('import-status-show').click();
      await page.getByTestId('import-cancel').click();
      await waitForReport(page, 'cancelled');
      await page.getByTestId('import-cancelled-note').waitFor({ state: 'visible' });
      const imported = await countOf(page, 'imported');
      expect(imported).toBeGreaterThan(0);
      expect(imported).toBeLessThan(300_000);
      expect((await call(app().core, 'feedback.count', { filter: {} })).total).toBe(before + imported);
      await page.getByTestId('import-done').click();
      tab.expectClean();
      await tab.close();
    },
    SPEC_TIMEOUT,
  );
});

/** Rows of plausible feedback, streamed to disk. */
async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve())));
  await write('Ticket ID,Created at,Customer name,Email,Message\n');
  const phrases = ['The app crashes when I upload a photo.', 'Billing charged me twice this month.', 'Love the new dashboard, thanks!', 'Search is slow on big workspaces.'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    await write(`BIG-${i},2024-02-${day} 10:${String(i % 60).padStart(2, '0')},Customer ${i},c${i}@example.com,"${phrases[i % phrases.length]} (#${i})"\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
