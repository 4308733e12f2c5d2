/**
 * When backups are made on their own: settings in `settings` (default: on, every 24 hours,
 * keep 7), and a scheduler that, while the store is unlocked, makes one when it is due: at
 * unlock and then each minute. A store that has no backup yet counts from the first time
 * the schedule was looked at, so a new store gets its first backup a period later.
 */
import { backupScheduleSchema, type BackupSchedule } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { log } from '../log';
import type { DB } from '../store/db';
import { getSetting, setSetting } from '../store/settings';

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { enabled: true, everyHours: 24, keep: 7 };
const SCHEDULE_KEY = 'backup.schedule';
const SINCE_KEY = 'backup.schedule.since';
export const BACKUP_CHECK_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The stored schedule, field by field over the defaults (a damaged value falls back). */
export function loadBackupSchedule(db: DB): BackupSchedule {
  const raw = getSetting(db, SCHEDULE_KEY);
  if (raw === null) return DEFAULT_BACKUP_SCHEDULE;
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) stored = parsed as Record<string, unknown>;
  } catch {
    // A value this version cannot read: the defaults.
  }
  const merged: Record<string, unknown> = { ...DEFAULT_BACKUP_SCHEDULE };
  for (const field of Object.keys(DEFAULT_BACKUP_SCHEDULE) as (keyof BackupSchedule)[]) {
    const one = backupScheduleSchema.shape[field].safeParse(stored[field]);
    if (one.success) merged[field] = one.data;
  }
  return merged as BackupSchedule;
}

export function saveBackupSchedule(db: DB, patch: Partial<BackupSchedule>, now: number): BackupSchedule {
  // A field sent as undefined (IPC keeps such keys) is a field left as it is, not one cleared.
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...loadBackupSchedule(db), ...given };
  setSetting(db, SCHEDULE_KEY, JSON.stringify(next), now);
  return next;
}

/** When the schedule began counting (stored the first time it is asked). */
export function scheduleSince(db: DB, now: number): number {
  const stored = Number(getSetting(db, SINCE_KEY));
  if (Number.isInteger(stored) && stored > 0) return stored;
  setSetting(db, SINCE_KEY, String(now), now);
  return now;
}

/** When the next scheduled backup is due; null when the schedule is off. Pure. */
export function nextBackupDue(schedule: BackupSchedule, lastBackupAt: number | null, since: number): number | null {
  if (!schedule.enabled) return null;
  return (lastBackupAt ?? since) + schedule.everyHours * HOUR_MS;
}

export interface ScheduledBackups {
  lastBackupAt(): number | null;
  /** Makes a scheduled backup; resolves when it is written. */
  makeScheduled(): Promise<unknown>;
}

export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly backups: ScheduledBackups,
  ) {}

  start(): void {
    this.stop();
    if (!this.ctx.db) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), BACKUP_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes a backup if one is due; resolves when done. Never rejects. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const db = this.ctx.db;
    if (!db) return Promise.resolve();
    const now = this.ctx.now();
    try {
      const due = nextBackupDue(loadBackupSchedule(db), this.backups.lastBackupAt(), scheduleSince(db, now));
      if (due === null || due > now) return Promise.resolve();
    } catch (error) {
      log.warn('scheduled backups could not be checked; they are checked again in a minute', { error: message(error) });
      return Promise.resolve();
    }
    this.running = this.backups
      .makeScheduled()
      .then(
        () => undefined,
        (error: unknown) => log.warn('a scheduled backup failed; it is tried again in a minute', { error: message(error) }),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
