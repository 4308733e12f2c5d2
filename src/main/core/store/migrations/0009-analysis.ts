import type { DB } from '../db';

/**
 * Local analysis results on feedback, stored so that an item can show why it got its
 * sentiment and urgency without being analysed again. Sentiment, its score and source, and
 * the language were already columns; this adds what explains them and the urgency suggestion:
 * - `sentiment_cues`: JSON `[{text, weight, kind}]`, the words that drove a local
 *   sentiment (null when the sentiment came from an import or a person);
 * - `urgency` + `urgency_reasons` (JSON string array): the suggested priority and why;
 * - `analyzed_at` + `analysis_version`: when and by which analyser version, so a newer
 *   analyser can find stale items.
 * Topics stay tags (kind 'topic', source 'local'). No index and no trigger: new rows get
 * these columns in insertFeedbackBatch's own INSERT, and a per-row trigger would cost the
 * import what 0005 and 0008 saved.
 */
export function up(db: DB): void {
  db.exec(`
    ALTER TABLE feedback ADD COLUMN sentiment_cues TEXT;
    ALTER TABLE feedback ADD COLUMN urgency TEXT CHECK (urgency IN ('low', 'normal', 'high', 'urgent'));
    ALTER TABLE feedback ADD COLUMN urgency_reasons TEXT;
    ALTER TABLE feedback ADD COLUMN analyzed_at INTEGER;
    ALTER TABLE feedback ADD COLUMN analysis_version INTEGER;
  `);
}
