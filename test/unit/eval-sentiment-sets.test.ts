import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeXml,
  fnv1a,
  hashSplit,
  loadSet,
  parseGermEval,
  parseRatedReviews,
  parseRestMex,
  parseSemEvalSentences,
  parseXlmt,
  SENTIMENT_SETS,
  starsToSentiment,
  type LabelledText,
} from '../../scripts/eval/sentiment-sets';

/** In code-unit order of the text, so the expectation does not depend on the locale. */
const byText = (items: LabelledText[]): LabelledText[] => [...items].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));

/** Both splits of a hash-split reader: they must not overlap and must cover the set. */
const bothSplits = (read: (split: 'dev' | 'test') => LabelledText[]): { dev: LabelledText[]; test: LabelledText[]; all: LabelledText[] } => {
  const dev = read('dev');
  const test = read('test');
  return { dev, test, all: [...dev, ...test] };
};

describe('evaluation sets for sentiment: readers and label mapping', () => {
  it('maps star ratings 1-2 to negative, 3 to neutral, 4-5 to positive, and refuses anything else', () => {
    expect([1, 2, 3, 4, 5].map(starsToSentiment)).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => starsToSentiment(bad)).toThrow(/1\.\.5/);
  });

  it('hashes with FNV-1a, so a fixed split is the same everywhere', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(hashSplit('a')).toBe('dev');
    expect(hashSplit('foobar')).toBe('dev');
    expect(hashSplit('b')).toBe('test'); // 0xe70c2de5 is odd
  });

  it('reads xlm-t text and label files line by line (0 negative, 1 neutral, 2 positive)', () => {
    expect(parseXlmt('bad day\nok\ngreat\n', '0\n1\n2\n')).toEqual([
      { text: 'bad day', gold: 'negative' },
      { text: 'ok', gold: 'neutral' },
      { text: 'great', gold: 'positive' },
    ]);
    expect(() => parseXlmt('a\nb\n', '0\n')).toThrow(/2 texts but 1 labels/);
    expect(() => parseXlmt('a\n', '3\n')).toThrow(/not 0, 1 or 2/);
  });

  it('keeps one GermEval document per (id, text) with its document-level sentiment', () => {
    const tsv = [
      'id\ttext\trelevance\tsentiment\tcategory',
      'u1\tStreik der GDL: Bahn will Streik verhindern\ttrue\tnegative\tAllgemein#Haupt',
      'u1\tStreik der GDL: Bahn will Streik verhindern\ttrue\tnegative\tAllgemein#Haupt',
      'u2\t"Sie sagte ""danke"" am Gleis"\ttrue\tpositive\tAllgemein#Haupt',
      'u3\tTermine 2.581 - 2.600\tfalse\tneutral\t',
    ].join('\n');
    expect(parseGermEval(tsv)).toEqual([
      { text: 'Streik der GDL: Bahn will Streik verhindern', gold: 'negative' },
      { text: 'Sie sagte "danke" am Gleis', gold: 'positive' },
      { text: 'Termine 2.581 - 2.600', gold: 'neutral' },
    ]);
    expect(() => parseGermEval('id\ttext\trelevance\tsentiment\nu\tx\ttrue\tmixed\n')).toThrow(/mixed/);
  });

  it('reads Rest-Mex opinions as "Title. Opinion", strips the doubled quotes, and splits them without overlap', () => {
    const csv = [
      'index,Title,Opinion,Place,Gender,Age,Country,Date,Label',
      '1,"""¡Momias, impresionante!""","""Muy buen estado.""",Museo,Female,30,México,2020-01-01,5',
      '2,"""Regular""","""Nada especial.""",Museo,Male,40,México,2020-01-02,3',
      '3,"""Pésimo""","""No lo recomiendo.""",Museo,Male,50,México,2020-01-03,1',
      '4,"""Bien""","""Lindo lugar.""",Museo,Male,50,México,2020-01-04,4',
    ].join('\n');
    const { dev, test, all } = bothSplits((split) => parseRestMex(csv, split));
    expect(all).toHaveLength(4);
    expect(dev.filter((d) => test.some((t) => t.text === d.text))).toEqual([]);
    expect(byText(all)).toEqual([
      { text: 'Bien. Lindo lugar.', gold: 'positive' },
      { text: 'Pésimo. No lo recomiendo.', gold: 'negative' },
      { text: 'Regular. Nada especial.', gold: 'neutral' },
      { text: '¡Momias, impresionante! Muy buen estado.', gold: 'positive' },
    ]);
    for (const item of dev) expect(hashSplit(item.text)).toBe('dev');
  });

  it('labels SemEval sentences from their opinions and drops conflicts, out-of-scope and empty ones', () => {
    const xml = `<?xml version='1.0' encoding='UTF-8'?>
<Reviews>
  <Review rid="R1"><sentences>
    <sentence id="R1:1"><text>De ontvangst was z&#233;&#233;r vriendelijk &amp; snel.</text>
      <Opinions><Opinion target="ontvangst" category="SERVICE#GENERAL" polarity="positive" from="3" to="12"/>
      <Opinion target="NULL" category="RESTAURANT#GENERAL" polarity="neutral" from="0" to="0"/></Opinions></sentence>
    <sentence id="R1:2"><text>Lange wachttijd.</text><Opinions><Opinion target="wachttijd" polarity="negative"/></Opinions></sentence>
    <sentence id="R1:3"><text>Wij kwamen hier gisteren.</text></sentence>
    <sentence id="R1:4"><text>Lekker eten, maar te duur.</text><Opinions><Opinion polarity="positive"/><Opinion polarity="negative"/></Opinions></sentence>
    <sentence id="R1:5" OutOfScope="TRUE"><text>Gezien op tv.</text></sentence>
  </sentences></Review>
  <Review rid="R2"><sentences>
    <sentence id="R2:1"><text>Het menu is de moeite.</text><Opinions><Opinion polarity="neutral"/></Opinions></sentence>
    <sentence id="R2:2"><text></text><Opinions><Opinion polarity="negative"/></Opinions></sentence>
  </sentences></Review>
</Reviews>`;
    expect(parseSemEvalSentences(xml)).toEqual([
      { text: 'De ontvangst was zéér vriendelijk & snel.', gold: 'positive' },
      { text: 'Lange wachttijd.', gold: 'negative' },
      { text: 'Wij kwamen hier gisteren.', gold: 'neutral' },
      { text: 'Het menu is de moeite.', gold: 'neutral' },
    ]);
    expect(decodeXml('&lt;a&gt; &quot;b&quot; &#x263A; &apos;')).toBe('<a> "b" ☺ \'');
  });

  it('reads rated reviews once per text and maps their stars', () => {
    const csv = 'review,rating\n"expédition rapide, parfait.",5\ncolis jamais arrivé,1\ncolis jamais arrivé,1\ncorrect sans plus,3\n';
    const { all } = bothSplits((split) => parseRatedReviews(csv, split));
    expect(byText(all)).toEqual([
      { text: 'colis jamais arrivé', gold: 'negative' },
      { text: 'correct sans plus', gold: 'neutral' },
      { text: 'expédition rapide, parfait.', gold: 'positive' },
    ]);
  });

  it('names the files a set lacks instead of failing', () => {
    const root = mkdtempSync(join(tmpdir(), 'hearken-eval-'));
    try {
      const germeval = SENTIMENT_SETS.find((s) => s.name === 'germeval2017 syn');
      if (!germeval) throw new Error('germeval2017 syn is not registered');
      expect(loadSet(root, germeval, 'test')).toEqual({ set: germeval, missing: ['germeval2017/test_syn_df_opinion.tsv'] });
      expect(new Set(SENTIMENT_SETS.map((s) => s.language))).toEqual(new Set(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl']));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
