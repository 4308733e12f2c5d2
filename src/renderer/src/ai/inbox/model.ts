/**
 * What the AI parts of the inbox say and compare, worked out without the DOM: the model's
 * triage beside what the item holds now (which fields differ, what accepting would change),
 * how a decided triage reads, how streamed draft text is merged, and where a draft's
 * unsupported promises sit in its text.
 */
import type { FeedbackDetail } from '../../../../shared/contract';
import type { Sentiment } from '../../../../shared/domain';
import type { AiConfidence, AiTriage, DraftSourceKind, PromiseKind, ReplyTone, TriageField, UnsupportedPromise } from '../../../../shared/ai/schema';
import { priorityLabels, type Priority } from '../../../../shared/escalation/schema';
import { citationSegments } from '../../../../shared/ai/citations';
import { languageName } from '../../../../shared/languages';
import { sentimentLabels } from '../../inbox/model/labels';

export const confidenceBadges: Record<AiConfidence, { label: string; color: string }> = {
  high: { label: 'High confidence', color: 'teal' },
  medium: { label: 'Medium confidence', color: 'yellow' },
  low: { label: 'Low confidence', color: 'gray' },
};

export const fieldLabels: Record<TriageField, string> = { sentiment: 'Sentiment', topics: 'Topics', priority: 'Priority', language: 'Language' };

export const toneLabels: Record<ReplyTone, string> = { friendly: 'Friendly', formal: 'Formal', brief: 'Brief', apologetic: 'Apologetic' };

export const sourceKindLabels: Record<DraftSourceKind, string> = { template: 'Template', kb: 'Knowledge base', reply: 'Earlier reply' };

export const promiseLabels: Record<PromiseKind, string> = {
  refund: 'Promises a refund',
  compensation: 'Promises compensation',
  date: 'Promises a date',
  discount: 'Promises a discount',
  replacement: 'Promises a replacement',
};

/** One row of the card: the model's value beside the item's, in words, and whether accepting would change anything. */
export interface FieldRow {
  field: TriageField;
  label: string;
  ai: string;
  current: string;
  /** Accepting writes something new. */
  differs: boolean;
  accepted: boolean;
  /** Topics only: the taxonomy topics the model chose, and the ones it proposes adding. */
  topics?: { name: string; isNew: boolean }[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((x) => x.toLowerCase()));
  const right = new Set(b.map((x) => x.toLowerCase()));
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** Topics the model chose that the item does not carry yet (applying adds these). */
export function missingTopics(triage: Pick<AiTriage, 'answer'>, current: readonly string[]): string[] {
  const have = new Set(current.map((x) => x.toLowerCase()));
  return triage.answer.topics.filter((t) => !have.has(t.toLowerCase()));
}

export function languageWords(code: string | null): string {
  if (code === null || code === '' || code === 'und') return 'Unknown';
  return languageName(code);
}

/** The item's priority as the card compares it: a person's or a rule's, else local analysis's suggestion. */
export function currentPriority(detail: Pick<FeedbackDetail, 'priority' | 'urgency'>): Priority | null {
  return detail.priority ?? detail.urgency?.level ?? null;
}

type Local = Pick<FeedbackDetail, 'sentiment' | 'tags' | 'priority' | 'urgency' | 'language'>;

/** Each field of the triage beside the item's value now. */
export function compareTriage(triage: Pick<AiTriage, 'answer' | 'accepted'>, detail: Local): FieldRow[] {
  const answer = triage.answer;
  const accepted = new Set(triage.accepted);
  const tagNames = detail.tags.map((t) => t.name);
  const priority = currentPriority(detail);
  const sentimentWord = (s: Sentiment | null): string => (s ? sentimentLabels[s] : 'Not analysed');
  const topicList = [...answer.topics.map((name) => ({ name, isNew: false })), ...answer.proposedTopics.slice(0, 2).map((name) => ({ name, isNew: true }))];
  return [
    { field: 'sentiment', label: fieldLabels.sentiment, ai: sentimentWord(answer.sentiment), current: sentimentWord(detail.sentiment), differs: answer.sentiment !== detail.sentiment, accepted: accepted.has('sentiment') },
    {
      field: 'topics',
      label: fieldLabels.topics,
      ai: topicList.length === 0 ? 'None' : topicList.map((t) => (t.isNew ? `${t.name} (new)` : t.name)).join(', '),
      current: tagNames.length === 0 ? 'None' : tagNames.join(', '),
      differs: answer.proposedTopics.length > 0 || (answer.topics.length > 0 && !sameSet(answer.topics, tagNames) && missingTopics(triage, tagNames).length > 0),
      accepted: accepted.has('topics'),
      topics: topicList,
    },
    { field: 'priority', label: fieldLabels.priority, ai: priorityLabels[answer.priority], current: priority ? priorityLabels[priority] : 'None', differs: answer.priority !== priority, accepted: accepted.has('priority') },
    { field: 'language', label: fieldLabels.language, ai: languageWords(answer.language), current: languageWords(detail.language), differs: answer.language !== 'und' && answer.language !== (detail.language ?? ''), accepted: accepted.has('language') },
  ];
}

/** The fields "Accept all" applies: those that change something and are not taken yet. */
export function fieldsToAccept(rows: readonly FieldRow[]): TriageField[] {
  return rows.filter((r) => r.differs && !r.accepted).map((r) => r.field);
}

const minute = 60_000;
const hour = 60 * minute;

export function agoWords(then: number, now: number): string {
  const age = Math.max(0, now - then);
  if (age < minute) return 'just now';
  if (age < hour) return `${Math.round(age / minute)} min ago`;
  if (age < 24 * hour) return `${Math.floor(age / hour)} h ago`;
  const days = Math.floor(age / (24 * hour));
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How a triage a person already decided reads, quietly: "Accepted sentiment and topics · 2 min ago". */
export function decisionLine(triage: Pick<AiTriage, 'state' | 'accepted' | 'decidedAt'>, now: number): string | null {
  const when = triage.decidedAt === null ? '' : ` · ${agoWords(triage.decidedAt, now)}`;
  if (triage.state === 'dismissed') return `Dismissed${when}`;
  if (triage.accepted.length === 0) return null;
  return `Accepted ${listWords(triage.accepted.map((f) => fieldLabels[f].toLowerCase()))}${when}`;
}

/** The toast after queueing a triage: "Queued 12, 3 from cache". */
export function queuedLine(result: { queued: number; cached: number; alreadyQueued: number }): string {
  const parts = [`Queued ${result.queued}`];
  if (result.cached > 0) parts.push(`${result.cached} from cache`);
  if (result.alreadyQueued > 0) parts.push(`${result.alreadyQueued} already waiting`);
  return parts.join(', ');
}

/**
 * The text so far, from a streamed piece: the core sends the whole text with each piece, so
 * the longer of the two wins (a piece that arrives late never takes text away).
 */
export function mergeStreamText(current: string, event: { delta: string; text: string }): string {
  if (event.text.length >= current.length) return event.text;
  // Out of order: keep what we have unless the piece extends it.
  return event.text.startsWith(current) ? event.text : current;
}

/** Whether starting an AI draft would replace words the agent wrote (then it asks first). */
export function wouldReplace(draftText: string, aiText: string | null): boolean {
  const text = draftText.trim();
  return text !== '' && text !== (aiText ?? '').trim();
}

export type HighlightPart = { kind: 'text'; text: string } | { kind: 'promise'; text: string; promise: UnsupportedPromise };

/** The draft cut at its unsupported promises, so they can be marked where they stand. Overlaps and ranges past the end are dropped. */
export function promiseParts(text: string, promises: readonly UnsupportedPromise[]): HighlightPart[] {
  const sorted = [...promises].filter((p) => p.start < p.end && p.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const promise of sorted) {
    if (promise.start < at) continue;
    if (promise.start > at) parts.push({ kind: 'text', text: text.slice(at, promise.start) });
    parts.push({ kind: 'promise', text: text.slice(promise.start, promise.end), promise });
    at = promise.end;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** "Promises a refund — no source supports it" for each flagged promise, once per kind and wording. */
export function promiseLines(promises: readonly UnsupportedPromise[]): string[] {
  const lines = promises.map((p) => `${promiseLabels[p.kind]} (“${p.text}”): no source supports it`);
  return [...new Set(lines)];
}

export type DraftPart = { kind: 'text'; text: string; promise: UnsupportedPromise | null } | { kind: 'cite'; marker: string };

/**
 * The finished draft as the preview shows it: [S1] markers as chips, and the words of each
 * unsupported promise marked where they stand (a promise that runs across a marker is marked
 * on both sides of it).
 */
export function draftParts(text: string, promises: readonly UnsupportedPromise[]): DraftPart[] {
  const parts: DraftPart[] = [];
  let offset = 0;
  for (const segment of citationSegments(text)) {
    if (segment.kind === 'cite') {
      parts.push(segment);
      offset += segment.marker.length + 2;
      continue;
    }
    const start = offset;
    const end = offset + segment.text.length;
    const inside = promises
      .filter((p) => p.start < end && p.end > start)
      .map((p) => ({ ...p, start: Math.max(p.start, start) - start, end: Math.min(p.end, end) - start }));
    for (const part of promiseParts(segment.text, inside)) {
      const original = part.kind === 'promise' ? (promises.find((p) => p.kind === part.promise.kind && p.text === part.promise.text) ?? part.promise) : null;
      parts.push({ kind: 'text', text: part.text, promise: original });
    }
    offset = end;
  }
  return parts;
}

/** The reply as the customer gets it: [S1] markers are for the agent, so they go (with the space before them). */
export function withoutMarkers(text: string): string {
  return text.replace(/[ \t]?\[S\d{1,3}\]/g, '');
}

/** What the composer says while a draft is on its way: "Writing an apologetic draft…". */
export function draftingLine(tone: ReplyTone, waiting: boolean): string {
  const word = toneLabels[tone].toLowerCase();
  const article = /^[aeiou]/.test(word) ? 'an' : 'a';
  return waiting ? `Asking the model for ${article} ${word} draft…` : `Writing ${article} ${word} draft…`;
}
