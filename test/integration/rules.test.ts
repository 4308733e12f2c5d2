/**
 * Routing rules through the core: the shipped set, a preview that agrees with the saved
 * rule's count and the Flagged filter, and evaluation on import and on change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/contract';
import { defaultRules } from '../../src/shared/escalation/defaults';
import type { RuleInput } from '../../src/shared/escalation/schema';
import { NoSecretStore } from '../../src/main/core/secrets';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

const now = Date.UTC(2026, 2, 10, 15, 0, 0);
let temp: TempCore;
const files = mkdtempSync(join(tmpdir(), 'hearken-rules-files-'));
const progress: EventPayload<'import.progress'>[] = [];

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  await call(temp.core, 'store.create', { passphrase: 'rules tests' });
  await call(temp.core, 'demo.load', {});
  temp.core.onEvent((name, payload) => {
    if (name === 'import.progress') progress.push(payload as EventPayload<'import.progress'>);
  });
});
afterAll(async () => {
  await temp.cleanup();
  rmSync(files, { recursive: true, force: true });
});

async function targetId(name: string): Promise<string> {
  return (await call(temp.core, 'escalation.targets.list', {})).targets.find((t) => t.name === name)!.id;
}

describe('rules', () => {
  it('seeds the shipped rules in order, suggest-only, each with its live match count', async () => {
    const { rules } = await call(temp.core, 'rules.list', {});
    expect(rules.map((r) => r.name)).toEqual(defaultRules.map((d) => d.rule.name));
    expect(rules.every((r) => r.enabled && !r.autoEscalate)).toBe(true);
    expect(rules.find((r) => r.name === 'Legal threat')?.actions.escalateTo).toBe(await targetId('Legal'));
    expect(rules.reduce((n, r) => n + r.matches, 0)).toBeGreaterThan(0);
  });

  it('previews an unsaved rule with the count it has once saved, and the Flagged filter agrees when it is the only rule', async () => {
    // Only the new rule runs, so the Flagged filter is exactly its matches.
    for (const { position: _p, matches: _m, ...r } of (await call(temp.core, 'rules.list', {})).rules) await call(temp.core, 'rules.save', { ...r, enabled: false });
    expect((await call(temp.core, 'feedback.count', { filter: { flagged: true } })).total).toBe(0);
    const rule: RuleInput = {
      name: 'Unhappy about billing',
      conditions: [{ kind: 'sentiment', labels: ['negative'], scoreAtMost: null }],
      actions: { escalateTo: await targetId('Billing'), priority: null, addTag: null },
    };
    const preview = await call(temp.core, 'rules.preview', { rule, limit: 5 });
    expect(preview.count).toBeGreaterThan(0);
    expect(preview.count).toBe((await call(temp.core, 'feedback.count', { filter: { sentiment: ['negative'] } })).total);
    expect(preview.items.length).toBe(Math.min(5, preview.count));
    const saved = await call(temp.core, 'rules.save', rule);
    expect(saved.matches).toBe(preview.count);
    const unescalatedNegative = (await call(temp.core, 'feedback.count', { filter: { sentiment: ['negative'], escalated: false } })).total;
    expect((await call(temp.core, 'feedback.count', { filter: { flagged: true } })).total).toBe(unescalatedNegative);
    const row = (await call(temp.core, 'feedback.list', { filter: { flagged: true }, limit: 1 })).items[0]!;
    expect(row.flag).toEqual({ targetName: 'Billing', explanation: expect.stringContaining('egative') });

    expect(await call(temp.core, 'rules.delete', { id: saved.id })).toEqual({ deleted: true });
    expect((await call(temp.core, 'feedback.count', { filter: { flagged: true } })).total).toBe(0);
    expect((await call(temp.core, 'rules.restoreDefaults', {})).added).toBe(0);
    for (const { position: _p, matches: _m, ...r } of (await call(temp.core, 'rules.list', {})).rules) await call(temp.core, 'rules.save', { ...r, enabled: true });
  });

  it('moves a rule to a position, the others keeping their order', async () => {
    const names = async () => (await call(temp.core, 'rules.list', {})).rules.map((r) => r.name);
    const before = await names();
    const last = (await call(temp.core, 'rules.list', {})).rules.at(-1)!;
    expect(await call(temp.core, 'rules.move', { id: last.id, position: 0 })).toEqual({ moved: true });
    expect(await names()).toEqual([last.name, ...before.slice(0, -1)]);
    await call(temp.core, 'rules.move', { id: last.id, position: 99 });
    expect(await names()).toEqual(before);
    expect(await call(temp.core, 'rules.move', { id: '01NOSUCHRULE', position: 0 })).toEqual({ moved: false });
  });

  it('refuses a rule that escalates to a team that no longer exists', async () => {
    expect(
      await callError(temp.core, 'rules.save', {
        name: 'Nowhere',
        conditions: [{ kind: 'keywords', terms: ['x'] }],
        actions: { escalateTo: '01NOSUCHTEAM', priority: null, addTag: null },
      }),
    ).toEqual({ code: 'VALIDATION', message: 'That team no longer exists.' });
  });

  it('flags an imported item that mentions a lawyer, with the reason', async () => {
    const csv = join(files, 'threats.csv');
    writeFileSync(
      csv,
      'external_id,subject,body,customer_name,customer_email,received_at\n' +
        'L1,Final warning,"Fix my account or my lawyer will be in touch.",Pat Doe,pat@example.com,2026-03-10T09:00:00Z\n' +
        'L2,Thanks,"All good now, thank you.",Sam Roe,sam@example.com,2026-03-10T09:05:00Z\n' +
        'R1,Where is my parcel,"Still waiting for it.",Rae Poe,rae@example.com,2026-03-07T09:00:00Z\n' +
        'R2,Parcel again,"Any news on it?",Rae Poe,rae@example.com,2026-03-08T09:00:00Z\n' +
        'R3,Third time,"Nobody answers me.",Rae Poe,rae@example.com,2026-03-09T09:00:00Z\n',
    );
    const { importId } = await call(temp.core, 'import.start', { grant: await grantOf(temp.core, csv) });
    for (let i = 0; i < 500 && !progress.some((p) => p.importId === importId && p.state !== 'running'); i++) await new Promise((r) => setTimeout(r, 10));
    expect((await call(temp.core, 'import.report', { importId })).counts.imported).toBe(5);
    const [threat] = (await call(temp.core, 'feedback.list', { filter: { query: 'lawyer' }, limit: 1 })).items;
    expect(threat?.flag).toEqual({ targetName: 'Legal', explanation: expect.stringContaining('lawyer') });
    expect(threat?.priority).toBe('urgent');
    const detail = await call(temp.core, 'feedback.get', { id: threat!.id });
    expect(detail.flags.map((f) => f.ruleName)).toContain('Legal threat');
    const [calm] = (await call(temp.core, 'feedback.list', { filter: { query: 'thank' }, limit: 50 })).items.filter((i) => i.subject === 'Thanks');
    expect(calm?.flag).toBeNull();
    // The third contact in three days is a repeat contact; the first is not.
    const rae = (await call(temp.core, 'feedback.list', { filter: { query: 'Rae Poe' }, limit: 10 })).items;
    const flagsOf = async (subject: string) => (await call(temp.core, 'feedback.get', { id: rae.find((i) => i.subject === subject)!.id })).flags.map((f) => f.ruleName);
    expect(await flagsOf('Third time')).toContain('Repeat contact');
    expect(await flagsOf('Where is my parcel')).not.toContain('Repeat contact');
  });

  it('never matches an item that lacks the field a condition reads (the imported ones have no product)', async () => {
    const { products } = await call(temp.core, 'feedback.facets', {});
    const total = (await call(temp.core, 'feedback.count', { filter: {} })).total;
    const withProduct = (await call(temp.core, 'feedback.count', { filter: { product: products } })).total;
    const rule: RuleInput = { name: 'Any product', conditions: [{ kind: 'product', products }], actions: { escalateTo: null, priority: null, addTag: 'has-product' } };
    const preview = await call(temp.core, 'rules.preview', { rule, limit: 0 });
    expect(preview.count).toBe(withProduct);
    expect(preview.count).toBeLessThan(total);
  });

  it('flags a VIP item once an agent marks it negative', async () => {
    const [vip] = (await call(temp.core, 'feedback.list', { filter: { vip: true, sentiment: ['positive', 'neutral'], escalated: false }, limit: 1 })).items;
    expect(vip).toBeDefined();
    expect((await call(temp.core, 'feedback.get', { id: vip!.id })).flags.map((f) => f.ruleName)).not.toContain('VIP unhappy');
    const done = await call(temp.core, 'feedback.update', { ids: [vip!.id], change: { sentiment: 'negative' } });
    const flags = (await call(temp.core, 'feedback.get', { id: vip!.id })).flags;
    expect(flags.find((f) => f.ruleName === 'VIP unhappy')).toMatchObject({ targetName: 'Customer Success', priority: 'high' });
    await call(temp.core, 'feedback.undo', { token: done.undoToken! });
    expect((await call(temp.core, 'feedback.get', { id: vip!.id })).flags.map((f) => f.ruleName)).not.toContain('VIP unhappy');
  });

  it('escalates by itself only with a rule marked auto-escalate, as the system, once', async () => {
    const legal = await targetId('Legal');
    const rule: RuleInput = {
      name: 'Auto: regulator',
      conditions: [{ kind: 'keywords', terms: ['lawyer'] }],
      actions: { escalateTo: legal, priority: null, addTag: null },
      autoEscalate: true,
    };
    const before = (await call(temp.core, 'escalations.list', { targetId: legal })).total;
    const saved = await call(temp.core, 'rules.save', rule);
    expect(saved.matches).toBeGreaterThan(0);
    const queue = await call(temp.core, 'escalations.list', { targetId: legal });
    expect(queue.total).toBe(before + saved.matches);
    expect(queue.groups[0]!.items.every((i) => i.escalation.source === 'rule' && i.escalation.rules.includes('Auto: regulator'))).toBe(true);
    // Saving again works the store out again, and an escalated item is not escalated twice.
    await call(temp.core, 'rules.save', { ...rule, id: saved.id, name: 'Auto: regulator (renamed)' });
    expect((await call(temp.core, 'escalations.list', { targetId: legal })).total).toBe(before + saved.matches);
    await call(temp.core, 'rules.delete', { id: saved.id });
  });
});
