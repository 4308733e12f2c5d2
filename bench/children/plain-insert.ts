/**
 * A twin of the bulk insert, in its own process: the plain better-sqlite3 store (run beside
 * the encrypted insert, one core each, instead of after it) or, given an algorithm, an AEGIS
 * store in another variant than the app's. Same generator, seed, batches, schema and
 * insertFeedbackBatch. Prints its own timings.
 */
import { deriveContext, deriveNew } from '../../src/main/core/store/derived';
import { contactNumbers, insertFeedbackBatch, type CustomerLookups } from '../../src/main/core/store/feedback-write';
import { childInput, finishChild } from '../lib/child';
import { batch, benchGenerator } from '../lib/items';
import { fileBytes, openAegisDb, openPlainDb, type AegisAlgorithm } from '../lib/stores';

interface Input {
  file: string;
  n: number;
  batchSize: number;
  /** Unset: the plain store. */
  aegis?: { algorithm: AegisAlgorithm; keyHex: string };
}

const { file, n, batchSize, aegis } = childInput<Input>();
const db = aegis ? openAegisDb(file, aegis.algorithm, aegis.keyHex) : openPlainDb(file);
const gen = benchGenerator(n, { handles: 0 });
const batchMs: number[] = [];
let ms = 0;
let cpuMs = 0;
let imported = 0;
const started = performance.timeOrigin + performance.now();
for (let from = 0; from < n; from += batchSize) {
  const items = batch(gen, from, Math.min(n, from + batchSize));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // As bench/measures/insert.ts (and an import) writes a batch.
  const lookups: CustomerLookups = new Map();
  contactNumbers(db, items, lookups);
  imported += insertFeedbackBatch(db, items, gen.end, [], deriveNew(db, items, deriveContext(db), gen.end), lookups).imported;
  const cpu = process.cpuUsage(c0);
  cpuMs += (cpu.user + cpu.system) / 1000;
  const dt = performance.now() - t0;
  ms += dt;
  batchMs.push(dt);
}
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
finishChild({ ms, cpuMs, imported, batchMs, started, finished: performance.timeOrigin + performance.now(), bytes: fileBytes(file) });
