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
  const { read, imported, duplicates, failed } = JSON.parse(stdout) as { read: number; imported: number; duplicates: number; failed: number };
  return { read, imported, duplicates, failed };
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
    expect(countsOf(first.stdout)).toEqual({ read: 300, imported: 300, duplicates: 0, failed: 0 });
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
    expect(run.stdout).toMatch(/line 3: the column "date" does not hold a date here/);
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
    expect(runCli(['import', mail, '--json', '--data-dir', dir]).stdout).toBe('{"read":2,"imported":2,"duplicates":0,"failed":0,"mapping":null,"origin":null}\n');

    const csv = join(files, 'berlin.csv');
    writeFileSync(csv, 'when,text\n2024-03-01 10:00,hello from Berlin\n');
    const mapping = join(files, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ fields: { receivedAt: 'when', body: 'text' }, timeZone: 'UTC', defaultChannel: 'chat' }));
    const run = runCli(['import', csv, '--mapping', mapping, '--time-zone', 'Europe/Berlin', '--json', '--data-dir', dir]);
    expect(countsOf(run.stdout), run.stderr).toEqual({ read: 1, imported: 1, duplicates: 0, failed: 0 });
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

  it('prints the mapping it chose and the origin (both in --json too), and exits 2 when every row failed', () => {
    const { dir } = newInbox();
    const tweets = 'test/fixtures/import/csv/support-tweets.csv';
    const run = runCli(['import', tweets, '--data-dir', dir]);
    expectNoStackTrace(run);
    expect(run.status, run.stderr).toBe(0);
    const [heading, ...lines] = run.stdout.split('\n');
    expect(heading).toBe('Mapping (guessed from the column names and values):');
    for (const line of ['Message ← text', 'Received at (date) ← created_at', 'Ticket or message ID ← tweet_id', 'Replies to (message ID) ← in_response_to_tweet_id', 'Direction (in or out) ← inbound', 'Customer name ← author_id']) {
      expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toContain(line);
    }
    expect(run.stdout).toMatch(/^ {2}Dates without an offset in UTC; rows without a channel: social$/m);
    expect(run.stdout).toMatch(/^Origin: this file \(csv:[0-9a-f]{16}\): a renamed or copied support-tweets.csv adds nothing again$/m);
    expect(run.stdout).toMatch(/12 rows read, 11 added, 0 already in the inbox, 1 failed/);

    const again = runCli(['import', tweets, '--json', '--data-dir', dir]);
    const json = JSON.parse(again.stdout) as { read: number; imported: number; mapping: { fields: Record<string, string> }; origin: { name: string | null; id: string } };
    expect(json).toMatchObject({ read: 12, imported: 0, duplicates: 11, failed: 1, origin: { name: null, id: expect.stringMatching(/^csv:[0-9a-f]{16}$/) } });
    expect(json.mapping.fields).toMatchObject({ body: 'text', replyTo: 'in_response_to_tweet_id', direction: 'inbound' });

    // Every row has more fields than the header: nothing lands, and the exit code says so.
    const broken = join(files, 'all-broken.csv');
    writeFileSync(broken, 'id,message\n1,hello,extra\n2,there,extra\n');
    const failed = runCli(['import', broken, '--data-dir', dir]);
    expectNoStackTrace(failed);
    expect(failed.status).toBe(2);
    expect(failed.stdout).toMatch(/2 rows read, 0 added, 0 already in the inbox, 2 failed/);
    expect(failed.stderr).toBe('hearken: none of the 2 rows of all-broken.csv could be imported (the reasons are listed above). Check the mapping (--mapping, docs/import-mapping.md) or the file. [VALIDATION]\n');
   }, 120_000);

  it('imports with the documented example mapping, remembers an --origin with the mapping, and refuses a mapping that fits no row', () => {
    const { dir } = newInbox();
    const tweets = 'test/fixtures/import/csv/support-tweets.csv';
    const example = runCli(['import', tweets, '--mapping', 'docs/import-mapping.example.json', '--json', '--data-dir', dir]);
    expect(example.status, example.stderr).toBe(0);
    expect(JSON.parse(example.stdout)).toMatchObject({ imported: 11, origin: { name: 'Twitter customer support', id: 'origin:twitter customer support' } });

    // A second survey export numbering its rows 1..2 like the first: both land in full.
    const first = join(files, 'survey-a.csv');
    const second = join(files, 'survey-b.csv');
    writeFileSync(first, 'Response ID,Comment\n1,Checkout is slow\n2,Love the new search\n');
    writeFileSync(second, 'Response ID,Comment\n1,Please add dark mode\n2,The invoice PDF is blank\n');
    expect(countsOf(runCli(['import', first, '--json', '--data-dir', dir]).stdout)).toMatchObject({ imported: 2 });
    expect(countsOf(runCli(['import', second, '--json', '--data-dir', dir]).stdout)).toMatchObject({ imported: 2, duplicates: 0 });

    // Named once, the origin comes back with the saved mapping for these columns.
    const named = runCli(['import', first, '--origin', 'Survey tool', '--data-dir', dir]);
    expect(named.stdout).toMatch(/^Origin: Survey tool \(ids already imported under this name are skipped\)$/m);
    expect(named.stdout).toMatch(/2 rows read, 0 added, 2 already in the inbox/);
    const remembered = runCli(['import', second, '--data-dir', dir]);
    expect(remembered.stdout).toMatch(/^Mapping \(saved from the last import of these columns\):$/m);
    expect(remembered.stdout).toMatch(/^Origin: Survey tool /m);
    // Both files were imported above (under their own origins): their rows are there by content.
    expect(remembered.stdout).toMatch(/2 rows read, 0 added, 2 already in the inbox/);
    const cleared = runCli(['import', second, '--origin', '', '--json', '--data-dir', dir]);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ origin: { name: null, id: expect.stringMatching(/^csv:/) } });

    // A mapping that names a date column of names is one error naming the column, before any row.
    const mapping = join(files, 'wrong-date.json');
    writeFileSync(mapping, JSON.stringify({ fields: { receivedAt: 'author_id', body: 'text' }, timeZone: 'UTC', defaultChannel: 'social' }));
    const wrong = runCli(['import', tweets, '--mapping', mapping, '--data-dir', dir]);
    expectNoStackTrace(wrong);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^hearken: None of the first 12 values of the column "author_id" reads as a date\. .* \[VALIDATION\]\n$/);
    expect(wrong.stderr).not.toMatch(/AcmeHelp|9000/);
    expect(wrong.stdout).not.toMatch(/failed/);
   }, 180_000);

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
