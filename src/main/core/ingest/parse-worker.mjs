// The parse worker under plain Node (the CLI, tests, the bench run the TypeScript sources
// through tsx): registers tsx in the new thread, then runs parse-thread.ts, as the app runs
// its built parse-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./parse-thread.ts');
