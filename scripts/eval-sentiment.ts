/**
 * `npm run eval:sentiment [-- <data folder>]`: 3-class macro-F1 and accuracy of Hearken's
 * sentiment beside vader-sentiment and the AFINN `sentiment` package, in the same run and
 * on the same texts, so the comparison does not depend on figures from another setup.
 * The data is public, human-labelled and not part of the repository (the airline set's
 * licence is non-commercial); what the folder must hold and where to get it is in
 * docs/analysis.md, "Evaluation". Nothing in the analysis is fitted to these sets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyzeSentiment } from '../src/main/core/analysis/sentiment';
import { sentiments, type Sentiment } from '../src/shared/domain';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
const AfinnSentiment = require('sentiment') as new () => { analyze(text: string): { comparative: number } };
const afinn = new AfinnSentiment();

/** The folder given on the command line, else HEARKEN_EVAL_DATA, else ../shared/data next to the checkout (where the team keeps it). */
const DATA = resolve(process.argv[2] ?? process.env.HEARKEN_EVAL_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));
const VADER_SETS = ['tweets_GroundTruth.txt', 'amazonReviewSnippets_GroundTruth.txt', 'movieReviewSnippets_GroundTruth.txt', 'nytEditorialSnippets_GroundTruth.txt'];
const AIRLINE_SET = 'airline-dev.csv';

interface Item { text: string; gold: Sentiment }
interface DataSet { name: string; items: Item[] }

function byThreshold(value: number, t = 0.05): Sentiment {
  return value >= t ? 'positive' : value <= -t ? 'negative' : 'neutral';
}

function readVader(file: string): Item[] {
  const items: Item[] = [];
  for (const line of readFileSync(join(DATA, 'vader', file), 'utf8').split(/\r?\n/)) {
    const [, rating, ...rest] = line.split('\t');
    if (rating === undefined || rest.length === 0) continue;
    items.push({ gold: byThreshold(Number(rating)), text: rest.join('\t') });
  }
  return items;
}

function readAirline(): Item[] {
  const rows = parse(readFileSync(join(DATA, 'airline', AIRLINE_SET)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ text: r.text ?? '', gold: (r.airline_sentiment ?? 'neutral') as Sentiment }));
}

function scores(gold: Sentiment[], predicted: Sentiment[]): { f1: number; accuracy: number } {
  let correct = 0;
  let f1Sum = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  for (const label of sentiments) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return { f1: f1Sum / sentiments.length, accuracy: correct / gold.length };
}

const ANALYZERS: { name: string; label(text: string): Sentiment }[] = [
  { name: 'hearken', label: (t) => analyzeSentiment(t).label },
  { name: 'vader-sentiment', label: (t) => byThreshold(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound) },
  { name: 'sentiment', label: (t) => byThreshold(afinn.analyze(t).comparative) },
];

function main(): number {
  const expected = [...VADER_SETS.map((f) => join('vader', f)), join('airline', AIRLINE_SET)];
  const missing = expected.filter((f) => !existsSync(join(DATA, f)));
  if (missing.length > 0) {
    console.error(
      `eval:sentiment: evaluation data missing in ${DATA}: ${missing.join(', ')}\n` +
        'Give the folder as `npm run eval:sentiment -- <folder>` (or HEARKEN_EVAL_DATA). It needs the four VADER ground-truth\n' +
        'files in vader/ and the airline tweets in airline/; docs/analysis.md ("Evaluation") says where to get them.',
    );
    return 1;
  }
  const sets: DataSet[] = [
    { name: 'vader tweets', items: readVader('tweets_GroundTruth.txt') },
    { name: 'vader amazon', items: readVader('amazonReviewSnippets_GroundTruth.txt') },
    { name: 'vader movie', items: readVader('movieReviewSnippets_GroundTruth.txt') },
    { name: 'vader nyt', items: readVader('nytEditorialSnippets_GroundTruth.txt') },
    { name: 'airline-dev', items: readAirline() },
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
      const { f1, accuracy } = scores(gold, predicted);
      row.push(`${f1.toFixed(3)} / ${accuracy.toFixed(3)}`);
    }
    rows.push(row);
  }
  const header = ['set', 'n', ...ANALYZERS.map((a) => `${a.name} F1 / acc`)];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log('3-class macro-F1 / accuracy (vader sets: mean rating >= 0.05 positive, <= -0.05 negative)');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const [name, { ms, n }] of elapsed) console.log(`${name.padEnd(16)} ${Math.round((n / ms) * 1000).toLocaleString('en-US')} items/s (${n} items, ${ms.toFixed(0)} ms, one core)`);
  return 0;
}

process.exitCode = main();
