/**
 * What a reply draft is grounded on: the templates and earlier replies that local
 * suggestions rank for this conversation (the same bm25 searches, filters and near-duplicate
 * check: replies/suggest.ts), and knowledge-base articles found by the same words in
 * kb_fts. Each becomes a numbered source (S1…Sn) the model may cite and Hearken resolves
 * locally; the model sees a bounded text of each, the window a short excerpt.
 */
import type { DraftSourceKind } from '../../../shared/ai/schema';
import { stemmerFor, tokenize } from '../analysis/tokenize';
import { ftsQuery, queryTerms, suggestReplies } from '../replies/suggest';
import { replySourceRows, type GroundingSource } from '../store/ai-drafts-repo';
import type { DB } from '../store/db';
import { getFeedback } from '../store/feedback-repo';
import { searchKb } from '../store/kb-repo';
import { agentName } from '../store/replies-repo';
import { loadTaxonomy } from '../store/taxonomy-repo';

export type { GroundingSource };

const EXCERPT_CHARS = 300;
/** Per source: enough for a policy's substance, while six of them stay a small prompt. */
const TEXT_CHARS = 1_500;
const KB_CANDIDATES = 10;

interface Candidate {
  kind: DraftSourceKind;
  sourceId: string;
  feedbackId: string | null;
  title: string;
  text: string;
  /** Comparable across kinds: bm25 relative to the best of its own index, plus term coverage. */
  score: number;
}

/** At most `max` characters, cut at a word and marked; whitespace folded for an excerpt. */
export function clip(text: string, max: number, fold = false): string {
  const clean = fold ? text.replace(/\s+/g, ' ').trim() : text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function dayMonth(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "Reply to 'Late delivery' (3 Nov)": what the earlier reply answered, so the agent knows which one it is. */
function replyTitle(subject: string | null, prompt: string, sentAt: number): string {
  const about = clip(subject?.trim() || prompt, 48, true);
  return `Reply to '${about}' (${dayMonth(sentAt)})`;
}

/** An article's own words without the heading that repeats its title. */
function articleText(title: string, body: string): string {
  const withoutHeading = body.replace(/^\s*#{1,6}\s+(.*)\n/, (line, heading: string) => (heading.trim() === title.trim() ? '' : line));
  return withoutHeading.trim();
}

/**
 * Up to `limit` sources for a draft of this conversation, best first and numbered S1…Sn.
 * The best of each kind is kept when there is one, so a draft can cite a policy (KB) as well
 * as how the team usually words it (a template or an earlier reply).
 */
export function groundingSources(db: DB, feedbackId: string, { limit = 6 }: { limit?: number } = {}): GroundingSource[] {
  const detail = getFeedback(db, feedbackId);
  const taxonomy = loadTaxonomy(db);
  const query = queryTerms(detail, taxonomy);
  if (query.terms.length === 0 || limit <= 0) return [];
  const candidates: Candidate[] = [];

  // Templates and earlier replies: exactly what suggestions would offer, a few more of them.
  const { suggestions } = suggestReplies(db, detail, { agentName: agentName(db), taxonomy }, Math.min(10, limit + 2));
  const replies = replySourceRows(db, suggestions.filter((s) => s.kind === 'reply').map((s) => s.sourceId));
  for (const s of suggestions) {
    if (s.kind === 'template') {
      candidates.push({ kind: 'template', sourceId: s.sourceId, feedbackId: null, title: `Template: ${s.title}`, text: s.text, score: s.score });
    } else {
      const reply = replies.get(s.sourceId);
      if (!reply) continue;
      candidates.push({ kind: 'reply', sourceId: s.sourceId, feedbackId: reply.feedbackId, title: replyTitle(reply.subject, reply.prompt, reply.sentAt), text: s.text, score: s.score });
    }
  }

  // Knowledge base: the same words, scored like suggestions so the lists can be merged.
  const articles = searchKb(db, ftsQuery([...query.terms, ...query.topics]), KB_CANDIDATES);
  const best = Math.min(...articles.map((a) => a.rank), -1e-9);
  const stemmer = stemmerFor(query.language);
  for (const { article, rank } of articles) {
    const present = new Set(tokenize(`${article.title} ${article.tags.join(' ')} ${article.body}`).map((w) => stemmer.stem(w)));
    const covered = [...query.stems.keys()].filter((stem) => present.has(stem)).length;
    candidates.push({
      kind: 'kb',
      sourceId: article.id,
      feedbackId: null,
      title: `KB: ${article.title}`,
      text: articleText(article.title, article.body),
      score: 0.5 * (rank / best) + 0.5 * (covered / query.terms.length),
    });
  }

  return choose(candidates, limit).map((c, i) => ({
    marker: `S${i + 1}`,
    kind: c.kind,
    sourceId: c.sourceId,
    feedbackId: c.feedbackId,
    title: c.title,
    excerpt: clip(c.text, EXCERPT_CHARS, true),
    text: clip(c.text, TEXT_CHARS),
  }));
}

function choose(candidates: Candidate[], limit: number): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  const seen = new Set<string>();
  const unique = ranked.filter((c) => {
    const key = `${c.kind}:${c.sourceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const chosen = new Set<Candidate>();
  for (const kind of ['kb', 'template', 'reply'] as const) {
    const top = unique.find((c) => c.kind === kind);
    if (top && chosen.size < limit) chosen.add(top);
  }
  for (const c of unique) {
    if (chosen.size >= limit) break;
    chosen.add(c);
  }
  return unique.filter((c) => chosen.has(c));
}
