/**
 * Reply drafts: grounded on the sources retrieval finds when the agent asks, streamed into
 * the composer, then checked. Citations ([S1]) are resolved locally against the sources the
 * draft was given (an unknown marker is dropped), and commitments (a refund, a date,
 * compensation) that no source supports are flagged for the agent to check before sending.
 * A draft is only ever a suggestion: nothing is sent, and what the agent did with it
 * (sent unchanged, edited, set aside) is recorded like a suggested reply's outcome.
 */
import { findUnsupportedPromises } from '../../../shared/ai/promises';
import { resolveCitations } from '../../../shared/ai/citations';
import { modelFor, redactsFor } from '../../../shared/ai/endpoint';
import { draftPrompt } from '../../../shared/ai/prompts';
import { Redactor } from '../../../shared/ai/redact';
import type { AiDraft, ReplyTone } from '../../../shared/ai/schema';
import { HearkenError } from '../../../shared/errors';
import { languageName } from '../../../shared/languages';
import { compareToSuggestion } from '../../../shared/templates';
import {
  cancelStreamingDraft,
  draftEnded,
  draftStarted,
  insertDraft,
  latestDraftOf,
  setDraftOutcome,
  storedDraft,
} from '../store/ai-drafts-repo';
import type { DB } from '../store/db';
import { getFeedback } from '../store/feedback-repo';
import { newId } from '../store/ids';
import { agentName } from '../store/replies-repo';
import { RestoringStream } from './draft-stream';
import { groundingSources } from './retrieval';
import { noteRedactions } from './service';
import { AiCallError, type AiPurposeRunner } from './types';

/** Earlier messages of the thread the model sees, newest last. */
const THREAD_MESSAGES = 6;
const MESSAGE_CHARS = 4_000;

/**
 * Records a draft about to be written, with the sources it will be grounded on, so the
 * window can list them while the text streams. The caller queues its job under the same id.
 */
export function startDraft(db: DB, input: { feedbackId: string; tone: ReplyTone }, now: number): { draftId: string } {
  const detail = getFeedback(db, input.feedbackId, now);
  const draftId = newId(now);
  insertDraft(db, { id: draftId, feedbackId: input.feedbackId, tone: input.tone, language: detail.language, sources: groundingSources(db, input.feedbackId) }, now);
  return { draftId };
}

export function latestDraft(db: DB, feedbackId: string): AiDraft | null {
  return latestDraftOf(db, feedbackId)?.draft ?? null;
}

export function getDraft(db: DB, draftId: string): AiDraft | null {
  return storedDraft(db, draftId)?.draft ?? null;
}

/** Stops a draft that has not ended (queued or streaming); the caller cancels its job. */
export function cancelDraft(db: DB, draftId: string): { cancelled: boolean; draft: AiDraft | null } {
  const cancelled = cancelStreamingDraft(db, draftId);
  return { cancelled, draft: getDraft(db, draftId) };
}

const MARKERS = /[ \t]?\[S\d{1,2}\]/g;

/**
 * The reply sent from a draft: unchanged or edited, and by how much. Markers are links in
 * the composer, not words a customer reads, so a reply sent without them is still unchanged.
 * Null when there is no such draft for this item (nothing to record).
 */
export function recordDraftOutcome(db: DB, draftId: string, sentBody: string, feedbackId?: string): { outcome: 'unchanged' | 'edited'; editDistance: number } | null {
  const stored = storedDraft(db, draftId);
  if (!stored || (feedbackId !== undefined && stored.draft.feedbackId !== feedbackId)) return null;
  const withMarkers = compareToSuggestion(stored.draft.text, sentBody);
  const without = compareToSuggestion(stored.draft.text.replace(MARKERS, ''), sentBody);
  const closer = without.editDistance < withMarkers.editDistance ? without : withMarkers;
  setDraftOutcome(db, draftId, closer.outcome, closer.editDistance);
  return closer;
}

/** The agent set the draft aside; a draft already sent keeps its outcome. */
export function discardDraft(db: DB, draftId: string): boolean {
  const stored = storedDraft(db, draftId);
  if (!stored || stored.outcome === 'unchanged' || stored.outcome === 'edited') return false;
  setDraftOutcome(db, draftId, 'discarded', null);
  return true;
}

interface Thread {
  customerName: string | null;
  /** The customer's latest message: the one the reply answers. */
  latest: string;
  /** What came before it in the thread (notes left out), newest last. */
  earlier: { from: 'customer' | 'agent'; text: string }[];
}

function threadOf(db: DB, feedbackId: string): Thread & ReturnType<typeof getFeedback> {
  const detail = getFeedback(db, feedbackId);
  const thread = detail.messages.filter((m) => m.direction !== 'note');
  let at = thread.length - 1;
  while (at >= 0 && thread[at]!.direction !== 'in') at--;
  return {
    ...detail,
    customerName: detail.customer?.name && !detail.customer.name.startsWith('@') ? detail.customer.name : null,
    latest: at >= 0 ? thread[at]!.body : detail.body,
    earlier: thread
      .slice(0, Math.max(0, at))
      .slice(-THREAD_MESSAGES)
      .map((m) => ({ from: m.direction === 'in' ? ('customer' as const) : ('agent' as const), text: m.body.slice(0, MESSAGE_CHARS) })),
  };
}

export const draftRunner: AiPurposeRunner = {
  async run(job, env) {
    const { db, settings } = env;
    const stored = storedDraft(db, job.id);
    if (!stored) throw new AiCallError('bad-request', 'The draft no longer exists.');
    const { draft, sources } = stored;
    const item = threadOf(db, draft.feedbackId);
    const model = modelFor(settings, 'draft');
    draftStarted(db, draft.id, model);

    const redactor = redactsFor(settings.redact, settings.baseUrl) ? new Redactor({ names: item.customerName ? [item.customerName] : [] }) : null;
    const redact = (text: string): string => (redactor ? redactor.redact(text) : text);
    const language = draft.language ?? item.language;
    const messages = draftPrompt({
      tone: draft.tone,
      language,
      languageName: language ? languageName(language) : null,
      agentName: agentName(db) || null,
      customerName: item.customerName === null ? null : redact(item.customerName),
      channel: item.channel,
      subject: item.subject === null ? null : redact(item.subject),
      body: redact(item.latest.slice(0, MESSAGE_CHARS)),
      earlierMessages: item.earlier.map((m) => ({ ...m, text: redact(m.text) })),
      sources: sources.map((s) => ({ marker: s.marker, kind: s.kind, title: redact(s.title), text: redact(s.text) })),
    });
    if (redactor) noteRedactions(redactor.counts());

    const stream = new RestoringStream({
      restore: (text) => (redactor ? redactor.restore(text) : text),
      push: (delta, text) => env.emit('ai.draft.progress', { draftId: draft.id, feedbackId: draft.feedbackId, delta, text }),
    });
    const end = (state: 'done' | 'failed' | 'cancelled', fields: Partial<Parameters<typeof draftEnded>[2]>): void => {
      draftEnded(db, draft.id, { state, text: '', cited: [], promises: [], tokens: 0, tokensEstimated: false, error: null, ...fields });
      const ended = getDraft(db, draft.id);
      if (ended) env.emit('ai.draft.done', { draft: ended });
    };
    try {
      const answer = await env.client.streamText({ purpose: 'draft', model, messages, maxTokens: settings.maxTokens, signal: env.signal, onDelta: (delta) => stream.add(delta) });
      // A client that answered without streaming pieces still gives the whole text.
      if (stream.received === '' && answer.text !== '') stream.add(answer.text);
      const restored = stream.end();
      const { text, cited } = resolveCitations(restored, sources.map((s) => s.marker));
      const promises = findUnsupportedPromises(text, sources.map((s) => s.text));
      end('done', { text, cited, promises, tokens: answer.usage.promptTokens + answer.usage.completionTokens, tokensEstimated: answer.usage.estimated });
      return { cached: false };
    } catch (error) {
      stream.abandon();
      const cancelled = env.signal.aborted || (error instanceof AiCallError && error.kind === 'cancelled');
      const message = error instanceof Error ? error.message : 'The draft could not be written.';
      end(cancelled ? 'cancelled' : 'failed', { text: stream.text, error: cancelled ? 'Cancelled.' : message });
      if (error instanceof AiCallError || error instanceof HearkenError) throw error;
      throw new AiCallError('server', message);
    }
  },
};
