/**
 * A whole session on a real core with a passphrase store and an API key, collecting
 * everything it says: each channel's answer (errors included), each event, each log
 * record at debug with every call "slow", and whatever reached the console or stderr.
 * The two answers that exist to show a recovery key (store.create, keys.rotate) are kept
 * apart. Files are written to `outDir`; the store lives in `temp.dataDir`.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { configureLog, type LogRecord } from '../../src/main/core/log';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import type { FakeOpenAi } from '../support/fake-openai';
import { grantOf } from './grants';
import { writeSyntheticCsv } from './results';

export interface CoreSecrets {
  apiKey: string;
  passphrase: string;
  nextPassphrase: string;
}

export interface CoreSession {
  temp: TempCore;
  recoveryKeys: { first: string; rotated: string };
  /** Every other answer, log record, event and console or stderr write, as JSON text. */
  said: { what: string; text: string }[];
  /** Backups by the recovery key they open with. */
  backups: { first: string; rotated: string };
  /** The bodies and headers the fake server received (the key must be in them: it was used). */
  sentKey: boolean;
}

export async function deadBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function runCoreSession(fake: FakeOpenAi, secrets: CoreSecrets, inDir: string, outDir: string): Promise<CoreSession> {
  const said: { what: string; text: string }[] = [];
  const note = (what: string, value: unknown): void => void said.push({ what, text: typeof value === 'string' ? value : JSON.stringify(value) });
  const restoreLog = configureLog({ sink: (r: LogRecord) => note('log', r), level: 'debug', slowQueryMs: 0 });
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => note(`console.${m}`, args.map(String).join(' ')))),
    ...([process.stdout, process.stderr] as const).map((stream) => {
      const write = stream.write.bind(stream);
      return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
        note('stdio', String(chunk));
        return write(chunk as string, ...rest);
      }) as typeof stream.write);
    }),
  ];
  const temp = await makeTempCore({ secrets: new NoSecretStore(), core: { ai: { offlineProbeMs: 100 } } });
  const core: HostCore = temp.core;
  core.onEvent((name, payload) => note(`event ${name}`, payload));
  const invoke = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C> | null> => {
    const answer = await core.invoke(channel, input);
    if (channel !== 'store.create' && channel !== 'keys.rotate') note(`answer ${channel}`, answer);
    return answer.ok ? (answer.value as ChannelOutput<C>) : null;
  };
  const must = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const value = await invoke(channel, input);
    if (value === null) throw new Error(`${channel} failed: ${said.at(-1)?.text}`);
    return value;
  };
  const idle = (): Promise<void> =>
    until(async () => {
      const { counts } = (await must('ai.status', {})).queue;
      return counts.queued + counts.running + counts.waiting === 0;
    }, 'the AI queue');
  try {
    const first = (await must('store.create', { passphrase: secrets.passphrase })).recoveryKey;
    const csv = join(inDir, 'feedback.csv');
    writeSyntheticCsv(csv, 12, 19);
    const { importId } = await must('import.start', { grant: await grantOf(core, csv) });
    await until(async () => (await invoke('import.report', { importId }))?.state === 'done', 'the import');
    const ids = (await must('feedback.list', { limit: 3 })).items.map((i) => i.id);

    await must('ai.settings.save', { enabled: true, baseUrl: fake.baseUrl, model: 'fake-model', apiKey: secrets.apiKey, redact: 'off' });
    await must('ai.test', {});
    // A server that echoes the key it refused, in its error body, once.
    fake.enqueue({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${secrets.apiKey}` } }) });
    // And once where the 300 characters of its message kept end inside the key.
    const cut = 300 - Math.ceil(secrets.apiKey.length * 0.75);
    fake.enqueue({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: `${'.'.repeat(cut)}${secrets.apiKey}` } }) });
    await must('ai.triage.start', { ids });
    await idle();
    await must('ai.jobs.list', {});
    await must('ai.log.list', {});

    mkdirSync(outDir, { recursive: true });
    const backupFirst = await must('backup.create', {});
    await must('export.rows', { filter: {}, format: 'jsonl', grant: await grantOf(core, join(outDir, 'rows.jsonl'), 'write') });
    await must('export.rows', { filter: {}, format: 'csv', grant: await grantOf(core, join(outDir, 'rows.csv'), 'write') });
    const scope = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2026, 0, 1) };
    await must('reports.export', { scope, format: 'html', grant: await grantOf(core, join(outDir, 'report.html'), 'write') });
    await must('reports.export', { scope, format: 'csv', grant: await grantOf(core, join(outDir, 'report-tables'), 'write-folder') });
    await must('ai.log.export', { grant: await grantOf(core, join(outDir, 'ai-log.jsonl'), 'write') });
    await must('templates.export', { grant: await grantOf(core, join(outDir, 'templates.json'), 'write') });

    const rotated = (await must('keys.rotate', { confirm: true, passphrase: secrets.passphrase })).recoveryKey;
    await must('keys.changePassphrase', { current: secrets.passphrase, next: secrets.nextPassphrase });
    const backupRotated = await must('backup.create', {});
    // A restore keeps the store aside as one more backup, with its own side file.
    await must('backup.restore', { name: backupRotated.name });
    // Errors: the old passphrase and recovery key, a mangled key, the old backup's key, a dead endpoint.
    await invoke('keys.changePassphrase', { current: secrets.passphrase, next: secrets.nextPassphrase });
    await invoke('backup.verify', { name: backupFirst.name });
    await must('store.lock', {});
    await invoke('store.unlock', { method: 'passphrase', passphrase: secrets.passphrase });
    await invoke('store.unlock', { method: 'recovery', recoveryKey: first });
    await invoke('store.unlock', { method: 'recovery', recoveryKey: `${rotated.slice(0, -1)}#` });
    await must('store.unlock', { method: 'recovery', recoveryKey: rotated });
    await must('store.lock', {});
    await must('store.unlock', { method: 'passphrase', passphrase: secrets.nextPassphrase });
    await must('ai.settings.save', { baseUrl: await deadBaseUrl() });
    await invoke('ai.test', {});
    await must('ai.triage.start', { ids: ids.slice(1, 2), force: true });
    await new Promise((r) => setTimeout(r, 300));
    for (const channel of ['ai.status', 'keys.status', 'backup.list', 'store.status', 'store.health', 'app.info'] as const) await invoke(channel, {});
    await must('store.lock', {});
    const sentKey = fake.requests.some((r) => r.headers.authorization === `Bearer ${secrets.apiKey}`);
    return { temp, recoveryKeys: { first, rotated }, said, backups: { first: backupFirst.file, rotated: backupRotated.file }, sentKey };
  } finally {
    restoreLog();
    for (const spy of spies) spy.mockRestore();
  }
}
