/**
 * The escalation webhook: one JSON POST per escalation to a team's address, off unless a
 * person switched it on for that team. Every call, sent or failed, is recorded in the
 * outbound log with the exact body, so "What left this machine" is never a guess.
 * No retries here: a failed call is reported (the `outbound.sent` event) and stays in the log.
 */
import { performance } from 'node:perf_hooks';
import type { OutboundEntry } from '../../../shared/escalation/schema';
import type { DB } from '../store/db';
import { newId } from '../store/ids';
import { recordOutbound } from '../store/outbound-repo';

/** A receiver that has not answered in this time is dead for this call. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookTarget {
  name: string;
  webhookUrl: string;
}

/** The host only: a webhook URL often carries a secret token in its path or query. */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid address)';
  }
}

function describeFailure(err: unknown, timedOut: boolean): string {
  if (timedOut) return `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'Nothing is listening at that address (connection refused).';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'That host name does not resolve (offline, or a typo in the address).';
  if (cause?.code) return `${cause.code}: ${cause.message ?? 'the connection failed'}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * POSTs `payload` as JSON and records the call. Never throws: the entry says what happened.
 * `signal` lets a closing core stop a call in flight (recorded as failed).
 */
export async function postWebhook(db: DB, target: WebhookTarget, payload: unknown, clock: () => number, signal?: AbortSignal): Promise<OutboundEntry> {
  const body = JSON.stringify(payload);
  const at = clock();
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  const timeout = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
  try {
    const response = await fetch(target.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Hearken (escalation webhook)' },
      body,
      redirect: 'error',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    status = response.status;
    // Read (and drop) the answer so the connection is released; its content is not kept.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) error = `The receiver answered ${response.status} ${response.statusText}`.trim() + '.';
  } catch (err) {
    error = describeFailure(err, timeout.aborted);
  }
  const entry: OutboundEntry = {
    id: newId(at),
    at,
    kind: 'webhook',
    target: target.name,
    host: webhookHost(target.webhookUrl),
    payload: body,
    outcome: error === null ? 'sent' : 'failed',
    status,
    error,
    latencyMs: Math.round(performance.now() - started),
  };
  if (db.open) recordOutbound(db, entry);
  return entry;
}
