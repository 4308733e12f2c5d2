/**
 * The report's parts and who builds them, so each can be written and tested alone:
 * the figures (build.ts), the tables every format shares (shared/reports/tables.ts),
 * the self-contained HTML (shared/reports/html.ts), the writers (export.ts, rows.ts) and
 * the PDF printers (pdf.ts). handlers/reports.ts and the CLI put them together.
 */
import type { FeedbackFilter } from '../../../shared/contract';
import type { Report, ReportScope, RowFormat, TimeBasis as ReportTimeBasis } from '../../../shared/reports/schema';
import type { DB } from '../store/db';

/** build.ts: every figure of a report, read from the store at `now`. */
export type BuildReport = (db: DB, scope: ReportScope, now: number) => Report;

/** Which durations a rendering shows first; both are always in the report. */
export type TimeBasis = ReportTimeBasis;

/** rows.ts: writes one row per conversation to `path` atomically; the count written. */
export type WriteConversationRows = (
  db: DB,
  filter: FeedbackFilter,
  format: RowFormat,
  path: string,
  /** `now`: the clock the SLA filters (due soon, breached) read; Date.now() when absent. */
  options?: { onProgress?(done: number, total: number): void; signal?: AbortSignal; timeZone?: string; now?: number },
) => Promise<number>;

/** A printer turns one self-contained HTML page into PDF bytes. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;
