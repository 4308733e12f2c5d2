/**
 * Run as a child process: re-analyses every item of the store at argv dataDir through the
 * CLI's own core (CliSession: the job thread, the passphrase from the variable argv names),
 * as the window's "Re-analyse everything" does. The CLI has no command for it, so the crash
 * tests kill this. Prints each `analysis.progress` as one JSON line on stderr.
 */
import { CliSession } from '../../src/cli/session';

const [dataDir, passphraseEnv] = process.argv.slice(2) as [string, string];
const session = await CliSession.open({ dataDir, passphraseEnv });
try {
  await session.unlock();
  const ended = new Promise<{ state: string; done: number }>((resolve) =>
    session.core.onEvent((name, payload) => {
      if (name !== 'analysis.progress') return;
      const p = payload as { state: string; done: number; total: number };
      process.stderr.write(`${JSON.stringify(p)}\n`);
      if (p.state !== 'running') resolve(p);
    }),
  );
  await session.call('analysis.run', { filter: {} });
  const end = await ended;
  process.stdout.write(`${JSON.stringify(end)}\n`);
} finally {
  await session.close();
}
