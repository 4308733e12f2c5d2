/**
 * The seams of the LLM layer, so each part can be built and tested alone:
 * - `LlmClient` (client.ts): one endpoint through the `openai` SDK (the only folder that
 *   imports it), with no retries of its own; every HTTP attempt is reported to `onCall`
 *   exactly as sent, and failures are classified as `AiCallError` for the queue.
 * - `AiQueue` (queue.ts): the persistent LLM queue over `ai_jobs`: bounded concurrency,
 *   back-off, Retry-After, offline pause, resume after restart, cancel, the budget's stop.
 * - `AiPurposeRunner` (triage.ts, draft.ts, summary.ts): what one job does: read the item,
 *   redact, build the prompt, call, validate, restore, store.
 */
import type { ZodType } from 'zod';
import type { AiPurpose, AiQueueState, AiSettings, AiTestResult } from '../../../shared/ai/schema';
import type { CoreContext } from '../context';
import type { DB } from '../store/db';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The endpoint as a call needs it: settings resolved, the key read from where it is kept. */
export interface AiEndpoint {
  provider: AiSettings['provider'];
  baseUrl: string;
  /** Null for servers that need none (local ones). Never logged, never stored in a row. */
  apiKey: string | null;
  azureApiVersion: string;
  timeoutMs: number;
  maxTokens: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** The server sent no usage: counted locally from the text. */
  estimated: boolean;
}

/** One HTTP attempt, as "What left this machine" records it. */
export interface CallRecord {
  purpose: AiPurpose | 'test';
  host: string;
  model: string | null;
  /** The exact JSON body sent (redacted text inside; no key: keys travel in headers). */
  request: string;
  response: string | null;
  status: number | null;
  outcome: 'ok' | 'invalid' | 'failed';
  error: string | null;
  usage: TokenUsage | null;
  latencyMs: number;
}

export type AiFailureKind =
  /** Connection refused, DNS failure, unreachable: the queue pauses and probes. */
  | 'offline'
  /** 429: `retryAfterMs` from Retry-After when sent. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  | 'timeout'
  /** 401/403: retrying will not help; the settings need a key. */
  | 'auth'
  /** 400/404/422: the request or the model name is wrong. */
  | 'bad-request'
  /** The answer failed validation even after the repair retry. */
  | 'invalid'
  | 'cancelled'
  /** The month's token budget is spent. */
  | 'budget';

export class AiCallError extends Error {
  constructor(
    readonly kind: AiFailureKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'AiCallError';
  }
}

export interface JsonRequest<T> {
  purpose: AiPurpose | 'test';
  model: string;
  messages: ChatMessage[];
  /** Validates the answer whatever the server claims to enforce. */
  schema: ZodType<T>;
  /** Its portable JSON Schema (the subset every server accepts), and a name. */
  jsonSchema: { name: string; schema: Record<string, unknown> };
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface JsonAnswer<T> {
  value: T;
  usage: TokenUsage;
  /** Whether the repair retry was needed. */
  repaired: boolean;
}

export interface StreamRequest {
  purpose: AiPurpose;
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  signal?: AbortSignal;
  onDelta(delta: string): void;
}

export interface LlmClient {
  /** json_schema where the endpoint takes it, else prompt-only JSON; zod-validated; one repair retry. */
  completeJson<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>>;
  /** Streams text; tolerates empty `choices`, usage on every chunk or none. */
  streamText(request: StreamRequest): Promise<{ text: string; usage: TokenUsage }>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  /** The test button: models, json_schema support, streaming usage. Never throws. */
  probe(model: string, signal?: AbortSignal): Promise<AiTestResult>;
}

/** Builds a client for an endpoint; every attempt is reported to onCall as it ends. */
export type LlmClientFactory = (endpoint: AiEndpoint, onCall: (record: CallRecord) => void) => LlmClient;

/** A queued job as its runner sees it. */
export interface AiJobRow {
  id: string;
  purpose: AiPurpose;
  feedbackId: string | null;
  params: Record<string, unknown>;
  attempts: number;
}

export interface AiRunEnv {
  db: DB;
  client: LlmClient;
  settings: AiSettings;
  now(): number;
  signal: AbortSignal;
  /** Pushes to the window (streamed draft text, finished triages). */
  emit: CoreContext['emit'];
}

/** What one job of a purpose does. Throws AiCallError to be retried, paused or failed. */
export interface AiPurposeRunner {
  /** Whether the answer came from the cache (no call). */
  run(job: AiJobRow, env: AiRunEnv): Promise<{ cached: boolean }>;
}

export interface EnqueueRequest {
  /** The job's id when the caller already has one (a draft's id, so cancel finds it). */
  id?: string;
  /** Higher runs first: a draft someone waits for goes before a bulk triage. Default 0. */
  priority?: number;
  purpose: AiPurpose;
  feedbackId: string | null;
  params?: Record<string, unknown>;
}

export interface AiQueue {
  /** Adds jobs (one pending job per item and purpose: a second is not added). */
  enqueue(requests: readonly EnqueueRequest[]): { queued: number; alreadyQueued: number; ids: string[] };
  cancel(id?: string): number;
  retry(id?: string): number;
  state(): AiQueueState;
  /** On unlock: running jobs from before a restart go back to queued, and the queue starts. */
  start(): void;
  /** Settings changed, or the endpoint may be back: look again now. */
  wake(): void;
  /** On lock and close: stops taking jobs, aborts calls in flight (their jobs stay queued). */
  stop(): Promise<void>;
}
