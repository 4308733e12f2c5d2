/**
 * What leaves the machine when a team's webhook is on: one JSON POST per escalation to a
 * real HTTP server on 127.0.0.1, the body exactly what the outbound log records; nothing
 * at all while the webhook is off; a dead receiver is a failed entry with a message that
 * says why, and the escalation stands. The handoff packet saved as .eml through a grant.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../src/shared/contract';
import type { OutboundEntry } from '../../src/shared/escalation/schema';
import { NoSecretStore } from '../../src/main/core/secrets';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';

interface Received {
  path: string;
  contentType: string | undefined;
  body: string;
}

let temp: TempCore;
let server: Server;
let port: number;
const received: Received[] = [];
let answerStatus = 200;
let scratch: string;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body });
      res.writeHead(answerStatus, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: 'outbound tests' });
  await call(temp.core, 'demo.load', {});
  scratch = mkdtempSync(join(tmpdir(), 'hearken-outbound-'));
});
afterAll(async () => {
  await temp.cleanup();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

function nextOutbound(): Promise<OutboundEntry> {
  return new Promise((resolve) => {
    const stop = temp.core.onEvent((name: EventName, payload: unknown) => {
      if (name !== 'outbound.sent') return;
      stop();
      resolve((payload as { entry: OutboundEntry }).entry);
    });
  });
}

async function target(name: string) {
  const { targets } = await call(temp.core, 'escalation.targets.list', {});
  const found = targets.find((t) => t.name === name);
  if (!found) throw new Error(`no target ${name}`);
  return found;
}

async function openIds(n: number): Promise<string[]> {
  return (await call(temp.core, 'feedback.list', { filter: { status: ['open'], escalated: false }, limit: n })).items.map((i) => i.id);
}

describe('escalation webhooks', () => {
  it('sends nothing while a team\u2019s webhook is off (the default)', async () => {
    const billing = await target('Billing');
    expect(billing.webhookEnabled).toBe(false);
    await call(temp.core, 'escalation.targets.save', { id: billing.id, name: billing.name, email: billing.email, webhookUrl: `http://127.0.0.1:${port}/hooks/off`, webhookEnabled: false });
    const [id] = await openIds(1);
    const done = await call(temp.core, 'escalation.create', { ids: [id!], targetId: billing.id, reason: 'Refund dispute', priority: 'high' });
    expect(done).toMatchObject({ escalated: 1, webhooksQueued: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(0);
    expect((await call(temp.core, 'outbound.list', {})).entries).toHaveLength(0);
  });

  it('posts the escalation as JSON once the webhook is on, and logs exactly what was sent', async () => {
    const legal = await target('Legal');
    await call(temp.core, 'escalation.targets.save', { id: legal.id, name: legal.name, email: 'legal@example.com', webhookUrl: `http://127.0.0.1:${port}/hooks/legal?token=s3cret`, webhookEnabled: true });
    const [id] = await openIds(1);
    const sent = nextOutbound();
    const done = await call(temp.core, 'escalation.create', { ids: [id!], targetId: legal.id, reason: 'Customer mentions a lawyer', priority: 'urgent', note: 'Call before 5pm' });
    expect(done).toMatchObject({ escalated: 1, webhooksQueued: 1 });
    const entry = await sent;

    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.path).toBe('/hooks/legal?token=s3cret');
    expect(got.contentType).toMatch(/^application\/json/);
    // The log holds the body byte for byte, and the host only (the token stays out of it).
    expect(entry).toMatchObject({ kind: 'webhook', target: 'Legal', host: `127.0.0.1:${port}`, outcome: 'sent', status: 200, error: null });
    expect(entry.payload).toBe(got.body);
    expect(JSON.stringify(entry)).not.toContain('s3cret');

    const body = JSON.parse(got.body);
    const item = await call(temp.core, 'feedback.get', { id: id! });
    expect(body).toMatchObject({
      type: 'hearken.escalation.created',
      version: 1,
      escalation: { target: 'Legal', reason: 'Customer mentions a lawyer', priority: 'urgent', note: 'Call before 5pm' },
      conversation: { id: id!, subject: item.subject, channel: item.channel },
      handoff: { format: 'markdown' },
    });
    expect(body.handoff.text).toContain('Customer mentions a lawyer');

    const logged = (await call(temp.core, 'outbound.list', {})).entries;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toEqual(entry);
  });

  it('records a failed call with the reason, and the escalation stands', async () => {
    const eng = await target('Engineering');
    // A port nothing listens on: bind one, note it, close it.
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadPort = (dead.address() as { port: number }).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    await call(temp.core, 'escalation.targets.save', { id: eng.id, name: eng.name, email: null, webhookUrl: `http://127.0.0.1:${deadPort}/x`, webhookEnabled: true });
    const [id] = await openIds(1);
    const sent = nextOutbound();
    await call(temp.core, 'escalation.create', { ids: [id!], targetId: eng.id, reason: 'App crashes on login', priority: 'high' });
    const entry = await sent;
    expect(entry).toMatchObject({ outcome: 'failed', status: null, target: 'Engineering' });
    expect(entry.error).toMatch(/connection refused/i);
    expect((await call(temp.core, 'feedback.get', { id: id! })).escalation).toMatchObject({ targetName: 'Engineering', state: 'open' });

    answerStatus = 500;
    const legal = await target('Legal');
    const [other] = await openIds(1);
    const failed = nextOutbound();
    await call(temp.core, 'escalation.create', { ids: [other!], targetId: legal.id, reason: 'Second legal case', priority: 'high' });
    expect(await failed).toMatchObject({ outcome: 'failed', status: 500, error: expect.stringMatching(/answered 500/) });
    answerStatus = 200;
    expect((await call(temp.core, 'outbound.list', {})).entries.map((e) => e.outcome)).toEqual(['failed', 'failed', 'sent']);
  });
});

describe('the handoff packet', () => {
  it('reads as Markdown with the reason and a mailto: to the team, and saves as an .eml a mail client opens', async () => {
    const legal = await target('Legal');
    const [id] = await openIds(1);
    const packet = await call(temp.core, 'escalation.handoff', { feedbackId: id!, targetId: legal.id, reason: 'Threatens legal action' });
    expect(packet.markdown).toContain('Threatens legal action');
    expect(packet.mailto).toMatch(/^mailto:legal@example\.com\?subject=/);

    const file = join(scratch, 'handoff.eml');
    const grant = await temp.core.grantFile(file, 'write');
    if (!grant.ok) throw new Error(grant.error.message);
    const saved = await call(temp.core, 'escalation.saveHandoff', { feedbackId: id!, format: 'eml', grant: grant.value.grant, targetId: legal.id, reason: 'Threatens legal action' });
    expect(saved.fileName).toBe('handoff.eml');
    const mail = await simpleParser(readFileSync(file));
    expect(mail.subject).toBe(packet.subject);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('legal@example.com');
    expect(mail.text?.trim()).toBe(packet.markdown.trim());
  });
});
