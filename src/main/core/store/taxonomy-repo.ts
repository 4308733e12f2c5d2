/**
 * The stored topic taxonomy. Analysis reads it through `loadTaxonomy`, which keeps one
 * compiled copy per connection until a topic changes (topic matching caches its compiled
 * matcher per taxonomy object, so the same object must be handed out until then).
 */
import { starterTaxonomies, type StarterTaxonomy, type TopicInfo, type TopicInput } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { starterTopics } from '../analysis/taxonomies/starters';
import { DEFAULT_TAXONOMY, type Taxonomy, type TopicTerms } from '../analysis/taxonomy';
import { cached, type DB } from './db';
import { newId } from './ids';
import { getSetting, oncePerStore, setSetting } from './settings';

interface TopicRow {
  id: string;
  name: string;
  keywords: string;
  phrases: string;
  languages: string;
}

const loaded = new WeakMap<DB, Taxonomy>();

function toInfo(row: TopicRow): TopicInfo {
  return {
    id: row.id,
    name: row.name,
    keywords: JSON.parse(row.keywords) as string[],
    phrases: JSON.parse(row.phrases) as string[],
    languages: JSON.parse(row.languages) as Record<string, TopicTerms>,
  };
}

export function listTopics(db: DB): TopicInfo[] {
  return (cached(db, 'SELECT id, name, keywords, phrases, languages FROM topics ORDER BY position, name').all() as TopicRow[]).map(toInfo);
}

/** The taxonomy analysis uses: the stored topics (the same object until one changes). */
export function loadTaxonomy(db: DB): Taxonomy {
  let taxonomy = loaded.get(db);
  if (!taxonomy) {
    taxonomy = listTopics(db).map((t) => ({ name: t.name, keywords: t.keywords, phrases: t.phrases, languages: t.languages }));
    loaded.set(db, taxonomy);
  }
  return taxonomy;
}

function changed(db: DB): void {
  loaded.delete(db);
}

/**
 * Drops this connection's compiled copy. A job thread's connection cannot see the main
 * connection's topic edits, so each job starts from the stored topics.
 */
export function forgetTaxonomy(db: DB): void {
  changed(db);
}

/** Words lower-cased, trimmed, without duplicates or empties; phrases must have two or more words. */
function cleanTerms(input: TopicInput): { keywords: string[]; phrases: string[]; languages: Record<string, TopicTerms> } {
  const clean = (terms: readonly string[]): string[] => [...new Set(terms.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))];
  const split = (terms: readonly string[]): TopicTerms => {
    const all = clean(terms);
    return { keywords: all.filter((t) => !t.includes(' ')), phrases: all.filter((t) => t.includes(' ')) };
  };
  const base = split([...input.keywords, ...input.phrases]);
  const languages: Record<string, TopicTerms> = {};
  for (const [lang, terms] of Object.entries(input.languages)) {
    const t = split([...terms.keywords, ...terms.phrases]);
    if (t.keywords.length + t.phrases.length > 0) languages[lang] = t;
  }
  if (base.keywords.length + base.phrases.length + Object.keys(languages).length === 0) {
    throw new HearkenError('VALIDATION', `Give the topic "${input.name}" at least one keyword or phrase, or it can never match.`);
  }
  return { ...base, languages };
}

export function saveTopic(db: DB, input: TopicInput & { id?: string | undefined }, now: number): TopicInfo {
  const terms = cleanTerms(input);
  const clash = cached(db, 'SELECT id FROM topics WHERE name = ? COLLATE NOCASE').get(input.name) as { id: string } | undefined;
  if (clash && clash.id !== input.id) throw new HearkenError('VALIDATION', `A topic called "${input.name}" already exists.`);
  let id = input.id;
  const json = [JSON.stringify(terms.keywords), JSON.stringify(terms.phrases), JSON.stringify(terms.languages)] as const;
  if (id) {
    const result = cached(db, 'UPDATE topics SET name = ?, keywords = ?, phrases = ?, languages = ?, updated_at = ? WHERE id = ?').run(input.name, ...json, now, id);
    if (result.changes === 0) throw new HearkenError('NOT_FOUND', 'That topic no longer exists. Save it as a new one.');
  } else {
    id = newId(now);
    const position = (cached(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM topics').get() as { p: number }).p;
    cached(db, 'INSERT INTO topics (id, name, keywords, phrases, languages, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      input.name,
      ...json,
      position,
      now,
      now,
    );
  }
  changed(db);
  return toInfo(cached(db, 'SELECT id, name, keywords, phrases, languages FROM topics WHERE id = ?').get(id) as TopicRow);
}

/** Removes a topic from the taxonomy; tags already on items stay (re-analysis drops local ones). */
export function deleteTopic(db: DB, id: string): boolean {
  const deleted = cached(db, 'DELETE FROM topics WHERE id = ?').run(id).changes > 0;
  if (deleted) changed(db);
  return deleted;
}

/** Adds the shipped topics that are missing (by name) and resets changed ones to their shipped terms. */
export function restoreDefaultTopics(db: DB, now: number): { added: number; updated: number } {
  const result = { added: 0, updated: 0 };
  db.transaction(() => {
    for (const topic of DEFAULT_TAXONOMY) {
      const existing = cached(db, 'SELECT id FROM topics WHERE name = ? COLLATE NOCASE').get(topic.name) as { id: string } | undefined;
      saveTopic(db, { name: topic.name, keywords: topic.keywords, phrases: topic.phrases, languages: topic.languages ?? {}, ...(existing ? { id: existing.id } : {}) }, now);
      if (existing) result.updated++;
      else result.added++;
    }
  }).immediate();
  return result;
}

/** The starter taxonomy chosen (settings), and the mark of a store that was seeded after starters existed. */
const STARTER = 'taxonomy.starter';
const STARTER_OFFERED = 'taxonomy.starterOffered';

/**
 * The shipped topics, once per store. A store seeded now is offered the choice of a starter
 * (its `starter` stays null until one is chosen); a store seeded before starters existed
 * already has the topics its team works with, so it counts as having kept the general ones
 * and is never asked.
 */
export function seedDefaultTaxonomy(db: DB, now: number): boolean {
  const seeded = oncePerStore(db, 'taxonomy.seeded', now, () => {
    restoreDefaultTopics(db, now);
    setSetting(db, STARTER_OFFERED, '1', now);
  });
  if (!seeded && getSetting(db, STARTER) === null && getSetting(db, STARTER_OFFERED) === null) setSetting(db, STARTER, 'general', now);
  return seeded;
}

/** The starter chosen for this store; null while a new store has not chosen. */
export function chosenStarter(db: DB): StarterTaxonomy | null {
  const value = getSetting(db, STARTER);
  return (starterTaxonomies as readonly string[]).includes(value ?? '') ? (value as StarterTaxonomy) : null;
}

/**
 * Begins from a starter: adds its topics that are missing (by name; a topic the team already
 * has keeps its own terms), and with 'replace' removes every topic the starter does not
 * have. Tags already on items stay. Records the choice.
 */
export function applyStarter(db: DB, starter: StarterTaxonomy, mode: 'add' | 'replace', now: number): { added: number; removed: number; starter: StarterTaxonomy } {
  const result = { added: 0, removed: 0, starter };
  db.transaction(() => {
    const topics = starterTopics(starter);
    const have = new Set(listTopics(db).map((t) => t.name.toLowerCase()));
    for (const topic of topics) {
      if (have.has(topic.name.toLowerCase())) continue;
      saveTopic(db, { name: topic.name, keywords: topic.keywords, phrases: topic.phrases, languages: topic.languages ?? {} }, now);
      result.added++;
    }
    if (mode === 'replace') {
      const keep = new Set(topics.map((t) => t.name.toLowerCase()));
      for (const t of listTopics(db)) if (!keep.has(t.name.toLowerCase()) && deleteTopic(db, t.id)) result.removed++;
    }
    setSetting(db, STARTER, starter, now);
  }).immediate();
  return result;
}
