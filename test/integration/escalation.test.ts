/**
 * Escalating through the core: a real encrypted store with the demo inbox, a clock the
 * test holds still (so an item's SLA clocks read the same before and after an undo).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreListener } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { EscalationTarget, OutboundEntry } from '../../src/shared/escalation/schema';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

let now = Date.UTC(2026, 2, 10, 15, 0, 0);
let temp: TempCore;
let targets: EscalationTarget[];
const target = (name: string): EscalationTarget => targets.find((t) => t.name === name)!;

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), core: { clock: () => now } });
  await call(temp.core, 'store.create', { passphrase: 'escalation tests' });
  await call(temp.core, 'demo.load', {});
  targets = (await call(temp.core, 'escalation.targets.list', {})).targets;
});
afterAll(() => temp.cleanup());

async function ids(n: number, filter = {}): Promise<string[]> {
  return (await call(temp.core, 'feedback.list', { filter, limit: n })).items.map((i) => i.id);
}

describe('escalation', () => {
  it('seeds the shipped teams in order', () => {
    expect(targets.map((t) => t.name)).toEqual(['Tier 2', 'Billing', 'Engineering', 'Legal', 'Customer Success']);
    expect(targets.every((t) => !t.webhookEnabled && t.open === 0)).toBe(true);
  });

  it('escalates a resolved item: it is open, escalated, at the chosen priority and in the queue under its team; undo puts all of it back', async () => {
    const [id] = await ids(1, { status: ['resolved'], escalated: false });
    const before = await call(temp.core, 'feedback.get', { id: id! });
    const seen: Parameters<CoreListener>[] = [];
    const stop = temp.core.onEvent((...args) => seen.push(args));

    const done = await call(temp.core, 'escalation.create', { ids: [id!], targetId: target('Billing').id, reason: 'Refund over the limit', priority: 'urgent' });
    expect(done).toEqual({ escalated: 1, undoToken: expect.any(String), webhooksQueued: 0 });
    const item = await call(temp.core, 'feedback.get', { id: id! });
    expect(item).toMatchObject({ status: 'open', escalated: true, priority: 'urgent' });
    expect(item.escalation).toMatchObject({ targetName: 'Billing', reason: 'Refund over the limit', priority: 'urgent', state: 'open', source: 'person', createdAt: now });
    expect(seen).toContainEqual(['feedback.changed', { reason: 'escalation', ids: [id] }]);
    expect(seen).toContainEqual(['escalations.changed', {}]);

    const queue = await call(temp.core, 'escalations.list', {});
    const billing = queue.groups.find((g) => g.target.name === 'Billing');
    expect(billing?.items.map((i) => i.item.id)).toContain(id);
    expect(billing?.items.find((i) => i.item.id === id)?.item.escalated).toBe(true);
    expect((await call(temp.core, 'escalation.targets.list', {})).targets.find((t) => t.name === 'Billing')?.open).toBe(1);

    await call(temp.core, 'feedback.undo', { token: done.undoToken! });
    expect(await call(temp.core, 'feedback.get', { id: id! })).toEqual(before);
    expect((await call(temp.core, 'escalations.list', {})).total).toBe(0);
    expect((await call(temp.core, 'escalations.list', { state: 'closed' })).total).toBe(0);
    stop();
  });

  it('escalates five at once and undoes all five', async () => {
    const five = await ids(5, { status: ['open', 'pending'], escalated: false });
    const before = await Promise.all(five.map((id) => call(temp.core, 'feedback.get', { id })));
    const done = await call(temp.core, 'escalation.create', { ids: five, targetId: target('Tier 2').id, reason: 'Needs a specialist', priority: 'high' });
    expect(done.escalated).toBe(5);
    const queue = await call(temp.core, 'escalations.list', {});
    expect(queue.total).toBe(5);
    expect(queue.groups.map((g) => [g.target.name, g.total])).toEqual([['Tier 2', 5]]);
    const created = queue.groups[0]!.items.map((i) => i.escalation.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect((await call(temp.core, 'feedback.count', { filter: { escalated: true } })).total).toBeGreaterThanOrEqual(5);
    await call(temp.core, 'feedback.undo', { token: done.undoToken! });
    expect(await Promise.all(five.map((id) => call(temp.core, 'feedback.get', { id })))).toEqual(before);
    expect((await call(temp.core, 'escalations.list', {})).total).toBe(0);
  });

  it('reassigns, de-escalates and resolves from the queue, each undoable', async () => {
    const three = await ids(3, { status: ['open'], escalated: false });
    await call(temp.core, 'escalation.create', { ids: three, targetId: target('Tier 2').id, reason: 'Specialist', priority: 'high' });
    const escalationOf = async (id: string) => (await call(temp.core, 'feedback.get', { id })).escalation;
    const [a, b, c] = await Promise.all(three.map(escalationOf));

    const moved = await call(temp.core, 'escalations.update', { ids: [a!.id], action: 'reassign', targetId: target('Engineering').id });
    expect(moved.updated).toBe(1);
    expect((await escalationOf(three[0]!))?.targetName).toBe('Engineering');
    await call(temp.core, 'feedback.undo', { token: moved.undoToken! });
    expect((await escalationOf(three[0]!))?.targetName).toBe('Tier 2');

    now += 60_000;
    await call(temp.core, 'escalations.update', { ids: [b!.id], action: 'deescalate' });
    expect(await call(temp.core, 'feedback.get', { id: three[1]! })).toMatchObject({ escalated: false, status: 'open', escalation: null });

    const resolved = await call(temp.core, 'escalations.update', { ids: [c!.id], action: 'resolve' });
    expect(await call(temp.core, 'feedback.get', { id: three[2]! })).toMatchObject({ escalated: false, status: 'resolved', escalation: null, sla: null });
    const closed = await call(temp.core, 'escalations.list', { state: 'closed' });
    expect(closed.groups.flatMap((g) => g.items.map((i) => [i.item.id, i.escalation.state]))).toEqual(
      expect.arrayContaining([
        [three[1], 'deescalated'],
        [three[2], 'resolved'],
      ]),
    );
    await call(temp.core, 'feedback.undo', { token: resolved.undoToken! });
    expect(await call(temp.core, 'feedback.get', { id: three[2]! })).toMatchObject({ escalated: true, status: 'open', escalation: { id: c!.id, state: 'open' } });

    const stats = await call(temp.core, 'escalations.stats', {});
    expect(stats.escalated).toBeGreaterThanOrEqual(3);
    expect(stats.byTarget.find((t) => t.target === 'Tier 2')?.count).toBeGreaterThanOrEqual(3);
    expect(stats.medianTimeInEscalationMs).toBe(60_000);
  });

  it('prefills from the rules that match, and says how many of a selection are escalated already', async () => {
    const [flagged] = await ids(1, { flagged: true });
    expect(flagged).toBeDefined();
    const item = await call(temp.core, 'feedback.get', { id: flagged! });
    const first = item.flags.find((f) => f.targetId !== null)!;
    const prefill = await call(temp.core, 'escalation.prefill', { ids: [flagged!] });
    expect(prefill).toMatchObject({ targetId: first.targetId, reason: first.explanation, alreadyEscalated: 0 });
    expect(prefill.flags).toEqual(item.flags);
  });

  it('keeps team names unique and refuses to delete a team that open escalations or rules name', async () => {
    expect(await callError(temp.core, 'escalation.targets.save', { name: 'billing' })).toEqual({ code: 'VALIDATION', message: 'A team named Billing exists.' });
    const open = (await call(temp.core, 'escalations.list', {})).groups[0]!;
    const refusal = await callError(temp.core, 'escalation.targets.delete', { id: open.target.id });
    expect(refusal.code).toBe('VALIDATION');
    expect(refusal.message).toContain(`${open.total} open escalation`);
    const made = await call(temp.core, 'escalation.targets.save', { name: 'Partners', email: 'partners@example.com' });
    expect(made).toMatchObject({ name: 'Partners', email: 'partners@example.com', webhookEnabled: false, open: 0 });
    expect(await call(temp.core, 'escalation.targets.delete', { id: made.id })).toEqual({ deleted: true });
  });

  it('builds the handoff packet with a mailto link only for a team with an address', async () => {
    const [id] = await ids(1, { escalated: false });
    const withMail = await call(temp.core, 'escalation.targets.save', { name: 'Vendors', email: 'vendors@example.com' });
    const packet = await call(temp.core, 'escalation.handoff', { feedbackId: id!, targetId: withMail.id, reason: 'Vendor bug' });
    expect(packet.markdown).toContain('Vendor bug');
    expect(packet.mailto).toMatch(/^mailto:vendors@example\.com\?/);
    expect((await call(temp.core, 'escalation.handoff', { feedbackId: id!, targetId: target('Legal').id })).mailto).toBeNull();
  });

  it('saves the handoff packet as Markdown or as an unsent e-mail through a write grant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-handoff-'));
    try {
      const [id] = await ids(1, { escalated: false });
      const md = join(dir, 'packet.md');
      expect(await call(temp.core, 'escalation.saveHandoff', { feedbackId: id!, format: 'md', grant: await grantOf(temp.core, md, 'write'), targetId: target('Legal').id, reason: 'Threat of a lawsuit' })).toEqual({
        fileName: 'packet.md',
      });
      const markdown = readFileSync(md, 'utf8');
      expect(markdown).toContain('Threat of a lawsuit');
      expect(markdown).toBe((await call(temp.core, 'escalation.handoff', { feedbackId: id!, targetId: target('Legal').id, reason: 'Threat of a lawsuit' })).markdown);
      const eml = join(dir, 'packet.eml');
      await call(temp.core, 'escalation.saveHandoff', { feedbackId: id!, format: 'eml', grant: await grantOf(temp.core, eml, 'write'), targetId: target('Legal').id, reason: 'Threat of a lawsuit' });
      const mail = readFileSync(eml, 'utf8');
      expect(mail).toMatch(/^Subject: /m);
      expect(mail).toMatch(/^X-Unsent: 1/m);
      expect(await callError(temp.core, 'escalation.saveHandoff', { feedbackId: id!, format: 'md', grant: await grantOf(temp.core, md) })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('posts one webhook per escalation after the change is stored, and logs exactly what it sent', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=secret`;
      const team = await call(temp.core, 'escalation.targets.save', { name: 'Hooked', webhookUrl: url, webhookEnabled: true });
      const sent: OutboundEntry[] = [];
      const stop = temp.core.onEvent((name, payload) => {
        if (name === 'outbound.sent') sent.push((payload as { entry: OutboundEntry }).entry);
      });
      const two = await ids(2, { escalated: false, status: ['open'] });
      const done = await call(temp.core, 'escalation.create', { ids: two, targetId: team.id, reason: 'Partner API down', priority: 'high' });
      expect(done).toMatchObject({ escalated: 2, webhooksQueued: 2 });
      for (let i = 0; i < 500 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      stop();
      expect(sent.map((e) => [e.outcome, e.status, e.host])).toEqual([
        ['sent', 204, expect.stringMatching(/^127\.0\.0\.1:\d+$/)],
        ['sent', 204, expect.stringMatching(/^127\.0\.0\.1:\d+$/)],
      ]);
      expect(received.sort()).toEqual(sent.map((e) => e.payload).sort());
      expect(JSON.parse(received[0]!)).toMatchObject({ type: 'hearken.escalation.created', escalation: { target: 'Hooked', reason: 'Partner API down', priority: 'high' } });
      const log = (await call(temp.core, 'outbound.list', {})).entries;
      expect(log.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
      expect(JSON.stringify(log)).not.toContain('secret');
    } finally {
      server.close();
    }
  });
});
