/**
 * Import through the core's channels: a real encrypted store in a temp folder, real files
 * through the real readers, progress and change events, cancel, lock, saved mappings and
 * the stored, exportable report.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core, CoreDialogs, HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import type { EventPayload, ImportReport } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError, writeSyntheticCsv } from '../helpers/results';

const BATCH = 500;
const ROWS = 2_300;
const files = mkdtempSync(join(tmpdir(), 'hearken-import-files-'));
const csvFile = join(files, 'survey export.csv');
beforeAll(() => writeSyntheticCsv(csvFile, ROWS, 7));
afterAll(() => rmSync(files, { recursive: true, force: true }));

/**
 * Acts right after an import's first committed batch, before the next one is read: the
 * in-thread job runner emits the batch's `feedback.changed` synchronously after the commit,
 * and a cancel or a lock aborts the job synchronously, so the test knows exactly where the
 * import stopped however fast the store is.
 */
function atFirstBatch(core: Core, act: (importId: string) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    let importId: string | null = null;
    const stop = core.onEvent((name, payload) => {
      if (name === 'import.progress') importId ??= (payload as EventPayload<'import.progress'>).importId;
      if (name === 'feedback.changed' && (payload as { reason: string }).reason === 'import' && importId !== null) {
        stop();
        resolve(act(importId));
      }
    });
  });
}

interface Harness {
  temp: TempCore;
  core: HostCore;
  recoveryKey: string;
  events: { name: string; payload: unknown }[];
  saved: string[];
}

const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

async function harness(dialogs?: Partial<CoreDialogs>): Promise<Harness> {
  const saved: string[] = [];
  const temp = await makeTempCore({
    secrets: new NoSecretStore(),
    core: {
      importBatchSize: BATCH,
      ...(dialogs
        ? {
            dialogs: {
              chooseImportFiles: dialogs.chooseImportFiles ?? (() => Promise.resolve([])),
              chooseSavePath: dialogs.chooseSavePath ?? (() => Promise.resolve(null)),
              chooseOpenFile: dialogs.chooseOpenFile ?? (() => Promise.resolve(null)),
            },
          }
        : {}),
    },
  });
  open.push(temp);
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: 'import tests passphrase' });
  const events: Harness['events'] = [];
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  return { temp, core: temp.core, recoveryKey, events, saved };
}

const progressOf = (h: Harness, importId: string): EventPayload<'import.progress'>[] =>
  h.events.filter((e) => e.name === 'import.progress').map((e) => e.payload as EventPayload<'import.progress'>).filter((p) => p.importId === importId);

/** Resolves with the report once the import has sent its final progress event. */
async function finished(h: Harness, importId: string): Promise<ImportReport> {
  for (let i = 0; i < 6_000 && !progressOf(h, importId).some((p) => p.state !== 'running'); i++) await new Promise((r) => setTimeout(r, 10));
  return call(h.core, 'import.report', { importId });
}

async function importFile(h: Harness, path: string, extra: Record<string, unknown> = {}): Promise<ImportReport> {
  const { importId } = await call(h.core, 'import.start', { grant: await grantOf(h.core, path), ...extra });
  return finished(h, importId);
}

function rawDb(h: Harness): DB {
  return openEncrypted(join(h.temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(h.recoveryKey)).toString('hex') });
}

describe('import through the core', () => {
  it('imports a real CSV with consistent progress, then a re-import adds 0 and reports every row as a duplicate', async () => {
    const h = await harness();
    const preview = await call(h.core, 'import.preview', { grant: await grantOf(h.core, csvFile) });
    expect(preview).toMatchObject({ format: 'csv', fileName: 'survey export.csv', savedMapping: null, delimiter: ',' });
    expect(preview.guessedMapping?.fields.body).toBe('body');

    const first = await importFile(h, csvFile);
    expect(first).toMatchObject({ state: 'done', fileName: 'survey export.csv', format: 'csv', error: null, counts: { read: ROWS, imported: ROWS, duplicates: 0, failed: 0 } });
    expect(first.finishedAt).toBeGreaterThanOrEqual(first.startedAt);
    expect(first.rowsPerS).toBeGreaterThan(0);
    expect((await call(h.core, 'feedback.count', {})).total).toBe(ROWS);

    const progress = progressOf(h, first.importId);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const [i, p] of progress.entries()) {
      expect(p.counts.read).toBe(p.counts.imported + p.counts.duplicates + p.counts.failed);
      expect(p.bytesRead).toBeLessThanOrEqual(p.totalBytes);
      if (i > 0) expect(p.counts.read).toBeGreaterThanOrEqual(progress[i - 1]!.counts.read);
    }
    expect(progress.at(-1)).toMatchObject({ state: 'done', counts: first.counts, bytesRead: preview.totalBytes, etaMs: null });
    // Counts move by whole batches (the last one is shorter).
    expect(progress.filter((p) => p.state === 'running').every((p) => p.counts.read % BATCH === 0 || p.counts.read === ROWS)).toBe(true);
    // feedback.changed for the inbox, throttled: fewer events than batches, the last one after the last batch.
    const changed = h.events.filter((e) => e.name === 'feedback.changed');
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(Math.ceil(ROWS / BATCH));
    expect(changed.every((e) => (e.payload as { reason: string }).reason === 'import')).toBe(true);
    expect((await call(h.core, 'feedback.count', {})).total).toBe(ROWS);

    const again = await importFile(h, csvFile);
    expect(again.counts).toEqual({ read: ROWS, imported: 0, duplicates: ROWS, failed: 0 });
    expect(again.problemsTotal).toBe(ROWS);
    expect(again.problems).toHaveLength(500);
    expect(again.problems[0]).toEqual({ line: 2, kind: 'duplicate', reason: 'Already in the inbox.' });
    expect((await call(h.core, 'feedback.count', {})).total).toBe(ROWS);

    const db = rawDb(h);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const audit = db.prepare("SELECT detail FROM audit_events WHERE action = 'import.finished' ORDER BY at, id").all() as { detail: string }[];
      expect(audit.map((a) => JSON.parse(a.detail) as Record<string, unknown>)).toEqual([
        { fileName: 'survey export.csv', format: 'csv', state: 'done', read: ROWS, imported: ROWS, duplicates: 0, failed: 0, errorCode: null },
        { fileName: 'survey export.csv', format: 'csv', state: 'done', read: ROWS, imported: 0, duplicates: ROWS, failed: 0, errorCode: null },
      ]);
    } finally {
      db.close();
    }
  });

  it('records bad rows with their lines while the valid rows land, and saves the mapping for these columns', async () => {
    const h = await harness();
    const file = join(files, 'mixed.csv');
    writeFileSync(
      file,
      [
        'ticket,when,who,mail,text,stars',
        'T1,2024-03-01 10:00,Ann,ann@example.com,My parcel is late,2',
        'T2,not a date,Bob,bob@example.com,Hello there,5',
        'T3,2024-03-02 09:00,Cy,cy@example.com,,4',
        'T4,2024-03-03 08:00,Di,di@example.com,"Two lines,',
        'of text",1',
        'T5,2024-03-04 07:00,Ed,ed@example.com,Fine thanks,9',
        'T6,2024-03-05 06:00,Flo,flo@example.com,Great app,5',
        '',
      ].join('\r\n'),
    );
    const preview = await call(h.core, 'import.preview', { grant: await grantOf(h.core, file) });
    expect(preview.savedMapping).toBeNull();
    const mapping = {
      fields: { externalId: 'ticket', receivedAt: 'when', customerName: 'who', customerEmail: 'mail', body: 'text', rating: 'stars' },
      timeZone: 'Europe/Berlin',
      defaultChannel: 'survey' as const,
    };
    const report = await importFile(h, file, { mapping });
    expect(report.state).toBe('done');
    expect(report.counts).toEqual({ read: 6, imported: 3, duplicates: 0, failed: 3 });
    expect(report.problems.filter((p) => p.kind === 'failed').map((p) => p.line)).toEqual([3, 4, 7]);
    expect(report.problems.find((p) => p.line === 7)?.reason).toMatch(/rating/);
    const list = await call(h.core, 'feedback.list', { sort: 'oldest' });
    expect(list.items.map((i) => i.preview)).toEqual(['My parcel is late', 'Two lines,\nof text', 'Great app'].map((t) => expect.stringContaining(t.split('\n')[0]!)));
    expect(list.items.every((i) => i.channel === 'survey')).toBe(true);

    // The same columns in another order are the same source: the mapping is proposed again.
    const reordered = join(files, 'mixed-reordered.csv');
    writeFileSync(reordered, 'text,stars,ticket,when,who,mail\r\nHi,3,T9,2024-04-01 10:00,Gus,gus@example.com\r\n');
    expect((await call(h.core, 'import.preview', { grant: await grantOf(h.core, reordered) })).savedMapping).toEqual(mapping);
  });

  it('cancels after the batch being written; committed batches stay; running it again completes it without doubles', async () => {
    const h = await harness();
    const cancel = atFirstBatch(h.core, (id) => h.core.invoke('import.cancel', { importId: id }));
    const { importId } = await call(h.core, 'import.start', { grant: await grantOf(h.core, csvFile) });
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    const report = await finished(h, importId);
    expect(report.state).toBe('cancelled');
    expect(report.counts).toEqual({ read: BATCH, imported: BATCH, duplicates: 0, failed: 0 });
    expect((await call(h.core, 'feedback.count', {})).total).toBe(report.counts.imported);
    expect(await call(h.core, 'import.cancel', { importId })).toEqual({ cancelled: false });

    const rerun = await importFile(h, csvFile);
    expect(rerun.counts).toEqual({ read: ROWS, imported: ROWS - report.counts.imported, duplicates: report.counts.imported, failed: 0 });
    expect((await call(h.core, 'feedback.count', {})).total).toBe(ROWS);
  });

  it('answers LOCKED on a locked store; locking during an import cancels it cleanly and keeps its report', async () => {
    const h = await harness();
    const lock = atFirstBatch(h.core, () => h.core.invoke('store.lock', {}));
    const { importId } = await call(h.core, 'import.start', { grant: await grantOf(h.core, csvFile) });
    expect(await lock).toEqual({ ok: true, value: { locked: true } });
    const report = await finished(h, importId);
    expect(report.state).toBe('cancelled');
    expect(report.counts).toEqual({ read: BATCH, imported: BATCH, duplicates: 0, failed: 0 });
    expect(progressOf(h, importId).at(-1)?.state).toBe('cancelled');
    // Grants die with the lock; a new one is granted, and the store says it is locked.
    const afterLock = await grantOf(h.core, csvFile);
    expect((await callError(h.core, 'import.start', { grant: afterLock })).code).toBe('LOCKED');
    expect((await callError(h.core, 'import.preview', { grant: afterLock })).code).toBe('LOCKED');

    // After a restart the stored report still answers, and the count matches what it says.
    const core = await h.temp.reopen();
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: 'import tests passphrase' });
    expect(await call(core, 'import.report', { importId })).toEqual({ ...report, problems: [] });
    expect((await call(core, 'feedback.count', {})).total).toBe(report.counts.imported);
    expect((await callError(core, 'import.report', { importId: 'no-such-import' })).code).toBe('NOT_FOUND');
  });

  it('imports an mbox as threads (a row per message: the first of a thread, then its replies), and a re-import adds nothing', async () => {
    const h = await harness();
    const file = join(files, 'support.mbox');
    const message = (id: string, from: string, subject: string, date: string, body: string, replyTo?: string): string =>
      [
        `From ${from} ${date}`,
        `From: ${from}`,
        'To: support@example.com',
        `Subject: ${subject}`,
        `Date: ${date}`,
        `Message-ID: <${id}@example.com>`,
        ...(replyTo ? [`In-Reply-To: <${replyTo}@example.com>`, `References: <${replyTo}@example.com>`] : []),
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        '',
        '',
      ].join('\n');
    writeFileSync(
      file,
      message('a1', 'ann@example.com', 'Parcel late', 'Mon, 4 Mar 2024 10:00:00 +0000', 'My parcel is late.') +
        message('a2', 'support@example.com', 'Re: Parcel late', 'Mon, 4 Mar 2024 11:00:00 +0000', 'Sorry, it ships today.', 'a1') +
        message('b1', 'bob@example.com', 'Refund', 'Tue, 5 Mar 2024 09:00:00 +0000', 'Please refund order 42.'),
    );
    const report = await importFile(h, file);
    expect(report).toMatchObject({ state: 'done', format: 'mbox', counts: { read: 3, imported: 3, duplicates: 0, failed: 0 } });
    const list = await call(h.core, 'feedback.list', { sort: 'oldest' });
    expect(list.items.map((i) => [i.subject, i.messageCount])).toEqual([
      ['Parcel late', 2],
      ['Refund', 1],
    ]);
    expect(progressOf(h, report.importId).at(-1)?.bytesRead).toBe((await call(h.core, 'import.preview', { grant: await grantOf(h.core, file) })).totalBytes);
    expect((await importFile(h, file)).counts).toEqual({ read: 3, imported: 0, duplicates: 3, failed: 0 });
  });

  it('fails fast, as VALIDATION, on a file that is not what it claims', async () => {
    const h = await harness();
    const binary = join(files, 'binary.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expect(await callError(h.core, 'import.start', { grant: await grantOf(h.core, binary) })).toMatchObject({ code: 'VALIDATION' });
    const headerOnly = join(files, 'header-only.csv');
    writeFileSync(headerOnly, 'id,body\n');
    expect(await callError(h.core, 'import.preview', { grant: await grantOf(h.core, headerOnly) })).toMatchObject({ code: 'VALIDATION' });
    expect(await h.core.grantFile(join(files, 'missing.csv'), 'read')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Could not open missing.csv: it does not exist.' } });
    expect(await callError(h.core, 'import.start', { grant: await grantOf(h.core, csvFile), mapping: { fields: { subject: 'subject' }, timeZone: 'UTC', defaultChannel: 'email' } })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/body/),
    });
    expect((await call(h.core, 'feedback.count', {})).total).toBe(0);
  });

  it('chooses files and exports the report as CSV through the injected dialogs, atomically', async () => {
    const target = join(files, 'report-out.csv');
    const asked: string[] = [];
    const h = await harness({
      chooseImportFiles: () => Promise.resolve([csvFile]),
      chooseSavePath: (name) => (asked.push(name), Promise.resolve(asked.length === 1 ? target : null)),
    });
    expect(await call(h.core, 'import.choose', {})).toEqual({ files: [{ grant: expect.any(String), name: 'survey export.csv', size: statSync(csvFile).size, kind: 'file' }] });
    const file = join(files, 'two-bad.csv');
    writeFileSync(file, 'id,date,body,rating\r\n1,2024-01-01,"=cmd|\' /C calc\'!A0",3\r\n2,2024-01-02,,4\r\n3,2024-01-03,ok,7\r\n');
    const report = await importFile(h, file);
    expect(await call(h.core, 'import.exportReport', { importId: report.importId })).toEqual({ fileName: 'report-out.csv' });
    expect(asked).toEqual(['two-bad-import-report.csv']);
    const csv = readFileSync(target, 'utf8');
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      'file,format,state,read,imported,duplicates,failed,skipped,problems,problems_listed,error',
      'two-bad.csv,csv,done,3,1,0,2,0,2,2,',
      '',
      'line,kind,reason',
    ]);
    expect(csv).toMatch(/^3,failed,/m);
    expect(csv).toMatch(/^4,failed,/m);
    expect(csv).not.toContain('calc');
    // Cancelled save dialog: nothing written.
    expect(await call(h.core, 'import.exportReport', { importId: report.importId })).toEqual({ fileName: null });

    const bare = await harness();
    expect(await callError(bare.core, 'import.choose', {})).toEqual({ code: 'VALIDATION', message: 'File dialogs are not available here; name the file through its grant.' });
    expect((await callError(bare.core, 'import.exportReport', { importId: report.importId })).code).toBe('NOT_FOUND');
  });
});
