// The CLI's job thread: the CLI runs from its TypeScript sources through tsx, so this small
// loader registers tsx in the new thread and then runs the core's job thread
// (src/main/core/jobs/job-thread.ts), as the app runs its built job-worker.js. Imports and
// re-analysis started by a CLI command run here, under the job thread's heap cap
// (jobs/thread-runner.ts), while the command's own thread waits and prints progress. The
// job's connection gets a 16 MB page cache instead of 64 MB: a full one was a fifth of
// the import's peak, and 16, 32 and 64 MB imported a 100,000-message mbox equally fast.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// tsx's loader hooks run in a thread of their own for this thread and again for the import's
// parse worker; each took V8's default young generation (16 MB and more) for transforming a
// few files. The flag holds for isolates created from now on (the parse worker's young
// generation came out at 2 MB with it, despite its own limit): the CSV import's peak was
// ~40 MB lower (513 against 550 MB) at the same speed.
setFlagsFromString('--max-semi-space-size=1');
register();
const { setDefaultCacheSizeKb } = await import('../main/core/store/open.ts');
setDefaultCacheSizeKb(16_384);
await import('../main/core/jobs/job-thread.ts');
