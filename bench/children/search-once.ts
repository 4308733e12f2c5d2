/** A fresh process that opens the store and runs one search (for queries that may not finish). */
import { createCore } from '../../src/main/core/index';
import { KeytarSecretStore } from '../../src/main/core/secrets';
import { childInput, finishChild } from '../lib/child';
import { invokeOk } from '../lib/context';

interface Input {
  dataDir: string;
  unlock: { method: 'keychain' } | { method: 'passphrase'; passphrase: string };
  query: string;
}

const input = childInput<Input>();
const core = await createCore({ dataDir: input.dataDir, secrets: new KeytarSecretStore(), appVersion: 'bench' });
await invokeOk(core, 'store.unlock', input.unlock);
await invokeOk(core, 'feedback.list', { limit: 100 });
const t0 = performance.now();
const page = await invokeOk<{ items: unknown[] }>(core, 'feedback.list', { filter: { query: input.query }, limit: 100 });
const ms = performance.now() - t0;
await core.close();
finishChild({ ms, rows: page.items.length });
