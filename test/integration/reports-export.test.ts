/**
 * Report exports through the core on a real encrypted store: HTML, XLSX, a folder of CSV
 * tables and a PDF written through grants (and a dialog), each audited by format and file
 * name; PDF without a printer refused with what is available; the per-conversation rows as
 * a job with progress; and the scheduler on an injected clock: a due run writes its files
 * once, never over an existing file, and a missing folder is a clear lastRun error.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumPrinter, findChromium } from '../../src/main/core/reports/pdf';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import type { CoreDialogs } from '../../src/main/core/types';
import type { EventName } from '../../src/shared/contract';
import type { ReportScopeInput } from '../../src/shared/reports/schema';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';
import { makeTempCore, type TempCore } from '../support/core';

const iso = (s: string): number => Date.parse(s);
const DAY = 86_400_000;
// Monday 30 November 2026, 05:30 UTC (06:30 in Berlin): the demo inbox is dated back from here.
let now = iso('2026-11-30T05:30:00Z');
const out = mkdtempSync(join(tmpdir(), 'hearken-reports-export-'));
const scheduled = join(out, 'scheduled');
mkdirSync(scheduled);

const asked: { savePath: string[]; folder: number } = { savePath: [], folder: 0 };
let nextSavePath: string | null = null;
let nextFolder: string | null = null;
const dialogs: CoreDialogs = {
  chooseImportFiles: () => Promise.resolve([]),
  chooseSavePath: (name) => {
    asked.savePath.push(name);
    return Promise.resolve(nextSavePath);
  },
  chooseOpenFile: () => Promise.resolve(null),
  chooseFolder: () => {
    asked.folder++;
    return Promise.resolve(nextFolder);
  },
};

let temp: TempCore;
let raw: DB;
const events: { name: EventName; payload: unknown }[] = [];
// The last 30 local days in Berlin before today (the 30th).
const scope: ReportScopeInput = { from: iso('2026-10-30T23:00:00Z'), to: iso('2026-11-29T23:00:00Z'), compare: { kind: 'previous' } };

beforeAll(async () => {
  // The scheduler checks on a one-minute interval; the test moves that interval, and the clock, itself.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now, dialogs } });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: 'report exports passphrase' });
  await call(temp.core, 'demo.load', {});
  const sla = await call(temp.core, 'sla.get', {});
  await call(temp.core, 'sla.save', { ...sla, calendar: { ...sla.calendar, timeZone: 'Europe/Berlin' } });
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
}, 120_000);
afterAll(async () => {
  vi.useRealTimers();
  raw.close();
  await temp.cleanup();
  rmSync(out, { recursive: true, force: true });
});

function audits(action: string): unknown[] {
  return (raw.prepare('SELECT detail FROM audit_events WHERE action = ? ORDER BY rowid').all(action) as { detail: string }[]).map((r) => JSON.parse(r.detail));
}

describe('reports.export', () => {
  it('writes HTML through a write grant, audited by format and file name only', async () => {
    const path = join(out, 'november.html');
    const done = await call(temp.core, 'reports.export', { scope, format: 'html', grant: await grantOf(temp.core, path, 'write') });
    expect(done).toEqual({ fileName: 'november.html', files: ['november.html'] });
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('data-table="summary"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(audits('report.exported')).toEqual([{ format: 'html', file: 'november.html', files: 1 }]);
  });

  it('writes XLSX with a sheet per table, and a folder of CSV tables through a folder grant', async () => {
    const xlsx = join(out, 'november.xlsx');
    expect(await call(temp.core, 'reports.export', { scope, format: 'xlsx', grant: await grantOf(temp.core, xlsx, 'write') })).toEqual({ fileName: 'november.xlsx', files: ['november.xlsx'] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.getWorksheet('summary')?.getRow(2).getCell(1).value).toBe('Items');

    const folder = join(out, 'november-csv');
    const csv = await call(temp.core, 'reports.export', { scope, format: 'csv', grant: await grantOf(temp.core, folder, 'write-folder') });
    expect(csv.fileName).toBe('november-csv');
    expect(csv.files).toEqual(readdirSync(folder).map((f) => `november-csv/${f}`).sort((a, b) => csv.files.indexOf(a) - csv.files.indexOf(b)));
    expect(csv.files).toEqual(expect.arrayContaining(['november-csv/summary.csv', 'november-csv/topics.csv', 'november-csv/volume-by-channel.csv']));
    expect(readFileSync(join(folder, 'summary.csv'), 'utf8').split('\n')[0]).toMatch(/^\uFEFFFigure,/);
    expect(audits('report.exported').slice(1)).toEqual([
      { format: 'xlsx', file: 'november.xlsx', files: 1 },
      { format: 'csv', file: 'november-csv', files: csv.files.length },
    ]);
  });

  it('a grant is for its purpose: a file grant never opens a folder for CSV, nor a folder grant a file', async () => {
    expect(await callError(temp.core, 'reports.export', { scope, format: 'csv', grant: await grantOf(temp.core, join(out, 'x.csv'), 'write') })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
    expect(await callError(temp.core, 'reports.export', { scope, format: 'html', grant: await grantOf(temp.core, join(out, 'folder-grant'), 'write-folder') })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
    expect(await temp.core.grantFile(join(out, 'november.html'), 'write-folder')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'november.html is a file; choose a folder to write into.' } });
  });

  it('without a grant asks the host: a save dialog with a dated name, a folder for CSV; cancelled writes nothing', async () => {
    nextSavePath = null;
    expect(await call(temp.core, 'reports.export', { scope, format: 'xlsx' })).toEqual({ fileName: null, files: [] });
    expect(asked.savePath).toEqual(['hearken-report-2026-10-31-to-2026-11-29.xlsx']);
    nextSavePath = join(out, 'from-dialog.html');
    expect(await call(temp.core, 'reports.export', { scope, format: 'html', basis: 'calendar' })).toEqual({ fileName: 'from-dialog.html', files: ['from-dialog.html'] });
    nextFolder = null;
    expect(await call(temp.core, 'reports.export', { scope, format: 'csv' })).toEqual({ fileName: null, files: [] });
    expect(asked.folder).toBe(1);
  });

  it('PDF without a printer: PRINT_UNAVAILABLE before any dialog, saying what is available', async () => {
    const before = asked.savePath.length;
    const error = await callError(temp.core, 'reports.export', { scope, format: 'pdf' });
    expect(error.code).toBe('PRINT_UNAVAILABLE');
    expect(error.message).toMatch(/HTML, XLSX and CSV exports are available/);
    expect(asked.savePath).toHaveLength(before);
    const path = join(out, 'never.pdf');
    expect(await callError(temp.core, 'reports.export', { scope, format: 'pdf', grant: await grantOf(temp.core, path, 'write') })).toMatchObject({ code: 'PRINT_UNAVAILABLE' });
    expect(existsSync(path)).toBe(false);
  });

  const chromium = findChromium();
  it.skipIf(chromium === null)('PDF through the printer given in CoreOptions (the CLI’s Chromium)', async () => {
    const printer = chromiumPrinter(chromium!);
    const other = await makeTempCore({ secrets: new NoSecretStore(), core: { printToPdf: printer } });
    try {
      await call(other.core, 'store.create', { passphrase: 'a printing store passphrase' });
      const path = join(out, 'empty.pdf');
      expect(await call(other.core, 'reports.export', { scope, format: 'pdf', grant: await grantOf(other.core, path, 'write') })).toEqual({ fileName: 'empty.pdf', files: ['empty.pdf'] });
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await call(other.core, 'reports.schedule.get', {})).pdfAvailable).toBe(true);
    } finally {
      await other.cleanup();
      await printer.close();
    }
  }, 120_000);
});

describe('export.rows', () => {
  it('writes every conversation as a job with export.progress, and answers with the count when the file is whole', async () => {
    const { total } = await call(temp.core, 'feedback.stats', {});
    events.length = 0;
    const path = join(out, 'rows.csv');
    const done = await call(temp.core, 'export.rows', { filter: {}, format: 'csv', grant: await grantOf(temp.core, path, 'write') });
    expect(done).toEqual({ fileName: 'rows.csv', count: total });
    const progress = events.filter((e) => e.name === 'export.progress').map((e) => e.payload as { state: string; done: number; total: number; fileName: string | null });
    expect(progress[0]).toMatchObject({ state: 'running', done: 0, total, fileName: null });
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: total, total, fileName: 'rows.csv', error: null });
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(total * 20);
    expect(audits('export.rows')).toEqual([{ format: 'csv', file: 'rows.csv', count: total }]);
  });

  it('a view’s filter: as many rows as the view counts, as JSON lines', async () => {
    const filter = { channel: ['chat' as const] };
    const count = (await call(temp.core, 'feedback.stats', {})).byChannel.chat ?? 0;
    expect(count).toBeGreaterThan(10);
    const path = join(out, 'chat.jsonl');
    expect(await call(temp.core, 'export.rows', { filter, format: 'jsonl', grant: await grantOf(temp.core, path, 'write') })).toEqual({ fileName: 'chat.jsonl', count });
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(count);
  });
});

describe('scheduled exports', () => {
  const ran = (): { at: number; files: string[]; error: string | null }[] => events.filter((e) => e.name === 'reports.scheduled').map((e) => e.payload as never);
  /** One minute of the scheduler's interval; when a run is expected, until it has ended (its event). */
  async function minute(expectRun: boolean): Promise<void> {
    const before = ran().length;
    vi.advanceTimersByTime(60_000);
    const tries = expectRun ? 1200 : 80;
    for (let i = 0; i < tries && ran().length === before; i++) await new Promise((r) => setTimeout(r, 25));
  }

  it('the folder comes from the dialog only, never typed into save', async () => {
    expect(await callError(temp.core, 'reports.schedule.save', { folder: '/etc' })).toMatchObject({ code: 'VALIDATION' });
    nextFolder = scheduled;
    const status = await call(temp.core, 'reports.schedule.chooseFolder', {});
    expect(status.schedule.folder).toBe(scheduled);
    expect(status).toMatchObject({ lastRun: null, nextRunAt: null, pdfAvailable: false });
  });

  it('turned on at 06:30 Berlin for 07:00 daily, writes the previous day once when it is due, PDF skipped and said so', async () => {
    const status = await call(temp.core, 'reports.schedule.save', { enabled: true, cadence: 'daily', hour: 7, formats: ['html', 'xlsx', 'pdf'], includeRows: true, compare: 'previous' });
    expect(status.nextRunAt).toBe(iso('2026-11-30T06:00:00Z'));

    events.length = 0;
    now = iso('2026-11-30T05:59:00Z');
    await minute(false);
    expect(ran()).toEqual([]);
    expect(readdirSync(scheduled)).toEqual([]);

    now = iso('2026-11-30T06:00:30Z');
    await minute(true);
    expect(ran()).toHaveLength(1);
    const run = ran()[0]!;
    expect(run.at).toBe(now);
    expect(run.files).toEqual(['hearken-report-2026-11-29.html', 'hearken-report-2026-11-29.xlsx', 'hearken-rows-2026-11-29.csv']);
    expect(run.error).toMatch(/^PDF was skipped: there is no printer here/);
    expect(readdirSync(scheduled).sort()).toEqual([...run.files].sort());
    expect(readFileSync(join(scheduled, 'hearken-report-2026-11-29.html'), 'utf8')).toContain('data-table="summary"');

    const status2 = await call(temp.core, 'reports.schedule.get', {});
    expect(status2.lastRun).toEqual(run);
    expect(status2.nextRunAt).toBe(iso('2026-12-01T06:00:00Z'));
    expect(audits('report.scheduled')).toEqual([{ period: '2026-11-29', files: run.files, error: run.error }]);

    // Later the same day: nothing more is due.
    now = iso('2026-11-30T09:00:00Z');
    await minute(false);
    expect(ran()).toHaveLength(1);
  }, 60_000);

  it('the next day never replaces a file of the same name: it adds a suffix', async () => {
    writeFileSync(join(scheduled, 'hearken-report-2026-11-30.html'), 'mine');
    await call(temp.core, 'reports.schedule.save', { formats: ['html'], includeRows: false });
    now = iso('2026-12-01T06:05:00Z');
    await minute(true);
    expect(ran()).toHaveLength(2);
    expect(ran()[1]).toEqual({ at: now, files: ['hearken-report-2026-11-30-2.html'], error: null });
    expect(readFileSync(join(scheduled, 'hearken-report-2026-11-30.html'), 'utf8')).toBe('mine');
  }, 60_000);

  it('a folder that is gone: a clear error in lastRun and the event, no crash, and the next run works again', async () => {
    const gone = join(out, 'gone');
    mkdirSync(gone);
    nextFolder = gone;
    await call(temp.core, 'reports.schedule.chooseFolder', {});
    rmSync(gone, { recursive: true });
    const status = await call(temp.core, 'reports.schedule.runNow', {});
    expect(status.lastRun).toEqual({
      at: now,
      files: [],
      error: `The folder for scheduled exports, ${gone}, does not exist. Choose another folder under Reports → Schedule, or make it writable.`,
    });
    expect(ran().at(-1)).toEqual(status.lastRun);

    nextFolder = scheduled;
    await call(temp.core, 'reports.schedule.chooseFolder', {});
    const again = await call(temp.core, 'reports.schedule.runNow', {});
    // Run now writes the last full day before now (1 December, 06:05 → 30 November), beside the file already there.
    expect(again.lastRun).toEqual({ at: now, files: ['hearken-report-2026-11-30-3.html'], error: null });
    expect(now + DAY).toBeGreaterThan(again.nextRunAt!);
  }, 60_000);
});
