import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../src/main/core/analysis/taxonomy';
import { starterInfos, starterTopics } from '../../src/main/core/analysis/taxonomies/starters';
import { EXACT, matchTopics } from '../../src/main/core/analysis/topics';
import { starterTaxonomies } from '../../src/shared/contract';

const names = (text: string, lang: string | null = 'en', taxonomy?: Taxonomy): string[] => matchTopics(text, lang, taxonomy).map((t) => t.name);
const V1 = JSON.parse(readFileSync(new URL('../fixtures/analysis/taxonomy-v1.json', import.meta.url), 'utf8')) as Taxonomy;

describe('matchTopics', () => {
  it('has the default support topics, keeping the names templates and rules refer to', () => {
    expect(DEFAULT_TAXONOMY.map((t) => t.name)).toEqual([
      'billing',
      'refund',
      'delivery',
      'login and account',
      'cards and payments',
      'transfers',
      'bug or crash',
      'performance',
      'feature request',
      'pricing',
      'cancellation',
      'praise',
      'documentation',
    ]);
    for (const old of V1) expect(DEFAULT_TAXONOMY.map((t) => t.name)).toContain(old.name);
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

  it('reads "locate", "find", "track" and "where is" as one concept: finding a card is about cards, not documentation', () => {
    expect(matchTopics('How do I locate my card?', 'en')).toEqual([{ name: 'cards and payments', matched: ['locate my card'] }]);
    for (const text of ['Where is my card?', 'I cannot find my card', 'Can I track my card?']) expect(names(text)).toEqual(['cards and payments']);
    expect(names('How do I locate my card?', 'en', starterTopics('banking'))).toEqual(['card delivery']);
    expect(names('Where is my order?')).toEqual(['delivery']);
  });

  it('does not take "how do I" alone for documentation', () => {
    expect(names('How do I change the colour of the sidebar?')).toEqual([]);
    expect(names('Is there a user guide for the export?')).toEqual(['documentation']);
  });

  it('lets a phrase of content words skip three words and swap its two words; function-word phrases stay exact', () => {
    const card: Taxonomy = [{ name: 'card delivery', keywords: [], phrases: ['card arrive'] }];
    expect(matchTopics('My new card still hasn’t arrived', 'en', card)).toEqual([{ name: 'card delivery', matched: ['card … arrived'] }]);
    expect(matchTopics('I have not received my card', 'en', card)).toEqual([{ name: 'card delivery', matched: ['received … card'] }]);
    // Four words between: too far apart to be one phrase.
    expect(names('The card I ordered last week will arrive', 'en', card)).toEqual([]);
    expect(names('The card I ordered will arrive', 'en', card)).toEqual(['card delivery']);
    const login: Taxonomy = [{ name: 'login', keywords: [], phrases: ['log in'] }];
    expect(names('I cannot log in', 'en', login)).toEqual(['login']);
    expect(names('There is an error in the log', 'en', login)).toEqual([]);
  });

  it('keeps a negation before its verb ("not arrived", never "arrived, not")', () => {
    const late: Taxonomy = [{ name: 'late', keywords: [], phrases: ['not arrive'] }];
    expect(names('It has not arrived', 'en', late)).toEqual(['late']);
    expect(names('It arrived, not the one I wanted', 'en', late)).toEqual([]);
  });

  it('uses per-language terms and synonyms (de, fr, es, pt, it, nl)', () => {
    expect(names('Wo bleibt meine Rückerstattung? Die App stürzt ab.', 'de')).toEqual(['refund', 'bug or crash']);
    expect(names("L'application plante, je veux un remboursement", 'fr')).toEqual(['refund', 'bug or crash']);
    expect(names('Mi paquete todavía no ha llegado', 'es')).toEqual(['delivery']);
    // "Wo ist meine Karte" is the English concept "locate … card" through the German synonyms.
    expect(names('Wo ist meine Karte?', 'de')).toEqual(['cards and payments']);
    expect(names('Où est ma carte ?', 'fr')).toEqual(['cards and payments']);
    expect(names('Onde está o meu cartão?', 'pt')).toEqual(['cards and payments']);
    expect(names('Il bonifico non è arrivato', 'it')).toEqual(['transfers']);
    expect(names('Mijn overboeking is niet aangekomen', 'nl')).toEqual(['transfers']);
  });

  it('accepts an edited taxonomy', () => {
    const taxonomy: Taxonomy = [{ name: 'hardware', keywords: ['battery'], phrases: ['power button'], languages: { de: { keywords: ['akku'], phrases: [] } } }];
    expect(matchTopics('The batteries die and the power button sticks', 'en', taxonomy)).toEqual([{ name: 'hardware', matched: ['batteries', 'power button'] }]);
    expect(names('Der Akku ist leer', 'de', taxonomy)).toEqual(['hardware']);
    expect(names('Where is my refund', 'en', taxonomy)).toEqual([]);
  });

  it('matches exactly, as the first matcher did, with EXACT options (the eval baseline)', () => {
    expect(matchTopics('How do I locate my card?', 'en', V1, undefined, EXACT).map((t) => t.name)).toEqual(['documentation']);
    expect(matchTopics('My parcel has not arrived', 'en', V1, undefined, EXACT).map((t) => t.name)).toEqual(['delivery']);
  });
});

describe('starter taxonomies', () => {
  it('has one for each contract id, each with topics that are named once', () => {
    expect(starterInfos().map((s) => s.id)).toEqual([...starterTaxonomies]);
    for (const id of starterTaxonomies) {
      const topics = starterTopics(id).map((t) => t.name);
      expect(new Set(topics).size, id).toBe(topics.length);
      expect(topics.length, id).toBeGreaterThan(5);
    }
    expect(starterTopics('general')).toBe(DEFAULT_TAXONOMY);
  });

  it('tags what each starter is for', () => {
    expect(names('How do I send the jacket back? I need a return label.', 'en', starterTopics('ecommerce'))).toEqual(['returns']);
    expect(names('The Slack integration stopped syncing', 'en', starterTopics('saas'))).toEqual(['integrations']);
    expect(names('My flight was delayed and my luggage is lost', 'en', starterTopics('travel'))).toEqual(['delays and disruptions', 'baggage']);
    expect(names('Why was I charged a fee for my transfer?', 'en', starterTopics('banking'))).toEqual(['fees and charges', 'transfers']);
  });
});
