/**
 * The editable taxonomy and the AI-quality figures through the core's channels, on a real
 * encrypted store: a topic a team adds tags items on re-analysis; a topic an agent takes
 * off stays off; overrides, rejections and reply outcomes are counted.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { DEFAULT_TAXONOMY } from '../../src/main/core/analysis/taxonomy';
import { NoSecretStore } from '../../src/main/core/secrets';
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
