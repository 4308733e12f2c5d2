/**
 * `hearken import` as a person runs it: a child process on a real encrypted store with the
 * OS keychain (scripts/with-keyring.sh provides one), real files through the real readers.
 * The crash test kills the import with SIGKILL after a committed batch and runs it again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';
import { readStoreId } from '../support/core';
import { expectNoStackTrace, runCli } from '../helpers/cli';
import { keychainForTests } from '../helpers/keychain';

const root = fileURLToPath(new URL('../../', import.meta.url));
const keychain = await keychainForTests();
const files = mkdtempSync(join(tmpdir(), 'hearken-import-cli-files-'));
const BIG = 60_000;
const bigCsv = join(files, 'big.csv');
const smallCsv = join(files, 'small.csv');
beforeAll(() => {
  const gen = createGenerator({ seed: 11, count: BIG });
  const out: string[] = [csvHeader()];
  for (let i = 0; i < BIG; i++) out.push(itemToCsv(gen.item(i)));
  writeFileSync(bigCsv, out.join(''));
  writeFileSync(smallCsv, out.slice(0, 301).join(''));
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    const storeId = readStoreId(dir);
    if (storeId && keychain.available) await new KeytarSecretStore().delete(storeId).catch(() => false);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A new inbox in a temp folder, with its recovery key (to open the database directly). */
function newInbox(): { dir: string; recoveryKey: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-import-cli-'));
  dirs.push(dir);
  const init = runCli(['init', '--data-dir', dir]);
  expect(init.status).toBe(0);
  const recoveryKey = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})/.exec(init.stdout)?.[1];
  if (!recoveryKey) throw new Error(`init printed no recovery key: ${init.stdout}`);
  return { dir, recoveryKey };
}

function countsOf(stdout: string): { read: number; imported: number; duplicates: number; failed: number } {
  return JSON.parse(stdout) as { read: number; imported: number; duplicates: number; failed: number };
}

const total = (dir: string): number => (JSON.parse(runCli(['stats', '--json', '--data-dir', dir]).stdout) as { total: number }).total;

/** Runs an import in the background and resolves once its progress shows `imported` ≥ atLeast. */
function importUntil(dir: string, file: string, atLeast: number): Promise<{ child: ReturnType<typeof spawn>; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', file, '--progress', '--data-dir', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const imported = [...err.matchAll(/([\d,]+) imported/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      if (imported.some((n) => n >= atLeast)) resolve({ child, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`the import ended (${code}) before ${atLeast} rows were imported:\n${err}`)));
  });
}

describe.runIf(keychain.mustRun)('hearken import', () => {
  it('imports a CSV, prints exact --json counts, and a re-import adds 0 and says so', () => {
    const { dir } = newInbox();
    const first = runCli(['import', smallCsv, '--json', '--data-dir', dir]);
    expectNoStackTrace(first);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('{"read":300,"imported":300,"duplicates":0,"failed":0}\n');
    const again = runCli(['import', smallCsv, '--data-dir', dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/300 rows read, 0 added, 300 already in the inbox, 0 failed/);
    expect(countsOf(runCli(['import', smallCsv, '--json', '--data-dir', dir]).stdout)).toEqual({ read: 300, imported: 0, duplicates: 300, failed: 0 });
  });

  it('records bad rows with their line numbers, imports the rest, and exits 0 saying so', () => {
    const { dir } = newInbox();
    const file = join(files, 'bad-rows.csv');
    writeFileSync(
      file,
      'id,date,customer,email,subject,body,rating\n1,2024-03-01 10:00,Ann,ann@example.com,Late,My parcel is late,2\n2,not a date,Bob,bob@example.com,Hi,Hello there,5\n3,2024-03-02,Cy,cy@example.com,Empty,,4\n4,2024-03-03,Di,di@example.com,Rating,Too high,9\n5,2024-03-04,Ed,ed@example.com,"multi\nline",Fine thanks,1\n',
    );
    const run = runCli(['import', file, '--data-dir', dir]);
    expectNoStackTrace(run);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/5 rows read, 2 added, 0 already in the inbox, 3 failed/);
    expect(run.stdout).toMatch(/line 3: .*not a date/);
    expect(run.stdout).toMatch(/line 4: .*body/);
    expect(run.stdout).toMatch(/line 5: .*rating/);
    expect(total(dir)).toBe(2);
  });

  it('imports a folder of .eml files, and a CSV with --mapping and --time-zone', () => {
    const { dir, recoveryKey } = newInbox();
    const mail = join(files, 'mail');
    mkdirSync(join(mail, 'older'), { recursive: true });
    const eml = (id: string, from: string, subject: string, body: string): string =>
      `From: ${from}\nTo: support@example.com\nSubject: ${subject}\nDate: Mon, 4 Mar 2024 10:00:00 +0000\nMessage-ID: <${id}@example.com>\n\n${body}\n`;
    writeFileSync(join(mail, 'a.eml'), eml('m1', 'Ann <ann@example.com>', 'Broken', 'It is broken.'));
    writeFileSync(join(mail, 'older', 'b.eml'), eml('m2', 'Bob <bob@example.com>', 'Thanks', 'Thanks a lot.'));
    expect(runCli(['import', mail, '--json', '--data-dir', dir]).stdout).toBe('{"read":2,"imported":2,"duplicates":0,"failed":0}\n');

    const csv = join(files, 'berlin.csv');
    writeFileSync(csv, 'when,text\n2024-03-01 10:00,hello from Berlin\n');
    const mapping = join(files, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ fields: { receivedAt: 'when', body: 'text' }, timeZone: 'UTC', defaultChannel: 'chat' }));
    const run = runCli(['import', csv, '--mapping', mapping, '--time-zone', 'Europe/Berlin', '--json', '--data-dir', dir]);
    expect(run.stdout, run.stderr).toBe('{"read":1,"imported":1,"duplicates":0,"failed":0}\n');
    const db = openEncrypted(join(dir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
    try {
      expect(db.prepare("SELECT channel, received_at AS at FROM feedback WHERE body = 'hello from Berlin'").get()).toEqual({ channel: 'chat', at: Date.UTC(2024, 2, 1, 9, 0) });
    } finally {
      db.close();
    }
  });

  it('exits 2 with the reason when a file cannot be read as the format at all', () => {
    const { dir } = newInbox();
    const binary = join(files, 'photo.csv');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const truncated = join(files, 'truncated.csv');
    writeFileSync(truncated, 'id,body\n1,"fine"\n2,"never closed\n');
    const empty = join(files, 'empty.csv');
    writeFileSync(empty, '');
    for (const [args, message] of [
      [[binary], /not a text file/],
      [[truncated], /quoted field/],
      [[empty], /is empty/],
      [[join(files, 'missing.csv')], /does not exist/],
      [[smallCsv, '--format', 'xlsx'], /--format is one of/],
    ] as const) {
      const run = runCli(['import', ...args, '--data-dir', dir]);
      expectNoStackTrace(run);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(total(dir)).toBe(0);
  });

  it('survives SIGKILL mid-import: integrity ok, and running it again lands every row exactly once', async () => {
    const { dir, recoveryKey } = newInbox();
    const { child, exited } = await importUntil(dir, bigCsv, 5_000);
    child.kill('SIGKILL');
    // Killed mid-import (no exit code), not finished before the signal arrived.
    expect(await exited).toBeNull();

    const rerun = runCli(['import', bigCsv, '--json', '--data-dir', dir]);
    expectNoStackTrace(rerun);
    expect(rerun.status, rerun.stderr).toBe(0);
    const counts = countsOf(rerun.stdout);
    expect(counts.read).toBe(BIG);
    expect(counts.failed).toBe(0);
    expect(counts.duplicates).toBeGreaterThanOrEqual(5_000);
    expect(counts.imported + counts.duplicates).toBe(BIG);

    const db = openEncrypted(join(dir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n, count(DISTINCT external_id) AS ids FROM feedback').get()).toEqual({ n: BIG, ids: BIG });
      expect(db.prepare("INSERT INTO feedback_fts(feedback_fts, rank) VALUES ('integrity-check', 1)").run().changes).toBeGreaterThanOrEqual(0);
    } finally {
      db.close();
    }
  }, 240_000);

  it('cancels on Ctrl+C after the batch being written, and running it again completes the import', async () => {
    const { dir } = newInbox();
    const { child, exited, stderr } = await importUntil(dir, bigCsv, 5_000);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr()).toMatch(/Stopping after the batch being written/);
    const rerun = countsOf(runCli(['import', bigCsv, '--json', '--data-dir', dir]).stdout);
    expect(rerun.read).toBe(BIG);
    expect(rerun.duplicates % 5_000).toBe(0);
    expect(rerun.imported + rerun.duplicates).toBe(BIG);
  }, 240_000);
});
