import type { DB } from '../db';

/**
 * What reports read per item without walking its thread: when it was first answered and
 * when it was resolved, those spans in business time (the SLA calendar's hours, days and
 * holidays, worked out in store/report-times.ts whenever the item changes and again after
 * the calendar does), and whether its first-response and resolution clocks were met.
 *
 * A covering index in arrival order holds every column a report's scan reads, so a
 * report over a period reads index pages only, never the rows with their bodies. A
 * partial index finds the items whose sentiment a person overrode.
 */
export function up(db: DB): void {
  db.exec(`
    ALTER TABLE feedback ADD COLUMN first_response_at INTEGER;
    ALTER TABLE feedback ADD COLUMN resolved_at INTEGER;
    ALTER TABLE feedback ADD COLUMN first_response_bms INTEGER;
    ALTER TABLE feedback ADD COLUMN resolution_bms INTEGER;
    ALTER TABLE feedback ADD COLUMN sla_first_response TEXT CHECK (sla_first_response IN ('met', 'breached'));
    ALTER TABLE feedback ADD COLUMN sla_resolution TEXT CHECK (sla_resolution IN ('met', 'breached'));

    UPDATE feedback SET first_response_at =
      (SELECT min(m.sent_at) FROM messages m WHERE m.feedback_id = feedback.id AND m.direction = 'out');
    UPDATE feedback SET resolved_at = coalesce(
        (SELECT max(s.at) FROM status_changes s WHERE s.feedback_id = feedback.id AND s.status IN ('resolved', 'closed')),
        updated_at)
      WHERE status IN ('resolved', 'closed');

    CREATE INDEX feedback_report ON feedback(
      received_at, channel, sentiment, status, escalated, product, language, assignee, customer_id,
      first_response_at, resolved_at, first_response_bms, resolution_bms, sla_first_response, sla_resolution,
      sla_due_at, sla_clock);

    -- The AI-quality figures read which items a person re-labelled; the audit log is
    -- otherwise read by time only.
    CREATE INDEX audit_sentiment_overrides ON audit_events(entity_id) WHERE action = 'sentiment.override';
  `);
}
