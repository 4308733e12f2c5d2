/**
 * One item as a report's scan reads it: the covering index's columns (migration 0016),
 * nothing else. store/reports-repo.ts produces them; aggregate.ts folds them into figures.
 */
import type { Channel, Sentiment, Status } from '../domain';

export interface ReportItem {
  receivedAt: number;
  channel: Channel;
  sentiment: Sentiment | null;
  status: Status;
  escalated: boolean;
  product: string | null;
  language: string | null;
  assignee: string | null;
  customerId: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  /** Business milliseconds (the SLA calendar) from arrival to the first reply, and to resolution. */
  firstResponseBms: number | null;
  resolutionBms: number | null;
  slaFirstResponse: 'met' | 'breached' | null;
  slaResolution: 'met' | 'breached' | null;
}

/** A table of a report, as CSV, XLSX and HTML all write it (shared/reports/tables.ts). */
export type CellType = 'text' | 'int' | 'number' | 'percent' | 'duration' | 'date';
export interface ReportTable {
  /** File and sheet name: lowercase, dashes ("volume-by-channel"). */
  name: string;
  title: string;
  /** `perRow` columns take each row's type from `rowTypes` (the summary mixes counts, shares and times); see cellTypeAt. */
  columns: { key: string; header: string; type: CellType; perRow?: boolean }[];
  /** Values by column key: numbers for int, number, percent (0..1), duration (ms) and date (epoch ms); strings for text; null when absent. */
  rows: Record<string, string | number | null>[];
  rowTypes?: CellType[];
}
