/**
 * A fresh process that imports one mbox the way `hearken import` does: a CLI session on the
 * data folder, unlocked by keychain or passphrase, then the CLI's own importFile (the core's
 * import channels, the job on the session's job thread: src/cli/job-worker.mjs). Prints the report's counts and this process's
 * peak RSS: VmHWM and process.resourceUsage().maxRSS.
 */
import { CliSession } from '../../src/cli/session';
import { importFile } from '../../src/cli/commands/import';
import { childInput, finishChild, memoryMb } from '../lib/child';

interface Input {
  dataDir: string;
  /** Null: the keychain unlocks the store. */
  passphrase: string | null;
  file: string;
}

const input = childInput<Input>();
if (input.passphrase !== null) process.env.HEARKEN_BENCH_PASSPHRASE = input.passphrase;
const session = await CliSession.open({ dataDir: input.dataDir, ...(input.passphrase !== null ? { passphraseEnv: 'HEARKEN_BENCH_PASSPHRASE' } : {}) });
let counts: unknown = null;
const t0 = performance.now();
try {
  // importFile unlocks the session itself, and prints {"read","imported","duplicates","failed"} with --json; capture it.
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    await importFile(session, input.file, { json: true });
  } finally {
    process.stdout.write = write;
  }
  counts = JSON.parse(printed.trim().split('\n').at(-1) ?? 'null') as unknown;
} finally {
  await session.close();
}
const ms = performance.now() - t0;
finishChild({ ms, counts, exitCode: process.exitCode ?? 0, peakRssMb: memoryMb().peakRss, maxRssMb: process.resourceUsage().maxRSS / 1024 });
