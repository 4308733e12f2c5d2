/**
 * Importers under random bytes and damaged real exports, through the core's import
 * channels on a real encrypted store. Every file ends in a clear answer: a stable error
 * code with a message (the store as it was), or a report whose counts add up and match
 * what the store gained. No crash, no hang, and the heap stays bounded.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type ErrorInfo } from '../../src/shared/errors';
import { importFormats } from '../../src/shared/import';
import { makeTempCore, type TempCore } from '../support/core';
import { fingerprint, importOnce, watched, type Fingerprint, type ImportOutcome } from './support/import-harness';
import { mutationOf } from './support/mutations';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RANDOM_RUNS = 120;
const MUTATION_RUNS = 150;
/** Each file is at most a few MB: far below this, unless a reader held a copy per byte or per line. */
const CASE_TIMEOUT_MS = 15_000;
const HEAP_GROWTH_LIMIT = 256 * 1024 * 1024;

const fixturesDir = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const fixtures = readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' })
  .map((p) => join(fixturesDir, p))
  .filter((p) => statSync(p).isFile());
/** What the importers take by extension; Zendesk and Help Scout are JSON and CSV with a declared format. */
const extensions = ['.csv', '.tsv', '.json', '.ndjson', '.jsonl', '.eml', '.mbox', '.txt', ''];
const format = fc.option(fc.constantFrom(...importFormats), { nil: undefined, freq: 2 });
const codes = new Set<string>(errorCodes);

let temp: TempCore;
let files: string;
let fileCount = 0;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hearken-import-fuzz-'));
  temp = await makeTempCore();
  const created = await temp.core.invoke('store.create', {});
  if (!created.ok) throw new Error(created.error.message);
  // Items already in the store: a failed import must leave them exactly as they were.
  const seeded = await importOnce(temp.core, join(fixturesDir, 'csv', 'support-tweets.csv'), undefined);
  if (seeded.stage !== 'report' || seeded.report.counts.imported === 0) throw new Error('seeding the store failed');
}, 60_000);

/** The slowest case and the largest heap growth, printed with FUZZ_STATS=1. */
const worst = { ms: 0, heapBytes: 0, stages: {} as Record<string, number> };

afterAll(async () => {
  if (process.env.FUZZ_STATS) console.log(`slowest case ${Math.round(worst.ms)} ms, largest heap growth ${Math.round(worst.heapBytes / 1e6)} MB, answers by stage ${JSON.stringify(worst.stages)}`);
  await temp?.cleanup();
  if (files) rmSync(files, { recursive: true, force: true });
});

function expectClearError(error: ErrorInfo): void {
  expect(codes.has(error.code), `unknown code ${error.code}`).toBe(true);
  // A file's contents are the user's problem to fix, never the core's failure.
  expect(error.code, error.message).not.toBe('INTERNAL');
  expect(error.message.trim().length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/\n\s+at |\.ts:\d+/);
}

/** What a finished or refused import must have done to the store. */
function expectHonest(outcome: ImportOutcome, before: Fingerprint, after: Fingerprint): void {
  if (outcome.stage !== 'report') {
    expectClearError(outcome.error);
    if (outcome.stage === 'preview') expectClearError(outcome.startError);
    expect(after).toEqual(before);
    return;
  }
  const { report } = outcome;
  expect(['done', 'failed']).toContain(report.state);
  const c = report.counts;
  expect(c.read).toBe(c.imported + c.duplicates + c.failed + (c.skipped ?? 0));
  expect(report.problemsTotal).toBeGreaterThanOrEqual(report.problems.length);
  if (report.state === 'failed') expectClearError(report.error!);
  else expect(report.error).toBeNull();
  // Batches committed before a failure stay (nothing is lost); nothing else is added. An
  // imported e-mail may join a thread already stored, so it adds a message, not an item.
  expect(after.items - before.items).toBeGreaterThanOrEqual(0);
  expect(after.items - before.items).toBeLessThanOrEqual(c.imported);
  if (c.imported === 0) expect(after).toEqual(before);
}

async function fuzzFile(bytes: Uint8Array, ext: string, declared: string | undefined): Promise<void> {
  const path = join(files, `case-${++fileCount}${ext}`);
  writeFileSync(path, bytes);
  const before = await fingerprint(temp.core);
  const run = await watched(() => importOnce(temp.core, path, declared), CASE_TIMEOUT_MS);
  const after = await fingerprint(temp.core);
  expectHonest(run.value, before, after);
  expect(run.heapGrowthBytes, `heap grew by ${Math.round(run.heapGrowthBytes / 1e6)} MB`).toBeLessThan(HEAP_GROWTH_LIMIT);
  worst.ms = Math.max(worst.ms, run.ms);
  worst.heapBytes = Math.max(worst.heapBytes, run.heapGrowthBytes);
  worst.stages[run.value.stage] = (worst.stages[run.value.stage] ?? 0) + 1;
  rmSync(path, { force: true });
}

/** Random bytes, random text in the shape of each format, and text with the bytes that trip decoders. */
const randomFile = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
  fc
    .array(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })
    .chain((rows) => fc.constantFrom(',', '\t', ';').map((d) => new TextEncoder().encode(rows.map((r) => r.join(d)).join('\n')))),
  fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 20 }).chain((values) =>
    fc.boolean().map((lines) => new TextEncoder().encode(lines ? values.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(values))),
  ),
  fc
    .array(fc.tuple(fc.constantFrom('From', 'To', 'Subject', 'Date', 'Content-Type', 'Content-Transfer-Encoding', 'X-Junk'), fc.string({ maxLength: 60 })), { maxLength: 8 })
    .chain((headers) => fc.string({ maxLength: 500 }).map((body) => new TextEncoder().encode(`${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`))),
);

describe('importers, fuzzed through the core', () => {
  it('random bytes and random text in every extension answer clearly and leave the store as it was unless rows were imported', async () => {
    await fc.assert(
      fc.asyncProperty(randomFile, fc.constantFrom(...extensions), format, (bytes, ext, declared) => fuzzFile(bytes, ext, declared)),
      { numRuns: RANDOM_RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('damaged real exports (truncated, flipped, NULs, BOMs, bad UTF-8, lines doubled or dropped, huge lines) answer clearly', async () => {
    const real = fc.constantFrom(...fixtures).map((p) => ({ bytes: readFileSync(p), ext: extname(p) }));
    await fc.assert(
      fc.asyncProperty(real, mutationOf, fc.option(fc.constantFrom(...importFormats), { nil: undefined, freq: 4 }), ({ bytes, ext }, mutate, declared) =>
        fuzzFile(mutate(bytes), ext, declared),
      ),
      { numRuns: MUTATION_RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('leaves a sound store behind', async () => {
    const health = await temp.core.invoke('store.health', {});
    expect(health.ok && health.value).toMatchObject({ integrity: ['ok'], searchIndexOk: true });
  });
});
