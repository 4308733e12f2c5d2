/**
 * The data folder's setup lock: `hearken.setup.lock`, created with O_EXCL, so of two setups
 * of one folder (two `init`s, or the app's first run and an `init`) exactly one proceeds.
 * It holds the owner's process id, host, the store id it is making and a random token; the
 * token also names every temporary file that setup makes, so whoever finds the lock of a
 * dead setup knows which leftovers were its.
 *
 * A lock whose process is gone (a setup killed mid-way) is taken over. Taking over moves
 * the lock aside under the taker's own name and checks that what it moved is the dead
 * lock it read: two takers cannot both remove it, and a taker that moved a lock a live
 * setup made a moment ago puts it back. The setup also checks it still holds the lock
 * right before it puts the database in place, and puts it there without replacing
 * anything, so even a lost lock cannot cost a store.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HearkenError } from '../../../shared/errors';

export const SETUP_LOCK = 'hearken.setup.lock';

const holderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  token: z.string().regex(/^[0-9a-f]{16}$/),
  /** The store id this setup writes into the manifest: a dead setup's manifest is known by it. */
  storeId: z.string(),
  startedAt: z.number(),
});
export type LockHolder = z.infer<typeof holderSchema>;

/** A lock file still being written (created, not yet filled) is left alone this long. */
const UNREADABLE_GRACE_MS = 10_000;

export class SetupLock {
  private constructor(
    readonly file: string,
    readonly holder: LockHolder,
    /** The lock of a dead setup this one took over, if any: its token names its leftovers. */
    readonly tookOverFrom: LockHolder | null,
  ) {}

  /** Takes the lock of `dir`, or throws SETUP_RUNNING naming who holds it. */
  static acquire(dir: string, storeId: string): SetupLock {
    const file = join(dir, SETUP_LOCK);
    const holder: LockHolder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), storeId, startedAt: Date.now() };
    let tookOverFrom: LockHolder | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (tryCreate(file, holder)) return new SetupLock(file, holder, tookOverFrom);
      let seen: Buffer;
      try {
        seen = readFileSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const other = parseHolder(seen);
      if (!isStale(file, other)) throw running(dir, file, other);
      const aside = `${file}.stale-${holder.token}`;
      try {
        renameSync(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = readFileSync(aside);
      if (!moved.equals(seen)) {
        // A live setup made this lock between the read and the move: give it back.
        try {
          linkSync(aside, file);
        } catch {
          // Yet another setup has made one since; that setup holds the folder now.
        }
        rmSync(aside, { force: true });
        throw running(dir, file, parseHolder(moved));
      }
      rmSync(aside, { force: true });
      tookOverFrom = other;
    }
    throw running(dir, file, null);
  }

  /** Whether the lock file is still this setup's (it is, unless a taker misjudged it dead). */
  held(): boolean {
    try {
      return parseHolder(readFileSync(this.file))?.token === this.holder.token;
    } catch {
      return false;
    }
  }

  /** Removes the lock if it is still this setup's. */
  release(): void {
    if (!this.held()) return;
    const aside = `${this.file}.release-${this.holder.token}`;
    try {
      renameSync(this.file, aside);
    } catch {
      return;
    }
    // Moved, then checked: a lock another setup made in between is put back, not removed.
    if (parseHolder(readFileSync(aside))?.token !== this.holder.token) {
      try {
        linkSync(aside, this.file);
      } catch {
        // Another setup holds the folder now.
      }
    }
    rmSync(aside, { force: true });
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    // A lock that could not be written (a full disk) is no lock: it must not be left behind.
    rmSync(file, { force: true });
    throw error;
  }
  return true;
}

function parseHolder(bytes: Buffer): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Dead only when that is certain: the same host, and no process with that id. A lock
 * from another computer (a shared folder) or one being written counts as live.
 */
function isStale(file: string, holder: LockHolder | null): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(file).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  if (holder.host !== hostname()) return false;
  // Our own id: another setup in this process, unless the lock is older than this process
  // (a container restarted with the same id).
  if (holder.pid === process.pid) return holder.startedAt < Date.now() - process.uptime() * 1000 - 1000;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function running(dir: string, file: string, holder: LockHolder | null): HearkenError {
  const who = holder ? ` (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`})` : '';
  return new HearkenError(
    'SETUP_RUNNING',
    `Another Hearken setup is creating a store in ${dir} right now${who}. Wait for it to finish, then unlock the store it made. If no setup is running, delete ${file} and try again.`,
  );
}
