/**
 * Backups as the core holds them: one operation at a time per core (a scheduled backup
 * waits for a restore and the reverse), the folder `<dataDir>/backups`, and the steps of
 * create, list, verify and restore. The copy runs as a `backup` job, on the job thread's
 * own connection where there is one, so the window keeps its answers meanwhile.
 */
import { rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo, BackupReason, BackupSchedule } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { requireDb, type CoreContext, type StoreSwap } from '../context';
import type { JobService } from '../jobs/service';
import { recordAudit } from '../store/audit';
import { latestVersion } from '../store/migrate';
import { migrations } from '../store/migrations';
import type { Actor } from '../types';
import { inspectReadOnly } from './backup-db';
import { finishBackup, freeBackupPath, keepAside } from './create';
import { cleanStale, ensureFolder, listBackups, pruneBackups } from './folder';
import type { BackupJobParams, BackupJobResult } from './job-types';
import { parseBackupName, tempNameFor } from './names';
import { replaceStoreFile } from './replace';
import { loadBackupSchedule, saveBackupSchedule, type ScheduledBackups } from './schedule';
import { verifyBackup, type Verified } from './verify';

export class Backups implements ScheduledBackups {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly jobs: JobService,
  ) {}

  folder(): string {
    return join(this.ctx.store.paths.dir, 'backups');
  }

  list(): { folder: string; schedule: BackupSchedule; lastBackupAt: number | null; backups: BackupInfo[] } {
    const schedule = loadBackupSchedule(requireDb(this.ctx));
    const backups = listBackups(this.folder());
    return { folder: this.folder(), schedule, lastBackupAt: backups[0]?.createdAt ?? null, backups };
  }

  lastBackupAt(): number | null {
    return listBackups(this.folder())[0]?.createdAt ?? null;
  }

  makeScheduled(): Promise<BackupInfo> {
    return this.create('scheduled', 'system');
  }

  setSchedule(patch: Partial<BackupSchedule>, actor: Actor): BackupSchedule {
    const db = requireDb(this.ctx);
    const at = this.ctx.now();
    return db.transaction(() => {
      const next = saveBackupSchedule(db, patch, at);
      recordAudit(db, { at, actor, action: 'backup.schedule', detail: { ...next } });
      return next;
    }).immediate();
  }

  /** A backup named in the backup folder: only a finished backup's name, never a path. */
  fileNamed(name: string): string {
    if (basename(name) !== name || !parseBackupName(name)) throw new HearkenError('VALIDATION', `"${name}" is not a backup's name (hearken-backup-….db). See backup list.`);
    const found = listBackups(this.folder()).find((b) => b.name === name);
    if (!found) throw new HearkenError('NOT_FOUND', `There is no finished backup named ${name} in ${this.folder()}. See backup list.`);
    return found.file;
  }

  /** Into the backup folder, or `outDir` (a folder the caller was granted; not trimmed to keep). */
  create(reason: BackupReason, actor: Actor, outDir?: string): Promise<BackupInfo> {
    return this.serial(async () => {
      const key = this.key();
      const dir = outDir ?? this.folder();
      ensureFolder(dir);
      cleanStale(dir, this.inFlight, this.ctx.now());
      const createdAt = this.ctx.now();
      const final = freeBackupPath(dir, createdAt, reason);
      const temp = tempNameFor(final);
      this.inFlight.add(temp);
      let info: BackupInfo;
      try {
        const done = await this.job({ op: 'copy', tempPath: temp }, actor, { reason }, 'The backup was not made');
        if (done.op !== 'copy') throw new HearkenError('INTERNAL', 'The backup job answered with an inspection.');
        info = finishBackup(temp, final, done.facts, { createdAt, reason, key });
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      } finally {
        this.inFlight.delete(temp);
      }
      const removed = outDir === undefined && this.ctx.db ? pruneBackups(dir, loadBackupSchedule(this.ctx.db).keep, new Set([info.name])) : [];
      this.audit(actor, 'backup.created', { name: info.name, reason, items: info.items, removed });
      return info;
    });
  }

  /** On the job thread: a large backup's integrity_check takes as long as reading all of it. */
  verify(file: string, actor: Actor): Promise<Verified> {
    return verifyBackup(file, this.key(), async (path) => {
      const done = await this.job({ op: 'inspect', file: path }, actor, { verify: basename(path) }, 'The backup could not be checked');
      if (done.op !== 'inspect') throw new HearkenError('INTERNAL', 'The backup job answered with a copy.');
      return done.inspection;
    });
  }

  /**
   * Verifies the backup, then, with every connection closed, keeps the current store aside
   * as a verified `before-restore` backup and puts the backup's file in its place; the
   * swap reopens the store (migrating a backup from an older version).
   */
  restore(file: string, swap: StoreSwap, actor: Actor): Promise<{ restored: BackupInfo; keptAside: BackupInfo }> {
    return this.serial(async () => {
      const key = this.key();
      const nativeBinding = this.nativeBinding();
      // Read on a connection of its own, not as a job: a refused restore must not write a byte (not even a jobs row).
      const check = await verifyBackup(file, key, (path) => inspectReadOnly(path, key.toString('hex'), nativeBinding));
      if (!check.ok) throw new HearkenError(check.problem ?? 'CORRUPT_DATABASE', `Not restored: ${check.message}`);
      const latest = latestVersion(migrations);
      if (check.schemaVersion !== null && check.schemaVersion > latest) {
        throw new HearkenError('NEWER_SCHEMA', `Not restored: ${basename(file)} comes from a newer Hearken (schema ${check.schemaVersion}, this one knows ${latest}). Update Hearken first.`);
      }
      const dir = this.folder();
      ensureFolder(dir);
      cleanStale(dir, this.inFlight, this.ctx.now());
      const dbPath = this.ctx.store.paths.db;
      let keptAside: BackupInfo | null = null;
      await swap(async () => {
        keptAside = await keepAside(dbPath, dir, key, this.ctx.now(), nativeBinding);
        replaceStoreFile(dbPath, file);
      });
      if (!keptAside) throw new HearkenError('INTERNAL', 'The restore ended without keeping the current store aside.');
      const aside: BackupInfo = keptAside;
      const restored: BackupInfo = {
        name: basename(file),
        file,
        createdAt: check.side?.createdAt ?? Math.round(stat(file)?.mtimeMs ?? 0),
        sizeBytes: stat(file)?.size ?? 0,
        reason: check.side?.reason ?? 'manual',
        items: check.counts.find((c) => c.table === 'feedback')?.rows ?? 0,
        schemaVersion: check.schemaVersion ?? 0,
      };
      const protect = new Set([aside.name, ...(dirname(file) === dir ? [basename(file)] : [])]);
      const removed = this.ctx.db ? pruneBackups(dir, loadBackupSchedule(this.ctx.db).keep, protect) : [];
      this.audit(actor, 'backup.restored', { name: restored.name, keptAside: aside.name, items: restored.items, removed });
      return { restored, keptAside: aside };
    });
  }

  private async job(params: BackupJobParams, actor: Actor, describe: Record<string, unknown>, failure: string): Promise<BackupJobResult> {
    const job = this.jobs.start('backup', params, { actor, describe, onProgress: () => undefined, changedReason: 'analysis' });
    const outcome = await job.done;
    if (!outcome.ok) throw new HearkenError(outcome.error.code, `${failure}: ${outcome.error.message}`);
    return outcome.result;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private key(): Buffer {
    const key = this.ctx.store.openKey();
    if (!this.ctx.db || !key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    return key;
  }

  private nativeBinding(): string | undefined {
    try {
      return this.ctx.store.connection()?.nativeBinding;
    } catch {
      return undefined;
    }
  }

  private audit(actor: Actor, action: string, detail: Record<string, unknown>): void {
    const db = this.ctx.db;
    if (!db?.open) return;
    recordAudit(db, { at: this.ctx.now(), actor, action, entityType: 'backup', detail });
  }
}

/** A file's size and time; null when it is gone. */
function stat(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
