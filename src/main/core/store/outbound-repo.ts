import type { OutboundEntry } from '../../../shared/escalation/schema';
import { cached, type DB } from './db';

interface Row {
  id: string;
  at: number;
  kind: 'webhook';
  target: string;
  host: string;
  payload: string;
  outcome: 'sent' | 'failed';
  status: number | null;
  error: string | null;
  latency_ms: number;
}

/** Appends one call to the outbound log, exactly as sent. */
export function recordOutbound(db: DB, entry: OutboundEntry): void {
  cached(db, 'INSERT INTO outbound_log (id, at, kind, target, host, payload, outcome, status, error, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.id,
    entry.at,
    entry.kind,
    entry.target,
    entry.host,
    entry.payload,
    entry.outcome,
    entry.status,
    entry.error,
    entry.latencyMs,
  );
}

/** What left this machine, newest first. */
export function listOutbound(db: DB, limit: number): OutboundEntry[] {
  const rows = cached(db, 'SELECT id, at, kind, target, host, payload, outcome, status, error, latency_ms FROM outbound_log ORDER BY at DESC, id DESC LIMIT ?').all(limit) as Row[];
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, target: r.target, host: r.host, payload: r.payload, outcome: r.outcome, status: r.status, error: r.error, latencyMs: r.latency_ms }));
}
