import { describe, expect, it } from 'vitest';
import { discoverTopics, type DiscoveredTopic, type DiscoveryDoc } from '../../src/main/core/analysis/discovery';

const CARD = [
  'My new card has not arrived yet',
  'When will my card arrive?',
  'I ordered a card two weeks ago and it still has not arrived',
  'The card I ordered has not been delivered',
  'How long does card delivery take?',
  'Still waiting for my card to arrive',
  'My card never arrived in the post',
  'Where is my new card? It has not arrived',
  'Card delivery is taking too long',
  'Has my card been sent? It has not arrived',
  'I need my card, it has not arrived after ten days',
  'Can you track the delivery of my card?',
];
const REFUND = [
  'I want a refund for my order',
  'How do I get a refund?',
  'My refund has not come through',
  'Please refund the double charge',
  'Where is my refund? I returned the item',
  'The refund for the returned shoes is missing',
  'Can I get a refund for a cancelled order?',
  'Refund still pending after two weeks',
  'I was promised a refund but nothing happened',
  'Request a refund for the broken item',
  'Refund not received for my return',
  'How long does a refund take to show up?',
];
const PASSWORD = [
  'I forgot my password',
  'How do I reset my password?',
  'The password reset email never came',
  'Password reset link does not work',
  'I cannot log in, forgot password',
  'Reset password please, I am locked out',
  'My password is not accepted any more',
  'Change my password',
  'The reset password page shows an error',
  'Forgot password and the reset link expired',
  'Locked out after the password reset',
  'Need a new password, the old one fails',
];
const NOISE = ['Lovely weather today', 'What is the meaning of life', 'Banana', 'Your office music is loud', 'Is Tuesday a holiday?'];

const english = (texts: readonly string[]): DiscoveryDoc[] => texts.map((text) => ({ text, language: 'en' }));
const CORPUS = english([...CARD, ...REFUND, ...PASSWORD, ...NOISE]);
const intentOf = (i: number): string => (i < 12 ? 'card' : i < 24 ? 'refund' : i < 36 ? 'password' : 'noise');

/** The topic holding most of an intent's items, and its share of that topic's members. */
function topicFor(topics: DiscoveredTopic[], intent: string): { topic: DiscoveredTopic; purity: number; recall: number } | null {
  let best: { topic: DiscoveredTopic; purity: number; recall: number } | null = null;
  for (const topic of topics) {
    const hits = topic.members.filter((i) => intentOf(i) === intent).length;
    if (hits > 0 && (!best || hits > best.recall * 12)) best = { topic, purity: hits / topic.members.length, recall: hits / 12 };
  }
  return best;
}

describe('discoverTopics', () => {
  it('finds the intents of a small set of support queries, with readable names', () => {
    const topics = discoverTopics(CORPUS, { minSize: 4 });
    for (const [intent, word] of [['card', 'card'], ['refund', 'refund'], ['password', 'password']] as const) {
      const found = topicFor(topics, intent);
      expect(found, intent).not.toBeNull();
      expect(found?.purity, intent).toBeGreaterThanOrEqual(0.8);
      expect(found?.recall, intent).toBeGreaterThanOrEqual(0.6);
      expect(found?.topic.name, intent).toContain(word);
      expect(found?.topic.keywords, intent).toContain(word);
    }
    for (const topic of topics) {
      expect(topic.samples.length).toBeLessThanOrEqual(5);
      expect(topic.samples).toEqual(topic.members.slice(0, topic.samples.length));
      expect(topic.language).toBe('en');
      // Names are written words, not stems.
      expect(topic.name).not.toMatch(/\b(deliveri|arriv)\b/);
    }
    // Noise does not make a group of its own.
    expect(topics.every((t) => t.members.filter((i) => intentOf(i) === 'noise').length < t.members.length / 2)).toBe(true);
  });

  it('is deterministic', () => {
    expect(discoverTopics(CORPUS, { minSize: 4 })).toEqual(discoverTopics(CORPUS, { minSize: 4 }));
  });

  it('does not propose a group matching a rejected proposal again', () => {
    const first = topicFor(discoverTopics(CORPUS, { minSize: 4 }), 'refund')?.topic as DiscoveredTopic;
    const again = discoverTopics(CORPUS, { minSize: 4, avoid: [first.keywords] });
    expect(again.some((t) => t.name.includes('refund'))).toBe(false);
    expect(again.some((t) => t.members.filter((i) => intentOf(i) === 'refund').length > t.members.length / 2)).toBe(false);
    expect(again.some((t) => t.name.includes('password'))).toBe(true);
  });

  it('does not propose a topic that exists already', () => {
    const topics = discoverTopics(CORPUS, { minSize: 4, known: ['Password reset', 'password', 'reset'] });
    expect(topics.some((t) => t.name.includes('password'))).toBe(false);
    expect(topics.some((t) => t.name.includes('card'))).toBe(true);
  });

  it('respects maxTopics, largest first', () => {
    const topics = discoverTopics(CORPUS, { minSize: 4, maxTopics: 1 });
    expect(topics).toHaveLength(1);
    const all = discoverTopics(CORPUS, { minSize: 4 });
    for (let i = 1; i < all.length; i++) expect((all[i - 1] as DiscoveredTopic).members.length).toBeGreaterThanOrEqual((all[i] as DiscoveredTopic).members.length);
  });

  it('stops on an aborted signal, before or during the run', () => {
    const before = new AbortController();
    before.abort();
    expect(() => discoverTopics(CORPUS, { signal: before.signal })).toThrow();
    const during = new AbortController();
    let calls = 0;
    expect(() =>
      discoverTopics(CORPUS, {
        signal: during.signal,
        onProgress: () => {
          if (++calls === 2) during.abort();
        },
      }),
    ).toThrow();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('reports progress up to the total', () => {
    const seen: [number, number][] = [];
    discoverTopics(CORPUS, { minSize: 4, onProgress: (done, total) => seen.push([done, total]) });
    const last = seen.at(-1) as [number, number];
    expect(last[0]).toBe(last[1]);
    for (let i = 1; i < seen.length; i++) expect((seen[i] as [number, number])[0]).toBeGreaterThanOrEqual((seen[i - 1] as [number, number])[0]);
  });

  it('handles empty input, empty texts and one-word texts', () => {
    expect(discoverTopics([])).toEqual([]);
    expect(discoverTopics(english(['', '   ', '!!!']))).toEqual([]);
    const oneWord = english([...Array.from({ length: 8 }, () => 'refund'), ...Array.from({ length: 8 }, () => 'invoice'), 'hi', 'ok']);
    const topics = discoverTopics(oneWord, { minSize: 3 });
    expect(topics.map((t) => t.name).sort()).toEqual(['invoice', 'refund']);
    expect(topics.every((t) => t.members.length === 8)).toBe(true);
  });

  it('with assignAll, gives leftovers that share a word to the nearest group', () => {
    const plain = discoverTopics(CORPUS, { minSize: 4 });
    const all = discoverTopics(CORPUS, { minSize: 4, assignAll: true });
    const grouped = (ts: DiscoveredTopic[]): number => ts.reduce((s, t) => s + t.members.length, 0);
    expect(grouped(all)).toBeGreaterThanOrEqual(grouped(plain));
    expect(all.map((t) => t.name)).toEqual(plain.map((t) => t.name));
  });

  it('names German groups in German', () => {
    const docs: DiscoveryDoc[] = [
      'Meine Karte ist noch nicht angekommen',
      'Wann kommt meine neue Karte an?',
      'Die bestellte Karte wurde nicht geliefert',
      'Karte seit zwei Wochen nicht angekommen',
      'Wo bleibt meine Karte? Sie ist nicht angekommen',
      'Die Karte ist immer noch nicht angekommen',
      'Ich möchte eine Rückerstattung für meine Bestellung',
      'Wie bekomme ich eine Rückerstattung?',
      'Die Rückerstattung ist nicht angekommen',
      'Bitte die Rückerstattung für den doppelten Betrag',
      'Rückerstattung für die Rücksendung fehlt',
      'Wann kommt meine Rückerstattung?',
    ].map((text) => ({ text, language: 'de' }));
    const topics = discoverTopics(docs, { minSize: 3 });
    const names = topics.map((t) => t.name).join(' | ');
    expect(names).toMatch(/karte/);
    expect(names).toMatch(/rückerstattung/);
    expect(topics.every((t) => t.language === 'de')).toBe(true);
  });
});
