/**
 * "Suggest topics" through the core's channels on a real encrypted store: the demo inbox
 * and support queries in three intents that no shipped topic covers; those intents are
 * grouped into proposals with a name,
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
  /** Every item: its id, whether it carries a topic, and the intent of the row it came from (demo items have none). */
  items: { id: string; hasTopic: boolean; intent: DiscoveryIntent | undefined; status: string }[];
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

const ended = (h: Pick<Harness, 'events'>, jobId: string): EventPayload<'topics.discovery'> | undefined =>
  h.events
    .filter((e) => e.name === 'topics.discovery')
    .map((e) => e.payload as EventPayload<'topics.discovery'>)
    .find((p) => p.jobId === jobId && p.state !== 'running');

/**
 * A store with the demo inbox and the queries: discovery keeps only words that a minority
 * of the texts share, so the three intents need other conversations around them, as in
 * any real inbox.
 */
async function harness(): Promise<Harness> {
  const temp = await makeTempCore({ secrets: new NoSecretStore() });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'discovery tests passphrase' });
  const events: Harness['events'] = [];
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  await call(temp.core, 'demo.load', {});
  const { importId } = await call(temp.core, 'import.start', { grant: await grantOf(temp.core, csv) });
  await until(
    () => events.some((e) => e.name === 'import.progress' && (e.payload as EventPayload<'import.progress'>).importId === importId && (e.payload as EventPayload<'import.progress'>).state !== 'running'),
    'the import',
  );
  const topicNames = new Set((await call(temp.core, 'taxonomy.list', {})).topics.map((t) => t.name.toLowerCase()));
  const list = await call(temp.core, 'feedback.list', { limit: 500 });
  expect(list.nextCursor ?? null).toBeNull();
  const items = list.items.map((item) => ({
    id: item.id,
    hasTopic: item.tags.some((t) => topicNames.has(t.name.toLowerCase())),
    intent: intentOfSubject(item.subject),
    status: item.status,
  }));
  expect(items.filter((i) => i.intent !== undefined)).toHaveLength(rows.length);
  return { core: temp.core, events, rows, items };
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
async function intentOf(h: Harness, proposal: TopicProposal): Promise<{ intent: string; purity: number; ids: string[] }> {
  const members = await membersOf(h, proposal.id);
  // The fixture's external ids are `<intent>-<n>`; the demo inbox's are of another form.
  const counts = new Map<string, number>();
  for (const m of members) {
    const intent = /^([a-z]+)-\d+$/.exec(m.externalId ?? '')?.[1] ?? 'demo';
    counts.set(intent, (counts.get(intent) ?? 0) + 1);
  }
  const [intent, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { intent, purity: n / members.length, ids: members.map((m) => m.id) };
}

describe('suggest topics', () => {
  it('groups the conversations without a topic, and accepting one adds the topic and tags exactly its items', async () => {
    const h = await harness();
    const untagged = h.items.filter((i) => !i.hasTopic).map((i) => i.id);
    // The fixture's premise: the shipped topics cover refunds, and none of the three intents.
    for (const item of h.items) if (item.intent !== undefined) expect(item.hasTopic, `a ${item.intent} item's topic`).toBe(item.intent === 'refund');

    const { proposals } = await suggest(h, { kind: 'untagged' });
    const { run } = await call(h.core, 'topics.proposals', {});
    expect(run).toMatchObject({ scope: { kind: 'untagged' }, considered: untagged.length });
    expect(h.events.some((e) => e.name === 'topics.proposals.changed')).toBe(true);

    expect(proposals.length).toBeGreaterThanOrEqual(3);
    expect(proposals.map((p) => p.size)).toEqual([...proposals.map((p) => p.size)].sort((a, b) => b - a));
    const found = new Map<string, { proposal: TopicProposal; ids: string[] }>();
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
    // Most of each intent's queries were grouped, and at least one intent is a proposal of its own.
    const grouped = new Set<string>();
    for (const p of proposals) for (const m of await membersOf(h, p.id)) grouped.add(m.id);
    for (const intent of discoveryIntents) {
      const mine = h.items.filter((i) => i.intent === intent);
      expect(mine.filter((i) => grouped.has(i.id)).length, `${intent} queries grouped`).toBeGreaterThanOrEqual(Math.ceil(mine.length * 0.75));
    }
    expect(discoveryIntents.filter((intent) => found.has(intent)).length).toBeGreaterThanOrEqual(1);

    // Accept one of them under a name of the agent's, without one of its keywords.
    const { proposal, ids } = found.get(discoveryIntents.find((intent) => found.has(intent))!)!;
    const dropped = proposal.keywords.at(-1)!;
    const kept = proposal.keywords.length > 1 ? proposal.keywords.slice(0, -1) : proposal.keywords;
    h.events.length = 0;
    const accepted = await call(h.core, 'topics.accept', { id: proposal.id, name: 'Garden timers', keywords: kept });
    expect(accepted.tagged).toBe(proposal.size);
    expect(accepted.topic).toMatchObject({ name: 'Garden timers' });
    if (proposal.keywords.length > 1) expect([...accepted.topic.keywords, ...accepted.topic.phrases]).not.toContain(dropped.toLowerCase());
    expect((await call(h.core, 'taxonomy.list', {})).topics.map((t) => t.name)).toContain('Garden timers');
    expect(h.events.map((e) => e.name)).toEqual(expect.arrayContaining(['taxonomy.changed', 'feedback.changed', 'topics.proposals.changed']));

    const tagged = await call(h.core, 'feedback.list', { filter: { tags: ['Garden timers'] }, limit: 200 });
    expect(tagged.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    for (const item of tagged.items) expect(item.tags.find((t) => t.name === 'Garden timers')?.source).toBe('human');
    expect((await call(h.core, 'topics.proposals', {})).proposals.map((p) => p.id)).not.toContain(proposal.id);
    expect(await callError(h.core, 'topics.accept', { id: proposal.id })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/already accepted/) });

    // Re-analysis replaces the analysis' own tags; the accepted topic's stay on every member.
    const { jobId } = await call(h.core, 'analysis.run', { filter: {} });
    await until(() => h.events.some((e) => e.name === 'analysis.progress' && (e.payload as EventPayload<'analysis.progress'>).jobId === jobId && (e.payload as EventPayload<'analysis.progress'>).state !== 'running'), 'the analysis');
    // (The topic's words may now also tag other conversations: those tags are the analysis' own.)
    const after = await call(h.core, 'feedback.list', { filter: { tags: ['Garden timers'] }, limit: 500 });
    const sources = new Map(after.items.map((i) => [i.id, i.tags.find((t) => t.name === 'Garden timers')?.source]));
    for (const id of ids) expect(sources.get(id)).toBe('human');
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
    // A saved view of open conversations: the resolved and replied ones stay out.
    const view = await call(h.core, 'views.save', { name: 'Open ones', filter: { status: ['open'] } });
    const inView = h.items.filter((i) => i.status === 'open').map((i) => i.id);
    expect(inView.length).toBeLessThan(h.items.length);

    const [first, second] = await Promise.all([
      call(h.core, 'topics.suggest', { scope: { kind: 'view', viewId: view.id }, minSize: 4 }),
      call(h.core, 'topics.suggest', { scope: { kind: 'all' } }),
    ]);
    expect(second.jobId).toBe(first.jobId);
    await until(() => ended(h, first.jobId) !== undefined, 'the discovery run');
    const { run, proposals } = await call(h.core, 'topics.proposals', {});
    expect(run).toMatchObject({ scope: { kind: 'view', viewId: view.id }, considered: inView.length });
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
