/**
 * Re-analysis of stored items in batches: the SQL that reads them and writes the analysis
 * back as columns and tags. What is analyzed and what a person's decision keeps is in
 * analysis/item.ts; here a person's tag of the same name stays theirs, and so does a topic
 * they took off.
 */
import { confidentLanguageReasons, type FeedbackFilter, type LanguageReason } from '../../../shared/contract';
import type { CustomerTier, Sentiment, Status, TagSource } from '../../../shared/domain';
import type { Analysis } from '../analysis/analyze';
import type { ImportLanguageContext } from '../ingest/enrich';
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
  customer_id: string | null;
}

/** Reasons that name a language the text or the file showed (not borrowed from context). */
const CONFIDENT_REASONS = `(${confidentLanguageReasons.map((r) => `'${r}'`).join(', ')})`;
/** The store's usual language is looked up again after this long (the facet moves slowly). */
const STORE_USUAL_TTL_MS = 5 * 60_000;
const storeUsual = new WeakMap<DB, { language: string | null; at: number }>();

/**
 * The store's usual language: the most common one, counted over the feedback_by_language
 * index, cached per connection for STORE_USUAL_TTL_MS.
 */
export function storeUsualLanguage(db: DB, now = Date.now()): string | null {
  const hit = storeUsual.get(db);
  if (hit && now - hit.at < STORE_USUAL_TTL_MS) return hit.language;
  const row = cached(db, 'SELECT language FROM feedback INDEXED BY feedback_by_language WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC LIMIT 1').get() as
    | { language: string }
    | undefined;
  const language = row?.language ?? null;
  storeUsual.set(db, { language, at: now });
  return language;
}

/** The customer's most recent confident language (over feedback_by_customer), other than item `except`. */
export function customerLanguage(db: DB, customerId: string, except: string | null = null): string | null {
  const row = cached(
    db,
    `SELECT language FROM feedback INDEXED BY feedback_by_customer
     WHERE customer_id = ? AND id IS NOT ? AND language IS NOT NULL AND (language_reason IS NULL OR language_reason IN ${CONFIDENT_REASONS})
     ORDER BY received_at DESC LIMIT 1`,
  ).get(customerId, except) as { language: string } | undefined;
  return row?.language ?? null;
}

/** The import's language context: both lookups run only for a text too weak to tell. */
export function importLanguageContext(db: DB): ImportLanguageContext {
  return {
    store: () => storeUsualLanguage(db),
    customer: (customer) => {
      if (customer.email === null) return null;
      const row = cached(db, 'SELECT id FROM customers WHERE email = ?').get(customer.email) as { id: string } | undefined;
      return row ? customerLanguage(db, row.id) : null;
    },
  };
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
    `SELECT f.rowid AS rowid, f.id, f.subject, f.body, f.status, f.received_at, f.sentiment_source, c.tier, f.customer_id,
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
        {
          customer: () => (row.customer_id !== null ? customerLanguage(db, row.customer_id, row.id) : null),
          store: () => storeUsualLanguage(db),
        },
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
       -- A language the file named (or an earlier version's, whose reason is unknown) stays;
       -- a detected one is detected again, with its reason.
       language_reason = CASE WHEN language_reason = 'from-file' OR (language IS NOT NULL AND language_reason IS NULL) THEN language_reason ELSE @reason END,
       language = CASE WHEN language_reason = 'from-file' OR (language IS NOT NULL AND language_reason IS NULL) THEN language ELSE @language END,
       urgency = @urgency, urgency_reasons = @reasons, analyzed_at = @at, analysis_version = @version
     WHERE id = @id`,
  ).run({
    local: local ? 1 : 0,
    sentiment,
    score: stored.sentimentScore,
    cues: stored.sentimentCues ? JSON.stringify(stored.sentimentCues) : null,
    language: analysis.language,
    reason: analysis.languageReason satisfies LanguageReason,
    urgency: stored.urgency,
    reasons: JSON.stringify(stored.urgencyReasons),
    at: stored.analyzedAt,
    version: stored.version,
    id,
  });
}
