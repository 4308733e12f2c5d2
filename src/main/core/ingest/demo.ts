import { readFileSync } from 'node:fs';
import { demoInboxSchema, type DemoInbox } from '../../../shared/demo';
import { HearkenError } from '../../../shared/errors';
import type { DB } from '../store/db';
import { contactNumbers, insertFeedbackBatch } from '../store/feedback-write';
import { contentHash } from './content-hash';
import { loadTaxonomy } from '../store/taxonomy-repo';
import { enrichWithAnalysis } from './enrich';
import type { NewFeedback } from './types';

export const DEMO_SOURCE = 'demo';

export function readDemoInbox(file: string): DemoInbox {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HearkenError('NOT_FOUND', `The demo inbox could not be read from ${file}: ${(error as Error).message}`);
  }
  const parsed = demoInboxSchema.safeParse(raw);
  if (!parsed.success) throw new HearkenError('VALIDATION', `The demo inbox at ${file} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  return parsed.data;
}

/** Demo times are relative, so the sample inbox always looks like this week's work. */
export function demoToFeedback(inbox: DemoInbox, now: number): NewFeedback[] {
  const customers = new Map(inbox.customers.map((c) => [c.key, c]));
  return inbox.items.map((item) => {
    const customer = customers.get(item.customerKey);
    if (!customer) throw new HearkenError('VALIDATION', `Demo item ${item.externalId} names an unknown customer ${item.customerKey}.`);
    const first = item.messages[0]!;
    const at = (minutesAgo: number): number => now - minutesAgo * 60_000;
    return {
      source: DEMO_SOURCE,
      externalId: item.externalId,
      contentHash: contentHash({ customer: customer.email ?? customer.name, at: `demo:${item.externalId}`, body: first.body }),
      channel: item.channel,
      customer: { name: customer.name, email: customer.email, tier: customer.tier, language: customer.language },
      subject: item.subject,
      body: first.body,
      product: item.product,
      language: item.language,
      status: item.status,
      sentiment: item.sentiment,
      sentimentSource: 'import',
      rating: item.rating,
      receivedAt: at(first.minutesAgo),
      unread: item.status === 'open' && item.messages.length === 1,
      tags: item.tags.map((name) => ({ name, source: 'import' as const })),
      messages: item.messages.map((m) => ({ direction: m.direction, author: m.author, body: m.body, sentAt: at(m.minutesAgo) })),
    };
  });
}

export function loadDemoInbox(db: DB, file: string, now: number): { imported: number; duplicates: number } {
  // The demo shows what local analysis does: its authored sentiments (the labels the
  // sentiment tests check against) give way to the analyser's, with their cue words.
  const items = demoToFeedback(readDemoInbox(file), now).map((item) => ({ ...item, sentiment: null, sentimentSource: null }));
  enrichWithAnalysis(items, now, loadTaxonomy(db), contactNumbers(db, items));
  const result = insertFeedbackBatch(db, items, now);
  return { imported: result.imported, duplicates: result.duplicates };
}
