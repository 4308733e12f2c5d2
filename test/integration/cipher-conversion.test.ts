/**
 * Stores made before AEGIS (SQLCipher v4) are converted on their first unlock: copied into a
 * new AEGIS file, verified, swapped in, the old file kept as the backup. Real encrypted stores in temp folders; the crash cases kill a
 * child process with SIGKILL after each step (helpers/cipher-conversion-child.ts).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HearkenError } from '../../src/shared/errors';
import { NoSecretStore } from '../../src/main/core/secrets';
import { formatRecoveryKey } from '../../src/main/core/secrets/key-material';
import { StoreAccess } from '../../src/main/core/secrets/store-access';
import { convertToAegis, detectCipher, type ConversionStep } from '../../src/main/core/store/cipher-conversion';
import { Database, type DB } from '../../src/main/core/store/db';
import { applyCipher, SQLCIPHER_V4, type CipherConfig } from '../../src/main/core/store/open';
import { NO_KEYCHAIN_ENV, runCli } from '../helpers/cli';
import { hashFiles, makeOldStore, OLD_STORE_PASSPHRASE } from '../helpers/sqlcipher-store';

const ITEMS = 300;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-cipher-'));
  dirs.push(dir);
  return dir;
}

/** Opens the file as config with the key, or null when it does not open that way. */
function openAs(file: string, keyHex: string, config: CipherConfig): DB | null {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyCipher(db, config);
    db.pragma(`key="x'${keyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db.close();
    return null;
  }
}

function feedbackCount(db: DB): number {
  return db.prepare('SELECT count(*) FROM feedback').pluck().get() as number;
}

function searchCount(db: DB, word: string): number {
  return db.prepare('SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH ?').pluck().get(word) as number;
}

/** Every file in the folder with its hash: a failed attempt must leave them all as they were. */
function snapshot(dir: string): Record<string, string | null> {
  return hashFiles(dir, readdirSync(dir).sort());
}

const zebras = Math.ceil(ITEMS / 7);

describe('converting a SQLCipher v4 store to AEGIS-256', () => {
  it('unlocking an old store converts it: every row kept, search works, a backup in the old format', async () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, ITEMS);
    // Before the key is known the window is told that this unlock converts (it takes a while).
    expect((await new StoreAccess(dir, new NoSecretStore()).status(false)).needsConversion).toBe(true);
    const db = (await new StoreAccess(dir, new NoSecretStore()).unlock({ method: 'passphrase', passphrase: OLD_STORE_PASSPHRASE })).db;
    try {
      expect(feedbackCount(db)).toBe(ITEMS);
      expect(searchCount(db, 'zebracrossing')).toBe(zebras);
      expect(db.pragma('cipher', { simple: true })).toBe('aegis');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const file = join(dir, 'hearken.db');
    expect(detectCipher(file, keyHex)).toBe('aegis');
    expect(openAs(file, keyHex, SQLCIPHER_V4)).toBeNull();
    // AEGIS-256 reserves 64 bytes a page (nonce and tag), SQLCipher v4 80.
    const header = Buffer.alloc(24);
    const fd = openSync(file, 'r');
    readSync(fd, header, 0, 24, 0);
    closeSync(fd);
    expect(header.readUInt16BE(16)).toBe(4096);
    expect(header[20]).toBe(64);

    const backup = `${file}.sqlcipher-backup`;
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const old = openAs(backup, keyHex, SQLCIPHER_V4);
    expect(old).not.toBeNull();
    expect(feedbackCount(old!)).toBe(ITEMS);
    // The search indexes were copied as they were: their settings (pgsz, automerge...) and segments.
    const converted = openAs(file, keyHex, { cipher: 'aegis', params: ["algorithm='aegis-256'"] })!;
    for (const table of ['feedback_fts_config', 'feedback_fts_data', 'reply_fts_config']) {
      const rows = (db: DB): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
      expect(rows(converted)).toEqual(rows(old!));
    }
    expect(converted.pragma('user_version', { simple: true })).toBe(old!.pragma('user_version', { simple: true }));
    converted.close();
    old!.close();
    expect(existsSync(`${file}.cipher-conversion`)).toBe(false);
    expect(existsSync(`${file}.aegis-new`)).toBe(false);

    // The next unlock opens the AEGIS store as it is, and nothing is announced for it.
    expect((await new StoreAccess(dir, new NoSecretStore()).status(false)).needsConversion).toBeUndefined();
    const again = (await new StoreAccess(dir, new NoSecretStore()).unlock({ method: 'passphrase', passphrase: OLD_STORE_PASSPHRASE })).db;
    expect(feedbackCount(again)).toBe(ITEMS);
    again.close();
  });

  it('every rowid is kept, with gaps from deleted rows: the search index still finds the right items', () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, ITEMS);
    const file = join(dir, 'hearken.db');
    const old = openAs(file, keyHex, SQLCIPHER_V4)!;
    old.pragma('foreign_keys = ON');
    // Every third item goes (its search entries with it), and a table with neither an
    // INTEGER PRIMARY KEY nor any index, whose rowids only a named copy keeps.
    old.exec('DELETE FROM feedback WHERE rowid % 3 = 0');
    old.exec("CREATE TABLE rowid_probe (v TEXT); INSERT INTO rowid_probe (rowid, v) VALUES (5, 'a'), (9, 'b'), (40, 'c')");
    const rows = (db: DB, sql: string): unknown[] => db.prepare(sql).all();
    const before = { feedback: rows(old, 'SELECT rowid, id FROM feedback ORDER BY rowid'), probe: rows(old, 'SELECT rowid, v FROM rowid_probe'), zebra: rows(old, "SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH 'zebracrossing' ORDER BY rowid") };
    old.close();
    expect(convertToAegis(file, keyHex).converted).toBe(true);
    const converted = openAs(file, keyHex, { cipher: 'aegis', params: ["algorithm='aegis-256'"] })!;
    try {
      expect(rows(converted, 'SELECT rowid, id FROM feedback ORDER BY rowid')).toEqual(before.feedback);
      expect(rows(converted, 'SELECT rowid, v FROM rowid_probe')).toEqual(before.probe);
      const zebra = rows(converted, "SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH 'zebracrossing' ORDER BY rowid");
      expect(zebra).toEqual(before.zebra);
      expect(zebra.length).toBeGreaterThan(0);
      expect(converted.prepare("SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH 'zebracrossing' AND rowid NOT IN (SELECT rowid FROM feedback)").pluck().get()).toBe(0);
    } finally {
      converted.close();
    }
  });

  it('doctor on an old store: converts it on unlock, then reports the cipher, the page size and the old backup', () => {
    const dir = tempDir();
    makeOldStore(dir, 50);
    const env = { ...NO_KEYCHAIN_ENV, HK_OLD_PASS: OLD_STORE_PASSPHRASE };
    const doctor = runCli(['doctor', '--data-dir', dir, '--passphrase-env', 'HK_OLD_PASS'], env);
    expect(doctor.status).toBe(0);
    expect(doctor.stdout).toMatch(/ok\s+cipher\s+cipher AEGIS-256, 4096-byte pages, 64 reserved bytes/);
    expect(doctor.stdout).toMatch(/ok\s+old backup\s+.*hearken\.db\.sqlcipher-backup \(.+\) is the store in its old SQLCipher format/);
    const json = runCli(['doctor', '--json', '--data-dir', dir, '--passphrase-env', 'HK_OLD_PASS'], env);
    expect((JSON.parse(json.stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('a wrong key changes no byte: no backup, no marker', () => {
    const dir = tempDir();
    makeOldStore(dir, ITEMS);
    const before = snapshot(dir);
    const wrong = 'cd'.repeat(32);
    expect(() => convertToAegis(join(dir, 'hearken.db'), wrong)).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }) as HearkenError);
    expect(detectCipher(join(dir, 'hearken.db'), wrong)).toBeNull();
    expect(snapshot(dir)).toEqual(before);
  });

  it('a wrong recovery key (no manifest to check it against) changes no byte either', async () => {
    const dir = tempDir();
    makeOldStore(dir, ITEMS);
    rmSync(join(dir, 'hearken.json'));
    const before = snapshot(dir);
    const access = new StoreAccess(dir, new NoSecretStore());
    const recovery = formatRecoveryKey(Buffer.alloc(32, 7));
    await expect(access.unlock({ method: 'recovery', recoveryKey: recovery })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    expect(snapshot(dir)).toEqual(before);
  });

  it('another connection holding the old store: DATABASE_LOCKED, no backup, no marker, every row still there', () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, 50);
    const file = join(dir, 'hearken.db');
    const other = openAs(file, keyHex, SQLCIPHER_V4)!;
    try {
      other.pragma('journal_mode = WAL');
      expect(feedbackCount(other)).toBe(50);
      expect(() => convertToAegis(file, keyHex)).toThrow(expect.objectContaining({ code: 'DATABASE_LOCKED' }) as HearkenError);
      expect(existsSync(`${file}.sqlcipher-backup`)).toBe(false);
      expect(existsSync(`${file}.cipher-conversion`)).toBe(false);
      // The other connection still reads and writes the old store.
      other.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('after', '1', 1)").run();
      expect(feedbackCount(other)).toBe(50);
    } finally {
      other.close();
    }
    expect(convertToAegis(file, keyHex).converted).toBe(true);
  });

  it('an AEGIS store is left as it is', () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, 20);
    const file = join(dir, 'hearken.db');
    convertToAegis(file, keyHex);
    const before = snapshot(dir);
    expect(convertToAegis(file, keyHex)).toMatchObject({ converted: false });
    expect(snapshot(dir)).toEqual(before);
  });

  it('with no room for the converted copy: DISK_FULL, and the old store is unchanged and still opens', () => {
    if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new Error('This test needs root: it mounts a small tmpfs (mount -t tmpfs), as CI does.');
    const built = tempDir();
    const { keyHex } = makeOldStore(built, ITEMS * 4);
    const size = statSync(join(built, 'hearken.db')).size;
    const mount = tempDir();
    // Room for the store and its manifest, not for its converted copy.
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size + 1024 * 1024},mode=0700`, 'tmpfs', mount], { stdio: 'pipe' });
    try {
      for (const name of ['hearken.db', 'hearken.json']) copyFileSync(join(built, name), join(mount, name));
      const file = join(mount, 'hearken.db');
      const before = snapshot(mount);
      expect(() => convertToAegis(file, keyHex)).toThrow(expect.objectContaining({ code: 'DISK_FULL', message: expect.stringContaining('the store was not changed') as string }) as HearkenError);
      expect(snapshot(mount)).toEqual(before);
      const old = openAs(file, keyHex, SQLCIPHER_V4);
      expect(feedbackCount(old!)).toBe(ITEMS * 4);
      old!.close();
    } finally {
      execFileSync('umount', [mount], { stdio: 'pipe' });
    }
  });
});

const STEPS: ConversionStep[] = ['checkpointed', 'counted', 'marker', 'built', 'synced', 'verified', 'marker-verified', 'backup', 'swapped', 'done'];

function runChild(file: string, keyHex: string, killAfter?: string): { status: number | null; signal: NodeJS.Signals | null; steps: string[] } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/cipher-conversion-child.ts', file, keyHex, ...(killAfter ? [killAfter] : [])], { encoding: 'utf8' });
  return { status: child.status, signal: child.signal, steps: child.stdout.split('\n').filter(Boolean) };
}

/** The store after a crash: it opens in one format or the other with every row. */
function assertWhole(file: string, keyHex: string): 'aegis' | 'sqlcipher' {
  const format = detectCipher(file, keyHex);
  expect(format).not.toBeNull();
  return format!;
}

describe('a conversion killed with SIGKILL', () => {
  it.each(STEPS)('after %s: the store opens afterwards, and the next unlock finishes the conversion', async (step) => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, ITEMS);
    const file = join(dir, 'hearken.db');
    const run = runChild(file, keyHex, step);
    expect(run.signal).toBe('SIGKILL');
    expect(run.steps.at(-1)).toBe(step);
    const format = assertWhole(file, keyHex);
    if (STEPS.indexOf(step) < STEPS.indexOf('swapped')) expect(format).toBe('sqlcipher');
    else expect(format).toBe('aegis');

    const db = (await new StoreAccess(dir, new NoSecretStore()).unlock({ method: 'passphrase', passphrase: OLD_STORE_PASSPHRASE })).db;
    try {
      expect(feedbackCount(db)).toBe(ITEMS);
      expect(searchCount(db, 'zebracrossing')).toBe(zebras);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(detectCipher(file, keyHex)).toBe('aegis');
    const old = openAs(`${file}.sqlcipher-backup`, keyHex, SQLCIPHER_V4)!;
    expect(feedbackCount(old)).toBe(ITEMS);
    old.close();
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-') || n.includes('.aegis-new') || n.includes('.cipher-conversion'))).toEqual([]);
  });

  it('killed between the two renames where there are no hard links (no hearken.db for a moment): the next unlock finishes', async () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, ITEMS);
    const file = join(dir, 'hearken.db');
    expect(runChild(file, keyHex, 'marker-verified').signal).toBe('SIGKILL');
    // What the fallback's first rename leaves: the old store as the backup, the new file beside it.
    renameSync(file, `${file}.sqlcipher-backup`);
    expect(existsSync(file)).toBe(false);
    const db = (await new StoreAccess(dir, new NoSecretStore()).unlock({ method: 'passphrase', passphrase: OLD_STORE_PASSPHRASE })).db;
    try {
      expect(feedbackCount(db)).toBe(ITEMS);
      expect(searchCount(db, 'zebracrossing')).toBe(zebras);
    } finally {
      db.close();
    }
    expect(detectCipher(file, keyHex)).toBe('aegis');
    expect(detectCipher(`${file}.sqlcipher-backup`, keyHex)).toBe('sqlcipher');
    expect(existsSync(`${file}.cipher-conversion`)).toBe(false);
  });

  it('killed from outside while the new file is built: the old store was not written, the next unlock builds again', async () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, 3000);
    const file = join(dir, 'hearken.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/cipher-conversion-child.ts', file, keyHex], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    let killedInBuild = false;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
    });
    // The copy is one native call: the child is killed from here once the new file grows.
    const poll = setInterval(() => {
      if (seen.includes('marker') && existsSync(`${file}.aegis-new`) && statSync(`${file}.aegis-new`).size > 0) {
        killedInBuild = true;
        child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 1);
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    clearInterval(poll);
    expect(killedInBuild).toBe(true);
    expect(seen).not.toContain('built');
    expect(existsSync(`${file}.aegis-new`)).toBe(true);
    expect(detectCipher(file, keyHex)).toBe('sqlcipher');
    const oldBytes = hashFiles(dir, ['hearken.db'])['hearken.db'];

    const db = (await new StoreAccess(dir, new NoSecretStore()).unlock({ method: 'passphrase', passphrase: OLD_STORE_PASSPHRASE })).db;
    try {
      expect(feedbackCount(db)).toBe(3000);
      expect(searchCount(db, 'zebracrossing')).toBe(Math.ceil(3000 / 7));
    } finally {
      db.close();
    }
    expect(detectCipher(file, keyHex)).toBe('aegis');
    // The backup is the old file byte for byte as the killed build left it.
    expect(hashFiles(dir, ['hearken.db.sqlcipher-backup'])['hearken.db.sqlcipher-backup']).toBe(oldBytes);
    expect(existsSync(`${file}.aegis-new`)).toBe(false);
  });

  it('a verified copy that does not open with the key is never swapped in', () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, 50);
    const file = join(dir, 'hearken.db');
    expect(runChild(file, keyHex, 'marker-verified').signal).toBe('SIGKILL');
    // The new file is damaged behind Hearken's back: the old store stays, and it is built again.
    writeFileSync(`${file}.aegis-new`, Buffer.alloc(8192, 1));
    const before = hashFiles(dir, ['hearken.db'])['hearken.db'];
    expect(convertToAegis(file, keyHex).converted).toBe(true);
    expect(hashFiles(dir, ['hearken.db.sqlcipher-backup'])['hearken.db.sqlcipher-backup']).toBe(before);
    expect(detectCipher(file, keyHex)).toBe('aegis');
  });

  it('a resumed conversion with a wrong key renames nothing', () => {
    const dir = tempDir();
    const { keyHex } = makeOldStore(dir, 50);
    const file = join(dir, 'hearken.db');
    expect(runChild(file, keyHex, 'marker-verified').signal).toBe('SIGKILL');
    const before = snapshot(dir);
    expect(() => convertToAegis(file, 'cd'.repeat(32))).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }) as HearkenError);
    expect(snapshot(dir)).toEqual(before);
  });
});
