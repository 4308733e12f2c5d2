/**
 * "Suggest topics" through the core's channels on a real encrypted store: support queries
 * in three intents that no shipped topic covers are grouped into proposals with a name,
 * keywords, sample items and a size; accepting one adds the topic and tags exactly its
 * items (and re-analysis keeps those tags); rejecting one is remembered by the next run;
 * a view's scope reads only that view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { DiscoveryScope, EventPayload, TopicProposal } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { discoveryIntents, intentOfSubject, writeDiscoveryCsv, type DiscoveryIntent, type DiscoveryRow } from '../helpers/discovery-csv';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

interface Harness {
  core: HostCore;
  events: { name: string; payload: unknown }[];
  rows: DiscoveryRow[];
  /** Hearken id → the intent of the row it was imported from. */
  byId: Map<string, DiscoveryIntent>;
}

const dir = mkdtempSync(join(tmpdir(), 'hearken-discovery-'));
const csv = join(dir, 'queries.csv');
const rows = writeDiscoveryCsv(csv);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const ended = (h: Harness, jobId: string): EventPayload<'topics.discovery'> | undefined =>
  h.events
    .filter((e) => e.name === 'topics.discovery')
    .map((e) => e.payload as EventPayload<'topics.discovery'>)
    .find((p) => p.jobId === jobId && p.state !== 'running');

async function harness(): Promise<Harness> {
  const temp = await makeTempCore({ secrets: new NoSecretStore() });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'discovery tests passphrase' });
  const events: Harness['events'] = [];
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  const { importId } = await call(temp.core, 'import.start', { grant: await grantOf(temp.core, csv) });
  await until(
    () => events.some((e) => e.name === 'import.progress' && (e.payload as EventPayload<'import.progress'>).importId === importId && (e.payload as EventPayload<'import.progress'>).state !== 'running'),
    'the import',
  );
  const list = await call(temp.core, 'feedback.list', { limit: 200 });
  expect(list.items).toHaveLength(rows.length);
  const byId = new Map(list.items.map((item) => [item.id, intentOfSubject(item.subject)!]));
  expect([...byId.values()].every(Boolean)).toBe(true);
  return { core: temp.core, events, rows, byId };
}

async function suggest(h: Harness, scope: DiscoveryScope, minSize = 4): Promise<{ jobId: string; proposals: TopicProposal[] }> {
  const { jobId } = await call(h.core, 'topics.suggest', { scope, minSize });
  await until(() => ended(h, jobId) !== undefined, 'the discovery run');
  expect(ended(h, jobId)).toMatchObject({ state: 'done', error: null });
  const { proposals, running } = await call(h.core, 'topics.proposals', {});
  expect(running).toBe(false);
  return { jobId, proposals };
}

async function membersOf(h: Harness, id: string): Promise<{ id: string; externalId: string | null }[]> {
  return (await call(h.core, 'topics.members', { id })).members;
}

/** The intent most of a proposal's members came from, and the share that did. */
async function intentOf(h: Harness, proposal: TopicProposal): Promise<{ intent: DiscoveryIntent; purity: number; ids: string[] }> {
  const members = await membersOf(h, proposal.id);
  const counts = new Map<DiscoveryIntent, number>();
  for (const m of members) {
    const intent = m.externalId!.split('-')[0] as DiscoveryIntent;
    counts.set(intent, (counts.get(intent) ?? 0) + 1);
  }
  const [intent, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { intent, purity: n / members.length, ids: members.map((m) => m.id) };
}

async function topicTags(h: Harness, id: string): Promise<string[]> {
  return (await call(h.core, 'feedback.get', { id })).tags.map((t) => t.name);
}

describe('suggest topics', () => {
  it('groups the conversations without a topic, and accepting one adds the topic and tags exactly its items', async () => {
    const h = await harness();
    const topicNames = new Set((await call(h.core, 'taxonomy.list', {})).topics.map((t) => t.name.toLowerCase()));
    const untagged: string[] = [];
    const withTopic = new Map<DiscoveryIntent, string[]>();
    for (const [id, intent] of h.byId) {
      const tags = await topicTags(h, id);
      if (tags.some((t) => topicNames.has(t.toLowerCase()))) withTopic.set(intent, [...(withTopic.get(intent) ?? []), ...tags]);
      else untagged.push(id);
    }
    // The fixture's premise: the shipped topics cover refunds, and (nearly) none of the three intents.
    expect(withTopic.get('refund')?.length ?? 0).toBeGreaterThanOrEqual(h.rows.filter((r) => r.intent === 'refund').length);
    for (const intent of discoveryIntents) expect(withTopic.get(intent) ?? [], `${intent} items with a shipped topic`).toHaveLength(0);

    const { proposals } = await suggest(h, { kind: 'untagged' });
    const { run } = await call(h.core, 'topics.proposals', {});
    expect(run).toMatchObject({ scope: { kind: 'untagged' }, considered: untagged.length });
    expect(run!.grouped).toBeGreaterThanOrEqual(24);
    expect(h.events.some((e) => e.name === 'topics.proposals.changed')).toBe(true);

    console.log(JSON.stringify(proposals.map((p) => [p.name, p.size, p.keywords])));
    expect(proposals.length).toBeGreaterThanOrEqual(3);
    expect(proposals.map((p) => p.size)).toEqual([...proposals.map((p) => p.size)].sort((a, b) => b - a));
    const found = new Map<DiscoveryIntent, { proposal: TopicProposal; ids: string[] }>();
    for (const p of proposals) {
      expect(p.name.trim().length).toBeGreaterThan(0);
      expect(p.keywords.length).toBeGreaterThan(0);
      expect(p.status).toBe('open');
      expect(p.samples.length).toBeGreaterThanOrEqual(Math.min(3, p.size));
      expect(p.samples.length).toBeLessThanOrEqual(5);
      for (const s of p.samples) expect(s.preview.length).toBeGreaterThan(0);
      const members = await membersOf(h, p.id);
      expect(members).toHaveLength(p.size);
      // Only conversations without a topic were grouped.
      for (const m of members) expect(untagged).toContain(m.id);
      const { intent, purity, ids } = await intentOf(h, p);
      if (purity >= 0.8 && !found.has(intent)) found.set(intent, { proposal: p, ids });
    }
    expect([...found.keys()].sort()).toEqual(['doorbell', 'sprinkler', 'thermostat']);

    // Accept the doorbell group under a name of the agent's, without one of its keywords.
    const { proposal, ids } = found.get('doorbell')!;
    const dropped = proposal.keywords.at(-1)!;
    const kept = proposal.keywords.length > 1 ? proposal.keywords.slice(0, -1) : proposal.keywords;
    h.events.length = 0;
    const accepted = await call(h.core, 'topics.accept', { id: proposal.id, name: 'Door chimes', keywords: kept });
    expect(accepted.tagged).toBe(proposal.size);
    expect(accepted.topic).toMatchObject({ name: 'Door chimes' });
    if (proposal.keywords.length > 1) expect([...accepted.topic.keywords, ...accepted.topic.phrases]).not.toContain(dropped.toLowerCase());
    expect((await call(h.core, 'taxonomy.list', {})).topics.map((t) => t.name)).toContain('Door chimes');
    expect(h.events.map((e) => e.name)).toEqual(expect.arrayContaining(['taxonomy.changed', 'feedback.changed', 'topics.proposals.changed']));

    const tagged = await call(h.core, 'feedback.list', { filter: { tags: ['Door chimes'] }, limit: 200 });
    expect(tagged.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    for (const item of tagged.items) expect(item.tags.find((t) => t.name === 'Door chimes')?.source).toBe('human');
    expect((await call(h.core, 'topics.proposals', {})).proposals.map((p) => p.id)).not.toContain(proposal.id);
    expect(await callError(h.core, 'topics.accept', { id: proposal.id })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/already accepted/) });

    // Re-analysis replaces the analysis' own tags; the accepted topic's stay on every item.
    const { jobId } = await call(h.core, 'analysis.run', { filter: {} });
    await until(() => h.events.some((e) => e.name === 'analysis.progress' && (e.payload as EventPayload<'analysis.progress'>).jobId === jobId && (e.payload as EventPayload<'analysis.progress'>).state !== 'running'), 'the analysis');
    expect((await call(h.core, 'feedback.count', { filter: { tags: ['Door chimes'] } })).total).toBe(ids.length);
  });

  it('remembers a rejected proposal: the next run does not propose the same group', async () => {
    const h = await harness();
    const { proposals } = await suggest(h, { kind: 'all' });
    const rejected = proposals[0]!;
    const rejectedIds = new Set((await membersOf(h, rejected.id)).map((m) => m.id));
    expect(await call(h.core, 'topics.reject', { id: rejected.id })).toEqual({ rejected: true });
    expect(await call(h.core, 'topics.reject', { id: rejected.id })).toEqual({ rejected: false });
    expect((await call(h.core, 'topics.proposals', {})).proposals.map((p) => p.id)).not.toContain(rejected.id);

    const again = await suggest(h, { kind: 'all' });
    expect(again.proposals.length).toBeGreaterThan(0);
    for (const p of again.proposals) {
      const ids = (await membersOf(h, p.id)).map((m) => m.id);
      const shared = ids.filter((id) => rejectedIds.has(id)).length;
      // Not the same group again: at most a minority of its items reappear together.
      expect(shared / Math.max(ids.length, rejectedIds.size), `${p.name} repeats the rejected "${rejected.name}"`).toBeLessThan(0.5);
    }
  });

  it("groups a saved view's conversations only, answers a second request with the running job, and refuses a view that is gone", async () => {
    const h = await harness();
    const view = await call(h.core, 'views.save', { name: 'Home products', filter: { product: ['Home'] } });
    const inView = (await call(h.core, 'feedback.list', { filter: view.filter, limit: 200 })).items.map((i) => i.id);
    expect(inView.length).toBe(h.rows.filter((r) => r.intent === 'thermostat' || r.intent === 'doorbell').length);

    const [first, second] = await Promise.all([
      call(h.core, 'topics.suggest', { scope: { kind: 'view', viewId: view.id }, minSize: 4 }),
      call(h.core, 'topics.suggest', { scope: { kind: 'all' } }),
    ]);
    expect(second.jobId).toBe(first.jobId);
    await until(() => ended(h, first.jobId) !== undefined, 'the discovery run');
    const { run, proposals } = await call(h.core, 'topics.proposals', {});
    expect(run).toMatchObject({ scope: { kind: 'view', viewId: view.id }, considered: inView.length });
    console.log(JSON.stringify(proposals.map((p) => [p.name, p.size, p.keywords])));
    expect(proposals.length).toBeGreaterThanOrEqual(2);
    for (const p of proposals) for (const m of await membersOf(h, p.id)) expect(inView).toContain(m.id);

    await call(h.core, 'views.delete', { id: view.id });
    expect(await callError(h.core, 'topics.suggest', { scope: { kind: 'view', viewId: view.id } })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no longer exists/),
    });
    expect(await callError(h.core, 'topics.accept', { id: 'no-such-proposal' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
