/**
 * `npm run eval:discovery [-- <data folder>] [--split train|test] [--tuning JSON]`: how well
 * topic discovery groups public intent-labelled support queries, as NMI and purity against
 * the intents, beside TF-IDF + k-means (k = the number of intents, k-means++ seeded, the same
 * TF-IDF features) in the same run. Discovery leaves weak fits out, so its figures are given
 * three ways: leftovers as singletons, leftovers as one group, and with `assignAll` (each
 * leftover given to its nearest proposal). Tune with --split train; report --split test.
 * Data (not in the repository): banking77/{train,test}.csv (PolyAI, CC-BY-4.0) and
 * clinc150/data_full.json (CLINC OOS-eval, CC-BY-3.0); docs/analysis.md says where to get them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DEFAULT_TUNING, discoverTopics, type DiscoveryTuning } from '../src/main/core/analysis/discovery';
import { buildFeatures, type Features } from '../src/main/core/analysis/discovery/features';
import { Rng } from '../src/shared/synthetic/rng';
import { nmi, purity } from '../src/shared/eval/metrics';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').startsWith('--'));
const DATA = resolve(positional[0] ?? process.env.HEARKEN_EVAL_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));
const SPLIT = flag('--split') ?? 'test';
const TUNING = JSON.parse(flag('--tuning') ?? '{}') as Partial<DiscoveryTuning>;
/** --sample N: a fixed random N items of each set (tuning on train at the test sets' size). */
const SAMPLE = Number(flag('--sample') ?? 0);
/** --grid '{"mergeThreshold":[0.4,0.5]}': every combination, discovery figures only. */
const GRID = JSON.parse(flag('--grid') ?? 'null') as Record<string, number[]> | null;

function sampled(items: Item[]): Item[] {
  if (!SAMPLE || items.length <= SAMPLE) return items;
  const rng = new Rng(1234);
  const copy = [...items];
  for (let i = 0; i < SAMPLE; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as Item, copy[i] as Item];
  }
  return copy.slice(0, SAMPLE);
}

function combinations(grid: Record<string, number[]>): Partial<DiscoveryTuning>[] {
  let out: Partial<DiscoveryTuning>[] = [{}];
  for (const [key, values] of Object.entries(grid)) out = out.flatMap((o) => values.map((v) => ({ ...o, [key]: v })));
  return out;
}

/** Discovery's figures on one set: groups, coverage, NMI with leftovers as singletons and as one group. */
function score(items: Item[], tuning: DiscoveryTuning, assignAll: boolean): { topics: ReturnType<typeof discoverTopics>; groups: number; coverage: number; nmiSingle: number; nmiOne: number; purityGrouped: number; purityOne: number; ms: number } {
  const docs = items.map((i) => ({ text: i.text, language: 'en' }));
  const gold = items.map((i) => i.gold);
  const t0 = performance.now();
  const topics = discoverTopics(docs, { minSize: 5, maxTopics: 500, tuning, assignAll });
  const ms = performance.now() - t0;
  const cluster = new Array<number>(docs.length).fill(-1);
  topics.forEach((t, j) => t.members.forEach((i) => (cluster[i] = j)));
  const grouped = cluster.map((c, i) => [c, i] as const).filter(([c]) => c >= 0);
  const singletons = cluster.map((c, i) => (c >= 0 ? `g${c}` : `s${i}`));
  const oneGroup = cluster.map((c) => (c >= 0 ? `g${c}` : 'leftover'));
  return {
    topics,
    groups: topics.length,
    coverage: grouped.length / docs.length,
    nmiSingle: nmi(gold, singletons),
    nmiOne: nmi(gold, oneGroup),
    purityGrouped: purity(grouped.map(([, i]) => gold[i] as string), grouped.map(([c]) => c)),
    purityOne: purity(gold, oneGroup),
    ms,
  };
}

interface Item { text: string; gold: string }
interface DataSet { name: string; source: string; items: Item[] }

function banking77(split: string): Item[] {
  const rows = parse(readFileSync(join(DATA, 'banking77', `${split}.csv`)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => ({ text: r.text ?? '', gold: r.category ?? '' }));
}

function clinc150(split: string): Item[] {
  const data = JSON.parse(readFileSync(join(DATA, 'clinc150', 'data_full.json'), 'utf8')) as Record<string, [string, string][]>;
  // The in-scope intents only: out-of-scope queries share no intent by design.
  return (data[split] ?? []).map(([text, gold]) => ({ text, gold }));
}

/** Plain k-means (Euclidean on the L2-normalised rows), k-means++ seeded, Lloyd to convergence. */
function kMeans(f: Features, k: number, seed: number): Int32Array {
  const n = f.n;
  const V = f.vocab.length;
  const rng = new Rng(seed);
  const labels = new Int32Array(n).fill(-1);
  const dot = (c: Float64Array, i: number): number => {
    let s = 0;
    for (let p = f.offsets[i] as number; p < (f.offsets[i + 1] as number); p++) s += (f.weights[p] as number) * (c[f.terms[p] as number] as number);
    return s;
  };
  const rowNorm2 = (i: number): number => ((f.offsets[i + 1] as number) > (f.offsets[i] as number) ? 1 : 0);
  // k-means++: D² sampling against the centres chosen so far.
  const centres: Float64Array[] = [];
  const d2 = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rng.next() * n);
  while (centres.length < k) {
    const c = new Float64Array(V);
    for (let p = f.offsets[pick] as number; p < (f.offsets[pick + 1] as number); p++) c[f.terms[p] as number] = f.weights[p] as number;
    centres.push(c);
    const cn = rowNorm2(pick);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, rowNorm2(i) + cn - 2 * dot(c, i));
      if (d < (d2[i] as number)) d2[i] = d;
      total += d2[i] as number;
    }
    let target = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) if ((target -= d2[i] as number) <= 0) { pick = i; break; }
  }
  for (let it = 0; it < 100; it++) {
    const norms = centres.map((c) => c.reduce((s, v) => s + v * v, 0));
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        const d = (norms[j] as number) - 2 * dot(centres[j] as Float64Array, i);
        if (d < bestD) [best, bestD] = [j, d];
      }
      if (labels[i] !== best) moved++;
      labels[i] = best;
    }
    const counts = new Array<number>(k).fill(0);
    for (const c of centres) c.fill(0);
    for (let i = 0; i < n; i++) {
      const c = centres[labels[i] as number] as Float64Array;
      counts[labels[i] as number] = (counts[labels[i] as number] as number) + 1;
      for (let p = f.offsets[i] as number; p < (f.offsets[i + 1] as number); p++) c[f.terms[p] as number] = (c[f.terms[p] as number] as number) + (f.weights[p] as number);
    }
    centres.forEach((c, j) => { if (counts[j]) for (let t = 0; t < V; t++) c[t] = (c[t] as number) / (counts[j] as number); });
    if (moved === 0) break;
  }
  return labels;
}

const f3 = (x: number): string => x.toFixed(3);

function main(): number {
  const needed = [join('banking77', `${SPLIT}.csv`), join('clinc150', 'data_full.json')];
  const missing = needed.filter((p) => !existsSync(join(DATA, p)));
  if (missing.length > 0) {
    console.error(
      `eval:discovery: evaluation data missing in ${DATA}: ${missing.join(', ')}\n` +
        'Give the folder as `npm run eval:discovery -- <folder>` (or HEARKEN_EVAL_DATA). banking77/{train,test}.csv come from\n' +
        'https://github.com/PolyAI-LDN/task-specific-datasets (CC-BY-4.0); clinc150/data_full.json from https://github.com/clinc/oos-eval (CC-BY-3.0).',
    );
    return 1;
  }
  const sets: DataSet[] = [
    { name: `banking77 ${SPLIT}`, source: 'PolyAI banking77, CC-BY-4.0', items: sampled(banking77(SPLIT)) },
    { name: `clinc150 ${SPLIT}`, source: 'CLINC150 data_full (in-scope), CC-BY-3.0', items: sampled(clinc150(SPLIT)) },
  ];
  if (GRID) {
    for (const set of sets) discoverTopics(set.items.slice(0, 500).map((i) => ({ text: i.text, language: 'en' })));
    for (const combo of combinations(GRID)) {
      const results = sets.map((set) => score(set.items, { ...DEFAULT_TUNING, ...TUNING, ...combo }, false));
      const mean = results.reduce((sum, r) => sum + r.nmiSingle + r.nmiOne, 0) / (2 * results.length);
      console.log(`${JSON.stringify(combo).padEnd(60)} mean ${f3(mean)}  ${results.map((r, i) => `${sets[i]?.name}: ${f3(r.nmiSingle)}/${f3(r.nmiOne)} cov ${(r.coverage * 100).toFixed(0)}% g${r.groups}`).join('  ')}`);
    }
    return 0;
  }
  const tuning = { ...DEFAULT_TUNING, ...TUNING };
  console.log(`Topic discovery on the ${SPLIT} split${SPLIT === 'test' ? ' (tuned on train only)' : ' (tuning)'}; tuning ${JSON.stringify(TUNING)}\n`);
  const header = ['set', 'n', 'intents', 'method', 'groups', 'coverage', 'NMI (leftover singletons)', 'NMI (leftover one group)', 'purity (grouped)', 'purity (leftover one group)', 'ms'];
  const rows: string[][] = [];
  for (const set of sets) {
    const docs = set.items.map((i) => ({ text: i.text, language: 'en' }));
    const gold = set.items.map((i) => i.gold);
    const intents = new Set(gold).size;
    // Warm-up (JIT, stemmer caches) on a copy, then the timed run.
    discoverTopics(docs.slice(0, 500), { minSize: 5, maxTopics: 500, tuning });
    for (const assignAll of [false, true]) {
      const r = score(set.items, tuning, assignAll);
      rows.push([set.name, String(docs.length), String(intents), assignAll ? 'hearken (assignAll)' : 'hearken', String(r.groups), `${(r.coverage * 100).toFixed(1)}%`, f3(r.nmiSingle), f3(r.nmiOne), f3(r.purityGrouped), f3(r.purityOne), String(Math.round(r.ms))]);
      if (!assignAll && flag('--show')) for (const t of r.topics.slice(0, Number(flag('--show')))) console.log(`${t.members.length}\t${t.name}\t[${t.keywords.join(', ')}]\t${t.phrases.join(', ')}\t${[...new Set(t.members.slice(0, 20).map((i) => gold[i]))].slice(0, 3).join(' ')}`);
    }
    // k-means twice: with k = the number of intents (it is told the answer), and with k =
    // the number of groups discovery proposed (NMI rises with the number of groups).
    const proposed = rows.at(-1)?.[4] ?? String(intents);
    for (const k of [...new Set([intents, Number(proposed)])]) {
      const t0 = performance.now();
      const f = buildFeatures(docs, { phraseWeight: tuning.phraseWeight, maxDfShare: tuning.maxDfShare }, () => undefined);
      const predicted = Array.from(kMeans(f, k, 77), String);
      const ms = performance.now() - t0;
      rows.push([set.name, String(docs.length), String(intents), `tf-idf + k-means (k=${k})`, String(k), '100.0%', f3(nmi(gold, predicted)), f3(nmi(gold, predicted)), f3(purity(gold, predicted)), f3(purity(gold, predicted)), String(Math.round(ms))]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const set of sets) console.log(`${set.name}: ${set.source}`);
  console.log('minSize 5, maxTopics 500; times on one core, features included.');
  return 0;
}

process.exitCode = main();
