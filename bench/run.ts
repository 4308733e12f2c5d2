/**
 * `npm run bench`: Hearken's benchmark suite. Builds an encrypted store of N synthetic items
 * (1,000,000; 100,000 with --quick) through the real store code, side by side with plain
 * better-sqlite3, then measures opening, inbox pages, search, memory and the renderer.
 * Prints a table and writes bench/results/<timestamp>.json (or --out FILE). Everything it
 * makes (temp folders, keychain entries) is removed at the end.
 *
 * Layout: bench/measures/*.ts (one per measure), bench/lib/*.ts (shared), bench/children/*.ts
 * (fresh processes), bench/experiments/*.ts (store variants, --experiments).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { configureLog } from '../src/main/core/log';
import { KeytarSecretStore } from '../src/main/core/secrets';
import { CHROMIUM_PATH } from '../test/support/browser';
import { formatExperimentTables, runExperiments } from './experiments/store-variants';
import { parseArgs, shouldRun, usage, type BenchArgs } from './lib/args';
import { firstUnlockSeeding, openCore, repoRoot, type BenchContext } from './lib/context';
import { BENCH_SEED, benchGenerator } from './lib/items';
import { canStartKeyring, insidePrivateKeyring, rerunInPrivateKeyring } from './lib/keyring';
import { machineInfo, versions } from './lib/machine';
import { FigureSet, formatComparison, formatTable, meets, readResult, type BenchResult } from './lib/report';
import { keyAccess, openStoreDb, removeStore, tempDir, type BenchStore } from './lib/stores';
import { mergeSearchIndexStep } from '../src/main/core/store/search-index';
import { searchSegments } from '../src/main/core/store/feedback-repo';
import type { WorkloadSpec } from './lib/workload';
import { measureLlmQueue, measureRedaction } from './measures/ai';
import { measureAnalysis } from './measures/analysis';
import { measureEscalationQueue, measureEscalationRules } from './measures/escalation';
import { measureCipherMigration } from './measures/cipher-migration';
import { measureConcurrency } from './measures/concurrency';
import { measureDiscovery } from './measures/discovery';
import { measureGenerator } from './measures/generator';
import { measureImport } from './measures/import';
import { measureImportMemory } from './measures/import-memory';
import { measureInbox } from './measures/inbox';
import { measureInsert } from './measures/insert';
import { measureMboxMemory } from './measures/mbox-memory';
import { measureMemory } from './measures/memory';
import { measureOpen } from './measures/open';
import { measureRenderer } from './measures/renderer';
import { measureReports } from './measures/reports';
import { measureSearch } from './measures/search';
import { measureSoak } from './measures/soak';
import { measureSuggestions } from './measures/suggestions';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function workloadSpec(store: BenchStore, n: number): WorkloadSpec {
  const gen = benchGenerator(n);
  const db = openStoreDb(store);
  try {
    const row = db.prepare('SELECT customer_id AS id FROM feedback WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1').get() as { id: string } | undefined;
    return { start: gen.start, end: gen.end, frequentCustomerId: row?.id ?? null };
  } finally {
    db.close();
  }
}

/**
 * The store the insert measure filled stands for one bulk import, and an import that large
 * merges the search index into one segment when it ends (jobs/kinds/import.ts): the read
 * measures then see the inbox an agent would. The merge's own time is a figure.
 */
function mergeAsImportDoes(ctx: BenchContext, store: BenchStore): void {
  const db = openStoreDb(store);
  try {
    const segments = (): number => searchSegments(db);
    const before = segments();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let steps = 0;
    while (mergeSearchIndexStep(db)) steps++;
    const cpu = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    ctx.figures.set('search_merge_s', Math.round(seconds * 10) / 10, 's', null, `merging the item and reply search indexes into one segment after the bulk load, as a large import does (${before} segments before, ${segments()} after, ${steps} steps, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
  } finally {
    db.close();
  }
}

async function run(args: BenchArgs): Promise<BenchResult> {
  const started = new Date();
  const access = await keyAccess();
  const keychainLabel = access.keychain
    ? insidePrivateKeyring()
      ? 'Secret Service (a private gnome-keyring started by the bench)'
      : 'OS keychain (Secret Service)'
    : 'NONE: no keychain answered, the passphrase path (scrypt) is used to unlock';
  const ctx: BenchContext = {
    args,
    n: args.items,
    access,
    keychainLabel,
    workDir: tempDir('hearken-bench-'),
    figures: new FigureSet(),
    notes: [],
    details: {},
    main: null,
    stores: [],
    log,
  };
  if (!access.keychain) ctx.notes.push(`keychain: ${keychainLabel}`);
  // Interrupted: still remove what the run made.
  const interrupted = (signal: NodeJS.Signals): void => {
    log(`Interrupted (${signal}): removing ${ctx.workDir}`);
    void Promise.all(ctx.stores.map((s) => removeStore(s, access).catch(() => undefined))).finally(() => {
      rmSync(ctx.workDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const timings: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<void> | void): Promise<void> => {
    const t0 = performance.now();
    log(`▶ ${name}`);
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.notes.push(`${name} failed: ${message.split('\n')[0]}`);
      log(`  ${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    } finally {
      timings[name] = Math.round((performance.now() - t0) / 100) / 10;
      log(`  ${name}: ${timings[name]} s`);
    }
  };

  log(`Hearken bench: ${ctx.n.toLocaleString('en-US')} items${args.quick ? ' (quick)' : ''}; keychain: ${keychainLabel}; work folder ${ctx.workDir}`);
  let plainPath: string | null = null;
  try {
    if (shouldRun(args, 'generator')) await step('generator', () => measureGenerator(ctx));
    // Every later measure reads the store the insert measure builds.
    const needStore = (['insert', 'open', 'inbox', 'search', 'suggestions', 'escalation', 'memory', 'concurrency', 'ai', 'reports', 'soak'] as const).some((m) => shouldRun(args, m)) || (shouldRun(args, 'renderer') && ctx.n === 100_000);
    if (needStore) {
      await step('insert', async () => {
        plainPath = (await measureInsert(ctx)).plainPath;
      });
    }
    const main = ctx.main as BenchStore | null;
    if (main && needStore) await step('search-merge', async () => mergeAsImportDoes(ctx, main));
    if (main) {
      const spec = workloadSpec(main, ctx.n);
      ctx.details.workload = spec;
      if (shouldRun(args, 'open')) await step('open', () => measureOpen(ctx));
      if (shouldRun(args, 'inbox') || shouldRun(args, 'search') || shouldRun(args, 'suggestions') || shouldRun(args, 'escalation') || shouldRun(args, 'reports')) {
        const core = await openCore(main, access);
        try {
          if (shouldRun(args, 'inbox')) await step('inbox', () => measureInbox(ctx, core, spec));
          if (shouldRun(args, 'search')) await step('search', () => measureSearch(ctx, core));
          if (shouldRun(args, 'suggestions')) await step('suggestions', () => measureSuggestions(ctx, core));
          if (shouldRun(args, 'reports')) await step('reports', () => measureReports(ctx, core, main));
          // Escalates a few hundred items of the main store: after the read measures.
          if (shouldRun(args, 'escalation')) await step('escalation-queue', () => measureEscalationQueue(ctx, core));
        } finally {
          await core.close();
        }
      }
      if (shouldRun(args, 'memory')) await step('memory', () => measureMemory(ctx, spec));
    }
    if (shouldRun(args, 'cipher-migration')) await step('cipher-migration', () => measureCipherMigration(ctx));
    if (shouldRun(args, 'renderer')) await step('renderer', () => measureRenderer(ctx));
    if (shouldRun(args, 'import')) await step('import', () => measureImport(ctx));
    if (shouldRun(args, 'import-memory')) await step('import-memory', () => measureImportMemory(ctx));
    if (shouldRun(args, 'mbox-memory')) await step('mbox-memory', () => measureMboxMemory(ctx));
    if (shouldRun(args, 'analysis')) await step('analysis', () => measureAnalysis(ctx));
    if (shouldRun(args, 'discovery')) await step('discovery', () => measureDiscovery(ctx));
    // After import, so the share of import time can be worked out in the same run.
    if (shouldRun(args, 'escalation')) await step('escalation-rules', () => measureEscalationRules(ctx));
    // Last: its import adds rows to the main store.
    if (ctx.main && shouldRun(args, 'concurrency')) await step('concurrency', () => measureConcurrency(ctx));
    if (shouldRun(args, 'ai')) await step('ai-redaction', () => measureRedaction(ctx));
    // After every read measure: its triages add rows to the main store.
    if (ctx.main && shouldRun(args, 'ai')) await step('ai-queue', () => measureLlmQueue(ctx, ctx.main as BenchStore));
    // Opt-in and long; its actions change the main store, so it comes after every other measure of it.
    if (ctx.main && shouldRun(args, 'soak')) await step('soak', () => measureSoak(ctx, workloadSpec(ctx.main as BenchStore, ctx.n)));
    if (args.experiments.length > 0) await step('experiments', async () => void (await runExperiments(ctx, plainPath)));
  } finally {
    for (const store of ctx.stores) await removeStore(store, access).catch((e: unknown) => ctx.notes.push(`cleanup: ${String(e)}`));
    rmSync(ctx.workDir, { recursive: true, force: true });
  }

  if (firstUnlockSeeding.ms !== null) {
    ctx.figures.set('first_unlock_rules_run_s', firstUnlockSeeding.ms / 1000, 's', null, `the shipped rules and SLA worked out over all ${ctx.n.toLocaleString('en-US')} items after the first unlock, in steps (the store answers meanwhile)`);
  }
  const finished = new Date();
  return {
    format: 'hearken-bench',
    version: 1,
    items: ctx.n,
    quick: args.quick,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationS: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine: machineInfo(),
    versions: versions(repoRoot, CHROMIUM_PATH),
    settings: {
      seed: BENCH_SEED,
      batchSize: args.batchSize,
      keychain: keychainLabel,
      keySource: ctx.stores[0]?.keySource ?? null,
      measures: Object.keys(timings),
      experiments: args.experiments,
    },
    notes: ctx.notes,
    figures: ctx.figures.figures,
    details: { ...ctx.details, timingsS: timings },
  };
}

async function main(): Promise<number> {
  // Slow-call lines would bury the bench's own output; the figures say what is slow. The
  // core's worker threads and the bench's child processes inherit the variable.
  if (process.env.HEARKEN_LOG_LEVEL === undefined) {
    process.env.HEARKEN_LOG_LEVEL = 'error';
    configureLog({ level: 'error' });
  }
  let args: BenchArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (args.compare && args.against) {
    process.stdout.write(`${formatComparison(readResult(args.compare), readResult(args.against))}\n`);
    return 0;
  }
  if (!args.noKeyring && !(await new KeytarSecretStore().available()) && canStartKeyring()) {
    log('No keychain answered: running the bench inside a private gnome-keyring session.');
    return rerunInPrivateKeyring();
  }

  const result = await run(args);
  const out = resolve(args.out ?? join(repoRoot, 'bench', 'results', `${timestamp(new Date(result.startedAt))}.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

  const missed = Object.entries(result.figures).filter(([, f]) => meets(f.value, f.target) === false);
  process.stdout.write(
    [
      '',
      `Hearken bench — ${result.items.toLocaleString('en-US')} items${result.quick ? ' (quick)' : ''}, ${String(result.machine.cpu)} × ${String(result.machine.cores)}, ${String(result.machine.memoryMb)} MB, Node ${process.versions.node}`,
      `keychain: ${String(result.settings.keychain)}`,
      '',
      formatTable(result.figures),
      '',
      `${missed.length} of ${Object.values(result.figures).filter((f) => f.target !== null).length} targets missed${missed.length ? `: ${missed.map(([n]) => n).join(', ')}` : ''}`,
      ...(result.notes.length ? ['', 'Notes:', ...result.notes.map((n) => `  - ${n}`)] : []),
      '',
      `Took ${Math.floor(result.durationS / 60)} min ${result.durationS % 60} s. JSON: ${out}`,
      '',
    ].join('\n'),
  );
  const experiments = (result.details.experiments as { tables?: Parameters<typeof formatExperimentTables>[0] } | undefined)?.tables;
  if (experiments?.length) process.stdout.write(`Experiments (bench-only copies of the store code; see bench/experiments)\n\n${formatExperimentTables(experiments)}\n\n`);
  if (args.compare) process.stdout.write(`\n${formatComparison(readResult(args.compare), result)}\n`);
  return 0;
}

process.exitCode = await main();
