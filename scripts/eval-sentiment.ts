/**
 * `npm run eval:sentiment [-- <data folder>] [--lang xx] [--split dev|test]`: 3-class macro-F1
 * and accuracy of Hearken's sentiment beside baselines that run in the same script on the
 * same texts, so no comparison depends on figures from another setup.
 * - English: beside vader-sentiment and the AFINN `sentiment` package on the VADER
 *   ground-truth sets and the airline tweets (docs/analysis.md, "Evaluation").
 * - Seven languages: per public set (scripts/eval/sentiment-sets.ts), beside the lexicon-only
 *   baseline (the same per-language lexicon, none of the support rules) and the majority class
 *   (docs/analysis.md, "Evaluation in seven languages").
 * `--split dev` is for tuning; the reported figures are `--split test` (the default).
 * The data is public and human-labelled and not part of the repository (the licences are
 * non-commercial, research-only or Twitter's); the script names whatever is missing and
 * runs what is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyzeSentiment, lexiconOnlySentiment } from '../src/main/core/analysis/sentiment';
import { detectLanguage } from '../src/main/core/analysis/language';
import { sentiments, type Sentiment } from '../src/shared/domain';
import { macroF1 } from '../src/shared/eval/metrics';
import { loadSet, SENTIMENT_SETS, splits, type LabelledText, type Split } from './eval/sentiment-sets';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const AfinnSentiment = require('sentiment') as new () => { analyze(text: string): { comparative: number } };
const afinn = new AfinnSentiment();

interface Options { folder: string | null; lang: string | null; split: Split }

const USAGE = 'usage: npm run eval:sentiment -- [<data folder>] [--lang en|de|fr|es|pt|it|nl] [--split dev|test]';
const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'];

function options(argv: readonly string[]): Options {
  const o: Options = { folder: null, lang: null, split: 'test' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--lang') {
      const lang = value();
      if (!LANGUAGES.includes(lang)) throw new Error(`--lang ${lang}: not one of ${LANGUAGES.join(', ')}\n${USAGE}`);
      o.lang = lang;
    } else if (arg === '--split') {
      const split = value();
      if (!splits.includes(split as Split)) throw new Error(`--split ${split}: use dev (for tuning) or test (reported)\n${USAGE}`);
      o.split = split as Split;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (o.folder === null) o.folder = arg;
    else throw new Error(`one data folder only, got ${o.folder} and ${arg}\n${USAGE}`);
  }
  return o;
}

/** Bad arguments end the run here, with what to type instead. */
function optionsOrExit(): Options {
  try {
    const o = options(process.argv.slice(2));
    if (o.folder !== null && !existsSync(o.folder)) throw new Error(`data folder ${resolve(o.folder)} does not exist\n${USAGE}`);
    return o;
  } catch (error) {
    console.error(`eval:sentiment: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const OPTIONS = optionsOrExit();
/**
 * Where the data is looked for, in order: the folder given on the command line, else
 * HEARKEN_EVAL_DATA; then ../shared/data next to the checkout (where the team keeps it).
 * Each set is read from the first of these that holds all its files.
 */
const ROOTS = [...new Set([OPTIONS.folder ?? process.env.HEARKEN_EVAL_DATA, fileURLToPath(new URL('../../shared/data', import.meta.url))].filter((r): r is string => !!r).map((r) => resolve(r)))];
const rootWith = (files: readonly string[]): string | undefined => ROOTS.find((root) => files.every((f) => existsSync(join(root, f))));

const VADER_SETS = ['tweets_GroundTruth.txt', 'amazonReviewSnippets_GroundTruth.txt', 'movieReviewSnippets_GroundTruth.txt', 'nytEditorialSnippets_GroundTruth.txt'];
const AIRLINE_SET = 'airline-dev.csv';

interface DataSet { name: string; items: LabelledText[] }

function byThreshold(value: number, t = 0.05): Sentiment {
  return value >= t ? 'positive' : value <= -t ? 'negative' : 'neutral';
}

function readVader(root: string, file: string): LabelledText[] {
  const items: LabelledText[] = [];
  for (const line of readFileSync(join(root, 'vader', file), 'utf8').split(/\r?\n/)) {
    const [, rating, ...rest] = line.split('\t');
    if (rating === undefined || rest.length === 0) continue;
    items.push({ gold: byThreshold(Number(rating)), text: rest.join('\t') });
  }
  return items;
}

function readAirline(root: string): LabelledText[] {
  const rows = parse(readFileSync(join(root, 'airline', AIRLINE_SET)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ text: r.text ?? '', gold: (r.airline_sentiment ?? 'neutral') as Sentiment }));
}

const score = (gold: readonly Sentiment[], predicted: readonly Sentiment[]): { f1: number; accuracy: number; perLabel: Record<Sentiment, number> } => macroF1(gold, predicted, sentiments);
const perLabel = ({ perLabel: p }: { perLabel: Record<Sentiment, number> }): string => sentiments.map((s) => p[s].toFixed(2)).join(' / ');
const cell = ({ f1, accuracy }: { f1: number; accuracy: number }): string => `${f1.toFixed(3)} / ${accuracy.toFixed(3)}`;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((text, c) => text.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const ANALYZERS: { name: string; label(text: string): Sentiment }[] = [
  { name: 'hearken', label: (t) => analyzeSentiment(t).label },
  { name: 'vader-sentiment', label: (t) => byThreshold(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound) },
  { name: 'sentiment', label: (t) => byThreshold(afinn.analyze(t).comparative) },
];

/** The English sets the issue-4 figures come from; false when none of their files is found. */
function english(): boolean {
  const expected = [...VADER_SETS.map((f) => join('vader', f)), join('airline', AIRLINE_SET)];
  const root = rootWith(expected);
  if (!root) {
    console.error(
      `eval:sentiment: the English sets are missing (looked in ${ROOTS.join(', ')}): ${expected.join(', ')}\n` +
        'They are the four VADER ground-truth files in vader/ and the airline tweets in airline/; docs/analysis.md ("Evaluation") says where to get them.\n',
    );
    return false;
  }
  const sets: DataSet[] = [
    { name: 'vader tweets', items: readVader(root, 'tweets_GroundTruth.txt') },
    { name: 'vader amazon', items: readVader(root, 'amazonReviewSnippets_GroundTruth.txt') },
    { name: 'vader movie', items: readVader(root, 'movieReviewSnippets_GroundTruth.txt') },
    { name: 'vader nyt', items: readVader(root, 'nytEditorialSnippets_GroundTruth.txt') },
    { name: 'airline-dev', items: readAirline(root) },
  ];
  // Warm up each analyzer (JIT, lazy tables) so items/s measures steady state.
  const warmup = sets.flatMap((s) => s.items.slice(0, 300));
  for (const a of ANALYZERS) for (const item of warmup) a.label(item.text);
  const elapsed = new Map<string, { ms: number; n: number }>(ANALYZERS.map((a) => [a.name, { ms: 0, n: 0 }]));
  const rows: string[][] = [];
  for (const set of sets) {
    const gold = set.items.map((i) => i.gold);
    const row = [set.name, String(set.items.length)];
    for (const a of ANALYZERS) {
      const t0 = performance.now();
      const predicted = set.items.map((i) => a.label(i.text));
      const time = elapsed.get(a.name) as { ms: number; n: number };
      time.ms += performance.now() - t0;
      time.n += set.items.length;
      row.push(cell(score(gold, predicted)));
    }
    rows.push(row);
  }
  console.log(`English, 3-class macro-F1 / accuracy (vader sets: mean rating >= 0.05 positive, <= -0.05 negative; data: ${root})`);
  printTable(['set', 'n', ...ANALYZERS.map((a) => `${a.name} F1 / acc`)], rows);
  console.log('');
  for (const [name, { ms, n }] of elapsed) console.log(`${name.padEnd(16)} ${Math.round((n / ms) * 1000).toLocaleString('en-US')} items/s (${n} items, ${ms.toFixed(0)} ms, one core)`);
  console.log('');
  return true;
}

function majority(gold: readonly Sentiment[]): Sentiment {
  const counts = new Map<Sentiment, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neutral';
}

/** Per language and set: Hearken told the set's language, Hearken on the detected language, the lexicon-only baseline, the majority class. */
function perLanguage(): boolean {
  const chosen = SENTIMENT_SETS.filter((s) => OPTIONS.lang === null || s.language === OPTIONS.lang).sort((a, b) => LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language));
  const rows: string[][] = [];
  const missing: string[] = [];
  const byLanguage = new Map<string, { hearken: number[]; lexicon: number[] }>();
  const used: string[] = [];
  for (const set of chosen) {
    const root = rootWith(set.files[OPTIONS.split]) ?? ROOTS[0] ?? '.';
    const loaded = loadSet(root, set, OPTIONS.split);
    if ('missing' in loaded) {
      missing.push(`${set.name}: ${loaded.missing.join(', ')}`);
      continue;
    }
    const { items } = loaded;
    const gold = items.map((i) => i.gold);
    let detectedRight = 0;
    const told: Sentiment[] = [];
    const detected: Sentiment[] = [];
    const lexicon: Sentiment[] = [];
    for (const { text } of items) {
      const language = detectLanguage(text).language;
      if (language === set.language) detectedRight++;
      told.push(analyzeSentiment(text, { language: set.language }).label);
      detected.push(analyzeSentiment(text, { language }).label);
      lexicon.push(lexiconOnlySentiment(text, set.language).label);
    }
    const hearken = score(gold, told);
    const baseline = score(gold, lexicon);
    const always = majority(gold);
    rows.push([
      set.name,
      set.language,
      String(items.length),
      cell(hearken),
      perLabel(hearken),
      cell(score(gold, detected)),
      `${((100 * detectedRight) / items.length).toFixed(0)}%`,
      cell(baseline),
      `${score(gold, gold.map(() => always)).f1.toFixed(3)} (${always})`,
    ]);
    const totals = byLanguage.get(set.language) ?? { hearken: [], lexicon: [] };
    totals.hearken.push(hearken.f1);
    totals.lexicon.push(baseline.f1);
    byLanguage.set(set.language, totals);
    used.push(`- ${set.name}: ${set.kind}; licence: ${set.licence}; ${join(root, set.files[OPTIONS.split][0] ?? '')}`);
  }
  if (rows.length > 0) {
    console.log(`Seven languages, ${OPTIONS.split} split, 3-class macro-F1 / accuracy (hearken: told the set's language, as the importer would; detected: the language detectLanguage gives; lexicon-only: same lexicon, no support rules; majority: always the split's most common label)`);
    printTable(['set', 'language', 'n', 'hearken F1 / acc', 'hearken F1 neg / neu / pos', 'hearken, detected language F1 / acc', 'detected right', 'lexicon-only F1 / acc', 'majority F1'], rows);
    console.log('');
    console.log('Per language (macro-F1; mean and lowest over its sets; target >= 0.55 and clearly above lexicon-only)');
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    printTable(
      ['language', 'sets', 'hearken mean', 'hearken lowest', 'lexicon-only mean'],
      [...byLanguage].map(([language, t]) => [language, String(t.hearken.length), mean(t.hearken).toFixed(3), Math.min(...t.hearken).toFixed(3), mean(t.lexicon).toFixed(3)]),
    );
    console.log('');
    console.log(['Sets (source, citation and label mapping: docs/analysis.md, "Evaluation in seven languages"):', ...used].join('\n'));
  }
  if (missing.length > 0) {
    console.error(
      `\neval:sentiment: ${missing.length} set(s) missing (looked in ${ROOTS.join(', ')}):\n${missing.map((m) => `- ${m}`).join('\n')}\n` +
        'Put them under the data folder (or HEARKEN_EVAL_DATA) as named; docs/analysis.md ("Evaluation in seven languages") says where to get each.',
    );
  }
  return rows.length > 0;
}

function main(): number {
  const ranEnglish = OPTIONS.lang === null || OPTIONS.lang === 'en' ? english() : false;
  const ranLanguages = perLanguage();
  if (!ranEnglish && !ranLanguages) {
    console.error(`eval:sentiment: no evaluation data found in ${ROOTS.join(', ')}.\n${USAGE}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval:sentiment: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
