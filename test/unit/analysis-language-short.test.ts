import { readFileSync } from 'node:fs';
import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/main/core/analysis/language';
import { LANGUAGES, scoreNgrams } from '../../src/main/core/analysis/language/ngrams';
import { benchGenerator } from '../../bench/lib/items';

const samples = JSON.parse(readFileSync(new URL('../fixtures/analysis/language-samples.json', import.meta.url), 'utf8')) as { lang: string; text: string }[];

describe('short support queries', () => {
  it('are right or unknown, never confidently wrong', () => {
    const cases: [string, string][] = [
      ['I forgot my password', 'en'],
      ['I broke my card', 'en'],
      ['How do I locate my card?', 'en'],
      ['Where is my refund?', 'en'],
      ['Danke!', 'de'],
      ['Merci beaucoup', 'fr'],
      ['Olvidé mi contraseña', 'es'],
      ['Esqueci minha senha', 'pt'],
      ['Ho dimenticato la password', 'it'],
      ['Waar is mijn terugbetaling?', 'nl'],
    ];
    for (const [text, lang] of cases) expect(detectLanguage(text).language, text).toBe(lang);
    for (const text of ['Mot de passe oublié', 'Card declined', 'Karte gesperrt']) expect([null, 'fr', 'en', 'de'], text).toContain(detectLanguage(text).language);
  });

  it('borrows the customer’s earlier language, then the store’s, only when the text is weak', () => {
    expect(detectLanguage('Karte gesperrt', undefined, { customer: 'de', store: 'en' })).toMatchObject({ language: 'de', reason: 'customer-history' });
    expect(detectLanguage('Card declined', undefined, { store: 'en' })).toMatchObject({ language: 'en', reason: 'store-usual' });
    // A clear text keeps its own language whatever the context says.
    expect(detectLanguage('Ich warte immer noch auf meine Rückerstattung.', undefined, { customer: 'fr', store: 'en' })).toMatchObject({ language: 'de', reason: 'function-words' });
    // The context is not asked for a clear text.
    let asked = 0;
    detectLanguage('Where is my refund? I have been waiting for weeks.', undefined, { store: () => (asked++, 'de') });
    expect(asked).toBe(0);
  });
});

describe('the compact n-gram table', () => {
  it("scores texts as eld's own extrasmall build does", () => {
    const gen = benchGenerator(500);
    const texts = [...samples.map((s) => s.text), ...Array.from({ length: 500 }, (_, i) => gen.item(i).body), 'Привет, где мой заказ?', 'ログインできません', "don't ’quote’ naïve"];
    let same = 0;
    for (const text of texts) {
      const r = scoreNgrams(text);
      let best = -1;
      r.scores.forEach((v, i) => {
        if (v > 0 && (best < 0 || v > (r.scores[best] as number))) best = i;
      });
      if ((best < 0 ? '' : LANGUAGES[best]) === eld.detect(text).language) same++;
    }
    expect(same).toBe(texts.length);
  });
});
