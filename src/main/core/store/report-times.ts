/**
 * Keeps feedback's report columns (migration 0016) current: derived.ts calls
 * refreshReportTimes for every batch it works out (each change's transaction, the
 * whole-store runs after a rule or SLA change), new imported items get theirs in their INSERT
 * (feedback-write.ts), and a store migrated to 0016 has them all worked out once, in steps, after unlock.
 */
import type { Priority, SlaSettings } from '../../../shared/escalation/schema';
import type { Status } from '../../../shared/domain';
import { reportTimesOf, type ReportTimes, type TimesSubject } from '../../../shared/reports/times';
import { cached, type DB } from './db';
import { getSetting, setSetting } from './settings';
import { loadSlaSettings } from './sla-repo';

/** Set once every item's report times were worked out (a store migrated to 0016 had none in business time). */
export const REPORT_TIMES_KEY = 'report-times.filled';
const BATCH = 2_000;

interface TimesRow {
  id: string;
  received_at: number;
  status: Status;
  priority: Priority | null;
  urgency: Priority | null;
  first_response_at: number | null;
  resolved_at: number | null;
  first_response_bms: number | null;
  resolution_bms: number | null;
  sla_first_response: 'met' | 'breached' | null;
  sla_resolution: 'met' | 'breached' | null;
}

const ROW_COLUMNS = `id, received_at, status, priority, urgency, first_response_at, resolved_at, first_response_bms, resolution_bms, sla_first_response, sla_resolution`;

const same = (row: TimesRow, t: ReportTimes): boolean =>
  row.first_response_at === t.firstResponseAt &&
  row.resolved_at === t.resolvedAt &&
  row.first_response_bms === t.firstResponseBms &&
  row.resolution_bms === t.resolutionBms &&
  row.sla_first_response === t.slaFirstResponse &&
  row.sla_resolution === t.slaResolution;

/** The times of a new item from what the import knows before the INSERT. */
export function newItemTimes(item: Omit<TimesSubject, 'statusChanges'>, settings: SlaSettings, now: number): ReportTimes {
  return reportTimesOf({ ...item, statusChanges: [{ status: item.status, at: item.receivedAt }] }, settings, now);
}

function writeTimes(db: DB, id: string, t: ReportTimes): void {
  cached(
    db,
    `UPDATE feedback SET first_response_at = ?, resolved_at = ?, first_response_bms = ?, resolution_bms = ?, sla_first_response = ?, sla_resolution = ? WHERE id = ?`,
  ).run(t.firstResponseAt, t.resolvedAt, t.firstResponseBms, t.resolutionBms, t.slaFirstResponse, t.slaResolution, id);
}

/** Works out and stores the report times of the given items (inside the caller's transaction); how many changed. */
export function refreshReportTimes(db: DB, ids: readonly string[], settings: SlaSettings, now: number): number {
  if (ids.length === 0) return 0;
  const json = JSON.stringify(ids);
  const rows = cached(db, `SELECT ${ROW_COLUMNS} FROM feedback WHERE id IN (SELECT value FROM json_each(?))`).all(json) as TimesRow[];
  const messages = new Map<string, { direction: 'in' | 'out' | 'note'; at: number }[]>();
  for (const m of cached(db, 'SELECT feedback_id AS id, direction, sent_at AS at FROM messages WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY sent_at, rowid').all(json) as {
    id: string;
    direction: 'in' | 'out' | 'note';
    at: number;
  }[]) {
    let list = messages.get(m.id);
    if (!list) messages.set(m.id, (list = []));
    list.push({ direction: m.direction, at: m.at });
  }
  const statuses = new Map<string, { status: Status; at: number }[]>();
  for (const s of cached(db, 'SELECT feedback_id AS id, status, at FROM status_changes WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY at').all(json) as {
    id: string;
    status: Status;
    at: number;
  }[]) {
    let list = statuses.get(s.id);
    if (!list) statuses.set(s.id, (list = []));
    list.push({ status: s.status, at: s.at });
  }
  let changed = 0;
  for (const row of rows) {
    const times = reportTimesOf(
      {
        receivedAt: row.received_at,
        status: row.status,
        priority: row.priority ?? row.urgency ?? 'normal',
        messages: messages.get(row.id) ?? [],
        statusChanges: statuses.get(row.id) ?? [],
      },
      settings,
      now,
    );
    if (same(row, times)) continue;
    writeTimes(db, row.id, times);
    changed++;
  }
  return changed;
}

/**
 * Works out the report times of every item (`where` over alias f narrows it) in rowid
 * batches, one short transaction each, answering other calls between them. False when
 * `stillWanted` ended it.
 */
export async function refreshTimesInSteps(db: DB, now: () => number, stillWanted: () => boolean, where?: string): Promise<boolean> {
  const settings = loadSlaSettings(db);
  const select = cached(db, `SELECT f.rowid AS r, f.id FROM feedback f WHERE f.rowid > ?${where ? ` AND (${where})` : ''} ORDER BY f.rowid LIMIT ?`);
  let after = 0;
  for (;;) {
    if (!db.open || !stillWanted()) return false;
    const rows = select.all(after, BATCH) as { r: number; id: string }[];
    if (rows.length === 0) break;
    const at = now();
    db.transaction(() => refreshReportTimes(db, rows.map((r) => r.id), settings, at)).immediate();
    after = rows[rows.length - 1]!.r;
    if (rows.length < BATCH) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return true;
}

/** The fill under way per connection, so the unlock's and a report's wait share one run. */
const filling = new WeakMap<DB, Promise<boolean>>();

/**
 * Once per store (after migration 0016): every item's report times, in steps after unlock.
 * A report awaits it too, so its figures never mix worked-out and missing business times.
 * True once the store's times are all worked out.
 */
export function fillReportTimesOnce(db: DB, now: () => number, stillWanted: () => boolean): Promise<boolean> {
  if (getSetting(db, REPORT_TIMES_KEY) !== null) return Promise.resolve(true);
  const running = filling.get(db);
  if (running) return running;
  const run = (async () => {
    if (!(await refreshTimesInSteps(db, now, stillWanted))) return false;
    if (!db.open || !stillWanted()) return false;
    setSetting(db, REPORT_TIMES_KEY, '1', now());
    return true;
  })().finally(() => filling.delete(db));
  filling.set(db, run);
  return run;
}
