import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoInbox, serializeDemoInbox } from '../../scripts/generate-demo';
import { demoInboxSchema, type DemoItem } from '../../src/shared/demo';
import { channels, sentiments } from '../../src/shared/domain';

const raw = readFileSync(new URL('../../resources/demo/inbox.json', import.meta.url), 'utf8');
const inbox = demoInboxSchema.parse(JSON.parse(raw));
const items = inbox.items;
const DAY = 24 * 60;

function countBy<T>(values: readonly T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}

const firstMessage = (item: DemoItem) => {
  const first = item.messages[0];
  if (!first) throw new Error(`${item.externalId} has no messages`);
  return first;
};
const share = (n: number) => n / items.length;
const customersByKey = new Map(inbox.customers.map((c) => [c.key, c]));

describe('the demo inbox (resources/demo/inbox.json)', () => {
  it('is valid and large enough', () => {
    expect(inbox.version).toBe(1);
    expect(items.length).toBeGreaterThanOrEqual(300);
  });

  it('covers every channel, with e-mail and chat the most common', () => {
    const byChannel = countBy(items, (i) => i.channel);
    for (const channel of channels) expect(byChannel.get(channel) ?? 0, channel).toBeGreaterThanOrEqual(10);
    const ranked = [...byChannel.entries()].sort((a, b) => b[1] - a[1]).map(([channel]) => channel);
    expect(ranked.slice(0, 2).sort()).toEqual(['chat', 'email']);
  });

  it('covers several products', () => {
    expect(new Set(items.map((i) => i.product)).size).toBeGreaterThanOrEqual(3);
  });

  it('has a realistic mix of sentiments', () => {
    const bySentiment = countBy(items, (i) => i.sentiment);
    for (const sentiment of sentiments) expect(bySentiment.get(sentiment) ?? 0, sentiment).toBeGreaterThan(0);
    expect(share(bySentiment.get('negative') ?? 0)).toBeGreaterThan(0.35);
    expect(share(bySentiment.get('negative') ?? 0)).toBeLessThan(0.55);
    expect(share(bySentiment.get('neutral') ?? 0)).toBeGreaterThan(0.2);
    expect(share(bySentiment.get('positive') ?? 0)).toBeGreaterThan(0.15);
  });

  it('speaks at least four languages, mostly English, each customer in their own language', () => {
    const byLanguage = countBy(items, (i) => i.language);
    const substantial = [...byLanguage.values()].filter((n) => n >= 15);
    expect(substantial.length).toBeGreaterThanOrEqual(4);
    expect(share(byLanguage.get('en') ?? 0)).toBeGreaterThan(0.55);
    expect(share(byLanguage.get('en') ?? 0)).toBeLessThan(0.75);
    for (const item of items) expect(customersByKey.get(item.customerKey)?.language, item.externalId).toBe(item.language);
  });

  it('has threads with agent replies on roughly a third of the items', () => {
    const replied = items.filter((i) => i.messages.some((m) => m.direction === 'out'));
    const threaded = items.filter((i) => i.messages.length > 1);
    expect(replied.length).toBeGreaterThanOrEqual(60);
    expect(share(threaded.length)).toBeGreaterThan(0.25);
    expect(share(threaded.length)).toBeLessThan(0.45);
    for (const item of threaded) expect(item.messages.length, item.externalId).toBeLessThanOrEqual(5);
    expect(items.some((i) => i.messages.some((m) => m.direction === 'note'))).toBe(true);
  });

  it('has VIP and premium customers', () => {
    const tiers = countBy(inbox.customers, (c) => c.tier);
    expect(tiers.get('vip') ?? 0).toBeGreaterThanOrEqual(3);
    expect(tiers.get('premium') ?? 0).toBeGreaterThan(0);
    expect(tiers.get('standard') ?? 0).toBeGreaterThan(inbox.customers.length / 2);
  });

  it('has angry customers who write again and again', () => {
    const byCustomer = new Map<string, DemoItem[]>();
    for (const item of items) byCustomer.set(item.customerKey, [...(byCustomer.get(item.customerKey) ?? []), item]);
    const repeat = [...byCustomer.values()].filter(
      (own) => own.length >= 3 && own.some((i) => i.sentiment === 'negative'),
    );
    expect(repeat.length).toBeGreaterThanOrEqual(3);
    const escalation = /third time|dritten Mal|tercera vez|dispute the charge|zurückbuchen/i;
    expect(items.filter((i) => escalation.test(firstMessage(i).body)).length).toBeGreaterThanOrEqual(3);
  });

  it('spreads over 90 days, denser recently', () => {
    const ages = items.map((i) => firstMessage(i).minutesAgo);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(80 * DAY);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90 * DAY);
    expect(Math.min(...ages)).toBeLessThanOrEqual(DAY);
    const lastMonth = ages.filter((a) => a < 30 * DAY).length;
    const firstMonth = ages.filter((a) => a >= 60 * DAY).length;
    expect(lastMonth).toBeGreaterThan(firstMonth);
  });

  it('has unique, stable ids and consistent references', () => {
    const ids = items.map((i) => i.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^demo-\d{4}$/);
    const keys = inbox.customers.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of items) expect(customersByKey.has(item.customerKey), item.externalId).toBe(true);
    const used = new Set(items.map((i) => i.customerKey));
    for (const key of keys) expect(used.has(key), key).toBe(true);
  });

  it('starts every thread with the customer and keeps messages in time order', () => {
    for (const item of items) {
      expect(firstMessage(item).direction, item.externalId).toBe('in');
      for (let i = 1; i < item.messages.length; i++) {
        const previous = item.messages[i - 1];
        const message = item.messages[i];
        expect(message && previous && message.minutesAgo < previous.minutesAgo, `${item.externalId} #${i}`).toBe(true);
        if (message?.direction !== 'in') expect(message?.author, `${item.externalId} #${i}`).toBeTruthy();
      }
    }
  });

  it('keeps status consistent with the thread', () => {
    for (const item of items) {
      const lastVisible = item.messages.filter((m) => m.direction !== 'note').at(-1);
      if (item.status === 'open') expect(lastVisible?.direction, item.externalId).toBe('in');
      if (item.status === 'replied' || item.status === 'pending') expect(lastVisible?.direction, item.externalId).toBe('out');
    }
    const byStatus = countBy(items, (i) => i.status);
    for (const status of ['open', 'pending', 'replied', 'resolved', 'closed']) expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
  });

  it('rates surveys and reviews consistently with their sentiment, and nothing else', () => {
    for (const item of items) {
      if (item.channel !== 'survey' && item.channel !== 'review') {
        expect(item.rating, item.externalId).toBeNull();
        continue;
      }
      expect(item.rating, item.externalId).not.toBeNull();
      const rating = item.rating ?? 0;
      if (item.sentiment === 'negative') expect(rating, item.externalId).toBeLessThanOrEqual(2);
      if (item.sentiment === 'neutral') expect(rating, item.externalId).toBe(3);
      if (item.sentiment === 'positive') expect(rating, item.externalId).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives e-mails subjects and tags every item with one or two topics', () => {
    for (const item of items) {
      if (item.channel === 'email') expect(item.subject, item.externalId).toBeTruthy();
      if (item.channel === 'chat' || item.channel === 'social') expect(item.subject, item.externalId).toBeNull();
      expect(item.tags.length, item.externalId).toBeGreaterThanOrEqual(1);
      expect(item.tags.length, item.externalId).toBeLessThanOrEqual(2);
      for (const tag of item.tags) expect(tag).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('uses only fictional addresses', () => {
    for (const customer of inbox.customers) {
      if (customer.email !== null) expect(customer.email).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
    }
  });

  it('varies its texts', () => {
    const repeats = [...countBy(items, (i) => firstMessage(i).body).values()].filter((n) => n > 1);
    expect(repeats.length).toBeLessThanOrEqual(5);
    const lengths = items.map((i) => firstMessage(i).body.length);
    expect(Math.min(...lengths)).toBeLessThan(40);
    expect(Math.max(...lengths)).toBeGreaterThan(400);
  });

  it('includes the hard cases a sentiment model must get right', () => {
    const negative = items.filter((i) => i.sentiment === 'negative').map((i) => firstMessage(i).body);
    const neutral = items.filter((i) => i.sentiment === 'neutral').map((i) => firstMessage(i).body);
    const positive = items.filter((i) => i.sentiment === 'positive').map((i) => firstMessage(i).body);
    const some = (bodies: string[], pattern: RegExp) => bodies.some((body) => pattern.test(body));
    // Complaints without sentiment words, negation, contrast, shouting, emoji.
    expect(some(negative, /still waiting for my refund/i)).toBe(true);
    expect(some(negative, /no one answered/i)).toBe(true);
    expect(some(negative, /delayed 3 hours/i)).toBe(true);
    expect(some(negative, /not happy/i)).toBe(true);
    expect(some(negative, /\bbut\b/)).toBe(true);
    expect(some(negative, /[A-Z]{4,}[^a-z]*!!!/)).toBe(true);
    expect(some(negative, /\p{Extended_Pictographic}/u)).toBe(true);
    // Courtesy that is not praise; praise despite negation or a "but".
    expect(some(neutral, /thanks in advance/i)).toBe(true);
    expect(some(positive, /not bad at all|can't complain/i)).toBe(true);
    expect(some(positive, /\bbut\b/)).toBe(true);
    expect(some(positive, /\p{Extended_Pictographic}/u)).toBe(true);
  });
});

describe('scripts/generate-demo.ts', () => {
  it('regenerates the committed file exactly from its seed', () => {
    expect(serializeDemoInbox(demoInboxSchema.parse(generateDemoInbox(inbox.seed)))).toBe(raw);
  });

  it('is deterministic per seed', () => {
    expect(generateDemoInbox(7)).toEqual(generateDemoInbox(7));
    expect(generateDemoInbox(7)).not.toEqual(generateDemoInbox(8));
  });
});
