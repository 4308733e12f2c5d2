import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../src/main/core/analysis/taxonomy';
import { matchTopics } from '../../src/main/core/analysis/topics';

const names = (text: string, lang: string | null = 'en', taxonomy?: Taxonomy): string[] => matchTopics(text, lang, taxonomy).map((t) => t.name);

describe('matchTopics', () => {
  it('has the default support topics', () => {
    expect(DEFAULT_TAXONOMY.map((t) => t.name)).toEqual(['billing', 'refund', 'delivery', 'login and account', 'bug or crash', 'performance', 'feature request', 'pricing', 'cancellation', 'praise', 'documentation']);
  });

  it('matches word forms through the stemmer and returns the words as written', () => {
    expect(matchTopics('Two refunds were refunded late', 'en')).toEqual([{ name: 'refund', matched: ['refunds', 'refunded'] }]);
    expect(matchTopics('It crashes, it crashed again', 'en')).toEqual([{ name: 'bug or crash', matched: ['crashes', 'crashed'] }]);
  });

  it('matches multi-word phrases without repeating their words', () => {
    expect(matchTopics('I was charged twice this month', 'en')).toEqual([{ name: 'billing', matched: ['charged twice'] }]);
    expect(names('Please cancel my subscription')).toContain('cancellation');
    expect(names('It would be great to export PDFs')).toEqual(['feature request']);
  });

  it('uses per-language terms (de, fr, es)', () => {
    expect(names('Wo bleibt meine Rückerstattung? Die App stürzt ab.', 'de')).toEqual(['refund', 'bug or crash']);
    expect(names("L'application plante, je veux un remboursement", 'fr')).toEqual(['refund', 'bug or crash']);
    expect(names('Mi paquete todavía no ha llegado', 'es')).toEqual(['delivery']);
  });

  it('accepts an edited taxonomy', () => {
    const taxonomy: Taxonomy = [{ name: 'hardware', keywords: ['battery'], phrases: ['power button'], languages: { de: { keywords: ['akku'], phrases: [] } } }];
    expect(matchTopics('The batteries die and the power button sticks', 'en', taxonomy)).toEqual([{ name: 'hardware', matched: ['batteries', 'power button'] }]);
    expect(names('Der Akku ist leer', 'de', taxonomy)).toEqual(['hardware']);
    expect(names('Where is my refund', 'en', taxonomy)).toEqual([]);
  });
});
