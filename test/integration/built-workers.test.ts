/**
 * The bundles the app ships (out/main/core-worker.js and job-worker.js, built by
 * `npm run build`, which `npm test` runs first) start under plain Node and do real work:
 * what the bundler changed (lazy-loaded language data, the job thread's entry) works
 * outside the TypeScript sources the other tests run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../src/main/core/host/start-worker';
import { NoSecretStore } from '../../src/main/core/secrets/keytar-store';

const out = (file: string): string => fileURLToPath(new URL(`../../out/main/${file}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearken-built-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built core and job workers', () => {
  it('create a store, import through the job thread and analyse the language of each row', async () => {
    if (!existsSync(out('core-worker.js')) || !existsSync(out('job-worker.js'))) throw new Error('Run `npm run build` first: out/main holds no built workers.');
    const csv = join(dir, 'feedback.csv');
    writeFileSync(csv, 'id,date,comment\n1,2025-01-02,Die App stürzt jedes Mal ab wenn ich die Einstellungen öffne\n2,2025-01-03,Where is my refund? I was charged twice\n');
    const core = await startCoreWorker({ file: out('core-worker.js') }, { dataDir: join(dir, 'data'), jobWorker: { file: out('job-worker.js') } }, { secrets: new NoSecretStore() });
    try {
      expect((await core.invoke('store.create', { passphrase: 'correct horse battery staple' })).ok).toBe(true);
      const grant = await core.grantFile(csv, 'read');
      if (!grant.ok) throw new Error(grant.error.message);
      const finished = new Promise<string>((resolve) => {
        core.onEvent((name, payload) => {
          const state = (payload as { state?: string }).state;
          if (name === 'import.progress' && state !== undefined && state !== 'running') resolve(state);
        });
      });
      expect((await core.invoke('import.start', { grant: grant.value.grant })).ok).toBe(true);
      expect(await finished).toBe('done');
      const list = await core.invoke('feedback.list', { limit: 10 });
      if (!list.ok) throw new Error(list.error.message);
      expect((list.value as { items: { language: string | null }[] }).items.map((i) => i.language).sort()).toEqual(['de', 'en']);
    } finally {
      await core.close();
    }
  });
});
