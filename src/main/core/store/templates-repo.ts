/**
 * Saved reply templates and how each has fared (from reply_outcomes). Names are unique
 * regardless of case. Import merges by name inside one transaction: a file is checked
 * whole before anything is written.
 */
import type { Template, TemplateUsage } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { templateProblems, type TemplateFields } from '../../../shared/templates';
import { cached, type DB } from './db';
import { newId } from './ids';
import { oncePerStore } from './settings';

interface TemplateRow {
  rowid: number;
  id: string;
  name: string;
  language: string | null;
  topics: string;
  keywords: string;
  body: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'rowid, id, name, language, topics, keywords, body, created_at, updated_at';

const noUsage: TemplateUsage = { used: 0, unchanged: 0, edited: 0, discarded: 0 };

/** Sent (unchanged + edited) and discarded counts per template. */
export function templateUsage(db: DB, ids?: readonly string[]): Map<string, TemplateUsage> {
  const rows = (
    ids === undefined
      ? cached(db, `SELECT template_id AS id, outcome, count(*) AS n FROM reply_outcomes WHERE template_id IS NOT NULL GROUP BY template_id, outcome`).all()
      : cached(
          db,
          `SELECT template_id AS id, outcome, count(*) AS n FROM reply_outcomes WHERE template_id IN (SELECT value FROM json_each(?)) GROUP BY template_id, outcome`,
        ).all(JSON.stringify(ids))
  ) as { id: string; outcome: string; n: number }[];
  const usage = new Map<string, TemplateUsage>();
  for (const row of rows) {
    const u = usage.get(row.id) ?? { ...noUsage };
    if (row.outcome === 'unchanged') u.unchanged += row.n;
    else if (row.outcome === 'edited') u.edited += row.n;
    else if (row.outcome === 'discarded') u.discarded += row.n;
    u.used = u.unchanged + u.edited;
    usage.set(row.id, u);
  }
  return usage;
}

export function toTemplate(row: TemplateRow, usage: TemplateUsage = noUsage): Template {
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    topics: JSON.parse(row.topics) as string[],
    keywords: row.keywords,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    usage,
  };
}

export function listTemplates(db: DB): Template[] {
  const rows = cached(db, `SELECT ${COLUMNS} FROM templates ORDER BY name COLLATE NOCASE`).all() as TemplateRow[];
  const usage = templateUsage(db);
  return rows.map((row) => toTemplate(row, usage.get(row.id)));
}

export function templateRowsByRowid(db: DB, rowids: readonly number[]): Map<number, TemplateRow> {
  const rows = cached(db, `SELECT ${COLUMNS} FROM templates WHERE rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as TemplateRow[];
  return new Map(rows.map((r) => [r.rowid, r]));
}

export type { TemplateRow };

function checkFields(fields: TemplateFields): void {
  const problems = templateProblems(fields.body);
  if (problems.length > 0) throw new HearkenError('VALIDATION', `"${fields.name}": ${problems.join(' ')}`);
}

function topicsJson(topics: readonly string[]): string {
  return JSON.stringify([...new Set(topics.map((t) => t.trim()).filter(Boolean))]);
}

/** Creates a template, or changes the one with `id`. */
export function saveTemplate(db: DB, input: TemplateFields & { id?: string | undefined }, now: number): Template {
  checkFields(input);
  const clash = cached(db, 'SELECT id FROM templates WHERE name = ? COLLATE NOCASE').get(input.name) as { id: string } | undefined;
  if (clash && clash.id !== input.id) throw new HearkenError('VALIDATION', `A template called "${input.name}" already exists. Choose another name.`);
  let id = input.id;
  if (id) {
    const changed = cached(db, 'UPDATE templates SET name = ?, language = ?, topics = ?, keywords = ?, body = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      input.language,
      topicsJson(input.topics),
      input.keywords,
      input.body,
      now,
      id,
    );
    if (changed.changes === 0) throw new HearkenError('NOT_FOUND', 'That template no longer exists (deleted elsewhere?). Save it as a new one.');
  } else {
    id = newId(now);
    cached(db, 'INSERT INTO templates (id, name, language, topics, keywords, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      input.name,
      input.language,
      topicsJson(input.topics),
      input.keywords,
      input.body,
      now,
      now,
    );
  }
  const row = cached(db, `SELECT ${COLUMNS} FROM templates WHERE id = ?`).get(id) as TemplateRow;
  return toTemplate(row, templateUsage(db, [id]).get(id));
}

export function deleteTemplate(db: DB, id: string): boolean {
  return cached(db, 'DELETE FROM templates WHERE id = ?').run(id).changes > 0;
}

export interface TemplateImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Adds the file's templates; one with the name of an existing template replaces its
 * text (names match regardless of case). All or nothing: any invalid template stops the
 * import before a row is written, naming it.
 */
export function importTemplates(db: DB, templates: readonly TemplateFields[], now: number): TemplateImportResult {
  const seen = new Set<string>();
  for (const t of templates) {
    checkFields(t);
    const key = t.name.toLowerCase();
    if (seen.has(key)) throw new HearkenError('VALIDATION', `The file has two templates called "${t.name}". Rename one and import again.`);
    seen.add(key);
  }
  const result: TemplateImportResult = { added: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const t of templates) {
      const existing = cached(db, `SELECT ${COLUMNS} FROM templates WHERE name = ? COLLATE NOCASE`).get(t.name) as TemplateRow | undefined;
      if (!existing) {
        saveTemplate(db, t, now);
        result.added++;
      } else if (existing.body === t.body && existing.language === t.language && existing.keywords === t.keywords && existing.topics === topicsJson(t.topics)) {
        result.unchanged++;
      } else {
        saveTemplate(db, { ...t, id: existing.id }, now);
        result.updated++;
      }
    }
  }).immediate();
  return result;
}

/** The editable fields of every template, for export. */
export function exportableTemplates(db: DB): TemplateFields[] {
  return listTemplates(db).map((t) => ({ name: t.name, language: t.language, topics: t.topics, keywords: t.keywords, body: t.body }));
}

/**
 * Puts the shipped templates in a store once. A team that deletes them does not get them
 * back on the next start; `Restore default templates` imports them again on request.
 */
export function seedDefaultTemplates(db: DB, defaults: readonly TemplateFields[], now: number): boolean {
  return oncePerStore(db, 'templates.seeded', now, () => importTemplates(db, defaults, now));
}
