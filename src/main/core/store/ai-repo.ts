/**
 * The LLM's rows: "What left this machine" (ai_calls, with escalation webhooks from
 * outbound_log beside them), the month's token use, the answer cache, and the persistent
 * queue (ai_jobs). The queue reads its next jobs from the table in order rather than holding
 * them, so 100,000 queued jobs cost no memory.
 */
import type { AiLogEntry, AiPurpose } from '../../../shared/ai/schema';
import type { CallRecord } from '../ai/types';
import { cached, type DB } from './db';
import { newId } from './ids';

// ---- What left this machine -------------------------------------------------------------

export interface CallMeta {
  at: number;
  id?: string;
  jobId?: string | null;
  feedbackId?: string | null;
  /** Values replaced by placeholders before sending, by kind. */
  redactions?: Record<string, number>;
}

/** Appends one call, exactly as sent. */
export function recordAiCall(db: DB, record: CallRecord, meta: CallMeta): AiLogEntry {
  const id = meta.id ?? newId(meta.at);
  const redactions = meta.redactions ?? {};
  cached(
    db,
    `INSERT INTO ai_calls (id, at, purpose, host, model, request, response, outcome, status, error, prompt_tokens, completion_tokens, tokens_estimated, latency_ms, redactions, job_id, feedback_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    meta.at,
    record.purpose,
    record.host,
    record.model,
    record.request,
    record.response,
    record.outcome,
    record.status,
    record.error,
    record.usage?.promptTokens ?? null,
    record.usage?.completionTokens ?? null,
    record.usage?.estimated ? 1 : 0,
    Math.max(0, Math.round(record.latencyMs)),
    JSON.stringify(redactions),
    meta.jobId ?? null,
    meta.feedbackId ?? null,
  );
  return {
    id,
    at: meta.at,
    kind: 'llm',
    purpose: record.purpose,
    host: record.host,
    model: record.model,
    request: record.request,
    response: record.response,
    outcome: record.outcome,
    status: record.status,
    error: record.error,
    promptTokens: record.usage?.promptTokens ?? null,
    completionTokens: record.usage?.completionTokens ?? null,
    tokensEstimated: record.usage?.estimated ?? false,
    latencyMs: Math.max(0, Math.round(record.latencyMs)),
    redactions,
  };
}

interface LogRow {
  id: string;
  at: number;
  kind: 'llm' | 'webhook';
  purpose: string;
  host: string;
  model: string | null;
  request: string;
  response: string | null;
  outcome: string;
  status: number | null;
  error: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  tokens_estimated: number;
  latency_ms: number;
  redactions: string;
}

const llmSelect = `SELECT id, at, 'llm' AS kind, purpose, host, model, request, response, outcome, status, error, prompt_tokens, completion_tokens, tokens_estimated, latency_ms, redactions FROM ai_calls`;
const webhookSelect = `SELECT id, at, 'webhook' AS kind, 'escalation' AS purpose, host, NULL AS model, payload AS request, NULL AS response, CASE outcome WHEN 'sent' THEN 'ok' ELSE 'failed' END AS outcome, status, error, NULL AS prompt_tokens, NULL AS completion_tokens, 0 AS tokens_estimated, latency_ms, '{}' AS redactions FROM outbound_log`;

function parseCounts(text: string): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => Number.isInteger(e[1])));
  } catch {
    return {};
  }
}

const toEntry = (r: LogRow): AiLogEntry => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  purpose: r.purpose,
  host: r.host,
  model: r.model,
  request: r.request,
  response: r.response,
  outcome: r.outcome as AiLogEntry['outcome'],
  status: r.status,
  error: r.error,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  tokensEstimated: r.tokens_estimated === 1,
  latencyMs: r.latency_ms,
  redactions: parseCounts(r.redactions),
});

export interface LogQuery {
  limit: number;
  /** Only entries strictly older than this time (the next page). */
  before?: number | undefined;
  kind?: 'llm' | 'webhook' | undefined;
}

/** LLM calls and escalation webhooks, newest first, and how many there are in all. */
export function listAiCalls(db: DB, query: LogQuery): { entries: AiLogEntry[]; total: number } {
  const before = query.before ?? Number.MAX_SAFE_INTEGER;
  // Each side takes its newest page by its time index first: sorting the union whole would
  // read every wide call row.
  const parts: string[] = [];
  if (query.kind !== 'webhook') parts.push(`SELECT * FROM (${llmSelect} WHERE at < @before ORDER BY at DESC, id DESC LIMIT @limit)`);
  if (query.kind !== 'llm') parts.push(`SELECT * FROM (${webhookSelect} WHERE at < @before ORDER BY at DESC, id DESC LIMIT @limit)`);
  const rows = cached(db, `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY at DESC, id DESC LIMIT @limit`).all({ before, limit: query.limit }) as LogRow[];
  const counts = cached(db, 'SELECT (SELECT count(*) FROM ai_calls) AS llm, (SELECT count(*) FROM outbound_log) AS webhook').get() as { llm: number; webhook: number };
  const total = query.kind === 'llm' ? counts.llm : query.kind === 'webhook' ? counts.webhook : counts.llm + counts.webhook;
  return { entries: rows.map(toEntry), total };
}

interface UsageSoFar {
  from: number;
  /** The last ai_calls row counted: the log is insert-only, so later rows are all that is new. */
  lastRowid: number;
  used: number;
  estimated: number;
}

const usageSoFar = new WeakMap<DB, UsageSoFar>();

const usageSums = `COALESCE(SUM(COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0)), 0) AS used,
  COALESCE(SUM(CASE WHEN tokens_estimated = 1 THEN COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0) ELSE 0 END), 0) AS estimated`;

/**
 * Tokens used since `fromMs` (the month's start), and how many of them were estimated.
 * Asked before every call (the budget's hard stop): the first look sums the month from
 * `ai_calls_by_time`, which covers the token columns (through the table, the wide request
 * rows made it a second at 10,000 calls); later looks add only the rows logged since.
 */
export function monthUsage(db: DB, fromMs: number): { used: number; estimated: number } {
  let so = usageSoFar.get(db);
  if (!so || so.from !== fromMs) {
    so = { from: fromMs, lastRowid: 0, used: 0, estimated: 0 };
    usageSoFar.set(db, so);
  }
  const last = (cached(db, 'SELECT coalesce(max(rowid), 0) AS last FROM ai_calls').get() as { last: number }).last;
  if (last < so.lastRowid) {
    // Rows went away (a restored or rebuilt store): count again from the start.
    usageSoFar.delete(db);
    return monthUsage(db, fromMs);
  }
  if (last > so.lastRowid) {
    // The first look sums the month from the covering index; later ones only the new rows.
    const row = (
      so.lastRowid === 0
        ? cached(db, `SELECT ${usageSums} FROM ai_calls WHERE at >= ? AND rowid <= ?`).get(fromMs, last)
        : cached(db, `SELECT ${usageSums} FROM ai_calls WHERE rowid > ? AND rowid <= ? AND at >= ?`).get(so.lastRowid, last, fromMs)
    ) as { used: number; estimated: number };
    so.used += row.used;
    so.estimated += row.estimated;
    so.lastRowid = last;
  }
  return { used: so.used, estimated: so.estimated };
}

// ---- The answer cache --------------------------------------------------------------------

export function getCached(db: DB, purpose: AiPurpose, model: string, inputHash: string): string | null {
  const row = cached(db, 'SELECT output FROM ai_cache WHERE purpose = ? AND model = ? AND input_hash = ?').get(purpose, model, inputHash) as { output: string } | undefined;
  return row?.output ?? null;
}

export function putCached(db: DB, purpose: AiPurpose, model: string, inputHash: string, output: string, at: number): void {
  cached(db, 'INSERT INTO ai_cache (purpose, model, input_hash, output, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (purpose, model, input_hash) DO UPDATE SET output = excluded.output, at = excluded.at').run(
    purpose,
    model,
    inputHash,
    output,
    at,
  );
}

export * from './ai-jobs-repo';
