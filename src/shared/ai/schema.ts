/**
 * The vocabulary of the optional LLM: the endpoint a team chose, what a triage, a draft and a
 * period summary look like once validated, the persistent queue's jobs, and the log of what
 * left this machine. Shared by the core, the window and the CLI; no secret appears here (the
 * window learns `hasApiKey`, never the key).
 */
import { z } from 'zod';
import { sentiments } from '../domain';
import { priorities } from '../escalation/schema';

const id = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

export const aiProviders = ['openai', 'azure', 'ollama', 'lmstudio', 'llamacpp', 'custom'] as const;
export type AiProvider = (typeof aiProviders)[number];

export interface ProviderPreset {
  label: string;
  /** Proposed base URL; Azure's needs the resource name filled in. */
  baseUrl: string;
  /** Whether the server expects an API key (local servers accept any or none). */
  needsKey: boolean;
  /** A model name to start from; empty where the server decides (the test lists them). */
  model: string;
  /** One line for the settings page. */
  note: string;
}

export const providerPresets: Record<AiProvider, ProviderPreset> = {
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', needsKey: true, model: 'gpt-4.1-mini', note: 'Customer text goes to OpenAI after redaction.' },
  azure: {
    label: 'Azure OpenAI',
    baseUrl: 'https://YOUR-RESOURCE.openai.azure.com',
    needsKey: true,
    model: '',
    note: 'Uses your deployment name and api-version; a base URL ending in /openai/v1 uses the v1 API instead.',
  },
  ollama: { label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', needsKey: false, model: 'llama3.1', note: 'Runs on this machine: nothing leaves it.' },
  lmstudio: { label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', needsKey: false, model: '', note: 'Runs on this machine: nothing leaves it.' },
  llamacpp: { label: 'llama.cpp server', baseUrl: 'http://127.0.0.1:8080/v1', needsKey: false, model: '', note: 'Runs on this machine: nothing leaves it.' },
  custom: { label: 'Custom (OpenAI-compatible)', baseUrl: '', needsKey: false, model: '', note: 'Any server that speaks the OpenAI chat completions API (vLLM, a gateway).' },
};

export const aiPurposes = ['triage', 'draft', 'summary'] as const;
export type AiPurpose = (typeof aiPurposes)[number];

/** Redaction: `auto` redacts for every endpoint that is not loopback. */
export const redactModes = ['auto', 'on', 'off'] as const;
export type RedactMode = (typeof redactModes)[number];

export const aiSettingsSchema = z
  .object({
    /** Off: no call is made and no job runs; every screen works on local analysis. */
    enabled: z.boolean(),
    provider: z.enum(aiProviders),
    /** Empty until configured; an http(s) URL otherwise. */
    baseUrl: z.union([z.literal(''), z.string().trim().url('Give a full URL, e.g. http://127.0.0.1:11434/v1').max(500)]),
    /** The default model (Azure: the deployment). */
    model: z.string().trim().max(200),
    /** A model per purpose; empty means the default model. */
    purposeModels: z.object({ triage: z.string().trim().max(200), draft: z.string().trim().max(200), summary: z.string().trim().max(200) }),
    /** Azure only: the api-version for the classic deployment URL. */
    azureApiVersion: z.string().trim().max(40),
    /** Completion tokens per call. */
    maxTokens: z.number().int().min(64).max(32_000),
    /** Tokens per calendar month (UTC); calls stop once it is spent. Null: no limit. */
    monthlyTokenBudget: z.number().int().min(1000).max(10_000_000_000).nullable(),
    redact: z.enum(redactModes),
    /** Calls in flight at once. */
    concurrency: z.number().int().min(1).max(16),
    /** Per call, in milliseconds. */
    timeoutMs: z.number().int().min(1000).max(600_000),
  })
  .strict();
export type AiSettings = z.infer<typeof aiSettingsSchema>;

export const defaultAiSettings: AiSettings = {
  enabled: false,
  provider: 'ollama',
  baseUrl: '',
  model: '',
  purposeModels: { triage: '', draft: '', summary: '' },
  azureApiVersion: '2024-10-21',
  maxTokens: 800,
  monthlyTokenBudget: 2_000_000,
  redact: 'auto',
  concurrency: 4,
  timeoutMs: 60_000,
};

/** Saving: any settings field, and the API key (absent: keep it; null: remove it). */
export const aiSettingsInputSchema = aiSettingsSchema
  .partial()
  .extend({ apiKey: z.string().trim().min(1).max(4096).nullable().optional() })
  .strict();
export type AiSettingsInput = z.infer<typeof aiSettingsInputSchema>;

export const aiPauseReasons = ['disabled', 'not-configured', 'offline', 'budget'] as const;
export type AiPauseReason = (typeof aiPauseReasons)[number];

export const aiQueueCountsSchema = z.object({
  queued: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  /** Waiting out a Retry-After or a back-off. */
  waiting: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type AiQueueCounts = z.infer<typeof aiQueueCountsSchema>;

export const aiQueueStateSchema = z.object({
  counts: aiQueueCountsSchema,
  /** Why nothing is being sent now, or null while the queue runs. */
  paused: z.enum(aiPauseReasons).nullable(),
  /** Offline: when the endpoint is next tried. */
  retryAt: epochMs.nullable(),
});
export type AiQueueState = z.infer<typeof aiQueueStateSchema>;

export const aiBudgetSchema = z.object({
  /** 'YYYY-MM', UTC. */
  month: z.string(),
  used: z.number().int().nonnegative(),
  /** Of `used`, tokens estimated because the server sent no usage. */
  estimated: z.number().int().nonnegative(),
  limit: z.number().int().nullable(),
  /** The hard stop: no call is made until next month or a larger budget. */
  exhausted: z.boolean(),
});
export type AiBudget = z.infer<typeof aiBudgetSchema>;

export const aiStatusSchema = z.object({
  settings: aiSettingsSchema,
  hasApiKey: z.boolean(),
  /** Where the key is kept: the OS keychain, or sealed in the encrypted store under its key (no keychain). */
  keyStore: z.enum(['keychain', 'store']).nullable(),
  /** The endpoint's host; null until configured. */
  host: z.string().nullable(),
  loopback: z.boolean(),
  /** Whether calls are redacted now (the mode applied to this endpoint). */
  redacting: z.boolean(),
  /** Enabled, with a base URL and a model. */
  ready: z.boolean(),
  budget: aiBudgetSchema,
  queue: aiQueueStateSchema,
});
export type AiStatus = z.infer<typeof aiStatusSchema>;

/** How an endpoint treats `response_format: json_schema`, as the test found it. */
export const jsonSchemaSupport = ['enforced', 'ignored', 'refused', 'unknown'] as const;
export const streamUsageSupport = ['final-chunk', 'every-chunk', 'missing', 'unknown'] as const;

export const aiTestResultSchema = z.object({
  ok: z.boolean(),
  host: z.string().nullable(),
  latencyMs: z.number().int().nonnegative(),
  /** From GET /models; empty when the server does not list them. */
  models: z.array(z.string()),
  /** Whether the configured model is among them; null when none were listed. */
  modelFound: z.boolean().nullable(),
  supports: z.object({
    jsonSchema: z.enum(jsonSchemaSupport),
    streaming: z.boolean().nullable(),
    streamUsage: z.enum(streamUsageSupport),
  }),
  /** Why it failed, in words that say what to do. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AiTestResult = z.infer<typeof aiTestResultSchema>;

export const aiConfidences = ['high', 'medium', 'low'] as const;
export type AiConfidence = (typeof aiConfidences)[number];
export const aiUrgencies = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * What a model answers for one item, before it is checked against the closed lists (the
 * taxonomy, the teams) that `triageAnswerSchemaFor` narrows it to. Field order is the order
 * the prompt asks for; `reason` explains the whole answer in one sentence.
 */
export const triageAnswerSchema = z.object({
  sentiment: z.enum(sentiments),
  topics: z.array(z.string().max(80)).max(5),
  proposedTopics: z.array(z.string().max(60)).max(2),
  urgency: z.enum(aiUrgencies),
  priority: z.enum(priorities),
  /** ISO 639-1, lower case; 'und' when the model cannot tell. */
  language: z.string().regex(/^([a-z]{2}|und)$/),
  summary: z.string().min(1).max(300),
  escalation: z.object({ target: z.string().max(80), reason: z.string().min(1).max(300) }).nullable(),
  confidence: z.enum(aiConfidences),
  reason: z.string().min(1).max(400),
});
export type TriageAnswer = z.infer<typeof triageAnswerSchema>;

/** The fields a person can accept from a triage, one click each or all at once. */
export const triageFields = ['sentiment', 'topics', 'priority', 'language'] as const;
export type TriageField = (typeof triageFields)[number];

export const aiTriageStates = ['pending', 'accepted', 'partly', 'dismissed'] as const;

/** A stored triage: the answer (PII restored locally), its model, and what a person did with it. */
export const aiTriageSchema = z.object({
  feedbackId: id,
  at: epochMs,
  model: z.string(),
  answer: triageAnswerSchema.extend({
    /** The suggested team, resolved against the configured list (null: no escalation suggested). */
    escalation: z.object({ targetId: id, targetName: z.string(), reason: z.string() }).nullable(),
  }),
  state: z.enum(aiTriageStates),
  accepted: z.array(z.enum(triageFields)),
  decidedAt: epochMs.nullable(),
});
export type AiTriage = z.infer<typeof aiTriageSchema>;

export const replyTones = ['friendly', 'formal', 'brief', 'apologetic'] as const;
export type ReplyTone = (typeof replyTones)[number];

export const draftSourceKinds = ['template', 'kb', 'reply'] as const;
export type DraftSourceKind = (typeof draftSourceKinds)[number];

/** A retrieved source a draft may cite as [S1], resolved locally to the thing it names. */
export const draftSourceSchema = z.object({
  marker: z.string().regex(/^S\d{1,2}$/),
  kind: z.enum(draftSourceKinds),
  /** Template id, KB article id, or the earlier reply's message id. */
  sourceId: id,
  /** The item an earlier reply answered (to open it); null for templates and articles. */
  feedbackId: id.nullable(),
  title: z.string(),
  excerpt: z.string(),
});
export type DraftSource = z.infer<typeof draftSourceSchema>;

export const promiseKinds = ['refund', 'compensation', 'date', 'discount', 'replacement'] as const;
export type PromiseKind = (typeof promiseKinds)[number];

/** A commitment in a draft that none of its sources supports: the agent checks it before sending. */
export const unsupportedPromiseSchema = z.object({
  kind: z.enum(promiseKinds),
  /** The words in the draft, and where they are. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type UnsupportedPromise = z.infer<typeof unsupportedPromiseSchema>;

export const aiDraftStates = ['streaming', 'done', 'failed', 'cancelled'] as const;

export const aiDraftSchema = z.object({
  id,
  feedbackId: id,
  tone: z.enum(replyTones),
  /** The customer's language the draft was asked in (ISO 639-1), null when unknown. */
  language: z.string().nullable(),
  model: z.string(),
  state: z.enum(aiDraftStates),
  /** With PII restored and [S1] markers kept; the window turns markers into links. */
  text: z.string(),
  sources: z.array(draftSourceSchema),
  /** Markers the text cites that name no source are dropped from `text`; these are the ones it cites. */
  cited: z.array(z.string()),
  unsupportedPromises: z.array(unsupportedPromiseSchema),
  tokens: z.number().int().nonnegative(),
  tokensEstimated: z.boolean(),
  error: z.string().nullable(),
  createdAt: epochMs,
});
export type AiDraft = z.infer<typeof aiDraftSchema>;

export const aiSummarySchema = z.object({
  id,
  from: epochMs,
  to: epochMs,
  model: z.string(),
  at: epochMs,
  /** Markdown, written by the model: always shown marked as AI-written. */
  text: z.string(),
  /** The local figures it was given, so a reader can check it. */
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  aiWritten: z.literal(true),
});
export type AiSummary = z.infer<typeof aiSummarySchema>;

export const aiJobStates = ['queued', 'running', 'waiting', 'done', 'failed', 'cancelled'] as const;
export type AiJobState = (typeof aiJobStates)[number];

export const aiJobSchema = z.object({
  id,
  purpose: z.enum(aiPurposes),
  feedbackId: id.nullable(),
  /** The item's subject or preview, for the list; null for a summary. */
  label: z.string().nullable(),
  state: z.enum(aiJobStates),
  attempts: z.number().int().nonnegative(),
  /** Waiting: not tried again before this time. */
  notBefore: epochMs.nullable(),
  error: z.string().nullable(),
  /** Answered from the cache, without a call. */
  cached: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type AiJob = z.infer<typeof aiJobSchema>;

export const aiCallOutcomes = ['ok', 'invalid', 'failed'] as const;

/**
 * One entry of "What left this machine": an LLM call (the exact redacted request body) or an
 * escalation webhook (the exact JSON posted). Never an API key: only the host is kept.
 */
export const aiLogEntrySchema = z.object({
  id,
  at: epochMs,
  kind: z.enum(['llm', 'webhook']),
  /** triage, draft, summary or test; 'escalation' for a webhook. */
  purpose: z.string(),
  host: z.string(),
  model: z.string().nullable(),
  /** Exactly what was sent, as sent. */
  request: z.string(),
  /** What came back (truncated past 64 KB); null when nothing did. */
  response: z.string().nullable(),
  outcome: z.enum(aiCallOutcomes),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  promptTokens: z.number().int().nonnegative().nullable(),
  completionTokens: z.number().int().nonnegative().nullable(),
  tokensEstimated: z.boolean(),
  latencyMs: z.number().int().nonnegative(),
  /** How many values were replaced by placeholders before sending, by kind. */
  redactions: z.record(z.string(), z.number().int()),
});
export type AiLogEntry = z.infer<typeof aiLogEntrySchema>;

export const kbArticleInputSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the article a title.').max(200),
    body: z.string().trim().min(1, 'Write the article first.').max(100_000),
    tags: z.array(z.string().trim().min(1).max(60)).max(30),
  })
  .strict();
export type KbArticleInput = z.infer<typeof kbArticleInputSchema>;

export const kbArticleSchema = kbArticleInputSchema.extend({
  id,
  /** The Markdown file it was imported from (file name only); null when written here. */
  sourceFile: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type KbArticle = z.infer<typeof kbArticleSchema>;
