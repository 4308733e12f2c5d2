/**
 * The editable taxonomy and the AI-quality figures through the core's channels, on a real
 * encrypted store: a topic a team adds tags items on re-analysis; a topic an agent takes
 * off stays off; overrides, rejections and reply outcomes are counted.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { DEFAULT_TAXONOMY } from '../../src/main/core/analysis/taxonomy';
import { starterTopics } from '../../src/main/core/analysis/taxonomies/starters';
import { NoSecretStore } from '../../src/main/core/secrets';
import { Database } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { getSetting, setSetting } from '../../src/main/core/store/settings';
import { chosenStarter, restoreDefaultTopics, seedDefaultTaxonomy } from '../../src/main/core/store/taxonomy-repo';
import type { EventPayload, FeedbackSummary } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { call, callError } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/replies/inbox.json', import.meta.url));

const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

interface Harness {
  core: Core;
  events: { name: string; payload: unknown }[];
  items: Map<string, FeedbackSummary>;
}

async function harness(): Promise<Harness> {
  const temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'taxonomy tests passphrase' });
  const events: Harness['events'] = [];
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  await call(temp.core, 'demo.load', {});
  const list = await call(temp.core, 'feedback.list', { limit: 50 });
  return { core: temp.core, events, items: new Map(list.items.map((i) => [i.subject ?? '', i])) };
}

async function reanalyze(h: Harness): Promise<void> {
  const { jobId } = await call(h.core, 'analysis.run', { filter: {} });
  for (let i = 0; i < 2_000; i++) {
    const done = h.events.some((e) => e.name === 'analysis.progress' && (e.payload as EventPayload<'analysis.progress'>).jobId === jobId && (e.payload as EventPayload<'analysis.progress'>).state !== 'running');
    if (done) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the analysis did not finish');
}

const tagsOf = async (core: Core, id: string) => (await call(core, 'feedback.get', { id })).tags;

describe('the editable taxonomy', () => {
  it('starts with the shipped topics, and refuses a topic that could never match or repeats a name', async () => {
    const { core } = await harness();
    const { topics } = await call(core, 'taxonomy.list', {});
    expect(topics.map((t) => t.name)).toEqual(DEFAULT_TAXONOMY.map((t) => t.name));
    expect(topics.find((t) => t.name === 'refund')!.languages.de!.keywords).toContain('rückerstattung');
    expect(await callError(core, 'taxonomy.save', { name: 'Empty', keywords: [' '], phrases: [], languages: {} })).toMatchObject({ code: 'VALIDATION' });
    expect(await callError(core, 'taxonomy.save', { name: 'Empty', keywords: [], phrases: [], languages: {} })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/at least one keyword or phrase/),
    });
    expect(await callError(core, 'taxonomy.save', { name: 'REFUND', keywords: ['x'], phrases: [], languages: {} })).toMatchObject({ message: expect.stringMatching(/already exists/) });
  });

  it('tags with a new topic on re-analysis; a topic an agent removed stays removed; deleting a topic drops its local tags', async () => {
    const h = await harness();
    const headphones = await call(h.core, 'taxonomy.save', { name: 'audio', keywords: ['Headphones', 'earbuds'], phrases: ['sound quality'], languages: { de: { keywords: ['kopfhörer'], phrases: [] } } });
    expect(headphones).toMatchObject({ keywords: ['headphones', 'earbuds'], phrases: ['sound quality'] });
    expect(h.events.some((e) => e.name === 'taxonomy.changed')).toBe(true);
    expect((await call(h.core, 'templates.list', {})).topics).toContain('audio');

    const maria = h.items.get('Refund for my returned headphones')!;
    const tom = h.items.get('Still waiting for refund on returned headphones')!;
    expect(await tagsOf(h.core, maria.id)).not.toContainEqual({ name: 'audio', source: 'local' });
    await reanalyze(h);
    expect(await tagsOf(h.core, maria.id)).toContainEqual({ name: 'audio', source: 'local' });
    expect(await tagsOf(h.core, tom.id)).toContainEqual({ name: 'audio', source: 'local' });

    // The agent disagrees for Maria's item: re-analysis leaves it off, and it is counted.
    await call(h.core, 'feedback.update', { ids: [maria.id], change: { removeTags: ['audio'] } });
    await reanalyze(h);
    expect((await tagsOf(h.core, maria.id)).map((t) => t.name)).not.toContain('audio');
    expect((await call(h.core, 'feedback.stats', {})).quality.topicRejections).toBe(1);
    // Adding it back by hand lifts the rejection.
    await call(h.core, 'feedback.update', { ids: [maria.id], change: { addTags: ['audio'] } });
    expect((await call(h.core, 'feedback.stats', {})).quality.topicRejections).toBe(0);
    expect(await tagsOf(h.core, maria.id)).toContainEqual({ name: 'audio', source: 'human' });

    // Deleting the topic: re-analysis drops the local tags, a person's tag stays.
    expect(await call(h.core, 'taxonomy.delete', { id: headphones.id })).toEqual({ deleted: true });
    await reanalyze(h);
    expect((await tagsOf(h.core, tom.id)).map((t) => t.name)).not.toContain('audio');
    expect(await tagsOf(h.core, maria.id)).toContainEqual({ name: 'audio', source: 'human' });

    // Restoring the defaults puts back an edited or deleted shipped topic.
    const refund = (await call(h.core, 'taxonomy.list', {})).topics.find((t) => t.name === 'refund')!;
    await call(h.core, 'taxonomy.delete', { id: refund.id });
    expect(await call(h.core, 'taxonomy.restoreDefaults', {})).toEqual({ added: 1, updated: DEFAULT_TAXONOMY.length - 1 });
    expect((await call(h.core, 'taxonomy.list', {})).topics.map((t) => t.name)).toContain('refund');
  });

  it('new items are tagged with the edited taxonomy as they arrive', async () => {
    const temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
    open.push(temp);
    await call(temp.core, 'store.create', { passphrase: 'taxonomy tests passphrase' });
    await call(temp.core, 'taxonomy.save', { name: 'audio', keywords: ['headphones'], phrases: [], languages: {} });
    await call(temp.core, 'demo.load', {});
    const { items } = await call(temp.core, 'feedback.list', { filter: { tags: ['audio'] }, limit: 10 });
    expect(items.map((i) => i.subject).sort()).toEqual(['Refund for my returned headphones', 'Still waiting for refund on returned headphones']);
  });
});

describe('starter taxonomies', () => {
  async function newStore(): Promise<TempCore> {
    const temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
    open.push(temp);
    await call(temp.core, 'store.create', { passphrase: 'taxonomy tests passphrase' });
    return temp;
  }

  it('a new store has not chosen (the window offers the choice), and stays so after a lock and unlock', async () => {
    const temp = await newStore();
    expect((await call(temp.core, 'taxonomy.list', {})).starter).toBeNull();
    const { starters } = await call(temp.core, 'taxonomy.starters', {});
    expect(starters.map((s) => s.id)).toEqual(['general', 'ecommerce', 'saas', 'banking', 'travel']);
    expect(starters.find((s) => s.id === 'banking')!.topics).toContain('card delivery');
    await call(temp.core, 'store.lock', {});
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: 'taxonomy tests passphrase' });
    expect((await call(temp.core, 'taxonomy.list', {})).starter).toBeNull();
  });

  it('adds a starter’s missing topics and keeps the others, or replaces them; the choice is recorded', async () => {
    const temp = await newStore();
    const refund = (await call(temp.core, 'taxonomy.list', {})).topics.find((t) => t.name === 'refund')!;
    await call(temp.core, 'taxonomy.save', { ...refund, keywords: ['refund', 'payback'] });
    const banking = starterTopics('banking').map((t) => t.name);
    const shared = banking.filter((n) => DEFAULT_TAXONOMY.some((t) => t.name === n));

    const added = await call(temp.core, 'taxonomy.applyStarter', { starter: 'banking', mode: 'add' });
    expect(added).toEqual({ added: banking.length - shared.length, removed: 0, starter: 'banking' });
    const afterAdd = await call(temp.core, 'taxonomy.list', {});
    expect(afterAdd.starter).toBe('banking');
    expect(afterAdd.topics.map((t) => t.name)).toEqual(expect.arrayContaining([...DEFAULT_TAXONOMY.map((t) => t.name), ...banking]));
    // A topic the team already had keeps its own words.
    expect(afterAdd.topics.find((t) => t.name === 'refund')!.keywords).toEqual(['refund', 'payback']);
    // Adding again adds nothing.
    expect(await call(temp.core, 'taxonomy.applyStarter', { starter: 'banking', mode: 'add' })).toEqual({ added: 0, removed: 0, starter: 'banking' });

    const replaced = await call(temp.core, 'taxonomy.applyStarter', { starter: 'travel', mode: 'replace' });
    const travel = starterTopics('travel').map((t) => t.name);
    const after = await call(temp.core, 'taxonomy.list', {});
    expect(after.topics.map((t) => t.name).sort()).toEqual([...travel].sort());
    expect(replaced.removed).toBe(afterAdd.topics.length - afterAdd.topics.filter((t) => travel.includes(t.name)).length);
    expect(after.starter).toBe('travel');
    expect(await callError(temp.core, 'taxonomy.applyStarter', { starter: 'hotels' as never, mode: 'add' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('a store seeded before starters existed is not asked: it counts as having kept the general topics', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    // What the first shipped seeding left: the topics and its mark, and nothing about starters.
    restoreDefaultTopics(db, 1);
    setSetting(db, 'taxonomy.seeded', '1', 1);
    expect(chosenStarter(db)).toBeNull();
    expect(seedDefaultTaxonomy(db, 2)).toBe(false);
    expect(chosenStarter(db)).toBe('general');

    // A store seeded now waits for the choice, however often it is opened.
    const fresh = new Database(':memory:');
    migrate(fresh, migrations);
    expect(seedDefaultTaxonomy(fresh, 1)).toBe(true);
    expect(seedDefaultTaxonomy(fresh, 2)).toBe(false);
    expect(chosenStarter(fresh)).toBeNull();
    expect(getSetting(fresh, 'taxonomy.starter')).toBeNull();
    db.close();
    fresh.close();
  });
});

describe('the AI-quality figures', () => {
  it('count sentiment overrides of the analysis, and reply outcomes with the median edit distance', async () => {
    const h = await harness();
    const [a, b] = [...h.items.values()];
    await call(h.core, 'feedback.update', { ids: [a!.id], change: { sentiment: 'negative' } });
    // Changing a person's own label again is not an override of the analysis.
    await call(h.core, 'feedback.update', { ids: [a!.id], change: { sentiment: 'positive' } });
    const suggestion = { kind: 'template' as const, sourceId: 'tpl', text: 'abcdef', rank: 1 };
    await call(h.core, 'replies.send', { feedbackId: b!.id, body: 'abcdef', suggestion });
    await call(h.core, 'replies.send', { feedbackId: b!.id, body: 'abcdxx', suggestion });
    await call(h.core, 'replies.send', { feedbackId: b!.id, body: 'abxxxx', suggestion });
    await call(h.core, 'replies.send', { feedbackId: b!.id, body: 'xxxxxxxxxx', suggestion });
    await call(h.core, 'replies.discard', { feedbackId: b!.id, suggestion });
    await call(h.core, 'replies.send', { feedbackId: b!.id, body: 'mine', suggestion: null });
    const { quality } = await call(h.core, 'feedback.stats', {});
    expect(quality).toEqual({
      sentimentOverrides: 1,
      topicRejections: 0,
      replies: { unchanged: 1, edited: 3, discarded: 1, written: 1 },
      medianEditDistance: 4,
    });
  });
});
