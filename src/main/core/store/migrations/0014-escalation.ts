import type { DB } from '../db';

/**
 * Escalation, routing rules and SLA clocks.
 * - `escalation_targets`: teams and tiers (name, optional e-mail, optional webhook, off by default).
 * - `escalations`: one record per escalation of an item; `state` open / resolved / deescalated.
 *   At most one open record per item (partial unique index): moving it is a reassign.
 * - `rules`: the predefined criteria, their definition as JSON (src/shared/escalation/schema.ts).
 * - `rule_matches`: which rules match which item now, with the explanation; rewritten for an
 *   item whenever it, its rules or its clocks change. WITHOUT ROWID: looked up by either key.
 * - `feedback.priority` (+ `priority_source` human / rule): the priority the SLA policy
 *   follows (else the urgency suggestion, else normal). `feedback.sla_due_at`: the earliest
 *   deadline of a running SLA clock, `sla_clock` which one; NULL when no clock runs, so the
 *   due-soon and breached views are index ranges over `feedback_sla_due`.
 * - `status_changes`: each status change with its time, which the SLA maths needs (pending
 *   pauses, resolved stops); written by every path that changes a status.
 * - `sla_breaches`: each clock's breach once (logged as an audit event too).
 * - `outbound_log`: every webhook call with its exact payload ("What left this machine").
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE escalation_targets (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      email TEXT,
      webhook_url TEXT,
      webhook_enabled INTEGER NOT NULL DEFAULT 0 CHECK (webhook_enabled IN (0, 1)),
      position INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE escalations (
      id TEXT PRIMARY KEY,
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      target_id TEXT NOT NULL REFERENCES escalation_targets(id),
      reason TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      note TEXT,
      state TEXT NOT NULL CHECK (state IN ('open', 'resolved', 'deescalated')),
      rules TEXT NOT NULL DEFAULT '[]',
      source TEXT NOT NULL CHECK (source IN ('person', 'rule')),
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      ended_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX escalations_open_per_item ON escalations(feedback_id) WHERE state = 'open';
    CREATE INDEX escalations_open_by_target ON escalations(target_id, created_at) WHERE state = 'open';
    CREATE INDEX escalations_by_item ON escalations(feedback_id, created_at);
    CREATE INDEX escalations_by_time ON escalations(created_at);

    CREATE TABLE rules (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      definition TEXT NOT NULL,
      auto_escalate INTEGER NOT NULL DEFAULT 0 CHECK (auto_escalate IN (0, 1)),
      position INTEGER NOT NULL,
      shipped_key TEXT UNIQUE,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE rule_matches (
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      rule_id TEXT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
      explanation TEXT NOT NULL,
      matched_at INTEGER NOT NULL,
      PRIMARY KEY (feedback_id, rule_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX rule_matches_by_rule ON rule_matches(rule_id, feedback_id);

    ALTER TABLE feedback ADD COLUMN priority TEXT CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
    ALTER TABLE feedback ADD COLUMN priority_source TEXT CHECK (priority_source IN ('human', 'rule'));
    ALTER TABLE feedback ADD COLUMN sla_due_at INTEGER;
    ALTER TABLE feedback ADD COLUMN sla_clock TEXT CHECK (sla_clock IN ('first-response', 'next-response', 'resolution'));
    CREATE INDEX feedback_sla_due ON feedback(sla_due_at) WHERE sla_due_at IS NOT NULL;

    CREATE TABLE status_changes (
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'replied', 'resolved', 'closed')),
      PRIMARY KEY (feedback_id, at, status)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sla_breaches (
      feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
      clock TEXT NOT NULL CHECK (clock IN ('first-response', 'next-response', 'resolution')),
      due_at INTEGER NOT NULL,
      logged_at INTEGER NOT NULL,
      PRIMARY KEY (feedback_id, clock, due_at)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE outbound_log (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('webhook')),
      target TEXT NOT NULL,
      host TEXT NOT NULL,
      payload TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
      status INTEGER,
      error TEXT,
      latency_ms INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbound_log_by_time ON outbound_log(at);
  `);
}
