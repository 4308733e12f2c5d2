/**
 * Settings > AI on a real encrypted store: settings saved and read back; the API key in the
 * real OS keychain (never in any status), or, without a keychain, sealed in the store under
 * its key so it survives lock and unlock and no row holds it in the clear; the connection
 * test against the fake server and against a closed port; the budget's hard stop (no
 * request reaches the server); redaction on by default only off this machine.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore, NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { makeTempCore, readStoreId, type TempCore } from '../support/core';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { keychainForTests } from '../helpers/keychain';
import { call } from '../helpers/results';

const KEY = 'sk-test-SECRET-settings-0123456789';
const keychain = await keychainForTests();
let fake: FakeOpenAi;
let temp: TempCore | null = null;

beforeAll(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model', 'other-model'] });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  await temp?.cleanup();
  temp = null;
});

/** A port nothing listens on: bound, read, and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function passphraseCore(): Promise<{ temp: TempCore; recoveryKey: string }> {
  const made = await makeTempCore({ secrets: new NoSecretStore(), core: { ai: { offlineProbeMs: 100 } } });
  const { recoveryKey } = await call(made.core, 'store.create', { passphrase: 'ai settings passphrase' });
  return { temp: made, recoveryKey };
}

describe('AI settings', () => {
  it('are saved and read back; a base URL turns the AI on; the defaults before that', async () => {
    ({ temp } = await passphraseCore());
    const before = await call(temp.core, 'ai.status', {});
    expect(before.settings.enabled).toBe(false);
    expect(before.ready).toBe(false);
    expect(before.hasApiKey).toBe(false);
    expect(before.keyStore).toBeNull();
    expect(before.queue.paused).toBe('disabled');

    const saved = await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model', purposeModels: { triage: 'other-model', draft: '', summary: '' }, concurrency: 2, monthlyTokenBudget: 50_000 });
    expect(saved.settings).toMatchObject({ enabled: true, baseUrl: fake.baseUrl, model: 'fake-model', concurrency: 2, monthlyTokenBudget: 50_000 });
    expect(saved.settings.purposeModels.triage).toBe('other-model');
    expect(saved.ready).toBe(true);
    expect(saved.host).toBe(new URL(fake.baseUrl).host);

    await temp.reopen();
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: 'ai settings passphrase' });
    const again = await call(temp.core, 'ai.status', {});
    expect(again.settings).toEqual(saved.settings);
  });

  it('redact by default for an endpoint off this machine, not for loopback; "on" redacts loopback too', async () => {
    ({ temp } = await passphraseCore());
    const remote = await call(temp.core, 'ai.settings.save', { baseUrl: 'http://example.invalid/v1', model: 'm' });
    expect(remote.redacting).toBe(true);
    expect(remote.loopback).toBe(false);
    const local = await call(temp.core, 'ai.settings.save', { baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(local.redacting).toBe(false);
    expect(local.loopback).toBe(true);
    const forced = await call(temp.core, 'ai.settings.save', { redact: 'on' });
    expect(forced.redacting).toBe(true);
  });

  it('without a keychain, seal the key in the store: it survives lock and unlock, and no row or byte holds it in the clear', async () => {
    const made = await passphraseCore();
    temp = made.temp;
    const saved = await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model', apiKey: KEY });
    expect(saved.hasApiKey).toBe(true);
    expect(saved.keyStore).toBe('store');
    expect(JSON.stringify(saved)).not.toContain(KEY);

    await call(temp.core, 'store.lock', {});
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: 'ai settings passphrase' });
    const status = await call(temp.core, 'ai.status', {});
    expect(status.hasApiKey).toBe(true);
    expect(status.keyStore).toBe('store');
    // The key still works: the fake sees it in the Authorization header of the test's calls.
    fake.requests.length = 0;
    const tested = await call(temp.core, 'ai.test', {});
    expect(tested.ok).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const r of fake.requests) expect(r.headers.authorization).toBe(`Bearer ${KEY}`);

    await temp.core.close();
    const bytes = readFileSync(join(temp.dataDir, 'hearken.db'));
    expect(bytes.includes(Buffer.from(KEY))).toBe(false);
    const raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(made.recoveryKey)).toString('hex') });
    try {
      const rows = raw.prepare("SELECT key, value FROM settings WHERE key LIKE 'ai.%'").all() as { key: string; value: string }[];
      expect(rows.map((r) => r.key).sort()).toEqual(['ai.apiKey.sealed', 'ai.apiKey.where', 'ai.settings']);
      for (const r of rows) expect(r.value).not.toContain(KEY);
      const everything = JSON.stringify(raw.prepare('SELECT * FROM settings').all());
      expect(everything).not.toContain(KEY);
    } finally {
      raw.close();
    }
    const reopened = await temp.reopen();
    await call(reopened, 'store.unlock', { method: 'passphrase', passphrase: 'ai settings passphrase' });
    expect((await call(reopened, 'ai.settings.save', { apiKey: null })).hasApiKey).toBe(false);
    expect((await call(reopened, 'ai.status', {})).keyStore).toBeNull();
  });

  it.runIf(keychain.mustRun)('put the key into the real keychain under the store, never into any status; removing it deletes the entry', async () => {
    temp = await makeTempCore({ secrets: new KeytarSecretStore() });
    await call(temp.core, 'store.create', {});
    const saved = await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model', apiKey: KEY });
    expect(saved.hasApiKey).toBe(true);
    expect(saved.keyStore).toBe('keychain');
    const account = `${readStoreId(temp.dataDir)!}:llm-api-key`;
    expect(await new KeytarSecretStore().get(account)).toBe(KEY);
    const outputs = [saved, await call(temp.core, 'ai.status', {})];
    await temp.reopen();
    await call(temp.core, 'store.unlock', { method: 'keychain' });
    outputs.push(await call(temp.core, 'ai.status', {}));
    expect(outputs[2]!.hasApiKey).toBe(true);
    for (const o of outputs) expect(JSON.stringify(o)).not.toContain(KEY);
    const removed = await call(temp.core, 'ai.settings.save', { apiKey: null });
    expect(removed.hasApiKey).toBe(false);
    expect(await new KeytarSecretStore().get(account)).toBeNull();
  });

  it('test the connection: lists the models and finds json_schema support; a closed port says what to do', async () => {
    ({ temp } = await passphraseCore());
    await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model' });
    const ok = await call(temp.core, 'ai.test', {});
    expect(ok.ok).toBe(true);
    expect(ok.models).toEqual(['fake-model', 'other-model']);
    expect(ok.modelFound).toBe(true);
    expect(ok.supports.jsonSchema).toBe('enforced');
    expect(ok.error).toBeNull();
    const logged = await call(temp.core, 'ai.log.list', {});
    expect(logged.entries.some((e) => e.purpose === 'test' && e.kind === 'llm')).toBe(true);

    const port = await closedPort();
    await call(temp.core, 'ai.settings.save', { baseUrl: `http://127.0.0.1:${port}/v1` });
    const refused = await call(temp.core, 'ai.test', {});
    expect(refused.ok).toBe(false);
    expect(refused.error).not.toBeNull();
    expect(refused.error!.code).toBe('offline');
    expect(refused.error!.message).toContain(`127.0.0.1:${port}`);
    expect(refused.error!.message).toMatch(/Start the server|check the base URL/);
  });

  it('stop at the budget: once the month is spent, triage jobs pause with "budget" and no request reaches the server', async () => {
    const made = await passphraseCore();
    temp = made.temp;
    await call(temp.core, 'demo.load', {});
    await call(temp.core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model', monthlyTokenBudget: 5000 });
    const items = (await call(temp.core, 'feedback.list', { limit: 3 })).items;
    await call(temp.core, 'ai.triage.start', { ids: [items[0]!.id] });
    await waitFor(async () => (await call(temp!.core, 'ai.triage.get', { feedbackId: items[0]!.id })).triage !== null);
    const first = await call(temp.core, 'ai.status', {});
    expect(first.budget.used).toBeGreaterThan(0);
    expect(first.budget.exhausted).toBe(false);

    // Earlier calls this month spent the rest (as another machine on this store would have).
    const raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(made.recoveryKey)).toString('hex') });
    try {
      raw.prepare("INSERT INTO ai_calls (id, at, purpose, host, model, request, outcome, prompt_tokens, completion_tokens, latency_ms) VALUES ('spent', ?, 'triage', 'elsewhere', 'fake-model', '{}', 'ok', 4000, 1000, 5)").run(Date.now());
    } finally {
      raw.close();
    }
    const spent = await call(temp.core, 'ai.status', {});
    expect(spent.budget.used).toBeGreaterThanOrEqual(5000);
    expect(spent.budget.exhausted).toBe(true);

    const seen = fake.requests.length;
    await call(temp.core, 'ai.triage.start', { ids: [items[1]!.id, items[2]!.id] });
    await waitFor(async () => (await call(temp!.core, 'ai.status', {})).queue.paused === 'budget');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.length).toBe(seen);
    const status = await call(temp.core, 'ai.status', {});
    expect(status.queue.counts.queued + status.queue.counts.waiting).toBe(2);
    expect((await call(temp.core, 'ai.triage.get', { feedbackId: items[1]!.id })).triage).toBeNull();

    // A larger budget lets them go.
    await call(temp.core, 'ai.settings.save', { monthlyTokenBudget: 1_000_000 });
    await waitFor(async () => (await call(temp!.core, 'ai.triage.get', { feedbackId: items[2]!.id })).triage !== null);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
