// The Node arrangement's worker loader: registers tsx in this thread, then runs the
// TypeScript entry named in workerData.tsEntry (the core worker or the job thread), so
// tests and the bench cross the same worker boundary as the app without a build.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsEntry);
