import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../../src/main/core/analysis/sentiment';
import type { SentimentCueKind } from '../../src/shared/contract';
import type { Sentiment } from '../../src/shared/domain';

function expectCue(text: string, label: Sentiment, cue: string, kind?: SentimentCueKind): void {
  const result = analyzeSentiment(text);
  expect(result.label, `${text} -> ${JSON.stringify(result)}`).toBe(label);
  const found = result.cues.find((c) => c.text.toLowerCase() === cue.toLowerCase());
  expect(found, `cue "${cue}" in ${JSON.stringify(result.cues)}`).toBeDefined();
  if (kind) expect(found?.kind).toBe(kind);
}

describe('analyzeSentiment', () => {
  it('reads plain lexicon words', () => {
    expectCue('The new dashboard is great', 'positive', 'great', 'lexicon');
    expectCue('Your checkout page is awful', 'negative', 'awful', 'lexicon');
  });

  it('handles negation', () => {
    expectCue('The update is not good', 'negative', 'not good', 'negated');
    expectCue("I don't like the new layout", 'negative', "don't like", 'negated');
    expectCue('My parcel never arrived', 'negative', 'never arrived', 'complaint');
    expect(analyzeSentiment('not bad at all').label).toBe('positive');
  });

  it('handles intensifiers', () => {
    expectCue('The agent was very helpful', 'positive', 'very helpful', 'intensified');
    expectCue('This is extremely annoying', 'negative', 'extremely annoying', 'intensified');
    expectCue('I am so happy with it', 'positive', 'so happy', 'intensified');
    expect(analyzeSentiment('very good').score).toBeGreaterThan(analyzeSentiment('good').score);
  });

  it('weighs the clause after "but" more', () => {
    expectCue('The app is nice but the support is terrible', 'negative', 'terrible', 'contrast');
    expectCue('Delivery was slow but the product is excellent', 'positive', 'excellent', 'contrast');
  });

  it('reads emoji and emoticons', () => {
    expectCue('my order 😡', 'negative', '😡', 'emoji');
    expectCue('got it 🙂', 'positive', '🙂', 'emoji');
    expectCue('login broken again :(', 'negative', ':(', 'emoji');
    expectCue('works now :)', 'positive', ':)', 'emoji');
  });

  it('takes ALL CAPS and "!!!" as emphasis', () => {
    expectCue('This is TERRIBLE', 'negative', 'TERRIBLE', 'emphasis');
    expectCue('This is terrible!!!', 'negative', '!!!', 'emphasis');
    expect(analyzeSentiment('This is TERRIBLE').score).toBeLessThan(analyzeSentiment('This is terrible').score);
    expect(analyzeSentiment('This is terrible!!!').score).toBeLessThan(analyzeSentiment('This is terrible').score);
    expect(analyzeSentiment('Where do I send the form!!!').label).toBe('neutral');
  });

  it.each([
    ['Still waiting for my order', 'Still waiting'],
    ['This is the third time I ask about this', 'third time'],
    ['No one answered my e-mail', 'No one answered'],
    ['Flight cancelled, now what', 'cancelled'],
    ['My train was delayed 3 hours', 'delayed'],
    ['My train was delayed 3 hours', '3 hours'],
    ['Where is my refund', 'Where is my'],
    ['I have been on hold since noon', 'been on hold'],
    ['Sent two emails, no response', 'no response'],
  ])('reads the complaint in "%s" (%s)', (text, cue) => {
    expectCue(text, 'negative', cue, 'complaint');
  });

  it('reads complaints in German, French and Spanish', () => {
    expect(analyzeSentiment('Ich warte seit zwei Wochen', { language: 'de' }).label).toBe('negative');
    expect(analyzeSentiment('Die Bestellung ist immer noch nicht da', { language: 'de' }).cues.map((c) => c.text)).toContain('immer noch nicht');
    expect(analyzeSentiment('Toujours pas de remboursement', { language: 'fr' }).label).toBe('negative');
    expect(analyzeSentiment('Todavía no llegó mi pedido', { language: 'es' }).label).toBe('negative');
  });

  it('does not take courtesy for praise', () => {
    expectCue('Thanks in advance, my order has still not arrived', 'negative', 'Thanks in advance', 'courtesy');
    expectCue('Thank you for your help? Still waiting after a week', 'negative', 'Thank you for your help', 'courtesy');
    expectCue('Can you update my billing address? Kind regards, Ana', 'neutral', 'Kind regards', 'courtesy');
    expectCue('Please advise how to export my invoices', 'neutral', 'Please advise', 'courtesy');
    expectCue('Thanks, but the app keeps crashing', 'negative', 'keeps crashing', 'complaint');
    expect(analyzeSentiment('Thank you so much, the agent fixed it quickly').label).toBe('positive');
  });

  it('reads support signals: bare negation, "?!", hashtags, messages addressed to a company', () => {
    expectCue('Two hours at the gate and no vouchers', 'negative', 'no', 'complaint');
    expectCue('You lost my bag?!', 'negative', '?!', 'emphasis');
    expectCue('Missed the connection #fail', 'negative', '#fail', 'lexicon');
    // A lone weak kind word in a message to the company is not praise; a clear one is.
    expect(analyzeSentiment('@acme looks like the export moved').label).toBe('neutral');
    expect(analyzeSentiment('@acme thanks, great service!').label).toBe('positive');
    // Kind words do not soften a complaint sent to the company.
    expect(analyzeSentiment('@acme nice app but still waiting for my refund').label).toBe('negative');
  });

  it('uses the English rules for languages without their own', () => {
    expect(analyzeSentiment('still waiting, terrible', { language: 'sv' }).label).toBe('negative');
    expect(analyzeSentiment('still waiting, terrible', { language: null }).label).toBe('negative');
    // German rules do not read German words through the English lexicon ("die" is an article).
    expect(analyzeSentiment('Die Lieferung kam heute', { language: 'de' }).label).toBe('neutral');
  });

  it('keeps neutral text neutral', () => {
    for (const text of [
      'How do I change my password?',
      'Please send the invoice for order 4411 to accounting.',
      'I would like to add a second user to our account.',
      'Our office moved to 12 Baker Street.',
      '',
      '   ',
    ]) {
      const result = analyzeSentiment(text);
      expect(result.label, `${text} -> ${JSON.stringify(result)}`).toBe('neutral');
    }
  });

  it('returns at most six cues, strongest first', () => {
    const { cues } = analyzeSentiment('awful, terrible, horrible, useless, pathetic, rude and a nightmare, still waiting, no response 😡');
    expect(cues.length).toBe(6);
    for (let i = 1; i < cues.length; i++) expect(Math.abs(cues[i - 1]?.weight ?? 0)).toBeGreaterThanOrEqual(Math.abs(cues[i]?.weight ?? 0));
  });

  it('never throws and keeps the score within -1..1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.option(fc.constantFrom('en', 'de', 'fr', 'es', 'nl', 'xx'), { nil: null }), (text, language) => {
        const result = analyzeSentiment(text, { language });
        expect(result.score).toBeGreaterThanOrEqual(-1);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(Number.isFinite(result.score)).toBe(true);
        expect(['negative', 'neutral', 'positive']).toContain(result.label);
        expect(result.cues.length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 2000 },
    );
    const words = fc.constantFrom('not', 'very', 'but', 'good', 'bad', 'still', 'waiting', '!!!', ':)', '😡', 'THANKS', 'no', 'one', '3', 'hours', ',', '?');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        const result = analyzeSentiment(parts.join(' '));
        expect(Math.abs(result.score)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
