/** What the report's tables share: cell types, the time basis, and shares and changes that stay null without a base. */
import type { ReportTable } from './item';

import type { TimeBasis } from './schema';

export type TableBasis = TimeBasis;
export type Row = ReportTable['rows'][number];
export type Column = ReportTable['columns'][number];

export const basisLabel = (basis: TableBasis): string => (basis === 'business' ? 'business hours' : 'calendar time');
export const otherBasis = (basis: TableBasis): TableBasis => (basis === 'business' ? 'calendar' : 'business');

/** a / b, null when b is 0: a share with no base is unknown, not zero. */
export const share = (a: number, b: number): number | null => (b === 0 ? null : a / b);
export const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
export const relative = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : (a - b) / b);

export function capital(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
