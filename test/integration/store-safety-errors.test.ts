/**
 * What a full disk is called, without filling one (store-safety-disk-full.test.ts fills a
 * real tmpfs, as root): SQLITE_FULL made by capping a real encrypted store's page count,
 * and ENOSPC from writing to /dev/full, both become DISK_FULL with a message that says
 * what to do, names the folder and carries no customer text.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isDiskFull, toErrorInfo } from '../../src/main/core/errors';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('a full disk as an error', () => {
  it('SQLITE_FULL from a real encrypted store is DISK_FULL, and the write left nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-full-'));
    dirs.push(dir);
    const db = openEncrypted(join(dir, 'hearken.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
    try {
      migrate(db, migrations);
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const secret = 'Customer text: my card ending 4242 was charged twice';
      const error = thrown(() => db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('big', secret.repeat(2000), 1));
      expect((error as { code?: string }).code).toBe('SQLITE_FULL');
      expect(isDiskFull(error)).toBe(true);
      const info = toErrorInfo(error, dir);
      expect(info).toEqual({ code: 'DISK_FULL', message: `The disk holding ${dir} is full. Free some space, then try again; nothing was changed.` });
      expect(info.message).not.toContain('4242');
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'big'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it.runIf(existsSync('/dev/full'))('ENOSPC from a file write is DISK_FULL', () => {
    const error = thrown(() => writeFileSync('/dev/full', 'a manifest or an export'));
    expect((error as { code?: string }).code).toBe('ENOSPC');
    expect(toErrorInfo(error, '/data/folder')).toEqual({
      code: 'DISK_FULL',
      message: expect.stringMatching(/^The disk holding \/(dev|data\/folder) is full\. Free some space, then try again; nothing was changed\.$/) as string,
    });
  });

  it('the shared-memory file failing to grow counts as a full disk; a busy store does not', () => {
    expect(isDiskFull({ code: 'SQLITE_IOERR_SHMSIZE' })).toBe(true);
    expect(isDiskFull({ code: 'EDQUOT' })).toBe(true);
    expect(toErrorInfo({ code: 'SQLITE_BUSY' }).code).toBe('DATABASE_LOCKED');
    expect(toErrorInfo(new Error('boom')).code).toBe('INTERNAL');
  });
});
