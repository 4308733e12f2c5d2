import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, ngramLanguage, voteLanguage } from '../../src/main/core/analysis/language';
import { tokenize } from '../../src/main/core/analysis/tokenize';

const samples = JSON.parse(readFileSync(new URL('../fixtures/analysis/language-samples.json', import.meta.url), 'utf8')) as { lang: string; text: string }[];

describe('detectLanguage', () => {
  it('labels every short support sample (7 languages) right', () => {
    const correct = samples.filter((s) => detectLanguage(s.text).language === s.lang).length;
    expect(samples.length).toBeGreaterThanOrEqual(90);
    expect(correct).toBe(samples.length);
  });

  it('returns ISO 639-1 codes and a confidence', () => {
    const r = detectLanguage('Ich warte immer noch auf meine Rückerstattung, bitte helfen Sie mir.');
    expect(r).toMatchObject({ language: 'de', method: 'stopwords', reason: 'function-words' });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(ngramLanguage('Mi avete addebitato due volte questo mese.').language).toBe('it');
  });

  it('is null when the text is too short to tell', () => {
    expect(detectLanguage('ok')).toEqual({ language: null, confidence: 0, method: 'none', reason: 'too-short' });
    expect(detectLanguage('App crashes')).toMatchObject({ language: null, reason: 'too-short' });
    expect(detectLanguage('')).toMatchObject({ language: null, reason: 'too-short' });
  });

  it('only lets distinctive stop-words vote', () => {
    // "de", "la", "que" belong to several languages and do not vote.
    expect(voteLanguage(tokenize('de la que de la que'))).toBeNull();
    expect(voteLanguage(tokenize('the app is not working and my account is locked'))?.language).toBe('en');
  });

  it('settles common short messages by the vote, without eld', () => {
    const cases: [string, string][] = [
      ['Wir haben leider keinen Zugang mehr, was ist da los?', 'de'],
      ['Pourquoi la synchronisation est-elle si lente depuis lundi ?', 'fr'],
      ['Hola, ¿cómo puedo cambiar mi contraseña?', 'es'],
      ['Olá, agora tem um erro ao abrir o relatório.', 'pt'],
      ['Buongiorno, il sito non si apre più sul telefono.', 'it'],
      ['Hoe kan ik mijn abonnement opzeggen?', 'nl'],
    ];
    for (const [text, lang] of cases) expect(detectLanguage(text), text).toMatchObject({ language: lang, method: 'stopwords' });
  });

  it('gives the same answer from the shared scan as from tokenize() words', () => {
    for (const s of samples) expect(detectLanguage(s.text)).toEqual(detectLanguage(s.text, tokenize(s.text)));
  });
});
