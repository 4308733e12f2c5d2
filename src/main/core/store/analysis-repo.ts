/**
 * Re-analysis of stored items in batches: the SQL that reads them and writes the analysis
 * back as columns and tags. What is analyzed and what a person's decision keeps is in
 * analysis/item.ts; here a person's tag of the same name stays theirs, and so does a topic
 * they took off.
 */
import type { FeedbackFilter } from '../../../shared/contract';
import type { CustomerTier, Sentiment, Status, TagSource } from '../../../shared/domain';
import type { Analysis } from '../analysis/analyze';
import { analyzeItem, sentimentIsLocal, storedAnalysis, tagKey, type NewAnalysis } from '../analysis/item';
import { cached, type DB } from './db';
import { refreshItems } from './derived';
import { filterClause } from './feedback-repo';
import { ensureTagId } from './tags';
import { loadTaxonomy } from './taxonomy-repo';

interface StoredRow {
  rowid: number;
  id: string;
  subject: string | null;
  body: string;
  status: Status;
  received_at: number;
  sentiment_source: TagSource | null;
  tier: CustomerTier | null;
  contacts: number | null;
}

export interface ReanalyzedBatch {
  /** Items analyzed in this batch. */
  count: number;
  /** The cursor for the next batch; null when the filter has no more items. */
  next: number | null;
}

/**
 * Re-analyses up to `limit` items the filter selects, after rowid `after`, in one
 * transaction. Walking by rowid keeps the cursor stable while sentiments change under a
 * filter on sentiment.
 */
export function reanalyzeBatch(db: DB, filter: FeedbackFilter, after: number, limit: number, now: number): ReanalyzedBatch {
  const where = filterClause(filter);
  const rows = cached(
    db,
    `SELECT f.rowid AS rowid, f.id, f.subject, f.body, f.status, f.received_at, f.sentiment_source, c.tier,
        (SELECT count(*) FROM feedback o WHERE o.customer_id = f.customer_id) AS contacts
     FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
     WHERE f.rowid > ? AND (${where.sql}) ORDER BY f.rowid LIMIT ?`,
  ).all(after, ...where.params, limit) as StoredRow[];
  if (rows.length === 0) return { count: 0, next: null };
  const tagIds = new Map<string, string>();
  const taxonomy = loadTaxonomy(db);
  db.transaction(() => {
    for (const row of rows) {
      const analysis = analyzeItem(
        { body: row.body, subject: row.subject, status: row.status, customerTier: row.tier, receivedAt: row.received_at, ...(row.contacts ? { contactCount: row.contacts } : {}) },
        now,
        taxonomy,
      );
      const local = sentimentIsLocal(row.sentiment_source);
      writeAnalysis(db, row.id, analysis, storedAnalysis(analysis, now, local), local);
      cached(db, "DELETE FROM feedback_tags WHERE feedback_id = ? AND source = 'local'").run(row.id);
      // Tags a person set, and topics a person took off, are left as they are.
      const kept = new Set(
        (
          cached(
            db,
            `SELECT t.name FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feedback_id = ?
             UNION ALL SELECT t.name FROM feedback_tag_rejections r JOIN tags t ON t.id = r.tag_id WHERE r.feedback_id = ?`,
          ).all(row.id, row.id) as { name: string }[]
        ).map((t) => tagKey(t.name)),
      );
      for (const topic of analysis.topics) {
        if (kept.has(tagKey(topic.name))) continue;
        cached(db, "INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'local', ?) ON CONFLICT DO NOTHING").run(
          row.id,
          ensureTagId(db, topic.name, now, tagIds),
          now,
        );
      }
    }
    // A new sentiment, urgency or topic can change which rules match and the SLA priority.
    refreshItems(db, rows.map((r) => r.id), now);
  }).immediate();
  return { count: rows.length, next: rows.length < limit ? null : rows[rows.length - 1]!.rowid };
}

function writeAnalysis(db: DB, id: string, analysis: Analysis, stored: NewAnalysis, local: boolean): void {
  const sentiment: Sentiment | null = local ? analysis.sentiment.label : null;
  cached(
    db,
    `UPDATE feedback SET
       sentiment = CASE WHEN @local THEN @sentiment ELSE sentiment END,
       sentiment_score = CASE WHEN @local THEN @score ELSE sentiment_score END,
       sentiment_source = CASE WHEN @local THEN 'local' ELSE sentiment_source END,
       sentiment_cues = CASE WHEN @local THEN @cues ELSE sentiment_cues END,
       language = coalesce(language, @language),
       urgency = @urgency, urgency_reasons = @reasons, analyzed_at = @at, analysis_version = @version
     WHERE id = @id`,
  ).run({
    local: local ? 1 : 0,
    sentiment,
    score: stored.sentimentScore,
    cues: stored.sentimentCues ? JSON.stringify(stored.sentimentCues) : null,
    language: analysis.language,
    urgency: stored.urgency,
    reasons: JSON.stringify(stored.urgencyReasons),
    at: stored.analyzedAt,
    version: stored.version,
    id,
  });
}
