/**
 * The LLM from a terminal, as a team lead's script would use it, against the fake server on
 * 127.0.0.1: `ai set` with the key from an environment variable (never argv), `ai test`,
 * `ai triage --all --wait --json`, `ai jobs --json`, `ai log --json` and `ai draft ID`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { expectNoStackTrace } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearken-cli-ai-'));
const dataDir = join(dir, 'inbox');
const KEY = 'sk-test-CLI-key-0987654321';
const env = { ...process.env, HK_PASS: 'correct horse battery staple', HEARKEN_NO_KEYCHAIN: '1', LLM_KEY: KEY };
let fake: FakeOpenAi;

/**
 * Runs the CLI without blocking this process: the fake server answers from this event loop,
 * so a synchronous spawn would leave every call the CLI makes hanging.
 */
function hearken(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hearken.mjs', ...args, '--data-dir', dataDir, '--passphrase-env', 'HK_PASS'], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 180_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const run = { status, stdout, stderr };
      expectNoStackTrace(run);
      resolve(run);
    });
  });
}
async function json<T>(args: string[]): Promise<T> {
  const run = await hearken([...args, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model'] });
  expect((await hearken(['init'])).status).toBe(0);
  expect((await hearken(['demo'])).status).toBe(0);
}, 240_000);
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Status {
  settings: { enabled: boolean; baseUrl: string; model: string; purposeModels: { triage: string }; redact: string };
  hasApiKey: boolean;
  keyStore: string | null;
  redacting: boolean;
}

describe('hearken ai', () => {
  it('sets the endpoint with the key from an environment variable, and tests it', async () => {
    const status = await json<Status>(['ai', 'set', '--base-url', fake.baseUrl, '--model', 'fake-model', '--purpose-model', 'triage=fake-model', '--api-key-env', 'LLM_KEY', '--redact', 'on']);
    expect(status.settings).toMatchObject({ enabled: true, baseUrl: fake.baseUrl, model: 'fake-model', redact: 'on' });
    expect(status.settings.purposeModels.triage).toBe('fake-model');
    expect(status.hasApiKey).toBe(true);
    expect(status.keyStore).toBe('store');
    expect(status.redacting).toBe(true);
    expect(JSON.stringify(status)).not.toContain(KEY);

    const missing = await hearken(['ai', 'set', '--api-key-env', 'NO_SUCH_VARIABLE']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('NO_SUCH_VARIABLE');

    const tested = await hearken(['ai', 'test']);
    expect(tested.status, tested.stderr).toBe(0);
    expect(tested.stdout).toContain('fake-model');
    expect(tested.stdout).toMatch(/json_schema\): enforced/);
    expect(fake.requests.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  }, 120_000);

  it('triages every item and waits for the queue; jobs and the log read back as JSON', async () => {
    const done = await json<{ queued: number; failed: number; triaged: { feedbackId: string; confidence: string }[] }>(['ai', 'triage', '--all', '--wait']);
    expect(done.queued).toBeGreaterThan(10);
    expect(done.failed).toBe(0);
    expect(done.triaged.length).toBe(done.queued);
    expect(done.triaged.every((t) => t.confidence === 'medium')).toBe(true);

    const jobs = await json<{ jobs: { state: string; purpose: string }[]; queue: { counts: { queued: number } } }>(['ai', 'jobs']);
    expect(jobs.queue.counts.queued).toBe(0);
    // Newest first, the default 200 of them.
    expect(jobs.jobs.length).toBe(Math.min(200, done.queued));
    expect(jobs.jobs.every((j) => j.purpose === 'triage' && j.state === 'done')).toBe(true);

    const log = await json<{ total: number; entries: { kind: string; purpose: string; request: string }[] }>(['ai', 'log']);
    expect(log.total).toBeGreaterThanOrEqual(done.queued);
    expect(log.entries.some((e) => e.kind === 'llm' && e.purpose === 'triage')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(KEY);

    const again = await json<{ queued: number; cached: number }>(['ai', 'triage', '--all']);
    expect(again.queued).toBe(0);
    expect(again.cached).toBe(done.queued);
  }, 240_000);

  it('without --wait, queues and sends nothing; a command that waits runs what was queued', async () => {
    const chats = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const list = await json<{ items: { id: string }[] }>(['list', '--view', 'inbox', '--limit', '1']);
    const id = list.items[0]!.id;
    const before = chats();
    const queued = await json<{ queued: number }>(['ai', 'triage', '--id', id, '--force']);
    expect(queued.queued).toBe(1);
    const jobs = await json<{ queue: { counts: { queued: number } } }>(['ai', 'jobs']);
    expect(jobs.queue.counts.queued).toBe(1);
    expect(chats()).toBe(before);

    // A command that waits sends from its unlock: the earlier job runs, then its own.
    const waited = await json<{ failed: number }>(['ai', 'triage', '--id', id, '--force', '--wait']);
    expect(waited.failed).toBe(0);
    const after = await json<{ jobs: { feedbackId: string | null; state: string }[]; queue: { counts: { queued: number } } }>(['ai', 'jobs']);
    expect(after.queue.counts.queued).toBe(0);
    const forItem = after.jobs.filter((j) => j.feedbackId === id);
    expect(forItem.length).toBeGreaterThanOrEqual(2);
    expect(forItem.every((j) => j.state === 'done')).toBe(true);
  }, 120_000);

  it('drafts a reply and prints its text', async () => {
    const list = await json<{ items: { id: string }[] }>(['list', '--view', 'inbox', '--limit', '1']);
    const run = await hearken(['ai', 'draft', list.items[0]!.id, '--tone', 'brief']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(10);
    const bad = await hearken(['ai', 'draft', list.items[0]!.id, '--tone', 'sarcastic']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('friendly, formal, brief, apologetic');
  }, 120_000);
});
