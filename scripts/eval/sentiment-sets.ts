/**
 * The public, human-labelled sentiment sets that `npm run eval:sentiment` reads per language,
 * and the readers that turn each set's own format into 3-class items. None of them is in the
 * repository (their licences are non-commercial, research-only, unstated, or Twitter's): the
 * script finds them under a data folder and names what is missing. docs/analysis.md,
 * "Evaluation in seven languages", cites each one. The parsers take file contents, not paths,
 * so test/unit/eval-sentiment-sets.test.ts checks them on small inline samples.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Sentiment } from '../../src/shared/domain';

export interface LabelledText { text: string; gold: Sentiment }
export type Split = 'dev' | 'test';
export const splits: readonly Split[] = ['dev', 'test'];

/** Star ratings as the review sets use them: 1-2 negative, 3 neutral, 4-5 positive. */
export function starsToSentiment(stars: number): Sentiment {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw new Error(`a star rating is 1..5, got ${String(stars)}`);
  return stars <= 2 ? 'negative' : stars === 3 ? 'neutral' : 'positive';
}

/** FNV-1a (32 bit): a fixed split for sets that ship without one, the same on every machine. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Even hash: dev; odd: test. About half each, and never both. */
export const hashSplit = (key: string): Split => (fnv1a(key) % 2 === 0 ? 'dev' : 'test');

const lines = (content: string): string[] => {
  const all = content.split(/\r?\n/);
  if (all.at(-1) === '') all.pop();
  return all;
};

const XLMT_LABELS: Record<string, Sentiment> = { '0': 'negative', '1': 'neutral', '2': 'positive' };

/** cardiffnlp/xlm-t (UMSAB): one tweet a line in *_text.txt, its label (0 neg, 1 neu, 2 pos) on the same line of *_labels.txt. */
export function parseXlmt(textFile: string, labelFile: string): LabelledText[] {
  const texts = lines(textFile);
  const labels = lines(labelFile);
  if (texts.length !== labels.length) throw new Error(`xlm-t: ${texts.length} texts but ${labels.length} labels; the two files must be of the same split`);
  return texts.map((text, i) => {
    const gold = XLMT_LABELS[(labels[i] ?? '').trim()];
    if (!gold) throw new Error(`xlm-t: label "${labels[i] ?? ''}" on line ${i + 1} is not 0, 1 or 2`);
    return { text, gold };
  });
}

const SENTIMENT_WORDS = new Set<string>(['negative', 'neutral', 'positive']);

/**
 * GermEval 2017 as tab-separated opinion rows (id, text, relevance, sentiment, ...): a document
 * with several opinions repeats, so one item is kept per (id, text), with its document-level
 * sentiment (Subtask B).
 */
export function parseGermEval(tsv: string): LabelledText[] {
  const rows = parse(tsv, { columns: true, delimiter: '\t', skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const seen = new Set<string>();
  const items: LabelledText[] = [];
  for (const row of rows) {
    const { id = '', text = '', sentiment = '' } = row;
    if (!SENTIMENT_WORDS.has(sentiment)) throw new Error(`germeval2017: sentiment "${sentiment}" of ${id} is not negative, neutral or positive`);
    const key = `${id}\t${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ text, gold: sentiment as Sentiment });
  }
  return items;
}

/** The released CSV doubles some quotes: `"""¡Momias!"""` reads as `"¡Momias!"`; drop the outer pair. */
const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/s, '$1').trim();

/** Rest-Mex 2021: Title, Opinion and Label (1..5) columns; the item is "Title. Opinion", split by the hash of that text. */
export function parseRestMex(csv: string, split: Split): LabelledText[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const items: LabelledText[] = [];
  for (const row of rows) {
    const title = unquote(row.Title ?? '');
    const opinion = unquote(row.Opinion ?? '');
    const text = title && !/[.!?]$/.test(title) ? `${title}. ${opinion}` : `${title} ${opinion}`.trim();
    if (hashSplit(text) !== split) continue;
    items.push({ text, gold: starsToSentiment(Number(row.Label)) });
  }
  return items;
}

/** The five XML entities and numeric references, which is all the SemEval files use. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? '';
  });
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * SemEval-2016 Task 5, Subtask 1 (sentence level): a sentence's polarity from its aspect opinions.
 * Positive or negative opinions (with or without neutral ones) give that polarity; only neutral
 * opinions, or none, give neutral; both positive and negative is a conflict and is dropped, as
 * are sentences marked OutOfScope and sentences whose text is empty (the French files were
 * filled in by a download tool, which missed some).
 */
export function parseSemEvalSentences(xml: string): LabelledText[] {
  const items: LabelledText[] = [];
  for (const review of xml.matchAll(/<Review\b[^>]*>([\s\S]*?)<\/Review>/g)) {
    for (const sentence of (review[1] ?? '').matchAll(/<sentence\b([^>]*)>([\s\S]*?)<\/sentence>/g)) {
      if (attribute(sentence[1] ?? '', 'OutOfScope') === 'TRUE') continue;
      const body = sentence[2] ?? '';
      const text = decodeXml(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '').trim();
      if (!text) continue;
      const polarities = new Set([...body.matchAll(/<Opinion\b[^>]*>/g)].map((o) => attribute(o[0], 'polarity')));
      const positive = polarities.has('positive');
      const negative = polarities.has('negative');
      if (positive && negative) continue;
      items.push({ text, gold: positive ? 'positive' : negative ? 'negative' : 'neutral' });
    }
  }
  return items;
}

/** Reviews with a star rating (columns review, rating): each distinct text once, split by its hash. */
export function parseRatedReviews(csv: string, split: Split, columns: { text: string; rating: string } = { text: 'review', rating: 'rating' }): LabelledText[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const seen = new Set<string>();
  const items: LabelledText[] = [];
  for (const row of rows) {
    const text = (row[columns.text] ?? '').trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    if (hashSplit(text) !== split) continue;
    items.push({ text, gold: starsToSentiment(Number(row[columns.rating])) });
  }
  return items;
}

/**
 * ATE_ABSITA (EVALITA 2020): one product review a line as JSON with the reviewer's `score`
 * (1..5) and its `sentence` (the whole review); each distinct text once, split by its hash.
 */
export function parseAteAbsita(ndjson: string, split: Split): LabelledText[] {
  const seen = new Set<string>();
  const items: LabelledText[] = [];
  lines(ndjson).forEach((line, i) => {
    if (!line.trim()) return;
    let row: { sentence?: unknown; score?: unknown };
    try {
      row = JSON.parse(line) as { sentence?: unknown; score?: unknown };
    } catch {
      throw new Error(`ate_absita: line ${i + 1} is not JSON; the file must be the released .ndjson`);
    }
    const text = typeof row.sentence === 'string' ? row.sentence.trim() : '';
    if (!text || seen.has(text)) return;
    seen.add(text);
    if (hashSplit(text) !== split) return;
    items.push({ text, gold: starsToSentiment(Number(row.score)) });
  });
  return items;
}

export interface SentimentSet {
  name: string;
  /** ISO 639-1, as the importer would detect it. */
  language: string;
  /** Support-like text (customer feedback, reviews) or general tweets. */
  kind: string;
  licence: string;
  /** The files each split needs, relative to the data folder. */
  files: Record<Split, string[]>;
  read(root: string, split: Split): LabelledText[];
}

const text = (root: string, file: string): string => readFileSync(join(root, file), 'utf8');

const XLMT_LANGUAGES: [string, string][] = [['en', 'english'], ['de', 'german'], ['fr', 'french'], ['es', 'spanish'], ['pt', 'portuguese'], ['it', 'italian']];
const XLMT_SPLIT: Record<Split, string> = { dev: 'val', test: 'test' };

function xlmtSet([language, folder]: [string, string]): SentimentSet {
  const file = (split: Split, part: 'text' | 'labels'): string => join('xlm-t', folder, `${XLMT_SPLIT[split]}_${part}.txt`);
  return {
    name: `xlm-t ${language}`,
    language,
    kind: 'tweets',
    licence: 'Twitter-derived (code Apache-2.0)',
    files: { dev: [file('dev', 'text'), file('dev', 'labels')], test: [file('test', 'text'), file('test', 'labels')] },
    read: (root, split) => parseXlmt(text(root, file(split, 'text')), text(root, file(split, 'labels'))),
  };
}

const GERMEVAL_DEV = 'germeval2017/dev_df_opinion.tsv';
const RESTMEX = 'restmex2021/rest-mex_2021_Sentiment_data_train.csv';
/** SemEval-2016 Task 5 restaurant reviews, Subtask 1: the official training file is our dev split, the gold test file our test. */
const SEMEVAL: [string, string, string, string][] = [
  ['en', 'ABSA16_Restaurants_Train_SB1_v2.xml', 'EN_REST_SB1_TEST.xml.gold', 'research use (none stated)'],
  ['fr', 'restaurants_french_train.xml', 'FR_REST_SB1_TEST.xml.gold', 'CC BY-NC-ND 4.0'],
  ['es', 'SemEval-2016ABSA Restaurants-Spanish_Train_Subtask1.xml', 'SP_REST_SB1_TEST.xml.gold', 'research use (none stated)'],
  ['nl', 'restaurants_dutch_train.xml', 'DU_REST_SB1_TEST.xml.gold', 'research use (none stated)'],
];

function semEvalSet([language, dev, test, licence]: [string, string, string, string]): SentimentSet {
  const file = (split: Split): string => join('semeval2016', split === 'dev' ? dev : test);
  return {
    name: `semeval2016 ${language}`,
    language,
    kind: 'restaurant review sentences',
    licence,
    files: { dev: [file('dev')], test: [file('test')] },
    read: (root, split) => parseSemEvalSentences(text(root, file(split))),
  };
}
const TRUSTPILOT_FR = 'trustpilot-fr/trustpilot_to_predict.csv';
/** The released training file; its official test file has no public gold, so the hash splits it. */
const ATE_ABSITA = 'ate-absita/ate_absita_training.ndjson';

/** Every set; the script orders them by language. */
export const SENTIMENT_SETS: readonly SentimentSet[] = [
  ...XLMT_LANGUAGES.slice(0, 1).map(xlmtSet),
  ...(['syn', 'dia'] as const).map((test): SentimentSet => {
    const testFile = `germeval2017/test_${test}_df_opinion.tsv`;
    return {
      name: `germeval2017 ${test}`,
      language: 'de',
      kind: 'customer feedback (Deutsche Bahn)',
      licence: 'CC BY-NC 4.0',
      files: { dev: [GERMEVAL_DEV], test: [testFile] },
      read: (root, split) => parseGermEval(text(root, split === 'dev' ? GERMEVAL_DEV : testFile)),
    };
  }),
  {
    name: 'restmex2021',
    language: 'es',
    kind: 'tourist reviews (TripAdvisor)',
    licence: 'academic and research use only',
    files: { dev: [RESTMEX], test: [RESTMEX] },
    read: (root, split) => parseRestMex(text(root, RESTMEX), split),
  },
  {
    name: 'trustpilot-fr',
    language: 'fr',
    kind: 'shop reviews (Trustpilot)',
    licence: 'none stated',
    files: { dev: [TRUSTPILOT_FR], test: [TRUSTPILOT_FR] },
    read: (root, split) => parseRatedReviews(text(root, TRUSTPILOT_FR), split),
  },
  ...SEMEVAL.map(semEvalSet),
  {
    name: 'ate-absita',
    language: 'it',
    kind: 'product reviews (Italian e-commerce)',
    licence: 'CC BY-NC-ND 4.0',
    files: { dev: [ATE_ABSITA], test: [ATE_ABSITA] },
    read: (root, split) => parseAteAbsita(text(root, ATE_ABSITA), split),
  },
  ...XLMT_LANGUAGES.slice(1).map(xlmtSet),
];

export type Loaded = { set: SentimentSet; items: LabelledText[] } | { set: SentimentSet; missing: string[] };

/** A set's split, or the files it lacks under `root`. */
export function loadSet(root: string, set: SentimentSet, split: Split): Loaded {
  const missing = set.files[split].filter((f) => !existsSync(join(root, f)));
  return missing.length > 0 ? { set, missing } : { set, items: set.read(root, split) };
}
