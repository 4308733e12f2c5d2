/**
 * The column mapping as the agent sees it: one choice per source column. The core keeps it
 * the other way round (target field → column); these helpers turn one into the other.
 */
import type { ImportPreviewInfo } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { mappingTargets, tabularFormats, targetLabels, type ColumnMapping, type ImportFormat, type MappingTarget } from '../../../../shared/import';
import { mappingProblems } from '../../../../shared/import/mapping';
import { directionReader } from '../../../../shared/import/values';

/** The Select value for a column the agent leaves out. */
export const skipColumn = 'skip';

export type ColumnChoice = MappingTarget | typeof skipColumn;

export { targetLabels };

/** Targets in the order an agent thinks of them: the message first, then who and when. */
export const targetOrder: readonly MappingTarget[] = [
  'body',
  'subject',
  'receivedAt',
  'customerName',
  'customerEmail',
  'externalId',
  'channel',
  'product',
  'language',
  'rating',
  'status',
  'sentiment',
  'tags',
  'tier',
  'agentReply',
  'replyTo',
  'direction',
].filter((t): t is MappingTarget => (mappingTargets as readonly string[]).includes(t));

export function isTabular(format: ImportFormat): boolean {
  return tabularFormats.includes(format);
}

/** column name → what it imports as, from the core's target → column mapping. */
export function choicesFromMapping(columns: readonly string[], mapping: ColumnMapping | null): Record<string, ColumnChoice> {
  const choices: Record<string, ColumnChoice> = Object.fromEntries(columns.map((c) => [c, skipColumn]));
  if (mapping === null) return choices;
  for (const target of mappingTargets) {
    const column = mapping.fields[target];
    if (column !== undefined && column in choices && choices[column] === skipColumn) choices[column] = target;
  }
  return choices;
}

/**
 * Sets one column's target. A target takes one column, so a column that had it before
 * goes back to "Don't import"; returns that column's name so the window can say so.
 */
export function chooseTarget(
  choices: Record<string, ColumnChoice>,
  column: string,
  target: ColumnChoice,
): { choices: Record<string, ColumnChoice>; displaced: string | null } {
  const next = { ...choices, [column]: target };
  let displaced: string | null = null;
  if (target !== skipColumn) {
    for (const [other, chosen] of Object.entries(next)) {
      if (other !== column && chosen === target) {
        next[other] = skipColumn;
        displaced = other;
      }
    }
  }
  return { choices: next, displaced };
}

/** What the mapping step asks besides the columns. Empty text means "not given". */
export interface MappingExtras {
  origin?: string;
  /** As typed: the company's values of the direction column, separated by commas. */
  outboundValues?: string;
}

/** "AppleSupport, AmazonHelp ,," → the distinct non-empty values. */
export function parseValueList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const value = raw.trim();
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

export function mappingFromChoices(choices: Record<string, ColumnChoice>, timeZone: string, defaultChannel: Channel, extras: MappingExtras = {}): ColumnMapping {
  const fields: ColumnMapping['fields'] = {};
  for (const [column, target] of Object.entries(choices)) if (target !== skipColumn) fields[target] = column;
  const mapping: ColumnMapping = { fields, timeZone, defaultChannel };
  const origin = extras.origin?.trim() ?? '';
  if (origin !== '') mapping.origin = origin;
  const outbound = parseValueList(extras.outboundValues ?? '');
  if (fields.direction !== undefined && outbound.length > 0) mapping.outboundValues = outbound;
  return mapping;
}

/**
 * True when the direction column's first values are not in/out words or flags (an author
 * column): the step then asks which of its values are the company's.
 */
export function directionNeedsValues(choices: Record<string, ColumnChoice>, sample: ImportPreviewInfo['sample']): boolean {
  const column = Object.entries(choices).find(([, target]) => target === 'direction')?.[0];
  if (column === undefined) return false;
  const read = directionReader(column);
  const values = sample.map((row) => row[column] ?? '').filter((v) => v.trim() !== '');
  return values.length > 0 && values.some((v) => read(v) === undefined);
}

/**
 * Why the Import button is off, or null when the mapping can be imported: no message
 * column, or a column that does not fit the file's first rows (the core refuses the same).
 */
export function mappingProblem(
  choices: Record<string, ColumnChoice>,
  preview?: Pick<ImportPreviewInfo, 'columns' | 'sample'>,
  extras: MappingExtras = {},
): string | null {
  if (!Object.values(choices).includes('body')) return `Choose the column that holds the customer’s message (“${targetLabels.body}”).`;
  if (!preview) return null;
  const known = new Set(preview.columns);
  const mapping = mappingFromChoices(choices, 'UTC', 'email', extras);
  const [first] = mappingProblems(mapping, (column) => (known.has(column) ? preview.sample.map((row) => row[column] ?? '') : null));
  return first?.short ?? null;
}

/** Up to `count` distinct, non-empty sample values of one column, shortened for a table cell. */
export function sampleValues(sample: ImportPreviewInfo['sample'], column: string, count = 3, maxChars = 80): string[] {
  return sampleCells(sample, column, count, maxChars).map((cell) => cell.text);
}

export interface SampleCell {
  /** Shortened for a table cell. */
  text: string;
  /** The value with its spaces collapsed, for the cell's title (a long message up to `titleChars`). */
  full: string;
}

/**
 * The values the mapping step shows under a column: up to `count` distinct, non-empty ones
 * from the first rows, each shortened for the cell and kept whole (within reason) for its title.
 */
export function sampleCells(sample: ImportPreviewInfo['sample'], column: string, count = 3, maxChars = 80, titleChars = 600): SampleCell[] {
  const seen = new Set<string>();
  const cells: SampleCell[] = [];
  for (const row of sample) {
    const raw = row[column]?.replace(/\s+/g, ' ').trim();
    if (!raw || seen.has(raw)) continue;
    seen.add(raw);
    cells.push({ text: shorten(raw, maxChars), full: shorten(raw, titleChars) });
    if (cells.length >= count) break;
  }
  return cells;
}

function shorten(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/**
 * Roughly how many rows the file holds, from the size of the sampled rows. Null when the
 * sample says nothing (no rows, or a format that is not row-shaped).
 */
export function estimateRows(preview: Pick<ImportPreviewInfo, 'sample' | 'columns' | 'totalBytes' | 'format'>): number | null {
  if (preview.sample.length === 0 || preview.totalBytes === 0 || !isTabular(preview.format)) return null;
  const perRowOverhead = preview.format === 'json' || preview.format === 'ndjson' ? 8 : 2;
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const row of preview.sample) {
    for (const [key, value] of Object.entries(row)) {
      bytes += encoder.encode(value).length + perRowOverhead;
      if (preview.format === 'json' || preview.format === 'ndjson') bytes += key.length + 4;
    }
  }
  const perRow = Math.max(1, bytes / preview.sample.length);
  return Math.max(preview.sample.length, Math.round(preview.totalBytes / perRow));
}
