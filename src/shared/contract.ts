/**
 * The IPC contract: the single list of channels between the window and the core.
 * Main validates every input against these schemas; the preload and the renderer's
 * client are built from the same names. Secrets never appear in an output schema.
 */
import { z } from 'zod';
import { channels, customerTiers, messageDirections, sentiments, statuses, tagSources } from './domain';
import { errorCodes, type Result } from './errors';
import { columnMappingSchema, importCountsSchema, importFormats } from './import';
import { placeholders, replyOutcomes, templateFieldsSchema } from './templates';
import {
  escalateInputSchema,
  escalationSchema,
  escalationTargetInputSchema,
  escalationTargetSchema,
  outboundEntrySchema,
  priorities,
  ruleFlagSchema,
  ruleInputSchema,
  ruleSchema,
  slaClockKinds,
  slaClockSchema,
  slaSettingsSchema,
  slaSummarySchema,
} from './escalation/schema';
import {
  aiDraftSchema,
  aiJobSchema,
  aiJobStates,
  aiLogEntrySchema,
  aiPurposes,
  aiQueueStateSchema,
  aiSettingsInputSchema,
  aiStatusSchema,
  aiSummarySchema,
  aiTestResultSchema,
  aiTriageSchema,
  kbArticleInputSchema,
  kbArticleSchema,
  replyTones,
  triageFields,
} from './ai/schema';
import { reportFormats, reportScheduleSchema, reportSchema, reportScopeSchema, rowFormats, scheduleStatusSchema, timeBases } from './reports/schema';

const id = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

export const feedbackFilterSchema = z
  .object({
    status: z.array(z.enum(statuses)).max(statuses.length).optional(),
    sentiment: z.array(z.enum(sentiments)).max(sentiments.length).optional(),
    channel: z.array(z.enum(channels)).max(channels.length).optional(),
    /** Tag names; an item must carry every one of them. */
    tags: z.array(z.string().min(1).max(80)).max(20).optional(),
    product: z.array(z.string().min(1).max(120)).max(50).optional(),
    /** ISO 639-1 codes. */
    language: z.array(z.string().min(2).max(3)).max(50).optional(),
    /** Assigned to any of these agents. */
    assignee: z.array(z.string().min(1).max(120)).max(50).optional(),
    receivedFrom: epochMs.optional(),
    receivedTo: epochMs.optional(),
    customerId: id.optional(),
    escalated: z.boolean().optional(),
    vip: z.boolean().optional(),
    unread: z.boolean().optional(),
    /** A running SLA clock past its deadline, or within the due-soon window of it (SLA settings). */
    sla: z.enum(['due-soon', 'breached']).optional(),
    /** Rules suggest escalating it (and it is not escalated yet) when true. */
    flagged: z.boolean().optional(),
    /** Full-text search over subject, body and customer name, as typed (see shared/search). */
    query: z.string().max(500).optional(),
  })
  .strict();
export type FeedbackFilter = z.infer<typeof feedbackFilterSchema>;

/** Newest first for the inbox; oldest first to work a queue in arrival order. */
export const feedbackSorts = ['newest', 'oldest'] as const;
export type FeedbackSort = (typeof feedbackSorts)[number];

export const customerRefSchema = z.object({
  id,
  name: z.string(),
  tier: z.enum(customerTiers),
});

export const tagRefSchema = z.object({ name: z.string(), source: z.enum(tagSources) });

export const feedbackSummarySchema = z.object({
  id,
  channel: z.enum(channels),
  subject: z.string().nullable(),
  preview: z.string(),
  customer: customerRefSchema.nullable(),
  product: z.string().nullable(),
  language: z.string().nullable(),
  status: z.enum(statuses),
  sentiment: z.enum(sentiments).nullable(),
  tags: z.array(tagRefSchema),
  escalated: z.boolean(),
  unread: z.boolean(),
  messageCount: z.number().int(),
  receivedAt: epochMs,
  /** A person's or a rule's priority; null when neither set one. */
  priority: z.enum(priorities).nullable(),
  /** The SLA as the list shows it; null when no clock applies (no policy target, or closed before one). */
  sla: slaSummarySchema.nullable(),
  /** The first rule suggestion, for the row: "VIP + negative + 'refund' → Billing". */
  flag: z.object({ targetName: z.string().nullable(), explanation: z.string() }).nullable(),
  /** With a search: the matching text, hits between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: z.string().nullable(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

/** Local analysis: the suggested priority, and the kinds of words that explain a sentiment (so the detail can show why). */
export const urgencyLevels = ['low', 'normal', 'high', 'urgent'] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];
export const sentimentCueKinds = ['lexicon', 'negated', 'intensified', 'contrast', 'emoji', 'emphasis', 'complaint', 'courtesy'] as const;
export type SentimentCueKind = (typeof sentimentCueKinds)[number];
export const sentimentCueSchema = z.object({ text: z.string(), weight: z.number(), kind: z.enum(sentimentCueKinds) });

/**
 * How an item's language was decided. On weak evidence (few words, no function words) the
 * analysis prefers no guess, or the customer's earlier language, or the store's usual one,
 * over a confident wrong one, and says so.
 */
export const languageReasons = ['function-words', 'character-ngrams', 'script', 'customer-history', 'store-usual', 'too-short', 'unsure', 'from-file'] as const;
export type LanguageReason = (typeof languageReasons)[number];
/** Reasons that name a language the text (or the file) showed, not one borrowed from context. */
export const confidentLanguageReasons: readonly LanguageReason[] = ['function-words', 'character-ngrams', 'script', 'from-file'];
/** What the detail shows beside the language. */
export const languageReasonLabels: Record<LanguageReason, string> = {
  'function-words': 'from its common words',
  'character-ngrams': 'from its letter patterns',
  script: 'from its script',
  'customer-history': "too short to tell; the customer's earlier language",
  'store-usual': "too short to tell; this inbox's usual language",
  'too-short': 'too short to tell',
  unsure: 'no clear language',
  'from-file': 'as the file said',
};
export type SentimentCueInfo = z.infer<typeof sentimentCueSchema>;

export const messageSchema = z.object({
  id,
  direction: z.enum(messageDirections),
  author: z.string().nullable(),
  body: z.string(),
  sentAt: epochMs,
});
export type Message = z.infer<typeof messageSchema>;

export const feedbackDetailSchema = feedbackSummarySchema.extend({
  body: z.string(),
  rating: z.number().int().nullable(),
  assignee: z.string().nullable(),
  sentimentScore: z.number().nullable(),
  sentimentSource: z.enum(tagSources).nullable(),
  /** How the language was decided; null for items analysed before this was recorded. */
  languageReason: z.enum(languageReasons).nullable(),
  /** The words that drove a local sentiment, strongest first; empty for an imported or a person's sentiment. */
  sentimentCues: z.array(sentimentCueSchema),
  /** The suggested priority and its reasons; null until the item is analysed. */
  urgency: z.object({ level: z.enum(urgencyLevels), reasons: z.array(z.string()) }).nullable(),
  messages: z.array(messageSchema),
  /** The open escalation, if any. */
  escalation: escalationSchema.nullable(),
  /** Every rule that matches now, with its explanation and what it suggests. */
  flags: z.array(ruleFlagSchema),
  /** Each SLA clock of the item's policy. */
  slaClocks: z.array(slaClockSchema),
  customer: customerRefSchema
    .extend({
      email: z.string().nullable(),
      contactCount: z.number().int(),
      /** The customer's other items, newest first (at most 5). */
      earlier: z.array(
        z.object({ id, subject: z.string().nullable(), preview: z.string(), status: z.enum(statuses), sentiment: z.enum(sentiments).nullable(), receivedAt: epochMs }),
      ),
    })
    .nullable(),
});
export type FeedbackDetail = z.infer<typeof feedbackDetailSchema>;

const countsSchema = z.record(z.string(), z.number().int());
export const statsSchema = z.object({
  total: z.number().int(),
  byStatus: countsSchema,
  bySentiment: countsSchema,
  byChannel: countsSchema,
  quality: z.lazy(() => qualitySchema),
});
export type Stats = z.infer<typeof statsSchema>;

/** A bulk change to feedback items; every field is optional and applies to all ids. */
export const feedbackChangeSchema = z
  .object({
    status: z.enum(statuses).optional(),
    unread: z.boolean().optional(),
    assignee: z.string().trim().min(1).max(120).nullable().optional(),
    /** An agent's sentiment override: stored with source "human", and it wins. */
    sentiment: z.enum(sentiments).optional(),
    /** A person's priority: it wins over a rule's. */
    priority: z.enum(priorities).optional(),
    addTags: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
    removeTags: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'Say what to change.');
export type FeedbackChange = z.infer<typeof feedbackChangeSchema>;

export const viewSchema = z.object({
  id,
  name: z.string(),
  filter: feedbackFilterSchema,
  builtIn: z.boolean(),
  count: z.number().int(),
});
export type View = z.infer<typeof viewSchema>;

export const keySources = ['keychain', 'passphrase'] as const;
export type KeySource = (typeof keySources)[number];

export const storeStates = ['new', 'locked', 'unlocked', 'unavailable'] as const;
export type StoreState = (typeof storeStates)[number];

const errorInfoSchema = z.object({ code: z.enum(errorCodes), message: z.string() });

export const storeStatusSchema = z.object({
  state: z.enum(storeStates),
  /** How the store's key is normally found; absent before a store exists. */
  keySource: z.enum(keySources).nullable(),
  keychainAvailable: z.boolean(),
  dataDir: z.string(),
  /** Why the store cannot be opened at all (a foreign, plain or damaged file). */
  problem: errorInfoSchema.nullable(),
  /**
   * A locked store made by an earlier Hearken (or whose conversion was cut off): the next
   * unlock converts it to the current encryption format once, which takes a while for a
   * large inbox, so the window says so. Absent otherwise.
   */
  needsConversion: z.boolean().optional(),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;

export const passphraseSchema = z.string().min(8, 'Use at least 8 characters.').max(1024);

export const unlockInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('keychain') }).strict(),
  z.object({ method: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ method: z.literal('recovery'), recoveryKey: z.string().min(1).max(200) }).strict(),
]);
export type UnlockInput = z.infer<typeof unlockInputSchema>;

const empty = z.object({}).strict();


/**
 * A file the window may name: an opaque, random id that the core minted for one file when
 * the host (a dialog, a drop, the CLI) gave it a path, for one purpose: read (import),
 * write (export), or write-folder (files written into a folder: a report's CSV tables).
 * The window never sends a path, and sees only these display fields.
 */
export const fileGrantIdSchema = z.string().min(1).max(128);

/** Why a backup was made: on request, by the schedule, or as the copy a restore keeps of the store it replaces. */
export const backupReasons = ['manual', 'scheduled', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** One encrypted backup (same cipher and key as the store, so the recovery key alone opens it). */
export const backupInfoSchema = z.object({
  /** The file's name in the backup folder; the backup channels take it back. */
  name: z.string(),
  /** Its full path, for a person to see. */
  file: z.string(),
  createdAt: z.number().int(),
  sizeBytes: z.number().int(),
  reason: z.enum(backupReasons),
  /** Feedback items in the store when the backup was made. */
  items: z.number().int(),
  schemaVersion: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupScheduleSchema = z.object({
  enabled: z.boolean(),
  everyHours: z.number().int().min(1).max(24 * 31),
  /** How many backups the schedule and manual backups keep; the oldest go first. */
  keep: z.number().int().min(1).max(100),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const backupVerificationSchema = z.object({
  ok: z.boolean(),
  /** PRAGMA integrity_check's lines: ['ok'] for a sound file. */
  integrity: z.array(z.string()),
  /** Rows per table: in the backup, and as recorded when it was made (null when not recorded). */
  counts: z.array(z.object({ table: z.string(), rows: z.number().int(), expected: z.number().int().nullable() })),
  /** What a person reads: sound, or what is wrong and what to do. */
  message: z.string(),
});
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

/** A backup by its name in the backup folder, or any file through a read grant (the CLI's FILE). */
const backupRef = z.union([z.object({ name: z.string().min(1).max(255) }).strict(), z.object({ grant: fileGrantIdSchema }).strict()]);
export const fileGrantPurposes = ['read', 'write', 'write-folder'] as const;
export type FileGrantPurpose = (typeof fileGrantPurposes)[number];
export const fileGrantSchema = z.object({
  grant: fileGrantIdSchema,
  /** The file's own name, never its folder. */
  name: z.string(),
  /** Bytes, for a file that exists; null for a folder or a file an export will create. */
  size: z.number().int().nonnegative().nullable(),
  kind: z.enum(['file', 'folder']),
});
export type FileGrant = z.infer<typeof fileGrantSchema>;

const importId = id;
/** 'interrupted': the process running it stopped (a crash, a kill); recorded when the store next opens. */
export const importStates = ['running', 'done', 'cancelled', 'failed', 'interrupted'] as const;
export type ImportState = (typeof importStates)[number];
export const importProblemKinds = ['failed', 'duplicate', 'note', 'skipped'] as const;

export const importPreviewSchema = z.object({
  /** The grant the preview was read through; import.start takes it back. */
  grant: fileGrantIdSchema,
  format: z.enum(importFormats),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  sample: z.array(z.record(z.string(), z.string())),
  guessedMapping: columnMappingSchema.nullable(),
  /** The mapping last used for a file of the same format with the same set of columns. */
  savedMapping: columnMappingSchema.nullable(),
  totalBytes: z.number().int().nonnegative(),
  /** Tabular formats: the origin ids dedupe within when the mapping names none (format + digest of the file's start). */
  origin: z.string().optional(),
  fileName: z.string(),
});
export type ImportPreviewInfo = z.infer<typeof importPreviewSchema>;

export const importProblemSchema = z.object({
  line: z.number().int().nonnegative(),
  kind: z.enum(importProblemKinds),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importReportSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(importFormats),
  state: z.enum(importStates),
  counts: importCountsSchema,
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
  rowsPerS: z.number().nonnegative(),
  error: errorInfoSchema.nullable(),
  /** The first 500 problems in file order; duplicates only while under that cap. */
  problems: z.array(importProblemSchema),
  problemsTotal: z.number().int().nonnegative(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** How a template has fared: replies sent from it (unchanged or edited) and suggestions discarded. */
export const templateUsageSchema = z.object({
  used: z.number().int(),
  unchanged: z.number().int(),
  edited: z.number().int(),
  discarded: z.number().int(),
});
export type TemplateUsage = z.infer<typeof templateUsageSchema>;

export const templateSchema = templateFieldsSchema.extend({
  id,
  createdAt: epochMs,
  updatedAt: epochMs,
  usage: templateUsageSchema,
});
export type Template = z.infer<typeof templateSchema>;

export const suggestionKinds = ['template', 'reply'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A reply to start from: a filled template or an earlier reply to similar feedback, and why. */
export const suggestionSchema = z.object({
  kind: z.enum(suggestionKinds),
  /** The template's id, or the id of the earlier reply's message. */
  sourceId: id,
  title: z.string(),
  /** Filled for this conversation; placeholders without a value stay visible. */
  text: z.string(),
  /** Placeholders left for the agent to fill. */
  missing: z.array(z.enum(placeholders.map((p) => p.key) as [string, ...string[]])),
  /** The words of this conversation it matched, most telling first. */
  matched: z.array(z.string()),
  /** One line: "matched: refund, late delivery · used 14 times, sent unchanged 80%". */
  reason: z.string(),
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** The suggestion a reply started from, as it was offered. */
export const suggestionRefSchema = z
  .object({
    kind: z.enum(suggestionKinds),
    sourceId: id,
    text: z.string().max(20_000),
    rank: z.number().int().min(1).max(10),
  })
  .strict();
export type SuggestionRef = z.infer<typeof suggestionRefSchema>;

const topicTermsSchema = z.object({
  keywords: z.array(z.string().trim().min(1).max(80)).max(500),
  phrases: z.array(z.string().trim().min(1).max(160)).max(500),
});
/** A topic of the editable taxonomy: words and phrases for every language, and additions per language. */
export const topicInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the topic a name.').max(80),
    keywords: topicTermsSchema.shape.keywords,
    phrases: topicTermsSchema.shape.phrases,
    languages: z.record(z.string().regex(/^[a-z]{2}$/, 'Use two-letter language codes.'), topicTermsSchema),
  })
  .strict();
export type TopicInput = z.infer<typeof topicInputSchema>;
export const topicSchema = topicInputSchema.extend({ id });
export type TopicInfo = z.infer<typeof topicSchema>;

/** Starter taxonomies a new inbox can begin from; each stays editable afterwards. */
export const starterTaxonomies = ['general', 'ecommerce', 'saas', 'banking', 'travel'] as const;
export type StarterTaxonomy = (typeof starterTaxonomies)[number];
export const starterInfoSchema = z.object({
  id: z.enum(starterTaxonomies),
  name: z.string(),
  description: z.string(),
  /** The topic names it brings. */
  topics: z.array(z.string()),
});
export type StarterInfo = z.infer<typeof starterInfoSchema>;

/** Which items "Suggest topics" groups: those with no topic (the default), a saved view, or all. */
export const discoveryScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('untagged') }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('view'), viewId: id }).strict(),
]);
export type DiscoveryScope = z.infer<typeof discoveryScopeSchema>;
export const proposalStatuses = ['open', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
/** A topic that discovery proposes: a name, the words its items share, its size and a few of its items. */
export const topicProposalSchema = z.object({
  id,
  name: z.string(),
  keywords: z.array(z.string()),
  phrases: z.array(z.string()),
  /** The language most of its items are in; null when mixed. */
  language: z.string().nullable(),
  size: z.number().int(),
  samples: z.array(z.object({ id, subject: z.string().nullable(), preview: z.string() })),
  status: z.enum(proposalStatuses),
});
export type TopicProposal = z.infer<typeof topicProposalSchema>;
export const discoveryRunSchema = z.object({
  at: epochMs,
  scope: discoveryScopeSchema,
  /** Items read, and how many of them landed in a proposal. */
  considered: z.number().int(),
  grouped: z.number().int(),
  tookMs: z.number().int(),
});
export type DiscoveryRun = z.infer<typeof discoveryRunSchema>;

/** How far people agree with the local analysis and the suggestions (reports' AI-quality figures). */
export const qualitySchema = z.object({
  /** Sentiments a person changed after analysis set them. */
  sentimentOverrides: z.number().int(),
  /** Topics a person removed after analysis set them. */
  topicRejections: z.number().int(),
  /** Replies and suggestions: sent unchanged, sent edited, set aside, written without one. */
  replies: z.object({ unchanged: z.number().int(), edited: z.number().int(), discarded: z.number().int(), written: z.number().int() }),
  /** The median edit distance of edited suggestions, in characters; null without any. */
  medianEditDistance: z.number().int().nullable(),
});
export type Quality = z.infer<typeof qualitySchema>;

export const contract = {
  'app.info': {
    input: empty,
    output: z.object({ version: z.string(), dataDir: z.string(), platform: z.string() }),
  },
  'store.status': { input: empty, output: storeStatusSchema },
  /**
   * Creates the encrypted store. Without a passphrase the key goes to the keychain.
   * The recovery key is returned here once and never again.
   */
  'store.create': {
    input: z.object({ passphrase: passphraseSchema.optional() }).strict(),
    output: z.object({ recoveryKey: z.string(), keySource: z.enum(keySources) }),
  },
  'store.unlock': { input: unlockInputSchema, output: z.object({ keySource: z.enum(keySources) }) },
  'store.lock': { input: empty, output: z.object({ locked: z.literal(true) }) },
  'demo.load': {
    input: empty,
    output: z.object({ imported: z.number().int(), duplicates: z.number().int() }),
  },
  'feedback.list': {
    input: z
      .object({
        filter: feedbackFilterSchema.default({}),
        sort: z.enum(feedbackSorts).default('newest'),
        cursor: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(feedbackSummarySchema), nextCursor: z.string().nullable() }),
  },
  'feedback.count': {
    input: z.object({ filter: feedbackFilterSchema.default({}) }).strict(),
    output: z.object({ total: z.number().int() }),
  },
  'feedback.get': { input: z.object({ id }).strict(), output: feedbackDetailSchema },
  'feedback.stats': { input: empty, output: statsSchema },
  /** Values to filter by: products, languages, tags with counts, assignees. */
  'feedback.facets': {
    input: empty,
    output: z.object({
      products: z.array(z.string()),
      languages: z.array(z.string()),
      tags: z.array(z.object({ name: z.string(), count: z.number().int() })),
      assignees: z.array(z.string()),
    }),
  },
  /** Changes one or many items; the answer carries a token that undoes exactly this change. */
  'feedback.update': {
    input: z.object({ ids: z.array(id).min(1).max(10_000), change: feedbackChangeSchema }).strict(),
    output: z.object({ updated: z.number().int(), undoToken: z.string().nullable() }),
  },
  /**
   * Opening an item reads it, as in any mail client: a quiet flag change that is not an
   * agent action, so it leaves no audit event and no undo entry.
   */
  'feedback.markRead': {
    input: z.object({ ids: z.array(id).min(1).max(10_000), unread: z.boolean().default(false) }).strict(),
    output: z.object({ updated: z.number().int() }),
  },
  'feedback.undo': {
    input: z.object({ token: z.string().min(1).max(100) }).strict(),
    output: z.object({ restored: z.number().int() }),
  },
  /** Built-in and saved views, each with its current count. */
  'views.list': { input: empty, output: z.array(viewSchema) },
  'views.save': {
    input: z.object({ id: id.optional(), name: z.string().trim().min(1).max(80), filter: feedbackFilterSchema }).strict(),
    output: viewSchema,
  },
  'views.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** The store's health, for Settings and `doctor`. */
  'store.health': {
    input: empty,
    output: z.object({
      integrity: z.array(z.string()),
      searchIndexOk: z.boolean(),
      schemaVersion: z.number().int(),
      latestSchemaVersion: z.number().int(),
      sizeBytes: z.number().int(),
      walBytes: z.number().int(),
      /** How the pages are encrypted: 'AEGIS-256' for every store this Hearken opens. */
      cipher: z.string(),
      pageSize: z.number().int(),
      /** Bytes each page keeps for the cipher's nonce and tag; null when the header does not say. */
      reservedBytes: z.number().int().nullable(),
      /** The copy of the store in its old format (SQLCipher) left by the conversion, until the user deletes it. */
      conversionBackup: z.object({ path: z.string(), bytes: z.number().int() }).nullable(),
    }),
  },
  /** The backups in the backup folder, newest first, and the schedule. */
  'backup.list': {
    input: empty,
    output: z.object({ folder: z.string(), schedule: backupScheduleSchema, lastBackupAt: z.number().int().nullable(), backups: z.array(backupInfoSchema) }),
  },
  /** Makes an encrypted backup now (VACUUM INTO), into the backup folder or a folder through a write-folder grant; older ones beyond `keep` go. */
  'backup.create': { input: z.object({ grant: fileGrantIdSchema.optional() }).strict(), output: backupInfoSchema },
  /** Opens a backup with the store's key, runs integrity_check and compares its counts with those recorded when it was made. */
  'backup.verify': { input: backupRef, output: backupVerificationSchema },
  /**
   * Replaces the store with a verified backup. The current store is first kept as a
   * `before-restore` backup, whose name the answer gives; the store is unlocked again after.
   */
  'backup.restore': { input: backupRef, output: z.object({ restored: backupInfoSchema, keptAside: backupInfoSchema }) },
  'backup.schedule': { input: backupScheduleSchema.partial().strict(), output: backupScheduleSchema },
  /**
   * Where the store's key is kept and what can change it. `recoveredWithoutManifest`: the
   * store was opened with the recovery key and nothing else holds its key yet, so the next
   * start would need the recovery key again unless a passphrase is set.
   */
  'keys.status': {
    input: empty,
    output: z.object({
      keySource: z.enum(keySources).nullable(),
      keychainAvailable: z.boolean(),
      recoveredWithoutManifest: z.boolean(),
      /** A key rotation was cut off after the store was re-encrypted and finished at unlock, so the new recovery key was never shown: the one the user holds no longer opens the store. Make a new one (keys.rotate). */
      recoveryKeyStale: z.boolean(),
      rotatedAt: z.number().int().nullable(),
    }),
  },
  /**
   * A new recovery key, and with it a new database key (the database key is derived from
   * the recovery key, so one cannot change without the other). The store is re-encrypted
   * under the new key; the old recovery key, the old keychain entry and the old wrapped key
   * stop opening it, and backups made before keep needing the old recovery key. Passphrase
   * stores need the passphrase to wrap the new key. The new recovery key is in the answer, once.
   */
  'keys.rotate': {
    input: z.object({ confirm: z.literal(true), passphrase: z.string().min(1).max(1024).optional() }).strict(),
    output: z.object({ recoveryKey: z.string(), keySource: z.enum(keySources) }),
  },
  'keys.changePassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: passphraseSchema }).strict(),
    output: z.object({ keySource: z.enum(keySources) }),
  },
  /** Puts the key in the OS keychain and drops the wrapped copy; the passphrase no longer unlocks. */
  'keys.moveToKeychain': { input: z.object({ passphrase: z.string().min(1).max(1024).optional() }).strict(), output: z.object({ keySource: z.enum(keySources) }) },
  /** Wraps the key with a passphrase and removes it from the keychain; also how a store opened by its recovery key alone gets a passphrase again. */
  'keys.moveToPassphrase': { input: z.object({ passphrase: passphraseSchema }).strict(), output: z.object({ keySource: z.enum(keySources) }) },
  /** Asks for files to import with the system dialog; a read grant for each, empty when cancelled. */
  'import.choose': { input: empty, output: z.object({ files: z.array(fileGrantSchema) }) },
  /** Reads the start of a granted file: format, encoding, columns, a sample and the mapping to propose. */
  'import.preview': {
    input: z.object({ grant: fileGrantIdSchema, format: z.enum(importFormats).optional() }).strict(),
    output: importPreviewSchema,
  },
  /** Starts an import of a granted file in the background; progress arrives as `import.progress` events. */
  'import.start': {
    input: z.object({ grant: fileGrantIdSchema, format: z.enum(importFormats).optional(), mapping: columnMappingSchema.optional() }).strict(),
    output: z.object({ importId: z.string() }),
  },
  /** Stops after the batch being written; committed batches stay, and a re-run completes it. */
  'import.cancel': { input: z.object({ importId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'import.report': { input: z.object({ importId }).strict(), output: importReportSchema },
  /** Saves the report as CSV (line, kind, reason) where the user chooses; the file's name, null when cancelled. */
  'import.exportReport': { input: z.object({ importId }).strict(), output: z.object({ fileName: z.string().nullable() }) },
  /**
   * Re-analyses the items a filter selects, in the background; progress arrives as
   * `analysis.progress` events. A person's sentiment and tags are never replaced.
   */
  'analysis.run': { input: z.object({ filter: feedbackFilterSchema }).strict(), output: z.object({ jobId: z.string() }) },
  /** Stops after the batch being written; the batches written stay analysed. */
  'analysis.cancel': { input: z.object({ jobId: z.string().min(1).max(64) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Templates with how each has fared, the topics they can answer, and the placeholders. */
  'templates.list': {
    input: empty,
    output: z.object({
      templates: z.array(templateSchema),
      topics: z.array(z.string()),
      placeholders: z.array(z.object({ key: z.string(), label: z.string(), example: z.string() })),
    }),
  },
  'templates.save': { input: templateFieldsSchema.extend({ id: id.optional() }).strict(), output: templateSchema },
  'templates.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /**
   * Reads a hearken.templates JSON file through a read grant, or chosen in a dialog without
   * one; same-name templates are replaced. fileName is null when the dialog is cancelled.
   */
  'templates.import': {
    input: z.object({ grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string().nullable(), added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
  /** Writes every template as a hearken.templates JSON file through a write grant, or where a dialog says; null when cancelled. */
  'templates.export': {
    input: z.object({ grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string().nullable(), count: z.number().int() }),
  },
  /** Adds back the shipped templates that are missing, and resets changed ones to their shipped text. */
  'templates.restoreDefaults': {
    input: empty,
    output: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },
  /** The topic taxonomy local analysis tags with. Changes apply to new items and to re-analysed ones. */
  'taxonomy.list': {
    input: empty,
    /** starter: the starter taxonomy chosen; null until one is (a new inbox asks on first run). */
    output: z.object({ topics: z.array(topicSchema), starter: z.enum(starterTaxonomies).nullable() }),
  },
  /** The starter taxonomies to choose from. */
  'taxonomy.starters': { input: empty, output: z.object({ starters: z.array(starterInfoSchema) }) },
  /**
   * Begins from a starter: 'add' adds its missing topics and keeps every other one;
   * 'replace' also removes topics the starter does not have (tags already on items stay).
   */
  'taxonomy.applyStarter': {
    input: z.object({ starter: z.enum(starterTaxonomies), mode: z.enum(['add', 'replace']).default('add') }).strict(),
    output: z.object({ added: z.number().int(), removed: z.number().int(), starter: z.enum(starterTaxonomies) }),
  },
  /** Groups items by what they share, offline, in the background; proposals arrive with `topics.discovery`. */
  'topics.suggest': {
    input: z
      .object({
        scope: discoveryScopeSchema.default({ kind: 'untagged' }),
        /** The smallest group worth proposing (the CLI's --min-size); a sensible default when absent. */
        minSize: z.number().int().min(2, 'A topic needs at least 2 items.').max(10_000).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** The open proposals of the latest run, largest first, and that run. */
  'topics.proposals': {
    input: empty,
    output: z.object({ proposals: z.array(topicProposalSchema), run: discoveryRunSchema.nullable(), running: z.boolean() }),
  },
  /** Adds the proposal to the taxonomy (optionally renamed or with fewer keywords) and tags its items. */
  'topics.accept': {
    input: z
      .object({
        id,
        name: z.string().trim().min(1).max(80).optional(),
        keywords: z.array(z.string().trim().min(1).max(80)).min(1).max(50).optional(),
      })
      .strict(),
    output: z.object({ topic: topicSchema, tagged: z.number().int() }),
  },
  /** Sets the proposal aside; later runs do not propose the same group again. */
  'topics.reject': { input: z.object({ id }).strict(), output: z.object({ rejected: z.boolean() }) },
  /** Every item of a proposal, with the id it had in the system it came from (null when none): for scripts that score a run. */
  'topics.members': {
    input: z.object({ id }).strict(),
    output: z.object({ members: z.array(z.object({ id, externalId: z.string().nullable() })) }),
  },
  'taxonomy.save': { input: topicInputSchema.extend({ id: id.optional() }).strict(), output: topicSchema },
  'taxonomy.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Adds back the shipped topics that are missing, and resets changed ones to their shipped terms. */
  'taxonomy.restoreDefaults': { input: empty, output: z.object({ added: z.number().int(), updated: z.number().int() }) },
  /** The name replies are signed with ({{agent.name}}). */
  'profile.get': { input: empty, output: z.object({ agentName: z.string() }) },
  'profile.save': { input: z.object({ agentName: z.string().trim().max(120) }).strict(), output: z.object({ agentName: z.string() }) },
  /** The top three replies to start from for one conversation, each with its reason. */
  'suggestions.list': {
    input: z.object({ feedbackId: id, limit: z.number().int().min(1).max(10).default(3) }).strict(),
    output: z.object({ suggestions: z.array(suggestionSchema), terms: z.array(z.string()) }),
  },
  /**
   * The agent sent this reply (Mark as sent): stores it as an outbound message, sets the
   * status to replied, and records how it relates to the suggestion it started from.
   */
  'replies.send': {
    input: z
      .object({
        feedbackId: id,
        body: z.string().trim().min(1, 'Write the reply first.').max(20_000),
        suggestion: suggestionRefSchema.nullable(),
        /** The AI draft the reply started from: its outcome (sent unchanged or edited) is recorded on it. */
        aiDraftId: id.nullable().optional(),
      })
      .strict(),
    output: z.object({
      messageId: id,
      outcome: z.enum(replyOutcomes),
      editDistance: z.number().int().nullable(),
      status: z.enum(statuses),
    }),
  },
  /** The agent set a picked suggestion aside without sending it. */
  'replies.discard': {
    input: z.object({ feedbackId: id, suggestion: suggestionRefSchema }).strict(),
    output: z.object({ recorded: z.boolean() }),
  },
  /** Teams and tiers items are escalated to, in order. */
  'escalation.targets.list': { input: empty, output: z.object({ targets: z.array(escalationTargetSchema) }) },
  'escalation.targets.save': { input: escalationTargetInputSchema.extend({ id: id.optional() }).strict(), output: escalationTargetSchema },
  /** Refused (CONFLICT) while open escalations or rules name the target. */
  'escalation.targets.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /**
   * What the Escalate dialog starts from for these items: the target, reason and priority
   * the matching rules suggest (the most common among a selection), and the flags behind them.
   */
  'escalation.prefill': {
    input: z.object({ ids: z.array(id).min(1).max(10_000) }).strict(),
    output: z.object({
      targetId: id.nullable(),
      reason: z.string(),
      priority: z.enum(priorities),
      flags: z.array(ruleFlagSchema),
      /** Items of the selection already escalated (to be moved to the new target). */
      alreadyEscalated: z.number().int(),
    }),
  },
  /**
   * Escalates items: an escalation record each, the escalated flag and status, the priority,
   * an audit event; undone with feedback.undo. Webhooks (where enabled) are sent after the
   * change is stored, and each call lands in the outbound log.
   */
  'escalation.create': {
    input: escalateInputSchema,
    output: z.object({ escalated: z.number().int(), undoToken: z.string().nullable(), webhooksQueued: z.number().int() }),
  },
  /** The escalation queue, grouped by target, oldest first within a group. */
  'escalations.list': {
    input: z.object({ state: z.enum(['open', 'closed']).default('open'), targetId: id.optional(), limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    output: z.object({
      groups: z.array(
        z.object({
          target: z.object({ id, name: z.string() }),
          total: z.number().int(),
          items: z.array(z.object({ escalation: escalationSchema, item: feedbackSummarySchema })),
        }),
      ),
      total: z.number().int(),
    }),
  },
  /** Resolve, de-escalate or reassign escalations (by escalation id); undone with feedback.undo. */
  'escalations.update': {
    input: z
      .object({ ids: z.array(id).min(1).max(10_000), action: z.enum(['resolve', 'deescalate', 'reassign']), targetId: id.optional() })
      .strict()
      .refine((i) => i.action !== 'reassign' || i.targetId !== undefined, 'Say which team to reassign to.'),
    output: z.object({ updated: z.number().int(), undoToken: z.string().nullable() }),
  },
  /** The handoff packet for one item: Markdown, the e-mail subject, and a mailto: link when the target has an address. */
  'escalation.handoff': {
    input: z.object({ feedbackId: id, targetId: id.optional(), reason: z.string().max(2000).optional(), note: z.string().max(5000).nullable().optional() }).strict(),
    output: z.object({ markdown: z.string(), subject: z.string(), mailto: z.string().nullable() }),
  },
  /** Saves the handoff packet as .md or .eml through a write grant, or where a dialog says; null when cancelled. */
  'escalation.saveHandoff': {
    input: z.object({ feedbackId: id, format: z.enum(['md', 'eml']), grant: fileGrantIdSchema.optional(), targetId: id.optional(), reason: z.string().max(2000).optional() }).strict(),
    output: z.object({ fileName: z.string().nullable() }),
  },
  /** Figures for reports: escalation rate, by reason and target, time to escalate, time in escalation, SLA attainment. */
  'escalations.stats': {
    input: z.object({ from: epochMs.optional(), to: epochMs.optional() }).strict(),
    output: z.object({
      items: z.number().int(),
      escalated: z.number().int(),
      rate: z.number(),
      byReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
      byTarget: z.array(z.object({ target: z.string(), count: z.number().int() })),
      medianTimeToEscalateMs: z.number().int().nullable(),
      medianTimeInEscalationMs: z.number().int().nullable(),
      slaAttainment: z.array(
        z.object({ priority: z.enum(priorities), clock: z.enum(slaClockKinds), met: z.number().int(), breached: z.number().int(), rate: z.number().nullable() }),
      ),
    }),
  },
  /** The routing rules in order, each with how many items it matches now. */
  'rules.list': { input: empty, output: z.object({ rules: z.array(ruleSchema) }) },
  'rules.save': { input: ruleInputSchema.extend({ id: id.optional() }).strict(), output: ruleSchema },
  'rules.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Moves a rule to a position (0 first). */
  'rules.move': { input: z.object({ id, position: z.number().int().min(0) }).strict(), output: z.object({ moved: z.boolean() }) },
  /** How many items an unsaved rule would match now, and the first of them. */
  'rules.preview': {
    input: z.object({ rule: ruleInputSchema, limit: z.number().int().min(0).max(200).default(50) }).strict(),
    output: z.object({ count: z.number().int(), items: z.array(feedbackSummarySchema) }),
  },
  /** Adds back the shipped rules that are missing. */
  'rules.restoreDefaults': { input: empty, output: z.object({ added: z.number().int() }) },
  'sla.get': { input: empty, output: slaSettingsSchema },
  /** Saves the policies and calendar; every open item's clocks are worked out again. */
  'sla.save': { input: slaSettingsSchema, output: slaSettingsSchema },
  /** Adds holidays from an iCalendar (.ics) file through a read grant, or chosen in a dialog; fileName null when cancelled. */
  'sla.importHolidays': {
    input: z.object({ grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string().nullable(), added: z.number().int(), skipped: z.number().int() }),
  },
  /** Due-soon and breached counts now, and running and paused clocks. */
  'sla.summary': {
    input: empty,
    output: z.object({ dueSoon: z.number().int(), breached: z.number().int(), running: z.number().int(), paused: z.number().int() }),
  },
  /** What left this machine: every webhook call with its exact payload, newest first. */
  'outbound.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ entries: z.array(outboundEntrySchema) }),
  },

  /** The LLM endpoint's settings, whether a key is kept (never the key), this month's budget and the queue. */
  'ai.status': { input: empty, output: aiStatusSchema },
  /** Saves settings and the API key (into the keychain, or sealed in the store without one). */
  'ai.settings.save': { input: aiSettingsInputSchema, output: aiStatusSchema },
  /** Lists the endpoint's models and finds what it supports (structured output, streamed usage). Logged. */
  'ai.test': { input: empty, output: aiTestResultSchema },
  /**
   * Queues a triage for items: named ones, or every item a filter matches (a view). Items whose
   * triage is cached for the same model and text are answered without a call.
   */
  'ai.triage.start': {
    input: z
      .object({ ids: z.array(id).min(1).max(100_000).optional(), filter: feedbackFilterSchema.optional(), force: z.boolean().default(false) })
      .strict()
      .refine((v) => (v.ids === undefined) !== (v.filter === undefined), 'Name the items or a filter, not both.'),
    output: z.object({ queued: z.number().int(), cached: z.number().int(), alreadyQueued: z.number().int() }),
  },
  /** The item's latest LLM triage beside what a person decided, and its job if one is pending. */
  'ai.triage.get': {
    input: z.object({ feedbackId: id }).strict(),
    output: z.object({ triage: aiTriageSchema.nullable(), job: aiJobSchema.nullable() }),
  },
  /** Applies chosen fields of the triage (source `llm`), recording the acceptance; a person's own values are replaced only because a person clicked. */
  'ai.triage.apply': {
    input: z.object({ feedbackId: id, fields: z.array(z.enum(triageFields)).min(1) }).strict(),
    output: z.object({ triage: aiTriageSchema, undoToken: z.string() }),
  },
  /** Sets the triage aside: recorded, nothing applied. */
  'ai.triage.dismiss': {
    input: z.object({ feedbackId: id }).strict(),
    output: z.object({ triage: aiTriageSchema }),
  },
  /** Starts a reply draft; text streams as `ai.draft.progress`, then `ai.draft.done`. */
  'ai.draft.start': {
    input: z.object({ feedbackId: id, tone: z.enum(replyTones).default('friendly') }).strict(),
    output: z.object({ draftId: id }),
  },
  'ai.draft.cancel': { input: z.object({ draftId: id }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** The agent set the draft aside unsent: recorded as discarded (for the AI-quality figures); false once it was sent. */
  'ai.draft.discard': { input: z.object({ draftId: id }).strict(), output: z.object({ discarded: z.boolean() }) },
  /** The item's latest draft (after a reload, or for the CLI). */
  'ai.draft.get': { input: z.object({ feedbackId: id }).strict(), output: z.object({ draft: aiDraftSchema.nullable() }) },
  /** Queues "what happened" for a period from local aggregates and a few redacted quotes. */
  'ai.summary.start': {
    input: z.object({ from: epochMs, to: epochMs }).strict().refine((v) => v.to > v.from, 'The period must end after it starts.'),
    output: z.object({ jobId: id, cached: z.boolean() }),
  },
  /** The latest summary of exactly this period, or null. */
  'ai.summary.get': {
    input: z.object({ from: epochMs, to: epochMs }).strict(),
    output: z.object({ summary: aiSummarySchema.nullable(), job: aiJobSchema.nullable() }),
  },
  'ai.jobs.list': {
    input: z.object({ states: z.array(z.enum(aiJobStates)).optional(), purpose: z.enum(aiPurposes).optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ jobs: z.array(aiJobSchema), queue: aiQueueStateSchema }),
  },
  /** Retries one failed job, or every failed job. */
  'ai.jobs.retry': { input: z.object({ id: id.optional() }).strict(), output: z.object({ retried: z.number().int() }) },
  /** Cancels one job, or every job not yet done. */
  'ai.jobs.cancel': { input: z.object({ id: id.optional() }).strict(), output: z.object({ cancelled: z.number().int() }) },
  /** "What left this machine": LLM calls and escalation webhooks, newest first. */
  'ai.log.list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200), before: epochMs.optional(), kind: z.enum(['llm', 'webhook']).optional() }).strict(),
    output: z.object({ entries: z.array(aiLogEntrySchema), total: z.number().int() }),
  },
  /** Writes the whole log as JSON Lines through a write grant, or where a dialog says; null when cancelled. */
  'ai.log.export': {
    input: z.object({ grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string().nullable(), count: z.number().int() }),
  },

  /** The knowledge base drafts are grounded on. */
  'kb.list': { input: z.object({ query: z.string().max(200).optional() }).strict(), output: z.object({ articles: z.array(kbArticleSchema) }) },
  'kb.save': { input: z.object({ id: id.optional(), article: kbArticleInputSchema }).strict(), output: z.object({ article: kbArticleSchema }) },
  'kb.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Imports every Markdown file of a folder (the first heading is the title); one chosen in a dialog when no grant is given. Same file name again: updated. */
  'kb.import': {
    input: z.object({ grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ folderName: z.string().nullable(), added: z.number().int(), updated: z.number().int(), skipped: z.array(z.object({ file: z.string(), reason: z.string() })) }),
  },

  /** Every figure of a team-lead report for a period, its comparison, and the insights drawn from them. */
  'reports.run': { input: reportScopeSchema, output: reportSchema },
  /**
   * Writes the report: html (self-contained), pdf (the host's printer; PRINT_UNAVAILABLE
   * without one), xlsx (a sheet per table), csv (a file per table into a folder). Through a
   * write grant, or where a dialog says; fileName is null when cancelled.
   */
  'reports.export': {
    input: z
      .object({
        scope: reportScopeSchema,
        format: z.enum(reportFormats),
        grant: fileGrantIdSchema.optional(),
        /** Which times the file shows first (the window's toggle, the CLI's --calendar-time); default the report's own. */
        basis: z.enum(timeBases).optional(),
      })
      .strict(),
    output: z.object({ fileName: z.string().nullable(), files: z.array(z.string()) }),
  },
  /**
   * One row per conversation the filter selects (fields, tags, sentiment, topics,
   * escalation, SLA times), written in the background with `export.progress` events; the
   * answer comes when the file is complete.
   */
  'export.rows': {
    input: z.object({ filter: feedbackFilterSchema, format: z.enum(rowFormats), grant: fileGrantIdSchema.optional() }).strict(),
    output: z.object({ fileName: z.string().nullable(), count: z.number().int() }),
  },
  'reports.schedule.get': { input: empty, output: scheduleStatusSchema },
  'reports.schedule.save': { input: reportScheduleSchema.partial().strict(), output: scheduleStatusSchema },
  /** Picks the scheduled exports' folder in a dialog; unchanged when cancelled. */
  'reports.schedule.chooseFolder': { input: empty, output: scheduleStatusSchema },
  /** Writes the scheduled exports now (for the last full day or week). */
  'reports.schedule.runNow': { input: empty, output: scheduleStatusSchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as Channel[];

export const analysisStates = ['running', 'done', 'cancelled', 'failed'] as const;
export type AnalysisState = (typeof analysisStates)[number];

/** Pushes from the core to the window. */
export const events = {
  'store.changed': z.object({ state: z.enum(storeStates) }),
  'feedback.changed': z.object({ reason: z.enum(['import', 'demo', 'update', 'undo', 'read', 'analysis', 'reply', 'escalation', 'rules', 'sla', 'ai']), ids: z.array(id).optional() }),
  /** Escalations, targets, rules or SLA settings changed: the queue, editors and counts read again. */
  'escalations.changed': z.object({}),
  'rules.changed': z.object({}),
  'sla.changed': z.object({}),
  /** A webhook call finished: the outbound log has a new entry (a failed one is worth telling the agent). */
  'outbound.sent': z.object({ entry: outboundEntrySchema }),
  'views.changed': z.object({}),
  'templates.changed': z.object({}),
  'taxonomy.changed': z.object({}),
  /** "Suggest topics" moved on or ended; read `topics.proposals` when done. */
  'topics.discovery': z.object({
    jobId: z.string(),
    state: z.enum(analysisStates),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    error: z.string().nullable(),
  }),
  /** Proposals were accepted, rejected or replaced by a new run. */
  'topics.proposals.changed': z.object({}),
  'import.progress': z.object({
    importId: z.string(),
    state: z.enum(importStates),
    counts: importCountsSchema,
    bytesRead: z.number().int().nonnegative(),
    totalBytes: z.number().int().nonnegative(),
    rowsPerS: z.number().nonnegative(),
    etaMs: z.number().nonnegative().nullable(),
  }),
  'analysis.progress': z.object({
    jobId: z.string(),
    state: z.enum(analysisStates),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** Why a failed run stopped. */
    error: z.string().nullable(),
  }),
  /** The LLM queue moved: counts, and why it is paused (offline, budget). */
  'ai.jobs.changed': aiQueueStateSchema,
  /** Triages finished for these items. */
  'ai.triage.ready': z.object({ ids: z.array(id) }),
  /** Streamed draft text: the new piece and the whole text so far (PII restored). */
  'ai.draft.progress': z.object({ draftId: id, feedbackId: id, delta: z.string(), text: z.string() }),
  'ai.draft.done': z.object({ draft: aiDraftSchema }),
  'ai.summary.ready': z.object({ summary: aiSummarySchema }),
  /** A call was logged in "What left this machine". */
  'ai.log.added': z.object({ entry: aiLogEntrySchema }),
  'ai.status.changed': z.object({}),
  'kb.changed': z.object({}),
  /** A per-conversation export moved on (or ended: fileName with done, error with failed). */
  'export.progress': z.object({
    jobId: z.string(),
    state: z.enum(analysisStates),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    fileName: z.string().nullable(),
    error: z.string().nullable(),
  }),
  /** A scheduled export ran (its files, or why it failed). */
  'reports.scheduled': z.object({ at: epochMs, files: z.array(z.string()), error: z.string().nullable() }),
  /** Files chosen through File > Import… in the app menu (read grants): the window opens its import step with them. */
  'import.requested': z.object({ files: z.array(fileGrantSchema).min(1) }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** What the core must provide: one handler per channel, checked by the compiler. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** The shape of window.hearken, identical over Electron IPC and the loopback bridge. */
export interface HearkenBridge {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: EventName, payload: unknown) => void): () => void;
  /**
   * Files dropped on the window, as read grants. In Electron the preload takes each File's
   * path (webUtils, which only a real drop or file input gives one) and main asks the core
   * for a grant, so the page never holds a path. Files without one (dragged from a web
   * page) are left out. Absent where the window cannot take drops.
   */
  grantDroppedFiles?(files: File[]): Promise<Result<FileGrant[]>>;
  /**
   * Clears the system clipboard if it still holds exactly `copied` (a recovery key copied
   * a minute ago), even when the window is not focused. Electron only; main compares, so
   * the page never reads the clipboard.
   */
  clearClipboardIf?(copied: string): Promise<void>;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The Electron IPC channel names the preload and main agree on. */
export const ipcChannels = { invoke: 'hearken:invoke', event: 'hearken:event', drop: 'hearken:drop', clearClipboard: 'hearken:clear-clipboard' } as const;
