/**
 * One triage job: the item, its earlier messages and the local analysis, the taxonomy's
 * topics and the configured teams go into a prompt (customer text redacted when the
 * endpoint leaves the machine, and fenced as untrusted data); the answer is validated
 * against closed lists, restored locally, and stored as a pending suggestion. Nothing is
 * applied here: a person accepts a triage with a click (handlers/ai.ts).
 */
import { createHash } from 'node:crypto';
import { modelFor, redactsFor } from '../../../shared/ai/endpoint';
import { portableJsonSchema } from '../../../shared/ai/json-schema';
import { Redactor } from '../../../shared/ai/redact';
import type { TriageAnswer } from '../../../shared/ai/schema';
import { resolveTriage, triageAnswerSchemaFor, triagePrompt } from '../../../shared/ai/triage';
import type { Channel, CustomerTier, Sentiment } from '../../../shared/domain';
import { HearkenError } from '../../../shared/errors';
import { getCached, putCached } from '../store/ai-repo';
import { saveTriage } from '../store/ai-results-repo';
import { cached, type DB } from '../store/db';
import { targetNames } from '../store/targets-repo';
import { listTopics } from '../store/taxonomy-repo';
import { noteRedactions } from './service';
import type { AiPurposeRunner, ChatMessage } from './types';

interface ItemRow {
  subject: string | null;
  body: string;
  channel: Channel;
  sentiment: Sentiment | null;
  urgency: string | null;
  customer_name: string | null;
  tier: CustomerTier | null;
}

/** Earlier messages of the thread the model sees; older ones add little. */
const THREAD_MESSAGES = 6;

export function requestHash(messages: readonly ChatMessage[]): string {
  return createHash('sha256').update(JSON.stringify(messages)).digest('hex');
}

export interface TriageRequest {
  messages: ChatMessage[];
  /** Restores the answer's text; null when nothing was redacted. */
  redactor: Redactor | null;
  topics: string[];
  targets: { id: string; name: string }[];
}

/** The prompt for an item, its customer text redacted when `redact`. */
export function buildTriageRequest(db: DB, feedbackId: string, redact: boolean): TriageRequest {
  const item = cached(
    db,
    `SELECT f.subject, f.body, f.channel, f.sentiment, f.urgency, c.name AS customer_name, c.tier
     FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id = ?`,
  ).get(feedbackId) as ItemRow | undefined;
  if (!item) throw new HearkenError('NOT_FOUND', 'That feedback item no longer exists.');
  const earlier = (
    cached(db, "SELECT direction, body FROM messages WHERE feedback_id = ? AND direction != 'note' ORDER BY sent_at DESC, rowid DESC LIMIT ?").all(feedbackId, THREAD_MESSAGES) as {
      direction: 'in' | 'out';
      body: string;
    }[]
  ).reverse();
  const localTopics = (
    cached(db, "SELECT t.name FROM feedback_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feedback_id = ? AND t.kind = 'topic' ORDER BY t.name").all(feedbackId) as { name: string }[]
  ).map((r) => r.name);
  const topics = listTopics(db).map((t) => t.name);
  const targets = targetNames(db);
  const redactor = redact ? new Redactor({ names: item.customer_name ? [item.customer_name] : [] }) : null;
  const text = (value: string): string => (redactor ? redactor.redact(value) : value);
  const messages = triagePrompt({
    channel: item.channel,
    subject: item.subject === null ? null : text(item.subject),
    body: text(item.body),
    earlierMessages: earlier.filter((m) => m.body !== item.body).map((m) => ({ direction: m.direction, body: text(m.body) })),
    customerTier: item.tier,
    localResult: { sentiment: item.sentiment, topics: localTopics, urgency: item.urgency },
    topics: topics.map((name) => ({ name })),
    targets: targets.map((t) => ({ name: t.name })),
    jsonSchemaInPrompt: false,
  });
  return { messages, redactor, topics, targets };
}

export const triageRunner: AiPurposeRunner = {
  async run(job, env) {
    const feedbackId = job.feedbackId;
    if (!feedbackId) throw new HearkenError('VALIDATION', 'A triage job names no item.');
    const { db, settings } = env;
    const { messages, redactor, topics, targets } = buildTriageRequest(db, feedbackId, redactsFor(settings.redact, settings.baseUrl));
    if (redactor) noteRedactions(redactor.counts());
    const model = modelFor(settings, 'triage');
    const hash = requestHash(messages);
    const schema = triageAnswerSchemaFor({ topics, targets: targets.map((t) => t.name) });
    let answer: TriageAnswer;
    let fromCache = false;
    const hit = getCached(db, 'triage', model, hash);
    const reused = hit === null ? null : schema.safeParse(JSON.parse(hit));
    if (reused?.success) {
      answer = reused.data;
      fromCache = true;
    } else {
      const reply = await env.client.completeJson({
        purpose: 'triage',
        model,
        messages,
        schema,
        jsonSchema: { name: 'triage', schema: portableJsonSchema(schema) },
        signal: env.signal,
      });
      answer = reply.value;
      putCached(db, 'triage', model, hash, JSON.stringify(answer), env.now());
    }
    const restore = (value: string): string => (redactor ? redactor.restore(value) : value);
    const restored: TriageAnswer = {
      ...answer,
      summary: restore(answer.summary),
      reason: restore(answer.reason),
      escalation: answer.escalation ? { ...answer.escalation, reason: restore(answer.escalation.reason) } : null,
    };
    saveTriage(db, feedbackId, model, resolveTriage(restored, targets), env.now());
    env.emit('ai.triage.ready', { ids: [feedbackId] });
    env.emit('feedback.changed', { reason: 'ai', ids: [feedbackId] });
    return { cached: fromCache };
  },
};
