/**
 * Team-lead reports: the scope a report covers, the figures it carries, and the export
 * and schedule settings. Every figure is worked out locally from the store; the window,
 * the CLI's --json, and the HTML, CSV and XLSX exports all carry this one object.
 */
import { z } from 'zod';
import { channels, sentiments, statuses } from '../domain';
import { isValidTimeZone } from '../import/dates';

const epochMs = z.number().int().nonnegative();

/** What the primary period is set against. Product and channel compare two slices of the same period. */
export const compareKinds = ['none', 'previous', 'year', 'product', 'channel'] as const;
export type CompareKind = (typeof compareKinds)[number];

export const reportCompareSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  /** The period of the same length just before. */
  z.object({ kind: z.literal('previous') }).strict(),
  /** The same local dates a year earlier. */
  z.object({ kind: z.literal('year') }).strict(),
  /** Product a (primary) against product b (comparison), over the same period. */
  z.object({ kind: z.literal('product'), a: z.string().min(1).max(120), b: z.string().min(1).max(120) }).strict(),
  z.object({ kind: z.literal('channel'), a: z.enum(channels), b: z.enum(channels) }).strict(),
]);
export type ReportCompare = z.infer<typeof reportCompareSchema>;

/** Twenty years: enough for any history, small enough that a typo is caught. */
export const MAX_REPORT_SPAN_MS = 20 * 366 * 86_400_000;

/**
 * The inbox filter a report narrows by. Its own period replaces receivedFrom/receivedTo,
 * and the SLA-now filters (due soon, breached) mean nothing for a past period.
 */
export const reportFilterSchema = z
  .object({
    status: z.array(z.enum(statuses)).max(statuses.length).optional(),
    sentiment: z.array(z.enum(sentiments)).max(sentiments.length).optional(),
    channel: z.array(z.enum(channels)).max(channels.length).optional(),
    tags: z.array(z.string().min(1).max(80)).max(20).optional(),
    product: z.array(z.string().min(1).max(120)).max(50).optional(),
    language: z.array(z.string().min(2).max(3)).max(50).optional(),
    assignee: z.array(z.string().min(1).max(120)).max(50).optional(),
    escalated: z.boolean().optional(),
    vip: z.boolean().optional(),
    query: z.string().max(500).optional(),
  })
  .strict();
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportScopeSchema = z
  .object({
    /** The period [from, to): local midnights in `timeZone` when chosen as dates. */
    from: epochMs,
    to: epochMs,
    /** IANA zone for days, weeks and months; default: the SLA calendar's zone. */
    timeZone: z.string().min(1).max(64).refine(isValidTimeZone, 'That is not a time zone this computer knows. Use a name such as Europe/Berlin or America/New_York.').optional(),
    compare: reportCompareSchema.default({ kind: 'none' }),
    filter: reportFilterSchema.default({}),
  })
  .strict()
  .refine((s) => s.to > s.from, { message: 'The period must end after it starts.', path: ['to'] })
  .refine((s) => s.to - s.from <= MAX_REPORT_SPAN_MS, { message: 'A report covers at most twenty years.', path: ['from'] });
export type ReportScope = z.output<typeof reportScopeSchema>;
export type ReportScopeInput = z.input<typeof reportScopeSchema>;

/** Which durations a report shows first: business hours (the SLA calendar) or wall-clock time. Both are always in it. */
export const timeBases = ['business', 'calendar'] as const;
export type TimeBasis = (typeof timeBases)[number];

/** Buckets of the time series: days up to 62 days, ISO weeks (Monday) up to 1 year, months beyond. */
export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

/** A duration distribution in milliseconds; null figures when count is 0. Median and p90 are nearest-rank. */
export const distributionSchema = z.object({
  count: z.number().int().nonnegative(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  mean: z.number().nullable(),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** Business time follows the SLA calendar (hours, days, holidays); calendar time is wall-clock. */
export const timesSchema = z.object({ business: distributionSchema, calendar: distributionSchema });
export type Times = z.infer<typeof timesSchema>;

const count = z.number().int().nonnegative();
/** A share in [0, 1], null when its base is 0. */
const rate = z.number().min(0).max(1).nullable();

export const slaAttainmentSchema = z.object({ met: count, breached: count, rate });
export type SlaAttainment = z.infer<typeof slaAttainmentSchema>;

export const namedCountSchema = z.object({ name: z.string(), count });
export type NamedCount = z.infer<typeof namedCountSchema>;

export const agentFiguresSchema = z.object({
  /** The assignee; "Unassigned" rows carry agent null. */
  agent: z.string().nullable(),
  assigned: count,
  /** Items with a first response. */
  responded: count,
  resolved: count,
  escalated: count,
  negative: count,
  firstResponse: timesSchema,
  resolution: timesSchema,
});
export type AgentFigures = z.infer<typeof agentFiguresSchema>;

/** Override rates for one group of items (a language or a channel). */
export const overrideGroupSchema = z.object({
  key: z.string(),
  items: count,
  /** Items whose local or LLM sentiment a person replaced. */
  sentimentOverrides: count,
  /** Items a person removed a local or LLM topic from. */
  topicOverrides: count,
  sentimentRate: rate,
  topicRate: rate,
});
export type OverrideGroup = z.infer<typeof overrideGroupSchema>;

export const aiQualitySchema = z.object({
  /** LLM drafts by what the agent did with them (created in the period). */
  drafts: z.object({ unchanged: count, edited: count, discarded: count, medianEditDistance: z.number().nullable(), meanEditDistance: z.number().nullable() }),
  /** Local suggestions (templates and earlier replies) by outcome. */
  suggestions: z.object({ unchanged: count, edited: count, discarded: count, written: count }),
  overrides: z.object({ byLanguage: z.array(overrideGroupSchema), byChannel: z.array(overrideGroupSchema) }),
  /** LLM calls made in the period, and the token budget of the month the period ends in. */
  llm: z.object({
    calls: count,
    failed: count,
    promptTokens: count,
    completionTokens: count,
    /** Of the tokens, those estimated because the server sent no usage. */
    estimatedTokens: count,
    byPurpose: z.array(z.object({ purpose: z.string(), calls: count, tokens: count })),
    monthlyBudget: z.number().int().nullable(),
    /** Tokens used in the calendar month (UTC) the period ends in. */
    usedInBudgetMonth: count,
    budgetMonth: z.string(),
  }),
});
export type AiQuality = z.infer<typeof aiQualitySchema>;

export const seriesSchema = z.object({
  /** Bucket starts (local midnight / Monday / first of month), and the end of the last bucket. */
  starts: z.array(epochMs),
  end: epochMs,
  /** Short labels in the report's zone: "2026-11-03", "2026-W45", "2026-11". */
  labels: z.array(z.string()),
  volumeByChannel: z.record(z.enum(channels), z.array(count)),
  /** Items by sentiment per bucket; `unknown` has no sentiment yet. */
  sentiment: z.object({ negative: z.array(count), neutral: z.array(count), positive: z.array(count), unknown: z.array(count) }),
  escalated: z.array(count),
  /** Items open (not resolved or closed) at each bucket's end, counting those received before the period. */
  backlog: z.array(count),
});
export type Series = z.infer<typeof seriesSchema>;

/** Every figure of one side of a report (the period, or the comparison). */
export const periodFiguresSchema = z.object({
  label: z.string(),
  from: epochMs,
  to: epochMs,
  /** The inbox filter behind this side: the drill-down of its totals. */
  drill: z.record(z.string(), z.unknown()),
  total: count,
  byChannel: z.record(z.enum(channels), count),
  bySentiment: z.object({ negative: count, neutral: count, positive: count, unknown: count }),
  byStatus: z.record(z.enum(statuses), count),
  series: seriesSchema,
  /** Topic tags, most items first. */
  topics: z.array(namedCountSchema),
  escalation: z.object({
    /** Items of the period escalated at any time. */
    escalated: count,
    rate,
    byTarget: z.array(namedCountSchema),
    /** Rule names for rule escalations; the reason as written for a person's. */
    byReason: z.array(namedCountSchema),
  }),
  firstResponse: timesSchema,
  resolution: timesSchema,
  sla: z.object({ firstResponse: slaAttainmentSchema, resolution: slaAttainmentSchema }),
  backlog: z.object({ atStart: count, atEnd: count }),
  agents: z.array(agentFiguresSchema),
  repeat: z.object({
    /** Customers with an item in the period. */
    customers: count,
    /** Items whose customer had written within the 7 days before. */
    repeatItems: count,
    rate,
    topCustomers: z.array(z.object({ customerId: z.string(), name: z.string(), count })),
  }),
  ai: aiQualitySchema,
});
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

export const insightKinds = ['significant', 'mover', 'emerging', 'note'] as const;
export const insightSchema = z.object({
  kind: z.enum(insightKinds),
  /** One plain sentence: "Refund questions rose from 4.1% to 9.8% of items (p < 0.001)". */
  text: z.string(),
  /** What moved: "topic:Refunds", "channel:chat", "sentiment:negative", "escalation". */
  metric: z.string(),
  current: z.object({ count, base: count }),
  previous: z.object({ count, base: count }).nullable(),
  /** Two-sided p-value after Benjamini–Hochberg adjustment; null for movers that were not tested. */
  pValue: z.number().nullable(),
  /** The inbox filter that shows the items behind it. */
  drill: z.record(z.string(), z.unknown()),
});
export type Insight = z.infer<typeof insightSchema>;

export const emergingSchema = z.object({
  terms: z.array(z.object({ term: z.string(), recent: count, previous: count, llr: z.number(), ratio: z.number() })),
  /** How many items of each side the terms were read from (the newest, when a side is larger). */
  sampled: z.object({ recent: count, previous: count }),
});

export const reportSchema = z.object({
  scope: z.object({
    from: epochMs,
    to: epochMs,
    timeZone: z.string(),
    granularity: z.enum(granularities),
    compare: reportCompareSchema,
    filter: reportFilterSchema,
  }),
  generatedAt: epochMs,
  /** Whether the times below follow business hours (the SLA calendar's) by default. */
  businessHours: z.boolean(),
  primary: periodFiguresSchema,
  comparison: periodFiguresSchema.nullable(),
  emerging: emergingSchema,
  insights: z.array(insightSchema),
});
export type Report = z.infer<typeof reportSchema>;

export const reportFormats = ['html', 'pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const rowFormats = ['csv', 'xlsx', 'jsonl'] as const;
export type RowFormat = (typeof rowFormats)[number];

/** Exports written on a timer while the app runs. */
export const reportScheduleSchema = z
  .object({
    enabled: z.boolean(),
    cadence: z.enum(['daily', 'weekly']),
    /** Weekly: 1 Monday … 7 Sunday (ISO). */
    weekday: z.number().int().min(1).max(7),
    /** Local hour in the report zone the export is written after. */
    hour: z.number().int().min(0).max(23),
    /** The folder, as chosen in a dialog; empty until chosen. */
    folder: z.string().max(4096),
    formats: z.array(z.enum(['html', 'pdf', 'xlsx', 'csv'])).min(1).max(4),
    /** Also write the per-conversation rows of the period as CSV. */
    includeRows: z.boolean(),
    compare: z.enum(['none', 'previous', 'year']),
  })
  .strict();
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

export const defaultReportSchedule: ReportSchedule = {
  enabled: false,
  cadence: 'weekly',
  weekday: 1,
  hour: 7,
  folder: '',
  formats: ['html', 'xlsx'],
  includeRows: false,
  compare: 'previous',
};

export const scheduleStatusSchema = z.object({
  schedule: reportScheduleSchema,
  /** The last run: when, which files, or why it failed. */
  lastRun: z.object({ at: epochMs, files: z.array(z.string()), error: z.string().nullable() }).nullable(),
  nextRunAt: epochMs.nullable(),
  /** PDF needs a printer the host provides (the app's Electron); false in the CLI without Chromium. */
  pdfAvailable: z.boolean(),
});
export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>;
