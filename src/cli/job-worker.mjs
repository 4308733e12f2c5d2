// The CLI's job thread: the CLI runs from its TypeScript sources through tsx, so this small
// loader registers tsx in the new thread and then runs the core's job thread
// (src/main/core/jobs/job-thread.ts), as the app runs its built job-worker.js. Imports and
// re-analysis started by a CLI command run here, under the job thread's heap cap
// (jobs/thread-runner.ts), while the command's own thread waits and prints progress. The
// job's connection gets a 16 MB page cache instead of 64 MB: a full one was a fifth of
// the import's peak, and 16, 32 and 64 MB imported a 100,000-message mbox equally fast.
import { register } from 'tsx/esm/api';

register();
const { setDefaultCacheSizeKb } = await import('../main/core/store/open.ts');
setDefaultCacheSizeKb(16_384);
await import('../main/core/jobs/job-thread.ts');
