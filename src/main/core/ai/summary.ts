/**
 * "What happened this period": the model is given local figures for [from, to) beside the
 * previous period of the same length, and at most five short quotes of unhappy customers,
 * always redacted (a summary needs the gist, never who said it). The text it writes is
 * stored and always shown as AI-written, with the figures it was given.
 */
import { createHash } from 'node:crypto';
import { modelFor } from '../../../shared/ai/endpoint';
import { summaryPrompt } from '../../../shared/ai/prompts';
import { Redactor } from '../../../shared/ai/redact';
import { HearkenError } from '../../../shared/errors';
import { getCached, putCached } from '../store/ai-repo';
import { saveSummary } from '../store/ai-results-repo';
import { cached, type DB } from '../store/db';
import { newId } from '../store/ids';
import { noteRedactions } from './service';
import type { AiPurposeRunner } from './types';

const QUOTES = 5;
const QUOTE_CHARS = 240;
const TOP_TOPICS = 5;

export type Figures = Record<string, number | string>;

function count(db: DB, sql: string, ...params: unknown[]): number {
  return (cached(db, sql).get(...params) as { n: number }).n;
}

/** The local figures of a period, each with the previous period's beside it. */
export function periodFigures(db: DB, from: number, to: number): Figures {
  const figures: Figures = {};
  const span = to - from;
  const periods: [string, number, number][] = [
    ['', from, to],
    ['previous.', from - span, from],
  ];
  for (const [prefix, start, end] of periods) {
    figures[`${prefix}items`] = count(db, 'SELECT count(*) AS n FROM feedback WHERE received_at >= ? AND received_at < ?', start, end);
    const bySentiment = cached(db, "SELECT coalesce(sentiment, 'unknown') AS k, count(*) AS n FROM feedback WHERE received_at >= ? AND received_at < ? GROUP BY 1").all(start, end) as { k: string; n: number }[];
    for (const r of bySentiment) figures[`${prefix}sentiment.${r.k}`] = r.n;
    figures[`${prefix}escalations`] = count(db, 'SELECT count(*) AS n FROM escalations WHERE created_at >= ? AND created_at < ?', start, end);
    figures[`${prefix}slaBreaches`] = count(db, 'SELECT count(*) AS n FROM sla_breaches WHERE due_at >= ? AND due_at < ?', start, end);
  }
  const byChannel = cached(db, 'SELECT channel AS k, count(*) AS n FROM feedback WHERE received_at >= ? AND received_at < ? GROUP BY 1 ORDER BY 2 DESC').all(from, to) as { k: string; n: number }[];
  for (const r of byChannel) figures[`channel.${r.k}`] = r.n;
  const topics = cached(
    db,
    `SELECT t.name AS k, count(*) AS n FROM feedback f JOIN feedback_tags ft ON ft.feedback_id = f.id JOIN tags t ON t.id = ft.tag_id
     WHERE f.received_at >= ? AND f.received_at < ? AND t.kind = 'topic' GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?`,
  ).all(from, to, TOP_TOPICS) as { k: string; n: number }[];
  for (const r of topics) figures[`topic.${r.k}`] = r.n;
  return figures;
}

/** Short quotes of the period's unhappiest items, redacted: names, addresses, numbers. */
export function periodQuotes(db: DB, from: number, to: number): { quotes: string[]; counts: Record<string, number> } {
  const rows = cached(
    db,
    `SELECT f.body, c.name FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
     WHERE f.received_at >= ? AND f.received_at < ? AND f.sentiment = 'negative'
     ORDER BY coalesce(f.sentiment_score, 0), f.received_at DESC LIMIT ?`,
  ).all(from, to, QUOTES) as { body: string; name: string | null }[];
  const redactor = new Redactor({ names: rows.flatMap((r) => (r.name ? [r.name] : [])) });
  const quotes = rows.map((r) => redactor.redact(shorten(r.body)));
  return { quotes, counts: redactor.counts() };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS - 1)}…`;
}

export const summaryRunner: AiPurposeRunner = {
  async run(job, env) {
    const from = Number(job.params.from);
    const to = Number(job.params.to);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) throw new HearkenError('VALIDATION', 'A summary job names no period.');
    const { db, settings } = env;
    const figures = periodFigures(db, from, to);
    const { quotes, counts } = periodQuotes(db, from, to);
    noteRedactions(counts);
    const messages = summaryPrompt({ from, to, figures, quotes });
    const model = modelFor(settings, 'summary');
    const hash = createHash('sha256').update(JSON.stringify(messages)).digest('hex');
    const hit = getCached(db, 'summary', model, hash);
    let text: string;
    if (hit !== null) {
      text = hit;
    } else {
      const reply = await env.client.streamText({ purpose: 'summary', model, messages, signal: env.signal, onDelta: () => undefined });
      text = reply.text.trim();
      if (text === '') throw new HearkenError('INTERNAL', 'The model wrote an empty summary.');
      putCached(db, 'summary', model, hash, text, env.now());
    }
    const summary = { id: newId(env.now()), from, to, model, at: env.now(), text, figures, aiWritten: true as const };
    saveSummary(db, summary);
    env.emit('ai.summary.ready', { summary });
    return { cached: hit !== null };
  },
};
