/**
 * "Suggest topics": what a run groups, its stored proposals, and a person's answer to each.
 * A run replaces the open proposals of the one before; accepted and rejected ones stay, so
 * later runs know which groups were set aside and which became topics.
 */
import type { DiscoveryRun, DiscoveryScope, FeedbackFilter, TopicInfo, TopicProposal } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { builtInViews } from '../../../shared/views';
import type { DiscoveredTopic, DiscoveryDoc } from '../analysis/discovery';
import { cached, type DB } from './db';
import { refreshItems } from './derived';
import { filterClause, slaNow } from './feedback-repo';
import { newId } from './ids';
import { ensureTagId } from './tags';
import { listTopics, saveTopic } from './taxonomy-repo';

/** The newest items a run reads at most: enough to find what is common, few enough to stay quick. */
export const DISCOVERY_LIMIT = 100_000;
const SAMPLE_PREVIEW_CHARS = 200;

/** The items of a scope, newest first: their ids and what discovery reads of them. */
export interface DiscoveryInput {
  ids: string[];
  docs: DiscoveryDoc[];
}

/** An item carries a topic when one of its tags is named like a topic of the taxonomy. */
const HAS_TOPIC = `EXISTS (SELECT 1 FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id
  WHERE ft.feedback_id = f.id AND t.name IN (SELECT name FROM topics))`;

/** A view's filter by id; a view deleted since is a clear NOT_FOUND. */
export function viewFilter(db: DB, viewId: string): FeedbackFilter {
  const builtIn = builtInViews.find((v) => v.id === viewId);
  if (builtIn) return builtIn.filter;
  const row = cached(db, 'SELECT filter FROM saved_views WHERE id = ?').get(viewId) as { filter: string } | undefined;
  if (!row) throw new HearkenError('NOT_FOUND', 'That view no longer exists. Choose another view, or suggest topics for the conversations without one.');
  return JSON.parse(row.filter) as FeedbackFilter;
}

export function readDiscoveryInput(db: DB, scope: DiscoveryScope, now: number, limit: number = DISCOVERY_LIMIT): DiscoveryInput {
  let where: { sql: string; params: unknown[] } = { sql: '1', params: [] };
  if (scope.kind === 'untagged') where = { sql: `NOT ${HAS_TOPIC}`, params: [] };
  else if (scope.kind === 'view') where = filterClause(viewFilter(db, scope.viewId), undefined, slaNow(db, now));
  const rows = db
    .prepare(`SELECT f.id, f.subject, f.body, f.language FROM feedback f WHERE ${where.sql} ORDER BY f.received_at DESC, f.id DESC LIMIT ?`)
    .all(...where.params, limit) as { id: string; subject: string | null; body: string; language: string | null }[];
  return {
    ids: rows.map((r) => r.id),
    docs: rows.map((r) => ({ text: r.subject ? `${r.subject}\n${r.body}` : r.body, language: r.language })),
  };
}

/** What later runs must not propose again: rejected groups, and the topics there are. */
export function discoveryMemory(db: DB): { avoid: string[][]; known: string[] } {
  const avoid = (cached(db, "SELECT keywords FROM topic_proposals WHERE status = 'rejected'").all() as { keywords: string }[]).map((r) => JSON.parse(r.keywords) as string[]);
  const known = new Set<string>();
  for (const topic of listTopics(db)) {
    known.add(topic.name.toLowerCase());
    for (const word of topic.keywords) known.add(word);
  }
  return { avoid, known: [...known] };
}

export interface StoredRun {
  scope: DiscoveryScope;
  at: number;
  tookMs: number;
  /** The ids `topics` index into (DiscoveryInput.ids). */
  ids: readonly string[];
  topics: readonly DiscoveredTopic[];
}

/** Stores a run and its proposals in one transaction, in place of the open ones before it. */
export function storeRun(db: DB, run: StoredRun): string {
  const runId = newId(run.at);
  const grouped = new Set<number>();
  for (const topic of run.topics) for (const m of topic.members) grouped.add(m);
  const idsOf = (indexes: readonly number[]): string => JSON.stringify(indexes.map((i) => run.ids[i]!));
  db.transaction(() => {
    cached(db, "DELETE FROM topic_proposals WHERE status = 'open'").run();
    // Runs whose proposals are all gone are of no further use.
    cached(db, 'DELETE FROM topic_discovery_runs WHERE id NOT IN (SELECT run_id FROM topic_proposals)').run();
    cached(db, 'INSERT INTO topic_discovery_runs (id, at, scope, considered, grouped, took_ms) VALUES (?, ?, ?, ?, ?, ?)').run(
      runId,
      run.at,
      JSON.stringify(run.scope),
      run.ids.length,
      grouped.size,
      Math.round(run.tookMs),
    );
    const insert = cached(
      db,
      `INSERT INTO topic_proposals (id, run_id, name, keywords, phrases, language, size, sample_ids, member_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const topic of run.topics) {
      insert.run(
        newId(run.at),
        runId,
        topic.name,
        JSON.stringify(topic.keywords),
        JSON.stringify(topic.phrases),
        topic.language,
        topic.members.length,
        idsOf(topic.samples),
        idsOf(topic.members),
      );
    }
  }).immediate();
  return runId;
}

interface ProposalRow {
  id: string;
  run_id: string;
  name: string;
  keywords: string;
  phrases: string;
  language: string | null;
  size: number;
  sample_ids: string;
  member_ids: string;
  status: TopicProposal['status'];
}

interface RunRow {
  id: string;
  at: number;
  scope: string;
  considered: number;
  grouped: number;
  took_ms: number;
}

function toProposal(db: DB, row: ProposalRow): TopicProposal {
  const sampleIds = JSON.parse(row.sample_ids) as string[];
  const found = db
    .prepare(`SELECT id, subject, substr(body, 1, ${SAMPLE_PREVIEW_CHARS}) AS preview FROM feedback WHERE id IN (SELECT value FROM json_each(?))`)
    .all(row.sample_ids) as { id: string; subject: string | null; preview: string }[];
  const byId = new Map(found.map((f) => [f.id, f]));
  return {
    id: row.id,
    name: row.name,
    keywords: JSON.parse(row.keywords) as string[],
    phrases: JSON.parse(row.phrases) as string[],
    language: row.language,
    size: row.size,
    // Items deleted since the run are left out; the order stays most typical first.
    samples: sampleIds.flatMap((id) => {
      const f = byId.get(id);
      return f ? [{ id: f.id, subject: f.subject, preview: f.preview.replace(/\s+/g, ' ').trim() }] : [];
    }),
    status: row.status,
  };
}

/** The latest run and its open proposals, largest first. */
export function latestProposals(db: DB): { run: (DiscoveryRun & { id: string }) | null; proposals: TopicProposal[] } {
  const run = cached(db, 'SELECT id, at, scope, considered, grouped, took_ms FROM topic_discovery_runs ORDER BY at DESC, id DESC LIMIT 1').get() as RunRow | undefined;
  if (!run) return { run: null, proposals: [] };
  const rows = cached(db, "SELECT * FROM topic_proposals WHERE run_id = ? AND status = 'open' ORDER BY size DESC, name").all(run.id) as ProposalRow[];
  return {
    run: { id: run.id, at: run.at, scope: JSON.parse(run.scope) as DiscoveryScope, considered: run.considered, grouped: run.grouped, tookMs: run.took_ms },
    proposals: rows.map((r) => toProposal(db, r)),
  };
}

function proposalRow(db: DB, id: string): ProposalRow {
  const row = cached(db, 'SELECT * FROM topic_proposals WHERE id = ?').get(id) as ProposalRow | undefined;
  if (!row) throw new HearkenError('NOT_FOUND', 'That proposal is gone: a newer "Suggest topics" run replaced it. Look at the current proposals.');
  return row;
}

/** Every item of a proposal that still exists, with its id in the system it came from. */
export function proposalMembers(db: DB, id: string): { id: string; externalId: string | null }[] {
  const row = proposalRow(db, id);
  return db
    .prepare('SELECT f.id, f.external_id AS externalId FROM json_each(?) m JOIN feedback f ON f.id = m.value ORDER BY m.key')
    .all(row.member_ids) as { id: string; externalId: string | null }[];
}

export interface AcceptedProposal {
  topic: TopicInfo;
  /** Items that gained the tag (members deleted since, or already tagged, are not counted). */
  tagged: number;
  ids: string[];
}

/**
 * Adds the proposal to the taxonomy and tags its items. The tags are written as a person's
 * ('human'): accepting is the agent's decision about these items, and re-analysis replaces
 * only 'local' tags, so a member the topic's words do not match on their own keeps its tag
 * instead of losing it silently on the next re-analysis. New items get the topic through
 * the taxonomy's words, as any topic.
 */
export function acceptProposal(db: DB, input: { id: string; name?: string | undefined; keywords?: string[] | undefined }, now: number): AcceptedProposal {
  const row = proposalRow(db, input.id);
  if (row.status !== 'open') throw new HearkenError('VALIDATION', `That proposal was already ${row.status}.`);
  const name = input.name ?? row.name;
  const proposed = JSON.parse(row.keywords) as string[];
  const keywords = input.keywords ?? proposed;
  // A phrase goes with the words it is made of: one whose word the agent removed goes too.
  const removed = new Set(proposed.filter((k) => !keywords.includes(k)).map((k) => k.toLowerCase()));
  const phrases = (JSON.parse(row.phrases) as string[]).filter((p) => !p.toLowerCase().split(/\s+/).some((w) => removed.has(w)));
  const topic = saveTopic(db, { name, keywords, phrases, languages: {} }, now);
  const tagId = ensureTagId(db, topic.name, now);
  const members = proposalMembers(db, row.id).map((m) => m.id);
  const tag = cached(db, "INSERT INTO feedback_tags (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'human', ?) ON CONFLICT DO NOTHING");
  const unreject = cached(db, 'DELETE FROM feedback_tag_rejections WHERE feedback_id = ? AND tag_id = ?');
  const ids: string[] = [];
  for (const id of members) {
    if (tag.run(id, tagId, now).changes > 0) ids.push(id);
    unreject.run(id, tagId);
  }
  cached(db, "UPDATE topic_proposals SET status = 'accepted', name = ?, keywords = ?, phrases = ?, decided_at = ?, topic_id = ? WHERE id = ?").run(
    topic.name,
    JSON.stringify(keywords),
    JSON.stringify(phrases),
    now,
    topic.id,
    row.id,
  );
  // A topic can change which rules match and the SLA priority.
  refreshItems(db, ids, now);
  return { topic, tagged: ids.length, ids };
}

/** Sets an open proposal aside; false when it was decided already. */
export function rejectProposal(db: DB, id: string, now: number): boolean {
  proposalRow(db, id);
  return cached(db, "UPDATE topic_proposals SET status = 'rejected', decided_at = ? WHERE id = ? AND status = 'open'").run(now, id).changes > 0;
}
