/**
 * A person accepting fields of an LLM triage: the values are written with source `llm`
 * (sentiment, topic tags) so the inbox shows where they came from, the acceptance is
 * recorded for the AI-quality figures, and the change can be undone like any other.
 * Priority is stored as a person's (`human`): the column knows no `llm`, and it was a
 * person's click that set it.
 */
import { triageFields, type AiTriage, type TriageField } from '../../../shared/ai/schema';
import { HearkenError } from '../../../shared/errors';
import { decideTriage, getTriage } from '../store/ai-results-repo';
import { cached, type DB } from '../store/db';
import { refreshItems } from '../store/derived';
import { captureRows, type UndoRecord } from '../store/feedback-update';
import { ensureTagId } from '../store/tags';

export interface Applied {
  triage: AiTriage;
  undo: UndoRecord;
  /** Fields that changed the item (an accepted value equal to the current one changes nothing). */
  changed: TriageField[];
}

export function requireTriage(db: DB, feedbackId: string): AiTriage {
  const triage = getTriage(db, feedbackId);
  if (!triage) throw new HearkenError('NOT_FOUND', 'This item has no AI triage to act on. Run a triage first.');
  return triage;
}

/** Inside the caller's transaction. */
export function applyTriage(db: DB, feedbackId: string, fields: readonly TriageField[], at: number): Applied {
  const triage = requireTriage(db, feedbackId);
  const [before] = captureRows(db, [feedbackId]);
  if (!before) throw new HearkenError('NOT_FOUND', 'That feedback item no longer exists.');
  const undo: UndoRecord = { rows: [before], addedTags: [], removedTags: [] };
  const answer = triage.answer;
  const changed: TriageField[] = [];
  const wanted = new Set(fields);

  if (wanted.has('sentiment') && (before.sentiment !== answer.sentiment || before.sentiment_source !== 'llm')) {
    cached(db, "UPDATE feedback SET sentiment = ?, sentiment_source = 'llm', updated_at = ? WHERE id = ?").run(answer.sentiment, at, feedbackId);
    changed.push('sentiment');
  }
  if (wanted.has('priority') && before.priority !== answer.priority) {
    cached(db, "UPDATE feedback SET priority = ?, priority_source = 'human', updated_at = ? WHERE id = ?").run(answer.priority, at, feedbackId);
    changed.push('priority');
  }
  if (wanted.has('language') && answer.language !== 'und') {
    const current = (cached(db, 'SELECT language FROM feedback WHERE id = ?').get(feedbackId) as { language: string | null }).language;
    if (current !== answer.language) {
      cached(db, 'UPDATE feedback SET language = ?, updated_at = ? WHERE id = ?').run(answer.language, at, feedbackId);
      undo.languages = [{ feedbackId, language: current }];
      changed.push('language');
    }
  }
  if (wanted.has('topics')) {
    for (const name of answer.topics) {
      const tagId = ensureTagId(db, name, at);
      const added = cached(db, "INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'llm', ?) ON CONFLICT DO NOTHING").run(feedbackId, tagId, at);
      if (added.changes > 0) undo.addedTags.push({ feedbackId, tagId });
    }
    if (undo.addedTags.length > 0) {
      cached(db, 'UPDATE feedback SET updated_at = ? WHERE id = ?').run(at, feedbackId);
      changed.push('topics');
    }
  }
  if (changed.length > 0) refreshItems(db, [feedbackId], at);

  const accepted = [...new Set([...triage.accepted, ...fields])];
  const state = triageFields.every((f) => accepted.includes(f)) ? 'accepted' : 'partly';
  return { triage: decideTriage(db, feedbackId, state, accepted, at), undo, changed };
}

export function dismissTriage(db: DB, feedbackId: string, at: number): AiTriage {
  const triage = requireTriage(db, feedbackId);
  return decideTriage(db, feedbackId, 'dismissed', triage.accepted, at);
}
