import { feedbackFilterSchema, type FeedbackFilter, type View } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { builtInViews, isBuiltInView } from '../../../shared/views';
import { cached, type DB } from './db';
import { countFeedback } from './feedback-repo';
import { newId } from './ids';

interface ViewRow {
  id: string;
  name: string;
  filter: string;
}

function parseFilter(text: string): FeedbackFilter {
  const parsed = feedbackFilterSchema.safeParse(JSON.parse(text));
  // A view saved by a newer Hearken may carry filters this one does not know: show all.
  return parsed.success ? parsed.data : {};
}

/** Built-in views first, then saved ones in their order, each with its live count. */
export function listViews(db: DB, now: number = Date.now()): View[] {
  const saved = cached(db, 'SELECT id, name, filter FROM saved_views ORDER BY position, name').all() as ViewRow[];
  return [
    ...builtInViews.map((v) => ({ ...v, builtIn: true, count: countFeedback(db, v.filter, now) })),
    ...saved.map((row) => {
      const filter = parseFilter(row.filter);
      return { id: row.id, name: row.name, filter, builtIn: false, count: countFeedback(db, filter, now) };
    }),
  ];
}

export function saveView(db: DB, input: { id?: string | undefined; name: string; filter: FeedbackFilter }, now: number): View {
  if (input.id && isBuiltInView(input.id)) throw new HearkenError('VALIDATION', 'Built-in views cannot be changed; save a new view instead.');
  if (builtInViews.some((v) => v.name.toLowerCase() === input.name.toLowerCase())) {
    throw new HearkenError('VALIDATION', `"${input.name}" is the name of a built-in view; choose another name.`);
  }
  const clash = cached(db, 'SELECT id FROM saved_views WHERE name = ?').get(input.name) as { id: string } | undefined;
  if (clash && clash.id !== input.id) throw new HearkenError('VALIDATION', `A view called "${input.name}" already exists.`);
  const filter = JSON.stringify(input.filter);
  let id = input.id;
  if (id) {
    const changed = cached(db, 'UPDATE saved_views SET name = ?, filter = ?, updated_at = ? WHERE id = ?').run(input.name, filter, now, id);
    if (changed.changes === 0) throw new HearkenError('NOT_FOUND', 'That view no longer exists.');
  } else {
    id = newId(now);
    const position = (cached(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM saved_views').get() as { p: number }).p;
    cached(db, 'INSERT INTO saved_views (id, name, filter, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.name, filter, position, now, now);
  }
  return { id, name: input.name, filter: input.filter, builtIn: false, count: countFeedback(db, input.filter) };
}

export function deleteView(db: DB, id: string): boolean {
  if (isBuiltInView(id)) throw new HearkenError('VALIDATION', 'Built-in views cannot be deleted.');
  return cached(db, 'DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
}
