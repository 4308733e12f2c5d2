import type { FeedbackChange } from '../../../shared/contract';
import type { Sentiment, Status, TagSource } from '../../../shared/domain';
import type { EscalationState, Priority } from '../../../shared/escalation/schema';
import { cached, type DB } from './db';
import { refreshItems } from './derived';
import { ensureTagId } from './tags';

export interface RowState {
  id: string;
  status: Status;
  unread: number;
  assignee: string | null;
  sentiment: Sentiment | null;
  sentiment_source: TagSource | null;
  priority: Priority | null;
  priority_source: 'human' | 'rule' | null;
  escalated: number;
  updated_at: number;
}

export const ROW_STATE_COLUMNS = 'id, status, unread, assignee, sentiment, sentiment_source, priority, priority_source, escalated, updated_at';

/** An escalation record as it was before a change touched it. */
export interface EscalationBefore {
  id: string;
  state: EscalationState;
  target_id: string;
  ended_at: number | null;
}

/** Exactly what a change replaced, so it can be put back. */
export interface UndoRecord {
  rows: RowState[];
  addedTags: { feedbackId: string; tagId: string }[];
  removedTags: { feedbackId: string; tagId: string; source: TagSource; createdAt: number }[];
  /** Status history rows the change wrote (the SLA maths reads them): taken out again. */
  statusChanges?: { feedbackId: string; at: number; status: Status }[];
  /** Escalation records the change made (deleted on undo) and changed (put back). */
  escalations?: { created: string[]; changed: EscalationBefore[] };
  /** Languages the change replaced (an accepted LLM triage sets one): put back. */
  languages?: { feedbackId: string; language: string | null }[];
}

/** A status history row for each item whose status is now different; recorded for undo. */
export function recordStatusChanges(db: DB, undo: UndoRecord, before: readonly RowState[], status: Status, now: number): void {
  for (const r of before) {
    if (r.status === status) continue;
    cached(db, 'INSERT INTO status_changes (feedback_id, at, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(r.id, now, status);
    (undo.statusChanges ??= []).push({ feedbackId: r.id, at: now, status });
  }
}

/** The rows' current state, for undo. */
export function captureRows(db: DB, ids: readonly string[]): RowState[] {
  return cached(db, `SELECT ${ROW_STATE_COLUMNS} FROM feedback WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RowState[];
}

export interface UpdateResult {
  updated: number;
  undo: UndoRecord;
  /** Sentiment overrides, for the AI-quality figures: what the label was before. */
  overrides: { id: string; from: Sentiment | null; fromSource: TagSource | null; to: Sentiment }[];
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Applies one agent action to many items in one transaction. Ids that no longer exist
 * are skipped. A sentiment set here is the agent's and is stored with source "human".
 */
export function updateFeedback(db: DB, ids: readonly string[], change: FeedbackChange, now: number): UpdateResult {
  const result: UpdateResult = { updated: 0, undo: { rows: [], addedTags: [], removedTags: [] }, overrides: [] };
  const unique = [...new Set(ids)];
  db.transaction(() => {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (clause: string, value: unknown): void => {
      sets.push(clause);
      values.push(value);
    };
    if (change.status !== undefined) set('status = ?', change.status);
    if (change.unread !== undefined) set('unread = ?', change.unread ? 1 : 0);
    if (change.assignee !== undefined) set('assignee = ?', change.assignee);
    if (change.sentiment !== undefined) set("sentiment = ?, sentiment_source = 'human'", change.sentiment);
    if (change.priority !== undefined) set("priority = ?, priority_source = 'human'", change.priority);
    const addIds = (change.addTags ?? []).map((name) => ensureTagId(db, name, now));
    const removeIds = (change.removeTags ?? [])
      .map((name) => cached(db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: string } | undefined)
      .filter((t): t is { id: string } => t !== undefined)
      .map((t) => t.id);

    for (const part of chunks(unique)) {
      const marks = part.map(() => '?').join(', ');
      const before = db.prepare(`SELECT ${ROW_STATE_COLUMNS} FROM feedback WHERE id IN (${marks})`).all(...part) as RowState[];
      if (before.length === 0) continue;
      result.undo.rows.push(...before);
      result.updated += before.length;
      const present = before.map((r) => r.id);
      if (change.sentiment !== undefined) {
        for (const r of before) {
          if (r.sentiment !== change.sentiment || r.sentiment_source !== 'human') {
            result.overrides.push({ id: r.id, from: r.sentiment, fromSource: r.sentiment_source, to: change.sentiment });
          }
        }
      }
      const presentMarks = present.map(() => '?').join(', ');
      db.prepare(`UPDATE feedback SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id IN (${presentMarks})`).run(...values, now, ...present);
      if (change.status !== undefined) recordStatusChanges(db, result.undo, before, change.status, now);

      for (const tagId of removeIds) {
        const removed = db
          .prepare(`SELECT feedback_id, source, created_at FROM feedback_tags WHERE tag_id = ? AND feedback_id IN (${presentMarks})`)
          .all(tagId, ...present) as { feedback_id: string; source: TagSource; created_at: number }[];
        db.prepare(`DELETE FROM feedback_tags WHERE tag_id = ? AND feedback_id IN (${presentMarks})`).run(tagId, ...present);
        result.undo.removedTags.push(...removed.map((r) => ({ feedbackId: r.feedback_id, tagId, source: r.source, createdAt: r.created_at })));
        // A topic the analysis (or a model) set and a person took off stays off when re-analysed.
        for (const r of removed) {
          if (r.source === 'local' || r.source === 'llm') {
            cached(db, 'INSERT INTO feedback_tag_rejections (feedback_id, tag_id, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(r.feedback_id, tagId, r.source, now);
          }
        }
      }
      for (const tagId of addIds) {
        for (const feedbackId of present) {
          const added = cached(db, "INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'human', ?) ON CONFLICT DO NOTHING").run(feedbackId, tagId, now);
          cached(db, 'DELETE FROM feedback_tag_rejections WHERE feedback_id = ? AND tag_id = ?').run(feedbackId, tagId);
          if (added.changes > 0) result.undo.addedTags.push({ feedbackId, tagId });
        }
      }
    }
    // Deadlines, rule matches and rule actions follow the change, in the same transaction.
    refreshItems(db, result.undo.rows.map((r) => r.id), now);
  }).immediate();
  return result;
}

/** Sets the unread flag only; returns how many items changed. */
export function markRead(db: DB, ids: readonly string[], unread: boolean): number {
  let changed = 0;
  db.transaction(() => {
    for (const part of chunks([...new Set(ids)])) {
      const marks = part.map(() => '?').join(', ');
      changed += db.prepare(`UPDATE feedback SET unread = ? WHERE unread != ? AND id IN (${marks})`).run(unread ? 1 : 0, unread ? 1 : 0, ...part).changes;
    }
  }).immediate();
  return changed;
}

/** Puts back what an update replaced; items changed since are restored all the same. */
export function undoUpdate(db: DB, undo: UndoRecord, now: number = Date.now()): number {
  let restored = 0;
  db.transaction(() => {
    // Made records go first: an item has at most one open escalation, and the one a change
    // closed is about to be reopened.
    for (const id of undo.escalations?.created ?? []) cached(db, 'DELETE FROM escalations WHERE id = ?').run(id);
    for (const e of undo.escalations?.changed ?? []) {
      cached(db, 'UPDATE escalations SET state = ?, target_id = ?, ended_at = ? WHERE id = ?').run(e.state, e.target_id, e.ended_at, e.id);
    }
    for (const r of undo.rows) {
      restored += cached(
        db,
        'UPDATE feedback SET status = ?, unread = ?, assignee = ?, sentiment = ?, sentiment_source = ?, priority = ?, priority_source = ?, escalated = ?, updated_at = ? WHERE id = ?',
      ).run(r.status, r.unread, r.assignee, r.sentiment, r.sentiment_source, r.priority, r.priority_source, r.escalated, r.updated_at, r.id).changes;
    }
    for (const l of undo.languages ?? []) cached(db, 'UPDATE feedback SET language = ? WHERE id = ?').run(l.language, l.feedbackId);
    for (const s of undo.statusChanges ?? []) cached(db, 'DELETE FROM status_changes WHERE feedback_id = ? AND at = ? AND status = ?').run(s.feedbackId, s.at, s.status);
    for (const t of undo.addedTags) cached(db, 'DELETE FROM feedback_tags WHERE feedback_id = ? AND tag_id = ?').run(t.feedbackId, t.tagId);
    for (const t of undo.removedTags) {
      cached(db, 'INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(t.feedbackId, t.tagId, t.source, t.createdAt);
      cached(db, 'DELETE FROM feedback_tag_rejections WHERE feedback_id = ? AND tag_id = ?').run(t.feedbackId, t.tagId);
    }
    refreshItems(db, undo.rows.map((r) => r.id), now);
  }).immediate();
  return restored;
}
