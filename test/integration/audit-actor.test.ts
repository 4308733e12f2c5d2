/**
 * Who did it, and what the log may say, on a real encrypted store.
 * - The audit log records the transport's actor: the window's calls (no meta) as `agent`,
 *   a call made with `{ actor: 'cli' }` and every call of a CLI session as `cli`.
 * - With every call forced "slow" and the log at debug, the log names channels and shows
 *   SQL and plans, but holds no customer text, no input body and no key material.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliSession } from '../../src/cli/session';
import { configureLog, type LogRecord } from '../../src/main/core/log';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import type { DB } from '../../src/main/core/store/db';
import { call } from '../helpers/results';
import { makeTempCore, type TempCore } from '../support/core';

const PASSPHRASE = 'correct horse battery staple 7731';
const FILTER = { status: ['open' as const] };

const temps: TempCore[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const temp of temps.splice(0)) await temp.cleanup();
});

async function newStore(): Promise<{ temp: TempCore; recoveryKey: string }> {
  const temp = await makeTempCore({ secrets: new NoSecretStore() });
  temps.push(temp);
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  return { temp, recoveryKey };
}

function keyHexOf(recoveryKey: string): string {
  return databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex');
}

/** A second connection, to read the audit log as it is stored. */
function auditLog(temp: TempCore, recoveryKey: string): { actor: string; action: string; detail: string | null }[] {
  const db: DB = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: keyHexOf(recoveryKey) });
  try {
    return db.prepare('SELECT actor, action, detail FROM audit_events ORDER BY id').all() as { actor: string; action: string; detail: string | null }[];
  } finally {
    db.close();
  }
}

describe('the actor in the audit log', () => {
  it('is agent for the window, cli for a call that says so and for every CLI session call', async () => {
    const { temp, recoveryKey } = await newStore();
    await call(temp.core, 'views.save', { name: 'From the window', filter: FILTER });
    const viaMeta = await temp.core.invoke('views.save', { name: 'Said cli', filter: FILTER }, { actor: 'cli' });
    expect(viaMeta.ok).toBe(true);

    vi.stubEnv('HEARKEN_TEST_PASSPHRASE', PASSPHRASE);
    const session = await CliSession.open({ dataDir: temp.dataDir, passphraseEnv: 'HEARKEN_TEST_PASSPHRASE' }, new NoSecretStore());
    try {
      await session.unlock();
      const view = await session.call('views.save', { name: 'From the terminal', filter: FILTER });
      // A command that reaches past call() to the core itself (import's cancel does) is the CLI's too.
      const removed = await session.core.invoke('views.delete', { id: view.id });
      expect(removed).toEqual({ ok: true, value: { deleted: true } });
    } finally {
      await session.core.close();
    }

    const rows = auditLog(temp, recoveryKey).map(({ actor, action, detail }) => [actor, action, detail && (JSON.parse(detail) as { name?: string }).name]);
    expect(rows).toEqual([
      ['agent', 'store.created', undefined],
      ['agent', 'view.created', 'From the window'],
      ['cli', 'view.created', 'Said cli'],
      ['cli', 'store.unlocked', undefined],
      ['cli', 'view.created', 'From the terminal'],
      ['cli', 'view.deleted', null],
    ]);
  });
});

describe('the log on a real store', () => {
  it('names the channel and the plan of a slow query, and never a customer word, an input body or a key', async () => {
    const lines: LogRecord[] = [];
    const restore = configureLog({ sink: (r) => lines.push(r), level: 'debug', slowQueryMs: 0 });
    let secrets: string[];
    try {
      const { temp, recoveryKey } = await newStore();
      const core = temp.core;
      await call(core, 'demo.load', {});

      const page = await call(core, 'feedback.list', { filter: {}, limit: 5 });
      expect(page.items.length).toBeGreaterThan(0);
      const item = await call(core, 'feedback.get', { id: page.items[0]!.id });
      await call(core, 'feedback.list', { filter: { query: 'Quillfeather parcel' }, limit: 5 });
      await call(core, 'feedback.update', { ids: [item.id], change: { assignee: 'Ottoline Wrenfield', addTags: ['tag-zephyrine'] } });
      await call(core, 'replies.send', { feedbackId: item.id, body: 'Dear customer, your Marzipanowl refund is on its way.', suggestion: null });
      await call(core, 'templates.save', { name: 'Glimmerstone thanks', language: 'en', topics: [], keywords: 'glimmerstone', body: 'Thanks {{customer.first_name}}, Glimmerstone here.' });
      await call(core, 'profile.save', { agentName: 'Perpetua Saltmarsh' });
      await call(core, 'store.lock', {});
      await call(core, 'store.unlock', { method: 'recovery', recoveryKey });
      await call(core, 'store.lock', {});
      await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
      await call(core, 'feedback.stats', {});

      secrets = [
        PASSPHRASE,
        recoveryKey,
        recoveryKey.replaceAll('-', ''),
        keyHexOf(recoveryKey),
        item.body.slice(0, 40),
        ...(item.subject ? [item.subject] : []),
        ...(item.customer ? [item.customer.name, ...(item.customer.email ? [item.customer.email] : [])] : []),
        'Quillfeather',
        'Ottoline',
        'zephyrine',
        'Marzipanowl',
        'Glimmerstone',
        'Perpetua',
      ];
      // Slow lines are written after the answer has gone.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      restore();
    }

    const slow = lines.filter((l) => l.msg === 'slow query');
    const channels = new Set(slow.map((l) => l.fields.channel));
    for (const channel of ['demo.load', 'feedback.list', 'feedback.get', 'feedback.update', 'replies.send', 'templates.save', 'profile.save', 'feedback.stats']) {
      expect(channels, channel).toContain(channel);
    }
    const search = slow.find((l) => l.fields.channel === 'feedback.list' && JSON.stringify(l.fields.statements).includes('feedback_fts MATCH ?'));
    expect(search).toBeDefined();
    expect(JSON.stringify(search!.fields.statements)).toMatch(/"plan":\["[^"]*(SCAN|SEARCH)/);
    expect(slow.every((l) => l.level === 'warn')).toBe(true);

    const text = JSON.stringify(lines).toLowerCase();
    for (const secret of secrets) expect(text, `the log holds "${secret}"`).not.toContain(secret.toLowerCase());
  });
});
