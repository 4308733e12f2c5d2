/** What the LLM suggested and wrote: each item's latest triage, and period summaries (0015). */
import { aiTriageSchema, type AiSummary, type AiTriage, type TriageField } from '../../../shared/ai/schema';
import { cached, type DB } from './db';

interface TriageRow {
  feedback_id: string;
  at: number;
  model: string;
  answer: string;
  state: AiTriage['state'];
  accepted: string;
  decided_at: number | null;
}

function toTriage(row: TriageRow): AiTriage {
  return aiTriageSchema.parse({
    feedbackId: row.feedback_id,
    at: row.at,
    model: row.model,
    answer: JSON.parse(row.answer) as unknown,
    state: row.state,
    accepted: JSON.parse(row.accepted) as unknown,
    decidedAt: row.decided_at,
  });
}

/** A new triage replaces the item's last one and waits, pending, for a person. */
export function saveTriage(db: DB, feedbackId: string, model: string, answer: AiTriage['answer'], at: number): AiTriage {
  cached(
    db,
    `INSERT INTO ai_triage (feedback_id, at, model, confidence, answer, state, accepted, decided_at) VALUES (?, ?, ?, ?, ?, 'pending', '[]', NULL)
     ON CONFLICT (feedback_id) DO UPDATE SET at = excluded.at, model = excluded.model, confidence = excluded.confidence, answer = excluded.answer,
       state = 'pending', accepted = '[]', decided_at = NULL`,
  ).run(feedbackId, at, model, answer.confidence, JSON.stringify(answer));
  return getTriage(db, feedbackId)!;
}

export function getTriage(db: DB, feedbackId: string): AiTriage | null {
  const row = cached(db, 'SELECT feedback_id, at, model, answer, state, accepted, decided_at FROM ai_triage WHERE feedback_id = ?').get(feedbackId) as TriageRow | undefined;
  return row ? toTriage(row) : null;
}

/** What a person did with it: accepted fields are added to those accepted before. */
export function decideTriage(db: DB, feedbackId: string, state: AiTriage['state'], accepted: readonly TriageField[], at: number): AiTriage {
  cached(db, 'UPDATE ai_triage SET state = ?, accepted = ?, decided_at = ? WHERE feedback_id = ?').run(state, JSON.stringify(accepted), at, feedbackId);
  return getTriage(db, feedbackId)!;
}

export function saveSummary(db: DB, summary: AiSummary): void {
  cached(db, 'INSERT INTO ai_summaries (id, from_at, to_at, model, at, text, figures) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    summary.id,
    summary.from,
    summary.to,
    summary.model,
    summary.at,
    summary.text,
    JSON.stringify(summary.figures),
  );
}

/** The latest summary of exactly this period. */
export function latestSummary(db: DB, from: number, to: number): AiSummary | null {
  const row = cached(db, 'SELECT id, from_at, to_at, model, at, text, figures FROM ai_summaries WHERE from_at = ? AND to_at = ? ORDER BY at DESC LIMIT 1').get(from, to) as
    | { id: string; from_at: number; to_at: number; model: string; at: number; text: string; figures: string }
    | undefined;
  if (!row) return null;
  return { id: row.id, from: row.from_at, to: row.to_at, model: row.model, at: row.at, text: row.text, figures: JSON.parse(row.figures) as AiSummary['figures'], aiWritten: true };
}
