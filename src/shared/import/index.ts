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
  'replyTo',
  'direction',
] as const;
export type MappingTarget = (typeof mappingTargets)[number];

/** What each target is called in the window and the CLI's summary. */
export const targetLabels: Record<MappingTarget, string> = {
  body: 'Message',
  subject: 'Subject',
  receivedAt: 'Received at (date)',
  customerName: 'Customer name',
  customerEmail: 'Customer e-mail',
  externalId: 'Ticket or message ID',
  channel: 'Channel',
  product: 'Product',
  language: 'Language',
  rating: 'Rating',
  status: 'Status',
  sentiment: 'Sentiment',
  tags: 'Tags',
  tier: 'Customer tier',
  agentReply: 'Agent reply',
  replyTo: 'Replies to (message ID)',
  direction: 'Direction (in or out)',
};

/** Longest origin name; it is part of a dedupe key, not a description. */
export const ORIGIN_MAX = 100;

export const columnMappingSchema = z.object({
  /** target field → source column name (CSV header, or JSON key / dotted path). */
  fields: z.partialRecord(z.enum(mappingTargets), z.string().min(1).max(200)),
  /** IANA zone used for dates without an offset, e.g. 'UTC', 'Europe/Berlin'. */
  timeZone: z.string().min(1).max(64),
  /** Channel for rows that do not say. */
  defaultChannel: z.enum(['email', 'chat', 'survey', 'review', 'social']),
  /**
   * The system the file was exported from, as the person names it (e.g. "Typeform NPS").
   * External ids dedupe only within one origin; without a name the file's own content
   * is the origin (see originSource), so an unrelated export that also numbers its rows
   * 1..N is not taken for this one.
   */
  origin: z
    .string()
    .max(ORIGIN_MAX)
    .regex(/\S/, 'an origin needs at least one letter or digit')
    .optional(),
  /**
   * Values of the direction column that mean the company wrote the row (e.g. the
   * company's account names in an author column). When set, every other value is the
   * customer's; when not, the column's values are read as in/out words or flags.
   */
  outboundValues: z.array(z.string().min(1).max(200)).max(200).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The source a named origin stores rows under: case and spacing do not make another origin. */
export function namedOriginSource(origin: string): string {
  return `origin:${origin.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** The default origin of a tabular file: its format and a digest of its first 64 KiB. */
export function fileOriginSource(format: ImportFormat, digest: string): string {
  return `${format}:${digest}`;
}

/** The source (dedupe scope of external ids) for a tabular file read through `mapping`. */
export function originSource(mapping: Pick<ColumnMapping, 'origin'> | undefined, fileOrigin: string): string {
  return mapping?.origin !== undefined && mapping.origin.trim() !== '' ? namedOriginSource(mapping.origin) : fileOrigin;
}

export const importCountsSchema = z.object({
  read: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /**
   * Rows read and left out on purpose because they are not feedback (e-mail bounces), each
   * listed with its reason; absent when there were none. read = imported + duplicates +
   * failed + skipped.
   */
  skipped: z.number().int().nonnegative().optional(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;
