import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import { readDemoInbox } from '../../src/main/core/ingest/demo';
import { Database } from '../../src/main/core/store/db';
import { defaultDemoInboxPath, readStoreId } from '../support/core';
import { expectNoStackTrace, NO_KEYCHAIN_ENV, runCli } from '../helpers/cli';
import { keychainForTests } from '../helpers/keychain';
import { sha256 } from '../helpers/results';

const keychain = await keychainForTests();
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    const storeId = readStoreId(dir);
    if (storeId && keychain.available) await new KeytarSecretStore().delete(storeId).catch(() => false);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every byte under a folder, to look for text that must not be there. */
function allBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isFile() ? [readFileSync(join(dir, name))] : [])));
}

describe.runIf(keychain.mustRun)('the CLI with the OS keychain', () => {
  it('init, doctor, demo and stats --json work, and the folder holds no readable plaintext', () => {
    const dir = tempDir();
    const init = runCli(['init', '--data-dir', dir]);
    expect(init.stderr).not.toMatch(/hearken:/);
    expect(init.status).toBe(0);
    const recoveryKey = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})/.exec(init.stdout)?.[1];
    expect(recoveryKey).toBeDefined();
    expect(init.stdout).toMatch(/OS keychain/);

    const doctor = runCli(['doctor', '--data-dir', dir]);
    expect(doctor.stdout).toMatch(/integrity_check: ok/);
    expect(doctor.stdout).toMatch(/ok\s+cipher\s+cipher AEGIS-256, 4096-byte pages, 64 reserved bytes/);
    expect(doctor.stdout).not.toMatch(/old backup/);
    expect(doctor.stdout).toMatch(/schema\s+version (\d+) \(this Hearken knows \1\)/);
    expect(doctor.status).toBe(0);

    const demo = runCli(['demo', '--data-dir', dir]);
    expect(demo.status).toBe(0);
    const inbox = readDemoInbox(defaultDemoInboxPath);
    expect(demo.stdout).toContain(`${inbox.items.length} items added`);
    expect(runCli(['demo', '--data-dir', dir]).stdout).toMatch(/already loaded .*none added/);

    const stats = runCli(['stats', '--json', '--data-dir', dir]);
    expect(stats.status).toBe(0);
    const parsed = JSON.parse(stats.stdout) as { total: number; byStatus: Record<string, number>; bySentiment: Record<string, number>; byChannel: Record<string, number> };
    expect(Object.keys(parsed).sort()).toEqual(['byChannel', 'bySentiment', 'byStatus', 'quality', 'total']);
    expect(parsed.total).toBe(inbox.items.length);
    const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(parsed.byStatus)).toBe(parsed.total);
    expect(sum(parsed.bySentiment)).toBe(parsed.total);
    expect(Object.keys(parsed.byChannel).sort()).toEqual(['chat', 'email', 'review', 'social', 'survey']);

    const bytes = allBytes(dir);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const probes = [...inbox.customers.slice(0, 20).map((c) => c.name), ...inbox.items.slice(0, 20).map((i) => i.messages[0]!.body.slice(0, 24))];
    for (const probe of probes) expect(bytes.includes(Buffer.from(probe)), `plaintext "${probe}" found in ${dir}`).toBe(false);
  });

  it('doctor fails on a plain SQLite file and leaves it untouched', () => {
    const dir = tempDir();
    const plain = new Database(join(dir, 'hearken.db'));
    plain.exec("CREATE TABLE t(x); INSERT INTO t VALUES ('hello')");
    plain.close();
    const before = sha256(join(dir, 'hearken.db'));
    const doctor = runCli(['doctor', '--data-dir', dir]);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL\s+database\s+.*plain, unencrypted SQLite/);
    expectNoStackTrace(doctor);
    expect(sha256(join(dir, 'hearken.db'))).toBe(before);
    const stats = runCli(['stats', '--data-dir', dir]);
    expect(stats.status).toBe(1);
    expect(stats.stderr).toMatch(/^hearken: .*not a Hearken store.*\[NOT_ENCRYPTED\]/);
    expectNoStackTrace(stats);
  });
});

describe('the CLI without a keychain', () => {
  it('asks for a passphrase, then works with --passphrase-env', () => {
    const dir = tempDir();
    const refused = runCli(['init', '--data-dir', dir], NO_KEYCHAIN_ENV);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/No keychain answered.*--passphrase-env VAR/);
    expectNoStackTrace(refused);
    expect(readdirSync(dir)).toEqual([]);

    const env = { ...NO_KEYCHAIN_ENV, HK_PASS: 'a long enough passphrase' };
    const init = runCli(['init', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/wrapped with your passphrase/);
    expect(runCli(['demo', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env).status).toBe(0);
    const stats = runCli(['stats', '--json', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(stats.status).toBe(0);
    expect((JSON.parse(stats.stdout) as { total: number }).total).toBeGreaterThanOrEqual(300);
    const doctor = runCli(['doctor', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(doctor.status).toBe(0);
    expect(doctor.stdout).toMatch(/not needed: this store uses a passphrase/);

    // Reply templates out to a file, edited, and back in; a broken file changes nothing.
    const file = join(dir, 'templates.json');
    const exported = runCli(['templates', 'export', file, '--json', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(exported.status).toBe(0);
    const count = (JSON.parse(exported.stdout) as { count: number }).count;
    expect(count).toBeGreaterThan(10);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { templates: { name: string; body: string }[] };
    json.templates.push({ name: 'From the CLI', body: 'Hi {{customer.first_name|there}}' });
    writeFileSync(file, JSON.stringify(json));
    const imported = runCli(['templates', 'import', file, '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(imported.stdout).toBe(`Templates: 1 added, 0 updated, ${count} unchanged.\n`);
    writeFileSync(file, '{"format": "hearken.templates", "version": 1, "templates": [{"name": "Bad", "body": "{{nope}}"}]}');
    const badFile = runCli(['templates', 'import', file, '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
    expect(badFile.status).toBe(1);
    expect(badFile.stderr).toMatch(/^hearken: "Bad": Unknown placeholder \{\{nope\}\}.*\[VALIDATION\]/);
    expectNoStackTrace(badFile);
  });

  it('doctor fails on a damaged store and on a foreign file, leaving both untouched', () => {
    const env = { ...NO_KEYCHAIN_ENV, HK_PASS: 'a long enough passphrase' };
    for (const [damage, message] of [
      [(bytes: Buffer) => bytes.fill(0, 0, 4096), /damaged or is not a Hearken database/],
      [(bytes: Buffer) => bytes.fill(0x5a), /damaged or is not a Hearken database/],
    ] as const) {
      const dir = tempDir();
      expect(runCli(['init', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env).status).toBe(0);
      const file = join(dir, 'hearken.db');
      const bytes = readFileSync(file);
      damage(bytes);
      writeFileSync(file, bytes);
      const before = sha256(file);
      const doctor = runCli(['doctor', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env);
      expect(doctor.status).toBe(1);
      expect(doctor.stdout).toMatch(/FAIL\s+unlock\s+CORRUPT_DATABASE/);
      expect(doctor.stdout).toMatch(message);
      expectNoStackTrace(doctor);
      expect(sha256(file)).toBe(before);
    }
  });

  it('fails with a clear message, never a stack trace, when it cannot unlock', () => {
    const dir = tempDir();
    const env = { ...NO_KEYCHAIN_ENV, HK_PASS: 'a long enough passphrase', HK_WRONG: 'not the passphrase' };
    expect(runCli(['init', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], env).status).toBe(0);

    const cases: [string[], RegExp][] = [
      [['stats', '--data-dir', dir, '--passphrase-env', 'HK_WRONG'], /passphrase does not unlock.*\[WRONG_PASSPHRASE\]/],
      [['stats', '--data-dir', dir], /protected by a passphrase: pass --passphrase-env/],
      [['stats', '--data-dir', dir, '--passphrase-env', 'HK_UNSET'], /HK_UNSET.*empty or not set/],
      [['stats', '--data-dir', join(dir, 'elsewhere')], /no Hearken store .*hearken init/i],
      [['init', '--data-dir', dir, '--passphrase-env', 'HK_PASS'], /already holds a Hearken store.*\[STORE_EXISTS\]/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, env);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      expectNoStackTrace(run);
    }
    const usage = runCli(['frobnicate', '--data-dir', dir], env);
    expect(usage.status).toBe(2);
  });
});
