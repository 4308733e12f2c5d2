/**
 * Escalation's vocabulary: where items go (targets), the predefined criteria that suggest
 * it (rules), and the service-level clocks on business hours (SLA). Schemas only; the
 * logic lives beside them (rules.ts, sla.ts, calendar.ts, handoff.ts), pure and shared by
 * the core, the CLI and the window's editors.
 */
import { z } from 'zod';
import { channels, customerTiers, sentiments } from '../domain';

const id = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

/** An item's priority; the same four levels as local analysis's urgency suggestion. */
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];
export const priorityLabels: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

// ---------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------

/** A team or tier items are escalated to. The webhook is off unless someone turns it on. */
export const escalationTargetInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the team a name.').max(80),
    email: z.string().trim().email('That is not an e-mail address.').max(254).nullable().default(null),
    webhookUrl: z
      .string()
      .trim()
      .url('Use a full address, such as https://hooks.example.com/hearken.')
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), 'Use an http or https address.')
      .nullable()
      .default(null),
    webhookEnabled: z.boolean().default(false),
  })
  .strict();
export type EscalationTargetInput = z.input<typeof escalationTargetInputSchema>;
export const escalationTargetSchema = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookEnabled: z.boolean(),
  position: z.number().int(),
  /** Open escalations to this target now. */
  open: z.number().int(),
});
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

export const slaStates = ['ok', 'due-soon', 'breached', 'paused', 'stopped'] as const;
export type SlaState = (typeof slaStates)[number];

const terms = z.array(z.string().trim().min(1).max(160)).min(1).max(100);

/** One predefined criterion. A rule never matches an item that lacks the field a condition reads. */
export const ruleConditionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sentiment'),
      labels: z.array(z.enum(sentiments)).min(1).max(3),
      /** Also require the score at most this (e.g. -0.5 for strongly negative). */
      scoreAtMost: z.number().min(-1).max(1).nullable().default(null),
    })
    .strict(),
  /** Words or phrases in the subject or the customer's text, whole words, any case. */
  z.object({ kind: z.literal('keywords'), terms, match: z.enum(['any', 'all']).default('any') }).strict(),
  z.object({ kind: z.literal('topic'), topics: terms }).strict(),
  z.object({ kind: z.literal('language'), languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('channel'), channels: z.array(z.enum(channels)).min(1).max(channels.length) }).strict(),
  z.object({ kind: z.literal('product'), products: terms }).strict(),
  /** Customer tier; VIP is `tiers: ['vip']`. */
  z.object({ kind: z.literal('tier'), tiers: z.array(z.enum(customerTiers)).min(1).max(customerTiers.length) }).strict(),
  z.object({ kind: z.literal('urgency'), atLeast: z.enum(priorities) }).strict(),
  /** The customer wrote at least `contacts` times (this item included) within `withinDays` days before it. */
  z.object({ kind: z.literal('repeat'), contacts: z.number().int().min(2).max(100), withinDays: z.number().int().min(1).max(365) }).strict(),
  /** A running SLA clock is breached, or due within `withinMinutes` (business minutes are not used: a clock is a time). */
  z.object({ kind: z.literal('sla'), state: z.enum(['due-soon', 'breached']), withinMinutes: z.number().int().min(1).max(10_080).default(60) }).strict(),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConditionKind = RuleCondition['kind'];

export const ruleActionsSchema = z
  .object({
    /** Suggest escalating to this target (its id). */
    escalateTo: id.nullable().default(null),
    /** Set the priority (a person's choice is never replaced). */
    priority: z.enum(priorities).nullable().default(null),
    /** Add this tag. */
    addTag: z.string().trim().min(1).max(80).nullable().default(null),
  })
  .strict()
  .refine((a) => a.escalateTo !== null || a.priority !== null || a.addTag !== null, 'Say what the rule does: escalate, set a priority or add a tag.');
export type RuleActions = z.infer<typeof ruleActionsSchema>;

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the rule a name.').max(120),
    enabled: z.boolean().default(true),
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(ruleConditionSchema).min(1, 'Add at least one condition.').max(20),
    actions: ruleActionsSchema,
    /** Escalate without asking a person. Off by default, and marked wherever the rule shows. */
    autoEscalate: z.boolean().default(false),
  })
  .strict();
export type RuleInput = z.input<typeof ruleInputSchema>;
export type RuleDefinition = z.output<typeof ruleInputSchema>;
export const ruleSchema = z.object({
  id,
  name: z.string(),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema),
  actions: z.object({ escalateTo: id.nullable(), priority: z.enum(priorities).nullable(), addTag: z.string().nullable() }),
  autoEscalate: z.boolean(),
  position: z.number().int(),
  /** Items it matches now. */
  matches: z.number().int(),
});
export type Rule = z.infer<typeof ruleSchema>;

/** What a rule evaluation reads of one item. Missing fields are null: a condition on them fails. */
export interface RuleSubject {
  /** Subject and the customer's text, as stored. */
  subject: string | null;
  text: string;
  sentiment: (typeof sentiments)[number] | null;
  sentimentScore: number | null;
  /** Tag names on the item (topics included). */
  topics: readonly string[];
  language: string | null;
  channel: (typeof channels)[number];
  product: string | null;
  tier: (typeof customerTiers)[number] | null;
  urgency: Priority | null;
  /** When this customer's items (this one included) arrived; empty without a customer. */
  contactTimes: readonly number[];
  receivedAt: number;
  /** The earliest running SLA deadline; null when no clock runs. */
  slaDueAt: number | null;
}

/** Why one rule matched one item: the parts that held, in the rule's order. */
export interface RuleMatch {
  ruleId: string;
  ruleName: string;
  /** e.g. ["VIP", "negative", "'refund'"]. */
  because: string[];
  /** e.g. "VIP + negative + 'refund' → Billing". */
  explanation: string;
}

/** One item's flag: what matched rules suggest together. */
export const ruleFlagSchema = z.object({
  ruleId: id,
  ruleName: z.string(),
  explanation: z.string(),
  targetId: id.nullable(),
  targetName: z.string().nullable(),
  priority: z.enum(priorities).nullable(),
  addTag: z.string().nullable(),
  autoEscalate: z.boolean(),
});
export type RuleFlag = z.infer<typeof ruleFlagSchema>;

// ---------------------------------------------------------------------------------------
// SLA
// ---------------------------------------------------------------------------------------

/** "HH:MM", 00:00–24:00. */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, such as 09:00.');
export const businessPeriodSchema = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .refine((p) => p.start < p.end, 'A period ends after it starts.');
export type BusinessPeriod = z.infer<typeof businessPeriodSchema>;

export const holidaySchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().max(200) }).strict();
export type Holiday = z.infer<typeof holidaySchema>;

/** When the team works: a time zone, periods per weekday (Monday first), and holidays. */
export const businessCalendarSchema = z
  .object({
    timeZone: z.string().min(1).max(64),
    /** Seven entries, Monday to Sunday; each day any number of periods (a lunch break is two). */
    week: z.array(z.array(businessPeriodSchema).max(8)).length(7),
    holidays: z.array(holidaySchema).max(2000),
  })
  .strict();
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

export const slaClockKinds = ['first-response', 'next-response', 'resolution'] as const;
export type SlaClockKind = (typeof slaClockKinds)[number];
export const slaClockLabels: Record<SlaClockKind, string> = { 'first-response': 'First response', 'next-response': 'Next response', resolution: 'Resolution' };

/** Targets for one priority, in minutes of business time; null: no target. */
export const slaPolicySchema = z
  .object({
    priority: z.enum(priorities),
    firstResponseMinutes: z.number().int().min(1).max(525_600).nullable(),
    nextResponseMinutes: z.number().int().min(1).max(525_600).nullable(),
    resolutionMinutes: z.number().int().min(1).max(525_600).nullable(),
  })
  .strict();
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const slaSettingsSchema = z
  .object({
    calendar: businessCalendarSchema,
    policies: z.array(slaPolicySchema).length(priorities.length),
    /** Business hours (true) or around the clock. */
    businessHours: z.boolean(),
    /** A running clock this close to its deadline is "due soon". */
    dueSoonMinutes: z.number().int().min(1).max(10_080),
  })
  .strict()
  .refine((s) => priorities.every((p) => s.policies.some((x) => x.priority === p)), 'Give a policy for every priority.');
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

/** What the SLA maths reads of one item. */
export interface SlaSubject {
  receivedAt: number;
  priority: Priority;
  status: 'open' | 'pending' | 'replied' | 'resolved' | 'closed';
  /** The conversation's messages in time order (the first inbound is the item itself). */
  messages: readonly { direction: 'in' | 'out' | 'note'; at: number }[];
  /** Status changes in time order, from the store's status history; pending pauses, resolved/closed stop. */
  statusChanges: readonly { status: 'open' | 'pending' | 'replied' | 'resolved' | 'closed'; at: number }[];
}

export const slaClockSchema = z.object({
  kind: z.enum(slaClockKinds),
  state: z.enum(['running', 'paused', 'met', 'breached', 'stopped']),
  /** The deadline of a running clock, or the one that was missed or met. */
  dueAt: epochMs.nullable(),
  /** When it was met or stopped. */
  endedAt: epochMs.nullable(),
  /** Business time left (negative once breached); null when not running. */
  remainingMs: z.number().int().nullable(),
});
export type SlaClock = z.infer<typeof slaClockSchema>;

/** An item's SLA as the list and the queue show it. */
export const slaSummarySchema = z.object({
  state: z.enum(slaStates),
  /** The earliest running deadline. */
  dueAt: epochMs.nullable(),
  clock: z.enum(slaClockKinds).nullable(),
});
export type SlaSummary = z.infer<typeof slaSummarySchema>;

// ---------------------------------------------------------------------------------------
// Escalations
// ---------------------------------------------------------------------------------------

export const escalationStates = ['open', 'resolved', 'deescalated'] as const;
export type EscalationState = (typeof escalationStates)[number];

export const escalationSchema = z.object({
  id,
  feedbackId: id,
  targetId: id,
  targetName: z.string(),
  reason: z.string(),
  priority: z.enum(priorities),
  note: z.string().nullable(),
  state: z.enum(escalationStates),
  /** Rule names that suggested it. */
  rules: z.array(z.string()),
  /** 'person' (the agent or the CLI), or 'rule' for a rule marked auto-escalate. */
  source: z.enum(['person', 'rule']),
  createdAt: epochMs,
  endedAt: epochMs.nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const escalateInputSchema = z
  .object({
    ids: z.array(id).min(1).max(10_000),
    targetId: id,
    reason: z.string().trim().min(1, 'Say why it is escalated.').max(2000),
    priority: z.enum(priorities),
    note: z.string().trim().max(5000).nullable().default(null),
  })
  .strict();
export type EscalateInput = z.input<typeof escalateInputSchema>;

/** One call to a webhook, exactly as sent: the outbound log ("What left this machine"). */
export const outboundEntrySchema = z.object({
  id,
  at: epochMs,
  kind: z.enum(['webhook']),
  /** The target's name, and the URL's host (the full URL can hold a secret token). */
  target: z.string(),
  host: z.string(),
  /** The exact body sent. */
  payload: z.string(),
  outcome: z.enum(['sent', 'failed']),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int(),
});
export type OutboundEntry = z.infer<typeof outboundEntrySchema>;
