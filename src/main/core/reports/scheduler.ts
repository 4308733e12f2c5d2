/**
 * Scheduled exports while the store is unlocked: every minute, a run that is due writes
 * the last full day or week into the chosen folder. A problem (no folder, a folder that
 * cannot be written, no PDF printer) is kept in lastRun and logged; it never stops the app.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ScheduleStatus } from '../../../shared/reports/schema';
import { nextRunAt, periodForRun, reportFileName, rowsFileName, type ScheduledPeriod } from '../../../shared/reports/schedule';
import type { CoreContext } from '../context';
import { log } from '../log';
import { recordAudit } from '../store/audit';
import type { DB } from '../store/db';
import { loadReportSchedule, recordScheduledRun, scheduleSince, type ScheduleLastRun } from '../store/report-schedule-repo';
import { loadSlaSettings } from '../store/sla-repo';
import { fillReportTimesOnce } from '../store/report-times';
import { buildReport } from './build';
import { freeName, writeReportAs } from './export-files';
import { writeConversationRows } from './rows';
import type { PrintToPdf } from './seams';

export const SCHEDULE_CHECK_MS = 60_000;

/** Report days and weeks are the SLA calendar's, as the Reports screen's are. */
export function reportTimeZone(db: DB): string {
  return loadSlaSettings(db).calendar.timeZone;
}

export class ReportScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    /** The host's printer, asked at each run (the app's may appear after start). */
    private readonly printer: () => PrintToPdf | undefined,
  ) {}

  start(): void {
    this.stop();
    if (!this.ctx.db) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  status(db: DB): ScheduleStatus {
    const stored = loadReportSchedule(db);
    return {
      schedule: stored.schedule,
      lastRun: stored.lastRun,
      nextRunAt: nextRunAt(stored.schedule, scheduleSince(stored), this.ctx.now(), reportTimeZone(db)),
      pdfAvailable: this.printer() !== undefined,
    };
  }

  /** Runs the export if one is due; resolves when it has been written (or failed). Never rejects. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const db = this.ctx.db;
    if (!db) return Promise.resolve();
    let due: number | null;
    try {
      const stored = loadReportSchedule(db);
      due = nextRunAt(stored.schedule, scheduleSince(stored), this.ctx.now(), reportTimeZone(db));
    } catch (error) {
      log.warn('scheduled exports could not be checked; they are checked again in a minute', { error: message(error) });
      return Promise.resolve();
    }
    if (due === null || due > this.ctx.now()) return Promise.resolve();
    return this.runOnce(due);
  }

  /** Writes the exports for the last full period now, whether or not one is due. */
  async runNow(): Promise<void> {
    if (this.running) await this.running;
    await this.runOnce(this.ctx.now());
  }

  private runOnce(runAt: number): Promise<void> {
    const run = this.run(runAt)
      .catch((error: unknown) => log.warn('a scheduled export failed', { error: message(error) }))
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }

  private async run(runAt: number): Promise<void> {
    const db = this.ctx.db;
    if (!db) return;
    const now = this.ctx.now();
    const { schedule } = loadReportSchedule(db);
    const timeZone = reportTimeZone(db);
    const period = periodForRun(schedule, runAt, timeZone);
    const files: string[] = [];
    const problems: string[] = [];
    const folderProblem = checkFolder(schedule.folder);
    if (folderProblem) problems.push(folderProblem);
    else await this.writeAll(db, schedule.folder, period, timeZone, now, files, problems);

    const lastRun: ScheduleLastRun = { at: now, files, error: problems.length > 0 ? problems.join(' ') : null };
    if (lastRun.error) log.warn('scheduled export', { error: lastRun.error, written: files.length });
    if (!this.ctx.db?.open) return;
    db.transaction(() => {
      recordScheduledRun(db, lastRun, now);
      recordAudit(db, { at: now, actor: 'system', action: 'report.scheduled', detail: { period: period.label, files, error: lastRun.error } });
    }).immediate();
    this.ctx.emit('reports.scheduled', lastRun);
  }

  private async writeAll(db: DB, folder: string, period: ScheduledPeriod, timeZone: string, now: number, files: string[], problems: string[]): Promise<void> {
    const { schedule } = loadReportSchedule(db);
    // A store just migrated to report times fills them first, as reports.run does.
    await fillReportTimesOnce(db, this.ctx.now, () => this.ctx.db === db);
    const report = buildReport(db, { from: period.from, to: period.to, timeZone, compare: { kind: schedule.compare }, filter: {} }, now);
    const printer = this.printer();
    for (const format of schedule.formats) {
      if (format === 'pdf' && !printer) {
        problems.push('PDF was skipped: there is no printer here (the app prints PDF; the command line needs Chromium or Chrome).');
        continue;
      }
      const name = freeName(folder, reportFileName(period.label, format));
      try {
        files.push(...(await writeReportAs(report, format, join(folder, name), printer)));
      } catch (error) {
        problems.push(`${format.toUpperCase()} was not written: ${message(error)}`);
      }
    }
    if (schedule.includeRows) {
      const name = freeName(folder, rowsFileName(period.label));
      try {
        await writeConversationRows(db, { receivedFrom: period.from, receivedTo: period.to }, 'csv', join(folder, name), { timeZone, now });
        files.push(basename(name));
      } catch (error) {
        problems.push(`The conversation rows were not written: ${message(error)}`);
      }
    }
  }
}

/** Why the folder cannot take the exports, in words that say what to do; null when it can. */
export function checkFolder(folder: string): string | null {
  if (!folder) return 'No folder is chosen for scheduled exports. Choose one under Reports → Schedule.';
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder. Choose a folder for scheduled exports under Reports → Schedule.`;
    accessSync(folder, constants.W_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : 'cannot be written to';
    return `The folder for scheduled exports, ${folder}, ${why}. Choose another folder under Reports → Schedule, or make it writable.`;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
