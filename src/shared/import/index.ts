/**
 * Import vocabulary shared by the importers, the pipeline, the contract and the window:
 * formats, the column mapping, and the shape of progress and the final report.
 */
import { z } from 'zod';

/** What a file can be imported as. Tabular formats need a column mapping; the others map themselves. */
export const importFormats = ['csv', 'tsv', 'json', 'ndjson', 'eml', 'mbox', 'zendesk', 'helpscout'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const tabularFormats: readonly ImportFormat[] = ['csv', 'tsv', 'json', 'ndjson'];

/** Feedback fields a column can be mapped to. `body` is required; everything else is optional. */
export const mappingTargets = [
  'externalId',
  'receivedAt',
  'customerName',
  'customerEmail',
  'subject',
  'body',
  'channel',
  'product',
  'language',
  'rating',
  'status',
  'sentiment',
  'tags',
  'tier',
  'agentReply',
] as const;
export type MappingTarget = (typeof mappingTargets)[number];

export const columnMappingSchema = z.object({
  /** target field → source column name (CSV header, or JSON key / dotted path). */
  fields: z.partialRecord(z.enum(mappingTargets), z.string().min(1).max(200)),
  /** IANA zone used for dates without an offset, e.g. 'UTC', 'Europe/Berlin'. */
  timeZone: z.string().min(1).max(64),
  /** Channel for rows that do not say. */
  defaultChannel: z.enum(['email', 'chat', 'survey', 'review', 'social']),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importCountsSchema = z.object({
  read: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;
