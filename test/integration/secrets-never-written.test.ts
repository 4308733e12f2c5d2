/**
 * No secret is ever written where a person or a bug report could read it: the LLM API
 * key, the database key (and the key derived from it that seals the API key), the
 * passphrases (before and after a change) and the recovery keys (before and after a
 * rotation). A realistic session runs through a real core and through the real CLI, each
 * on a passphrase store in a temp folder, against a fake LLM server on 127.0.0.1 that
 * once echoes the key it refused. Then every channel answer, event, log line, console
 * write, CLI output, every file in the data, backup and export folders, and every row of
 * the decrypted store and backups is searched for every form of every secret. The only
 * places a recovery key may appear are the answers and the stdout that exist to show it,
 * once each. The search proves itself on secrets planted on purpose.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKeyFromRecovery, parseRecoveryKey, subkey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { runCliSession, type CliSessionRecord } from '../helpers/secrets-cli-session';
import { runCoreSession } from '../helpers/secrets-core-session';
import { filesUnder, leaksIn, leaksInDatabase, leaksInFiles, needlesOf, type Secret } from '../helpers/secrets-search';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import type { TempCore } from '../support/core';

const work = mkdtempSync(join(tmpdir(), 'hearken-secrets-'));
const canary = (what: string): string => `${what}-LEAKCANARY-${randomBytes(20).toString('hex')}`;
let fake: FakeOpenAi;
const temps: TempCore[] = [];
const cliGiven = { apiKey: canary('sk-test'), passphrase: canary('correct horse'), nextPassphrase: canary('battery staple') };
/** The CLI's session runs in its children while the core's runs here: the two share nothing. */
let cliSession: Promise<{ record: CliSessionRecord } | { failed: unknown }>;

beforeAll(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model'] });
  cliSession = runCliSession(cliGiven, join(work, 'cli-store'), mkdtempSync(join(work, 'cli-out-'))).then(
    (record) => ({ record }),
    (failed: unknown) => ({ failed }),
  );
});
afterAll(async () => {
  await cliSession;
  for (const temp of temps) await temp.cleanup();
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every secret a session made or was given, in every form the search knows. */
function secretsOf(given: { apiKey: string; passphrase: string; nextPassphrase: string }, recoveryKeys: { first: string; rotated: string }): Secret[] {
  const keys = Object.entries(recoveryKeys).map(([when, key]) => [when, databaseKeyFromRecovery(parseRecoveryKey(key))] as const);
  return [
    { label: 'API key', kind: 'text', value: given.apiKey },
    // A message cut short must not keep the start of the key either.
    { label: 'API key, first half', kind: 'text', value: given.apiKey.slice(0, Math.ceil(given.apiKey.length / 2)) },
    { label: 'passphrase', kind: 'text', value: given.passphrase },
    { label: 'new passphrase', kind: 'text', value: given.nextPassphrase },
    ...Object.entries(recoveryKeys).map(([when, key]): Secret => ({ label: `${when} recovery key`, kind: 'recovery', value: key })),
    ...keys.map(([when, key]): Secret => ({ label: `${when} database key`, kind: 'key', value: key })),
    ...keys.map(([when, key]): Secret => ({ label: `${when} API-key sealing key`, kind: 'key', value: subkey(key, 'llm-api-key') })),
  ];
}

function storeRows(file: string, recoveryKey: string, secrets: Secret[]): Record<string, string[]> {
  const db = openEncrypted(file, { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
  try {
    return leaksInDatabase(db, needlesOf(secrets));
  } finally {
    db.close();
  }
}

/** The side files and manifests hold fingerprints and a wrapped key, nothing else. */
function expectOnlyFingerprints(dataDir: string): void {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'hearken.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest).toMatchObject({ keySource: 'passphrase', keyCheck: expect.any(String), wrappedKey: { kdf: 'scrypt' } });
  expect(Object.keys(manifest).filter((k) => !['format', 'version', 'storeId', 'createdAt', 'complete', 'keySource', 'keyCheck', 'wrappedKey', 'rotatedAt'].includes(k))).toEqual([]);
  const backups = join(dataDir, 'backups');
  for (const name of (existsSync(backups) ? readdirSync(backups) : []).filter((n) => n.endsWith('.json'))) {
    const side = JSON.parse(readFileSync(join(backups, name), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(side).sort()).toEqual(['counts', 'createdAt', 'format', 'keyCheck', 'reason', 'schemaVersion', 'version']);
  }
}

function expectNothingSaid(said: { what: string; text: string }[], secrets: Secret[]): void {
  const needles = needlesOf(secrets);
  const found = said.map(({ what, text }) => ({ what, leaks: leaksIn(text, needles), text })).filter((s) => s.leaks.length > 0);
  expect(found.map((f) => `${f.what}: ${f.leaks.join(', ')}\n  ${f.text.slice(0, 400)}`)).toEqual([]);
}

describe('the search for secrets', () => {
  it('finds every form of every secret planted in a file and in a store on purpose, and nothing in a clean one', () => {
    const given = { apiKey: canary('sk-test'), passphrase: canary('pass phrase'), nextPassphrase: canary('next pass') };
    const secrets = secretsOf(given, { first: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', rotated: '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ' });
    const needles = needlesOf(secrets);
    expect(needles.length).toBeGreaterThan(60);
    const dir = mkdtempSync(join(work, 'planted-'));
    needles.forEach((n, i) => writeFileSync(join(dir, `${i}.bin`), Buffer.concat([Buffer.from(`{"x":"${i}`), n.fold ? Buffer.from(n.bytes.toString('latin1').toUpperCase(), 'latin1') : n.bytes, Buffer.from('"}')])));
    writeFileSync(join(dir, 'clean.txt'), 'nothing to see: ABCD-EFGH and sk-test');
    const found = leaksInFiles(filesUnder(dir), needles);
    needles.forEach((n, i) => expect(found[join(dir, `${i}.bin`)], n.label).toContain(n.label));
    expect(found[join(dir, 'clean.txt')]).toBeUndefined();

    const db = openEncrypted(join(dir, 'planted.db'), { keyHex: 'ab'.repeat(32), create: true });
    try {
      db.exec('CREATE TABLE notes (body TEXT, raw BLOB)');
      db.prepare('INSERT INTO notes VALUES (?, ?)').run(`said: ${given.passphrase}`, databaseKeyFromRecovery(parseRecoveryKey('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789')));
      expect(leaksInDatabase(db, needles).notes).toEqual(expect.arrayContaining(['passphrase (as typed)', 'first database key (raw bytes)']));
    } finally {
      db.close();
    }
  });
});

describe('a session writes no secret anywhere', () => {
  it('through the core: answers, events, log, console, data folder, backups, exports, the store and its backups', async () => {
    const given = { apiKey: canary('sk-test'), passphrase: canary('correct horse'), nextPassphrase: canary('battery staple') };
    const [inDir, outDir] = [mkdtempSync(join(work, 'in-')), join(work, 'core-out')];
    const session = await runCoreSession(fake, given, inDir, outDir);
    temps.push(session.temp);
    const { dataDir } = session.temp;
    const secrets = secretsOf(given, session.recoveryKeys);

    expect(session.sentKey).toBe(true);
    expect(session.said.filter((s) => s.what === 'log' && s.text.includes('slow query')).length).toBeGreaterThan(5);
    // The server refused the key twice, echoing it: those jobs failed and say why.
    expect(session.said.some((s) => s.what === 'answer ai.jobs.list' && s.text.includes('refused the API key'))).toBe(true);
    expect(session.said.filter((s) => s.what.startsWith('answer') && s.text.includes('"ok":false')).length).toBeGreaterThanOrEqual(5);
    expectNothingSaid(session.said, secrets);

    const files = [...filesUnder(dataDir), ...filesUnder(outDir)];
    expect(files.filter((f) => /hearken-backup-.*\.db$/.test(f)).length).toBe(3);
    for (const backup of files.filter((f) => /hearken-backup-.*before-restore\.db$/.test(f))) expect(storeRows(backup, session.recoveryKeys.rotated, secrets)).toEqual({});
    expect(files.map((f) => f.slice(outDir.length + 1))).toEqual(expect.arrayContaining(['rows.jsonl', 'rows.csv', 'report.html', 'ai-log.jsonl', 'templates.json']));
    expect(leaksInFiles(files, needlesOf(secrets))).toEqual({});
    expectOnlyFingerprints(dataDir);

    const store = storeRows(join(dataDir, 'hearken.db'), session.recoveryKeys.rotated, secrets);
    expect(store).toEqual({});
    expect(storeRows(session.backups.first, session.recoveryKeys.first, secrets)).toEqual({});
    expect(storeRows(session.backups.rotated, session.recoveryKeys.rotated, secrets)).toEqual({});
    const db = openEncrypted(join(dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(session.recoveryKeys.rotated)).toString('hex') });
    try {
      // The key was kept, sealed: what the search above found nothing of.
      expect(db.prepare("SELECT value FROM settings WHERE key = 'ai.apiKey.sealed'").pluck().get()).toEqual(expect.any(String));
      expect((db.prepare('SELECT count(*) FROM ai_calls').pluck().get() as number) > 0).toBe(true);
      expect((db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number) > 10).toBe(true);
    } finally {
      db.close();
    }
  }, 90_000);

  it('through the CLI: every output but the recovery key printed once by init and keys rotate, and every file', async () => {
    const done = await cliSession;
    if ('failed' in done) throw done.failed;
    const { record } = done;
    const [dataDir, outDir] = [join(work, 'cli-store'), readdirSync(work).filter((n) => n.startsWith('cli-out-')).map((n) => join(work, n))[0]!];
    const secrets = secretsOf(cliGiven, record.recoveryKeys);

    expect(record.statuses).toEqual({ init: 0, 'ai set': 0, import: 0, 'ai triage': 0, 'keys rotate': 0, 'passphrase change': 0, export: 0, 'old recovery key': 1, 'ai test dead': 1 });
    // The server refused the key once, echoing it: one item failed, the rest were triaged.
    expect(record.said.find((s) => s.what === 'ai triage stdout')?.text).toMatch(/"failed": 1,/);
    expect(record.sentKey).toBe(true);
    expect(record.said.filter((s) => s.what.endsWith('stderr')).flatMap((s) => s.text.match(/"level":"debug"/g) ?? []).length).toBeGreaterThan(3);

    // Each printed once, as shown, and in no other form anywhere in that output.
    for (const [shown, key] of [
      [record.shown.init, record.recoveryKeys.first],
      [record.shown.rotate, record.recoveryKeys.rotated],
    ] as const) {
      expect(shown.split(key).length - 1).toBe(1);
      expect(leaksIn(shown.replace(key, '[shown]'), needlesOf(secrets))).toEqual([]);
    }
    expectNothingSaid(record.said, secrets);

    const files = [...filesUnder(dataDir), ...filesUnder(outDir)];
    expect(files.some((f) => f.endsWith('cli-rows.csv'))).toBe(true);
    expect(leaksInFiles(files, needlesOf(secrets))).toEqual({});
    expectOnlyFingerprints(dataDir);
    expect(storeRows(join(dataDir, 'hearken.db'), record.recoveryKeys.rotated, secrets)).toEqual({});
  }, 120_000);
});

describe('the clipboard', () => {
  it('gets a recovery key only through the timed copy that clears it', () => {
    const renderer = filesUnder(join(process.cwd(), 'src/renderer/src')).filter((f) => /\.tsx?$/.test(f));
    const writers = renderer.filter((f) => /clipboard\.writeText/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(process.cwd().length + 1)).sort();
    // The other writers copy a reply and an escalation's handoff: no secret reaches them.
    expect(writers).toEqual(['src/renderer/src/escalation/flows.ts', 'src/renderer/src/inbox/flows/replies.ts', 'src/renderer/src/screens/model.ts', 'src/renderer/src/screens/recoveryClipboard.ts']);
    for (const screen of ['src/renderer/src/screens/RecoveryKeyScreen.tsx', 'src/renderer/src/security/keys/RecoveryKeyReveal.tsx']) {
      const text = readFileSync(screen, 'utf8');
      expect(text, screen).toMatch(/recoveryKeyClipboard\.copy\(/);
      expect(text, screen).not.toMatch(/navigator\.clipboard/);
    }
  });
});
