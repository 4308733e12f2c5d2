import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/core/analysis/analyze';

describe('analyze', () => {
  it('combines sentiment, language, topics and urgency', () => {
    const now = Date.UTC(2025, 5, 10);
    const a = analyze(
      { text: 'I was charged twice and my refund never came. My lawyer will hear about this.', subject: 'Billing problem', customerTier: 'vip', contactCount: 4, receivedAt: now - 4 * 86_400_000, now },
      {},
    );
    expect(a.language).toBe('en');
    expect(a.languageConfidence).toBeGreaterThan(0);
    expect(a.sentiment.label).toBe('negative');
    expect(a.topics.map((t) => t.name)).toEqual(['billing', 'refund']);
    expect(a.urgency.level).toBe('urgent');
    expect(a.urgency.reasons).toEqual(expect.arrayContaining(['legal threat: “lawyer”', 'VIP customer', 'contacted 4 times', 'waiting 4 days']));
  });

  it('works on other languages and on an edited taxonomy', () => {
    const a = analyze({ text: 'Mein Paket ist immer noch nicht angekommen, bitte prüfen Sie die Lieferung.' });
    expect(a.language).toBe('de');
    expect(a.topics.map((t) => t.name)).toContain('delivery');
    const b = analyze({ text: 'The battery dies after an hour' }, { taxonomy: [{ name: 'hardware', keywords: ['battery'], phrases: [] }] });
    expect(b.topics).toEqual([{ name: 'hardware', matched: ['battery'] }]);
  });

  it('says null for the language of a very short text', () => {
    expect(analyze({ text: 'ok' }).language).toBeNull();
  });
});
