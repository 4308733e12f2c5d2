/**
 * The AI-quality figures: how often people change what the local analysis and the
 * suggestions gave them. Overrides come from the audit log (each `sentiment.override`
 * says what it replaced), topic rejections from `feedback_tag_rejections`, replies from
 * `reply_outcomes`.
 */
import type { Quality } from '../../../shared/contract';
import { cached, type DB } from './db';

export function qualityFigures(db: DB): Quality {
  const overrides = cached(
    db,
    `SELECT count(*) AS n FROM audit_events WHERE action = 'sentiment.override' AND json_extract(detail, '$.fromSource') IN ('local', 'llm')`,
  ).get() as { n: number };
  const rejections = cached(db, `SELECT count(*) AS n FROM feedback_tag_rejections`).get() as { n: number };
  const replies = { unchanged: 0, edited: 0, discarded: 0, written: 0 };
  for (const row of cached(db, 'SELECT outcome, count(*) AS n FROM reply_outcomes GROUP BY outcome').all() as { outcome: keyof typeof replies; n: number }[]) {
    replies[row.outcome] = row.n;
  }
  const edited = cached(
    db,
    `SELECT edit_distance AS d FROM reply_outcomes WHERE outcome = 'edited' AND edit_distance IS NOT NULL ORDER BY edit_distance
     LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM reply_outcomes WHERE outcome = 'edited' AND edit_distance IS NOT NULL)`,
  ).get() as { d: number } | undefined;
  return { sentimentOverrides: overrides.n, topicRejections: rejections.n, replies, medianEditDistance: edited?.d ?? null };
}
