/**
 * Suggested replies for one conversation, offline: templates and earlier replies to similar
 * feedback, found through their FTS indexes, weighed by what the message is about, filled
 * with placeholders, and explained.
 *
 * 1. Terms: the customer's latest words (subject + the newest inbound message, own text
 *    only), minus function words and generic words ("new", "help", "issue"), plus the topic
 *    words the local analysis matched. Topics and intent cues (intents.ts) are read too.
 * 2. Candidates: templates by bm25 over the terms and topics; earlier replies by bm25 over
 *    the rarer terms; and the product's usual reply (usual.ts), when the team has one.
 * 3. Fit (rank.ts), 0..1 for both kinds: a template by shared topic, shared intent and the
 *    idf-weighted share of the conversation's words in its name and keywords (its body adds
 *    a little; words alone count half); an earlier reply by bm25 (against the best
 *    candidate) and that share in the message it answered, how much it says what the
 *    other candidates and the product's usual replies say, and a shared topic or intent.
 *    Then its track record (sent unchanged vs edited or discarded). A template in another
 *    language than the customer's is only offered when nothing in their language matched.
 * 4. Under MIN_SCORE, or far under the best one, a suggestion is not shown: none, one or
 *    two is a fine answer.
 * 5. The top three, different from each other, with one line of reasons each.
 */
import type { FeedbackDetail, Suggestion, SuggestionKind } from '../../../shared/contract';
import { languageName } from '../../../shared/languages';
import { fillTemplate, firstNameOf, lastNameOf, type PlaceholderValues } from '../../../shared/templates';
import { analyze } from '../analysis/analyze';
import type { Taxonomy } from '../analysis/taxonomy';
import { customerMessage, stemmerFor, tokenize } from '../analysis/tokenize';
import type { DB } from '../store/db';
import { pastReplyUsage, replyTermCounts, searchPastReplies, searchTemplates, type PastReplyRow } from '../store/replies-repo';
import { templateRowsByRowid, templateUsage } from '../store/templates-repo';
import { intentsOf, intentTopics, moodOf, templateMood, type Intent, type Mood } from './intents';
import { agreement, coverage, earlierReplyTitle, fitReasons, MIN_SCORE, overlap, replyScore, templateScore, termWeight, type WeightedQuery } from './rank';
import { GENERIC_WORDS, QUERY_STOPWORDS } from './stopwords';
import { centralityOf, usualReplies } from './usual';

const MAX_TERMS = 16;
const CANDIDATES = 10;
/** Earlier replies gathered by bm25 to be weighed: more than templates, as their wording varies more. */
const REPLY_CANDIDATES = 20;
const MIN_WORD = 3;
/** Earlier replies are searched with the rarer terms: at most this many, each in fewer than COMMON recent replies… */
const REPLY_TERMS = 8;
const COMMON = 1_500;
/** …unless that leaves fewer than this many: then the rarest ones, common or not. */
const MIN_REPLY_TERMS = 3;

export interface SuggestContext {
  agentName: string;
  taxonomy: Taxonomy;
}

interface Terms {
  /** FTS terms, in the order they were found (topic words first). */
  terms: string[];
  /** Stem → the word to show, for explaining matches. */
  stems: Map<string, string>;
  language: string | null;
  /** The analysis's topics, then the topics the intents imply. */
  topics: string[];
  intents: Intent[];
  mood: Mood | null;
}

/** The words of the conversation to search with, and what it is about. */
export function queryTerms(detail: Pick<FeedbackDetail, 'subject' | 'body' | 'messages' | 'language' | 'customer'>, taxonomy: Taxonomy): Terms {
  const latestIn = [...detail.messages].reverse().find((m) => m.direction === 'in');
  const own = customerMessage(latestIn?.body ?? detail.body);
  const text = detail.subject ? `${detail.subject}\n${own}` : own;
  const analysis = analyze({ text }, { urgency: false, taxonomy });
  const language = detail.language ?? analysis.language;
  const stemmer = stemmerFor(language);
  const stems = new Map<string, string>();
  const terms: string[] = [];
  // The customer's own name (a signature) says nothing about what they need.
  const ownName = new Set(tokenize(detail.customer?.name ?? ''));
  const add = (word: string): void => {
    if (terms.length >= MAX_TERMS || word.length < MIN_WORD || QUERY_STOPWORDS.has(word) || GENERIC_WORDS.has(word) || ownName.has(word) || /^\d+$/.test(word)) return;
    const stem = stemmer.stem(word);
    if (stems.has(stem)) return;
    stems.set(stem, word);
    terms.push(word);
  };
  for (const topic of analysis.topics) for (const phrase of topic.matched) for (const word of tokenize(phrase)) add(word);
  for (const word of tokenize(text)) add(word);
  const intents = intentsOf(text);
  const topics = [...new Set([...analysis.topics.map((t) => t.name), ...intents.map((i) => intentTopics[i])])];
  return { terms, stems, language, topics, intents, mood: moodOf(text, analysis.sentiment.label) };
}

/** `"refund" OR "late" OR …`: every term quoted, so no word is read as FTS syntax. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map(quoteTerm).join(' OR ');
}

const quoteTerm = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/**
 * The terms to find earlier replies with: the rarer ones in recent replies, rarest first.
 * bm25 weighs common terms down anyway, but must still score every reply they match (45 ms
 * for a dozen everyday words in 100,000 replies; about 7 ms for the rarer ones).
 */
function replyQueryTerms(terms: readonly string[], counts: ReadonlyMap<string, number>): string[] {
  const byRarity = terms.filter((t) => (counts.get(t) ?? 0) > 0).sort((a, b) => counts.get(a)! - counts.get(b)!);
  const rare = byRarity.filter((t) => counts.get(t)! < COMMON);
  return (rare.length >= MIN_REPLY_TERMS ? rare : byRarity.slice(0, MIN_REPLY_TERMS)).slice(0, REPLY_TERMS);
}

/** The conversation's terms, each weighted by how rare it is among the messages the team has answered. */
function weighted(query: Terms, counts: ReadonlyMap<string, number>): WeightedQuery {
  const stemmer = stemmerFor(query.language);
  const weights = new Map<string, number>();
  for (const term of query.terms) weights.set(stemmer.stem(term), termWeight(counts.get(term) ?? 0, COMMON));
  return { stems: query.stems, weights, language: query.language };
}

const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
const shared = (ours: readonly string[], theirs: readonly string[]): string[] => ours.filter((t) => theirs.some((u) => sameName(t, u)));

/** What the message an earlier reply answered was about: its topics (with those its intents imply) and intents. */
function answeredAbout(row: Pick<PastReplyRow, 'subject' | 'prompt'>, taxonomy: Taxonomy): { topics: string[]; intents: Intent[] } {
  const text = row.subject ? `${row.subject}\n${row.prompt}` : row.prompt;
  const intents = intentsOf(text);
  const topics = analyze({ text }, { urgency: false, taxonomy }).topics.map((t) => t.name);
  return { topics: [...new Set([...topics, ...intents.map((i) => intentTopics[i])])], intents };
}

function percent(part: number, whole: number): number {
  return Math.round((100 * part) / Math.max(1, whole));
}

/** +0.2 for a record of sending unchanged, down to −0.2 for one of edits and discards; nothing under 3 uses. */
function trackRecord(unchanged: number, offered: number): number {
  if (offered < 3) return 0;
  return 0.4 * (unchanged / offered - 0.5);
}

function placeholderValues(detail: FeedbackDetail, ctx: SuggestContext): PlaceholderValues {
  return {
    'customer.first_name': firstNameOf(detail.customer?.name),
    'customer.last_name': lastNameOf(detail.customer?.name),
    'customer.name': detail.customer?.name?.startsWith('@') ? null : (detail.customer?.name ?? null),
    'agent.name': ctx.agentName || null,
    product: detail.product,
    subject: detail.subject,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An earlier reply made fit for this conversation: the earlier customer's name becomes
 * this one's, and the earlier agent's name becomes yours when you have set one.
 */
/** Whole-word patterns by name; a suggestion call adapts up to 20 replies, each with up to four names. */
const namePatterns = new Map<string, RegExp>();
function wholeWord(name: string): RegExp {
  let pattern = namePatterns.get(name);
  if (!pattern) {
    if (namePatterns.size >= 500) namePatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
    namePatterns.set(name, pattern);
  }
  return pattern;
}

export function adaptPastReply(row: Pick<PastReplyRow, 'body' | 'customer_name' | 'author'>, values: PlaceholderValues): { text: string; missing: string[] } {
  let body = row.body.replace(/\{\{/g, '{ {');
  const names: [string | null, string][] = [
    [row.customer_name && !row.customer_name.startsWith('@') ? row.customer_name : null, '{{customer.name}}'],
    [firstNameOf(row.customer_name), '{{customer.first_name|there}}'],
    [lastNameOf(row.customer_name), '{{customer.last_name}}'],
  ];
  if (values['agent.name'] && row.author) names.push([row.author, '{{agent.name}}']);
  for (const [name, placeholder] of names) {
    // Most replies do not hold a given name: a plain search spares compiling its pattern.
    if (!name || name.length < 2 || !body.includes(name)) continue;
    body = body.replace(wholeWord(name), placeholder);
  }
  return fillTemplate(body, values);
}

interface Candidate extends Suggestion {
  /** The words of the filled text, to tell near-duplicates apart. */
  words: Set<string>;
}

/** Word-set overlap (Jaccard) at which two suggestions are the same reply in other words or names. */
const NEAR_DUPLICATE = 0.7;
/** How much a suggestion goes down for its overlap with one already chosen: three ways to answer, not one three times. */
const SIMILAR_PENALTY = 0.5;
/** How much a second (third) template goes down: earlier replies are the team's own answers to messages like this. */
const TEMPLATE_PENALTY = 0.1;
/** Under this share of the best suggestion's score a suggestion is not shown. */
const RELATIVE = 0.4;
/** An earlier reply's answered message must hold this (idf-weighted) share of the conversation's words. */
const MIN_COVERAGE = 0.1;
/** The fit of the product's usual reply, offered when no earlier message reads like this one. */
const USUAL_SCORE = 0.3;
/** Agreement at which a reason line says the reply is like the others. */
const USUAL_ANSWER = 0.25;

const wordsOf = (text: string): Set<string> => new Set(tokenize(text).filter((w) => !/\d/.test(w)));

/** One formatter: toLocaleDateString builds a new one on every call. */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
function formatDay(ms: number): string {
  return DAY.format(new Date(ms));
}

export function suggestReplies(db: DB, detail: FeedbackDetail, ctx: SuggestContext, limit = 3): { suggestions: Suggestion[]; terms: string[] } {
  const query = queryTerms(detail, ctx.taxonomy);
  if (query.terms.length === 0 && query.topics.length === 0) return { suggestions: [], terms: [] };
  const values = placeholderValues(detail, ctx);
  const counts = replyTermCounts(db, query.terms, COMMON, quoteTerm);
  const weights = weighted(query, counts);
  const candidates: Candidate[] = [];

  // Templates: found by the conversation's words and by its topics (a template's topics are indexed).
  const templateHits = searchTemplates(db, ftsQuery([...query.terms, ...query.topics]), CANDIDATES * 2);
  const templateRows = templateRowsByRowid(db, templateHits.map((h) => h.rowid));
  const usage = templateUsage(db, [...templateRows.values()].map((r) => r.id));
  const inLanguage = (lang: string | null): boolean => lang === null || query.language === null || lang === query.language;
  const anyInLanguage = templateHits.some((h) => inLanguage(templateRows.get(h.rowid)?.language ?? null));
  // Without a template in the customer's language, English ones are offered (and say so).
  const offered = (lang: string | null): boolean => inLanguage(lang) || (!anyInLanguage && lang === 'en');
  for (const hit of templateHits) {
    const row = templateRows.get(hit.rowid);
    if (!row || !offered(row.language)) continue;
    const sameLanguage = inLanguage(row.language);
    const topics = JSON.parse(row.topics) as string[];
    const sharedTopics = shared(query.topics, topics);
    // A template's intent is read from its keywords only: "Bug: fixed" is about bugs, but
    // it announces a fix rather than answering a report.
    const sharedIntents = query.intents.filter((i) => intentsOf(row.keywords).includes(i));
    const keys = coverage(`${row.name} ${row.keywords} ${topics.join(' ')}`, weights);
    // A template must be about this: a shared topic or intent, or a match in its name or
    // keywords (its body alone shares only everyday words with most messages).
    if (sharedTopics.length === 0 && sharedIntents.length === 0 && keys.matched.length === 0) continue;
    const body = coverage(row.body, weights);
    const mood = query.mood !== null && templateMood(`${row.name} ${row.keywords}`) === query.mood ? query.mood : null;
    const u = usage.get(row.id) ?? { used: 0, unchanged: 0, edited: 0, discarded: 0 };
    const score =
      templateScore({ sharedTopics, sharedIntents, keys: keys.share, body: body.share, sameMood: mood !== null }) + trackRecord(u.unchanged, u.used + u.discarded) - (sameLanguage ? 0 : 0.3);
    if (score < MIN_SCORE) continue;
    const matched = [...new Set([...keys.matched, ...body.matched])];
    const reasons = [
      ...fitReasons({ sharedTopics, sharedIntents, matched, mood }),
      u.used > 0 ? `used ${u.used} time${u.used === 1 ? '' : 's'}, sent unchanged ${percent(u.unchanged, u.used)}%` : 'not used yet',
      u.discarded > 0 ? `set aside ${u.discarded}×` : null,
      sameLanguage ? null : `in ${languageName(row.language ?? 'en')}: no ${languageName(query.language ?? '')} template matched`,
    ];
    const filled = fillTemplate(row.body, values);
    candidates.push({
      kind: 'template',
      sourceId: row.id,
      title: row.name,
      text: filled.text,
      missing: filled.missing,
      matched,
      reason: reasons.filter(Boolean).join(' · '),
      score,
      words: wordsOf(filled.text),
    });
  }

  // Earlier replies to similar feedback: weighed together, since what the others say is evidence too.
  const replyTerms = replyQueryTerms(query.terms, counts);
  const replies = (replyTerms.length === 0 ? [] : searchPastReplies(db, ftsQuery(replyTerms), REPLY_CANDIDATES, detail.id)).filter(
    (r) => query.language === null || r.language === null || r.language === query.language,
  );
  const replyUse = pastReplyUsage(db, replies.map((r) => r.id));
  // bm25 is negative, best lowest: each reply's against the best one's.
  const bestRank = Math.min(0, ...replies.map((r) => r.rank));
  const weighed = replies.flatMap((row) => {
    const words = coverage(`${row.subject ?? ''} ${row.prompt}`, weights);
    // One shared word is enough to be weighed: its weight against the whole message decides.
    if (words.matched.length === 0) return [];
    const adapted = adaptPastReply(row, values);
    return [{ row, words, adapted, bm25: bestRank < 0 ? row.rank / bestRank : 0, replyWords: wordsOf(adapted.text) }];
  });
  const usual = usualReplies(db, detail.product, wordsOf);
  const mostUsual = Math.max(0, ...usual.centrality.values());
  // What the other candidates say, and what the team says to this product's messages at all.
  const agreeing = agreement(weighed.map((w) => ({ words: w.replyWords, weight: w.words.share * w.bm25 }))).map(
    (a, i) => (a + (mostUsual > 0 ? (usual.centrality.get(weighed[i]!.row.rowid) ?? centralityOf(weighed[i]!.replyWords, usual)) / mostUsual : 0)) / 2,
  );
  const replyCandidates: Candidate[] = [];
  for (const [i, { row, words, adapted, bm25, replyWords }] of weighed.entries()) {
    // Too little of the conversation in the message it answered: not this conversation's reply.
    if (words.share < MIN_COVERAGE) continue;
    const answered = answeredAbout(row, ctx.taxonomy);
    const sharedTopics = shared(query.topics, answered.topics);
    const sharedIntents = query.intents.filter((i) => answered.intents.includes(i));
    const u = replyUse.get(row.id) ?? { used: 0, unchanged: 0 };
    const score = replyScore({ words: words.share, bm25, agreement: agreeing[i]!, sharedTopics, sharedIntents }) + trackRecord(u.unchanged, u.used);
    if (score < MIN_SCORE) continue;
    const about = (row.subject ?? row.prompt).trim();
    const reasons = [
      ...fitReasons({ sharedTopics, sharedIntents, matched: words.matched }),
      agreeing[i]! >= USUAL_ANSWER ? 'like other replies to such messages' : null,
      `sent ${formatDay(row.sent_at)}${row.author ? ` by ${row.author}` : ''} to “${about.slice(0, 48).trim()}${about.length > 48 ? '…' : ''}”`,
      u.used > 0 ? `reused ${u.used}×, unchanged ${percent(u.unchanged, u.used)}%` : null,
    ];
    replyCandidates.push({
      kind: 'reply' satisfies SuggestionKind,
      sourceId: row.id,
      title: earlierReplyTitle({ subject: row.subject, prompt: row.prompt, topic: sharedTopics[0] ?? answered.topics[0] ?? null }),
      text: adapted.text,
      missing: adapted.missing as Suggestion['missing'],
      matched: words.matched,
      reason: reasons.filter(Boolean).join(' · '),
      score,
      words: replyWords,
    });
  }
  candidates.push(...replyCandidates);
  // No earlier message reads like this one: the product's usual answer, when the team has one.
  const fallback = usual.usual;
  if (fallback && !replyCandidates.some((c) => c.sourceId === fallback.row.id) && fallback.row.feedback_id !== detail.id && (query.language === null || fallback.row.language === null || fallback.row.language === query.language)) {
    const adapted = adaptPastReply(fallback.row, values);
    candidates.push({
      kind: 'reply',
      sourceId: fallback.row.id,
      title: `Usual reply · ${earlierReplyTitle({ subject: fallback.row.subject, prompt: fallback.row.prompt, topic: null })}`,
      text: adapted.text,
      missing: adapted.missing as Suggestion['missing'],
      matched: [],
      reason: `the team's usual reply${detail.product ? ` about ${detail.product}` : ''}: ${fallback.alike} of the last ${usual.words.length} replies say much the same · sent ${formatDay(fallback.row.sent_at)}`,
      score: USUAL_SCORE,
      words: wordsOf(adapted.text),
    });
  }

  // Weak is relative too: far under the best suggestion for this conversation is not shown.
  const best = Math.max(0, ...candidates.map((c) => c.score));
  // Three different replies: one that says the same as a better one (other names, order
  // numbers or a word changed) is left out, and one close to a chosen one goes down; a
  // second template only comes before an earlier reply that fits clearly less.
  const chosen: Candidate[] = [];
  const left = candidates.filter((c) => c.score >= RELATIVE * best).sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  while (chosen.length < limit) {
    let pick: { c: Candidate; at: number; value: number } | null = null;
    for (const [at, c] of left.entries()) {
      const closest = Math.max(0, ...chosen.map((k) => overlap(k.words, c.words)));
      if (closest >= NEAR_DUPLICATE) continue;
      const templates = c.kind === 'template' ? chosen.filter((k) => k.kind === 'template').length : 0;
      const value = c.score - SIMILAR_PENALTY * closest - TEMPLATE_PENALTY * templates;
      if (!pick || value > pick.value) pick = { c, at, value };
    }
    if (!pick) break;
    chosen.push(pick.c);
    left.splice(pick.at, 1);
  }
  const suggestions = chosen.map(({ words: _, ...s }) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
  return { suggestions, terms: query.terms };
}
