/**
 * The grep test: with an API key saved, every way out of the core (each invoke's answer,
 * each event pushed to the window, the core's log lines, the exported call log, every audit
 * row, every ai_calls row, and the CLI's `ai jobs --json` and `ai log --json`) is searched
 * for the key, and none holds it. The fake server received it only in the Authorization
 * header: never in a body or a URL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { configureLog, formatLine } from '../../src/main/core/log';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';

const KEY = 'sk-test-SECRET-1234567890';
const PASSPHRASE = 'privacy passphrase';
const root = fileURLToPath(new URL('../../', import.meta.url));
const inbox = fileURLToPath(new URL('../fixtures/ai/inbox.json', import.meta.url));
let temp: TempCore;
let fake: FakeOpenAi;
let scratch: string;
let recoveryKey: string;
let restoreLog: () => void;
const seen: string[] = [];

/** Every answer is kept for the grep, failing ones too. */
async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.invoke(channel, input);
  seen.push(`invoke ${channel}: ${JSON.stringify(result)}`);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

async function idle(core: Core): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    const { counts } = (await call(core, 'ai.status', {})).queue;
    if (counts.queued + counts.running + counts.waiting === 0) return;
    if (Date.now() > until) throw new Error('the queue did not drain');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  restoreLog = configureLog({ level: 'debug', sink: (record) => seen.push(`log ${formatLine(record)}`) });
  fake = await startFakeOpenAi({ models: ['fake-model'] });
  scratch = mkdtempSync(join(tmpdir(), 'hearken-ai-privacy-'));
  temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox, core: { ai: { offlineProbeMs: 100 } } });
  temp.core.onEvent((name, payload) => seen.push(`event ${name}: ${JSON.stringify(payload)}`));
  ({ recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE }));
  await call(temp.core, 'demo.load', {});
});
afterAll(async () => {
  restoreLog();
  await temp.cleanup();
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the API key never leaves through an output', () => {
  it('is in no answer, event, log line, export, audit row or call row; the server got it only as the bearer token', async () => {
    const core = temp.core;
    await call(core, 'ai.settings.save', { baseUrl: fake.baseUrl, model: 'fake-model', apiKey: KEY, redact: 'on' });
    await call(core, 'ai.status', {});
    await call(core, 'ai.test', {});
    const items = (await call(core, 'feedback.list', { limit: 10 })).items;
    await call(core, 'ai.triage.start', { ids: items.map((i) => i.id) });
    await idle(core);
    // A failing call too: its error must not quote the request's headers.
    fake.enqueue({ kind: 'status', status: 401, body: '{"error":{"message":"bad key"}}' });
    await call(core, 'ai.triage.start', { ids: [items[0]!.id], force: true });
    await idle(core);
    await call(core, 'ai.draft.start', { feedbackId: items[1]!.id, tone: 'formal' });
    await idle(core);
    await call(core, 'ai.draft.get', { feedbackId: items[1]!.id });
    await call(core, 'ai.triage.get', { feedbackId: items[0]!.id });
    await call(core, 'ai.jobs.list', {});
    await call(core, 'ai.log.list', { limit: 1000 });
    const file = join(scratch, 'ai-log.jsonl');
    const grant = await temp.core.grantFile(file, 'write');
    if (!grant.ok) throw new Error(grant.error.message);
    const exported = await call(core, 'ai.log.export', { grant: grant.value.grant });
    expect(exported.count).toBeGreaterThan(0);
    seen.push(`export ${readFileSync(file, 'utf8')}`);

    // The CLI on the same store, after this core let go of it.
    await core.close();
    const env = { ...process.env, HK_PASS: PASSPHRASE, HEARKEN_NO_KEYCHAIN: '1', HEARKEN_LOG_LEVEL: 'debug' };
    for (const args of [['ai', 'jobs', '--json'], ['ai', 'log', '--json']]) {
      const run = spawnSync(process.execPath, ['bin/hearken.mjs', ...args, '--data-dir', temp.dataDir, '--passphrase-env', 'HK_PASS'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      seen.push(`cli ${args.join(' ')}: ${run.stdout}\n${run.stderr}`);
    }

    const raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
    try {
      const audit = raw.prepare('SELECT * FROM audit_events').all();
      const calls = raw.prepare('SELECT * FROM ai_calls').all() as { request: string }[];
      expect(calls.length).toBeGreaterThan(2);
      expect(audit.length).toBeGreaterThan(0);
      seen.push(`audit ${JSON.stringify(audit)}`, `calls ${JSON.stringify(calls)}`);
      seen.push(`jobs ${JSON.stringify(raw.prepare('SELECT * FROM ai_jobs').all())}`, `drafts ${JSON.stringify(raw.prepare('SELECT * FROM ai_drafts').all())}`);
    } finally {
      raw.close();
    }

    expect(seen.some((s) => s.startsWith('event ai.log.added'))).toBe(true);
    expect(seen.some((s) => s.startsWith('log '))).toBe(true);
    const leaks = seen.filter((s) => s.includes(KEY) || s.includes('SECRET-1234567890'));
    expect(leaks).toEqual([]);

    const chats = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThan(2);
    for (const r of fake.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(r.raw).not.toContain(KEY);
      expect(r.path).not.toContain(KEY);
      const otherHeaders = Object.entries(r.headers).filter(([name]) => name !== 'authorization');
      expect(JSON.stringify(otherHeaders)).not.toContain(KEY);
    }
  });
});
