/**
 * A rule change works the whole store out again in steps: the core answers other calls
 * between batches (a large store stays usable), and a newer change ends an older run
 * instead of both running to the end, so the window hears of the outcome once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { NoSecretStore } from '../../src/main/core/secrets';
import { REFRESH_BATCH } from '../../src/main/core/store/derived';
import { makeTempCore, type TempCore } from '../support/core';
import { call, writeSyntheticCsv } from '../helpers/results';

const ROWS = REFRESH_BATCH * 2 + 500;
let temp: TempCore;
let scratch: string;
const events: { name: string; payload: unknown }[] = [];

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 6_000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'hearken-rules-refresh-'));
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: 'rules refresh tests' });
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  const file = join(scratch, 'items.csv');
  writeSyntheticCsv(file, ROWS, 7);
  const grant = await temp.core.grantFile(file, 'read');
  if (!grant.ok) throw new Error(grant.error.message);
  const { importId } = await call(temp.core, 'import.start', { grant: grant.value.grant });
  await until(
    () => events.some((e) => e.name === 'import.progress' && (e.payload as EventPayload<'import.progress'>).importId === importId && (e.payload as EventPayload<'import.progress'>).state !== 'running'),
    'the import',
  );
  expect((await call(temp.core, 'feedback.count', {})).total).toBe(ROWS);
}, 180_000);
afterAll(async () => {
  await temp.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const billingRule = (terms: string[]) => ({
  name: 'Billing words',
  match: 'any' as const,
  conditions: [{ kind: 'keywords' as const, terms, match: 'any' as const }],
  actions: { escalateTo: null, priority: null, addTag: 'billing-words' },
});

describe('working the store out again after a rule change', () => {
  it('answers other calls between batches, and the saved rule then counts every match', async () => {
    let settled = false;
    const saving = call(temp.core, 'rules.save', billingRule(['invoice', 'charged'])).finally(() => (settled = true));
    // A turn of the event loop: a run that held the thread to the end would have settled by now.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    const during = await call(temp.core, 'feedback.count', { filter: { status: ['open'] } });
    expect(during.total).toBeGreaterThan(0);
    expect(settled).toBe(false);
    const saved = await saving;
    const preview = await call(temp.core, 'rules.preview', { rule: billingRule(['invoice', 'charged']), limit: 0 });
    expect(saved.matches).toBeGreaterThan(0);
    expect(saved.matches).toBe(preview.count);
  }, 120_000);

  it('ends an older run when a newer change comes, and announces the outcome once', async () => {
    const { rules } = await call(temp.core, 'rules.list', {});
    const rule = rules.find((r) => r.name === 'Billing words')!;
    const before = events.length;
    const first = call(temp.core, 'rules.save', { id: rule.id, ...billingRule(['refund']) });
    await new Promise((r) => setImmediate(r));
    const second = call(temp.core, 'rules.save', { id: rule.id, ...billingRule(['password', 'login']) });
    await Promise.all([first, second]);
    const announced = events.slice(before).filter((e) => e.name === 'feedback.changed' && (e.payload as { reason: string }).reason === 'rules');
    expect(announced).toHaveLength(1);
    const now = (await call(temp.core, 'rules.list', {})).rules.find((r) => r.id === rule.id)!;
    expect(now.matches).toBe((await call(temp.core, 'rules.preview', { rule: billingRule(['password', 'login']), limit: 0 })).count);
  }, 120_000);
});
