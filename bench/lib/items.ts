/**
 * Synthetic items as the store's import shape: the generator is pure, the content hash
 * (node:crypto) is added here with the same function the importers use.
 */
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import { createGenerator, type Generator, type GeneratorOptions, type SyntheticItem } from '../../src/shared/synthetic';

export const BENCH_SEED = 20250601;

export function benchGenerator(count: number, options: Omit<GeneratorOptions, 'count'> = {}): Generator {
  return createGenerator({ seed: BENCH_SEED, ...options, count });
}

export function toNewFeedback(item: SyntheticItem): NewFeedback {
  return {
    source: item.source,
    externalId: item.externalId,
    contentHash: contentHash({ customer: item.customer?.email ?? item.customer?.name ?? null, at: item.receivedAt, body: item.body }),
    channel: item.channel,
    customer: item.customer ? { name: item.customer.name, email: item.customer.email, tier: item.customer.tier, language: item.customer.language } : null,
    subject: item.subject,
    body: item.body,
    product: item.product,
    language: item.language,
    status: item.status,
    sentiment: item.sentiment,
    sentimentSource: item.sentimentSource,
    rating: item.rating,
    receivedAt: item.receivedAt,
    unread: item.unread,
    tags: item.tags,
    messages: item.messages,
  };
}

/** Items [from, to) as store input. */
export function batch(generator: Generator, from: number, to: number): NewFeedback[] {
  const out: NewFeedback[] = [];
  for (let i = from; i < to; i++) out.push(toNewFeedback(generator.item(i)));
  return out;
}
