/**
 * The AI as the core holds it: the settings and the key (read once per unlock), the client
 * built from them, the persistent queue, the month's budget, and the status the window
 * shows. Every HTTP attempt the client makes is stored in `ai_calls` and announced, so
 * "What left this machine" is complete; the budget is checked before each call is made
 * (the hard stop), not after the month's tokens are spent twice over.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { hostOf, isLoopbackUrl, modelFor, readiness, redactsFor } from '../../../shared/ai/endpoint';
import type { AiBudget, AiPurpose, AiQueueState, AiSettings, AiSettingsInput, AiStatus, AiTestResult } from '../../../shared/ai/schema';
import { monthStart } from '../../../shared/ai/tokens';
import { requireDb, type CoreContext } from '../context';
import { log } from '../log';
import { apiKeyStore, readApiKey, removeApiKey, saveApiKey, type ApiKeyStore } from '../secrets/api-key';
import { recordAiCall, monthUsage } from '../store/ai-repo';
import { recordAudit } from '../store/audit';
import type { DB } from '../store/db';
import type { Actor } from '../types';
import { createLlmClient } from './client';
import { LlmQueue } from './queue';
import { loadAiSettings, mergeAiSettings, saveAiSettings } from './settings';
import { AiCallError, type AiPurposeRunner, type CallRecord, type LlmClient, type LlmClientFactory } from './types';

export interface AiServiceOptions {
  clientFactory?: LlmClientFactory | undefined;
  offlineProbeMs?: number | undefined;
  /** Whether the queue may send yet (default: from unlock). The CLI says yes only for a command that waits for AI work. */
  sendWhen?: (() => boolean) | undefined;
}

/** What a job's calls are about, so each logged call names its job, item and redactions. */
interface CallScope {
  jobId: string | null;
  feedbackId: string | null;
  redactions: Record<string, number>;
}

const scope = new AsyncLocalStorage<CallScope>();

/** Runs `work` with its calls logged against a job and an item. */
export function inCallScope<T>(jobId: string | null, feedbackId: string | null, work: () => Promise<T>): Promise<T> {
  return scope.run({ jobId, feedbackId, redactions: {} }, work);
}

/** A runner says how many values it replaced before sending: the log shows the counts. */
export function noteRedactions(counts: Record<string, number>): void {
  const current = scope.getStore();
  if (current) current.redactions = { ...counts };
}

const USAGE_TTL_MS = 5000;
const EMPTY_QUEUE: AiQueueState = { counts: { queued: 0, running: 0, waiting: 0, failed: 0 }, paused: 'disabled', retryAt: null };

export class AiService {
  private settingsNow: AiSettings | null = null;
  private key: string | null = null;
  private keyWhere: ApiKeyStore | null = null;
  private built: LlmClient | null = null;
  private queueNow: LlmQueue | null = null;
  private queueStarted = false;
  private usage: { from: number; readAt: number; used: number; estimated: number } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly runners: Record<AiPurpose, AiPurposeRunner>,
    private readonly options: AiServiceOptions = {},
  ) {}

  /** On unlock and create: reads the settings and the key, and starts the queue. */
  async start(): Promise<void> {
    const db = requireDb(this.ctx);
    this.settingsNow = loadAiSettings(db);
    this.usage = null;
    this.keyWhere = apiKeyStore(db);
    try {
      this.key = await readApiKey(this.ctx.store, db);
    } catch (error) {
      this.key = null;
      log.warn('the LLM API key could not be read; calls go without one until it is saved again', { error: error instanceof Error ? error.name : 'unknown' });
    }
    this.built = null;
    if (!this.ctx.db) return;
    this.queueNow = new LlmQueue({
      db: () => this.ctx.db,
      now: this.ctx.now,
      emit: this.ctx.emit,
      runners: this.runners,
      settings: () => this.settings(),
      client: () => this.client(),
      blocked: () => this.blocked(),
      offlineProbeMs: this.options.offlineProbeMs,
      wrap: (job, work) => inCallScope(job.id, job.feedbackId, work),
    });
    this.queueStarted = false;
    this.run();
  }

  /**
   * Lets the queue send: the app from unlock; the CLI only in a command that waits for AI
   * work, so neither `hearken stats` nor `ai triage` without --wait sends anything (the
   * jobs wait for the app, or a command that waits).
   */
  run(): void {
    if (this.queueStarted || !this.queueNow) return;
    if (this.options.sendWhen && !this.options.sendWhen()) return;
    this.queueStarted = true;
    this.queueNow.start();
  }

  /** On lock and close: calls in flight are aborted; their jobs stay queued for the next unlock. */
  async stop(): Promise<void> {
    const queue = this.queueNow;
    this.queueNow = null;
    this.built = null;
    this.key = null;
    this.keyWhere = null;
    this.settingsNow = null;
    this.usage = null;
    await queue?.stop();
  }

  /** The queue, to add or change jobs: it starts sending if it was held. */
  get queue(): LlmQueue {
    if (!this.queueNow) requireDb(this.ctx);
    if (!this.queueNow) throw new AiCallError('cancelled', 'The AI queue is not running.');
    this.run();
    return this.queueNow;
  }

  settings(): AiSettings {
    if (!this.settingsNow) this.settingsNow = loadAiSettings(requireDb(this.ctx));
    return this.settingsNow;
  }

  /** Why no call may be made now (the queue pauses for it); null when calls may go. */
  blocked(): 'disabled' | 'not-configured' | 'budget' | null {
    const settings = this.settings();
    if (!settings.enabled) return 'disabled';
    if (!readiness(settings).ready) return 'not-configured';
    if (this.budget().exhausted) return 'budget';
    return null;
  }

  /**
   * The month's use. The guard runs before every call and summing the month grows with it,
   * so the sum is kept up to date as calls are logged here and read again from the table
   * every few seconds (another process on the store, the CLI, spends the same budget).
   */
  budget(db: DB = requireDb(this.ctx), fresh = false): AiBudget {
    const now = this.ctx.now();
    const from = monthStart(now);
    const stale = Date.now() - (this.usage?.readAt ?? 0) > USAGE_TTL_MS;
    if (fresh || stale || this.usage?.from !== from) this.usage = { from, readAt: Date.now(), ...monthUsage(db, from) };
    const usage = this.usage;
    const limit = this.settings().monthlyTokenBudget;
    return { month: new Date(from).toISOString().slice(0, 7), used: usage.used, estimated: usage.estimated, limit, exhausted: limit !== null && usage.used >= limit };
  }

  queueState(): AiQueueState {
    return this.queueNow?.state() ?? EMPTY_QUEUE;
  }

  async status(): Promise<AiStatus> {
    const settings = this.settings();
    const db = requireDb(this.ctx);
    const host = settings.baseUrl ? hostOf(settings.baseUrl) : null;
    return {
      settings,
      hasApiKey: this.key !== null,
      keyStore: this.key !== null ? this.keyWhere : null,
      host,
      loopback: settings.baseUrl ? isLoopbackUrl(settings.baseUrl) : false,
      redacting: settings.baseUrl ? redactsFor(settings.redact, settings.baseUrl) : settings.redact !== 'off',
      ready: readiness(settings).ready,
      budget: this.budget(db, true),
      queue: this.queueState(),
    };
  }

  /** Saves settings and the key (absent: kept; null: removed); audited without the key. */
  async save(input: AiSettingsInput, actor: Actor): Promise<AiStatus> {
    const db = requireDb(this.ctx);
    const { apiKey, ...fields } = input;
    const next = mergeAiSettings(this.settings(), fields);
    const at = this.ctx.now();
    if (apiKey !== undefined) {
      if (apiKey === null) {
        await removeApiKey(this.ctx.store, db);
        this.key = null;
        this.keyWhere = null;
      } else {
        this.keyWhere = await saveApiKey(this.ctx.store, db, apiKey, at);
        this.key = apiKey;
      }
    }
    db.transaction(() => {
      saveAiSettings(db, next, at);
      const changed = Object.keys(fields).filter((f) => fields[f as keyof typeof fields] !== undefined);
      recordAudit(db, {
        at,
        actor,
        action: 'ai.settings.saved',
        entityType: 'ai',
        detail: { fields: changed, ...(apiKey === undefined ? {} : { apiKey: apiKey === null ? 'removed' : 'saved' }), host: next.baseUrl ? hostOf(next.baseUrl) : null },
      });
    }).immediate();
    this.settingsNow = next;
    this.built = null;
    this.queueNow?.wake();
    this.ctx.emit('ai.status.changed', {});
    return this.status();
  }

  /** The test button: the models, and what the endpoint supports. Logged like any call. */
  async test(): Promise<AiTestResult> {
    const settings = this.settings();
    const ready = readiness({ ...settings, enabled: true, model: settings.model || 'probe' });
    if (!ready.ready) {
      return { ok: false, host: settings.baseUrl ? hostOf(settings.baseUrl) : null, latencyMs: 0, models: [], modelFound: null, supports: { jsonSchema: 'unknown', streaming: null, streamUsage: 'unknown' }, error: { code: 'not-configured', message: ready.problem ?? 'Configure the endpoint first.' } };
    }
    const result = await inCallScope(null, null, () => this.rawClient().probe(modelFor(settings, 'triage')));
    this.queueNow?.wake();
    return result;
  }

  /** The client the runners use: the budget is checked before every call. */
  client(): LlmClient {
    const raw = this.rawClient();
    const guard = (): void => {
      if (this.budget().exhausted) throw new AiCallError('budget', "This month's token budget is spent. Raise it in Settings > AI, or wait for next month.");
    };
    return {
      completeJson: (request) => {
        guard();
        return raw.completeJson(request);
      },
      streamText: (request) => {
        guard();
        return raw.streamText(request);
      },
      listModels: (signal) => raw.listModels(signal),
      probe: (model, signal) => raw.probe(model, signal),
    };
  }

  private rawClient(): LlmClient {
    if (this.built) return this.built;
    const settings = this.settings();
    const factory = this.options.clientFactory ?? createLlmClient;
    this.built = factory(
      { provider: settings.provider, baseUrl: settings.baseUrl, apiKey: this.key, azureApiVersion: settings.azureApiVersion, timeoutMs: settings.timeoutMs, maxTokens: settings.maxTokens },
      (record) => this.recordCall(record),
    );
    return this.built;
  }

  private recordCall(record: CallRecord): void {
    const db = this.ctx.db;
    if (!db) return;
    const current = scope.getStore();
    try {
      const at = this.ctx.now();
      const entry = recordAiCall(db, record, { at, jobId: current?.jobId ?? null, feedbackId: current?.feedbackId ?? null, redactions: current?.redactions ?? {} });
      if (record.usage && this.usage?.from === monthStart(at)) {
        const tokens = record.usage.promptTokens + record.usage.completionTokens;
        this.usage.used += tokens;
        if (record.usage.estimated) this.usage.estimated += tokens;
      }
      this.ctx.emit('ai.log.added', { entry });
    } catch (error) {
      log.warn('an LLM call could not be logged', { purpose: record.purpose, error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
