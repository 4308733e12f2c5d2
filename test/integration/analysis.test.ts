/**
 * Local analysis through the core's channels, on a real encrypted store: imports and the
 * demo inbox arrive analysed (sentiment with its cue words, language, topics, urgency),
 * and `analysis.run` re-analyses a view in the background without touching what a person
 * decided.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { EventPayload, FeedbackDetail, FeedbackFilter } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call } from '../helpers/results';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/import/csv/${name}`, import.meta.url));

interface Harness {
  core: HostCore;
  events: { name: string; payload: unknown }[];
}

const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

async function harness(): Promise<Harness> {
  const temp = await makeTempCore({ secrets: new NoSecretStore() });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'analysis tests passphrase' });
  const events: Harness['events'] = [];
  temp.core.onEvent((name, payload) => events.push({ name, payload }));
  return { core: temp.core, events };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function importFile(h: Harness, path: string): Promise<void> {
  const { importId } = await call(h.core, 'import.start', { grant: await grantOf(h.core, path) });
  await until(
    () => h.events.some((e) => e.name === 'import.progress' && (e.payload as EventPayload<'import.progress'>).importId === importId && (e.payload as EventPayload<'import.progress'>).state !== 'running'),
    'the import',
  );
}

const progressOf = (h: Harness, jobId: string): EventPayload<'analysis.progress'>[] =>
  h.events.filter((e) => e.name === 'analysis.progress').map((e) => e.payload as EventPayload<'analysis.progress'>).filter((p) => p.jobId === jobId);

async function reanalyze(h: Harness, filter: FeedbackFilter = {}): Promise<EventPayload<'analysis.progress'>[]> {
  const { jobId } = await call(h.core, 'analysis.run', { filter });
  await until(() => progressOf(h, jobId).some((p) => p.state !== 'running'), 'the analysis');
  return progressOf(h, jobId);
}

async function findOne(h: Harness, query: string): Promise<FeedbackDetail> {
  const { items } = await call(h.core, 'feedback.list', { filter: { query }, limit: 5 });
  expect(items, query).toHaveLength(1);
  return call(h.core, 'feedback.get', { id: items[0]!.id });
}

describe('local analysis on import', () => {
  it('gives imported items a local sentiment with its cue words, their language, topic tags and urgency', async () => {
    const h = await harness();
    await importFile(h, fixture('analysis.csv'));
    const crash = await findOne(h, 'crashes');
    expect(crash).toMatchObject({ sentiment: 'negative', sentimentSource: 'local', language: 'en' });
    expect(crash.sentimentScore).toBeLessThan(0);
    expect(crash.sentimentCues).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'still waiting', kind: 'complaint' }), expect.objectContaining({ text: 'third time', kind: 'complaint' })]),
    );
    // The file's tag keeps its source; the topic found by analysis is 'local'.
    expect(crash.tags).toEqual(expect.arrayContaining([{ name: 'bug', source: 'import' }, { name: 'bug or crash', source: 'local' }]));

    const lawyer = await findOne(h, 'lawyer');
    expect(lawyer.urgency).toEqual({ level: 'urgent', reasons: expect.arrayContaining(['legal threat: “lawyer”']) });
    expect(lawyer.tags).toContainEqual({ name: 'refund', source: 'local' });

    // A tag the file already carried is not doubled by the same topic.
    const praise = await findOne(h, 'great');
    expect(praise.tags.filter((t) => t.name === 'praise')).toEqual([{ name: 'praise', source: 'import' }]);
    expect(praise.tags).toContainEqual({ name: 'performance', source: 'local' });

    const spanish = await findOne(h, 'excelente');
    expect(spanish).toMatchObject({ sentiment: 'positive', sentimentSource: 'local', language: 'es' });
    expect(spanish.sentimentCues).toContainEqual(expect.objectContaining({ text: 'Excelente servicio', kind: 'lexicon' }));
  });
});

describe('repeated contact on import', () => {
  it('counts the customer’s earlier conversations, in the store and earlier in the file', async () => {
    const h = await harness();
    const dir = mkdtempSync(join(tmpdir(), 'hearken-contacts-'));
    try {
      const first = join(dir, 'first.csv');
      writeFileSync(first, 'customer,email,date,message\nCara Diaz,cara@example.com,2024-03-01 10:00,Is there a desktop version?\nCara Diaz,cara@example.com,2024-03-02 10:00,Can I export to PDF?\n');
      await importFile(h, first);
      const second = join(dir, 'second.csv');
      writeFileSync(
        second,
        'customer,email,date,message\nCara Diaz,cara@example.com,2024-03-03 10:00,Any news on the export?\nCara Diaz,cara@example.com,2024-03-04 10:00,Hello again about the export\nDan Ode,dan@example.com,2024-03-04 11:00,Is there a desktop version?\n',
      );
      await importFile(h, second);
      const reasons = async (query: string) => (await findOne(h, query)).urgency!.reasons;
      expect(await reasons('"Can I export to PDF"')).not.toContainEqual(expect.stringMatching(/contacted/));
      expect(await reasons('"Any news on the export"')).toContain('contacted 3 times');
      expect(await reasons('"Hello again about the export"')).toContain('contacted 4 times');
      const dan = await call(h.core, 'feedback.list', { filter: { query: 'desktop' }, limit: 5 });
      expect(dan.items).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('analysis.run', () => {
  it('re-analyses a view in the background, reporting progress, and a person’s sentiment and tags win', async () => {
    const h = await harness();
    await importFile(h, fixture('analysis.csv'));
    const crash = await findOne(h, 'crashes');
    await call(h.core, 'feedback.update', { ids: [crash.id], change: { sentiment: 'positive', addTags: ['call back', 'refund'] } });

    const { total } = await call(h.core, 'feedback.count', { filter: {} });
    const progress = await reanalyze(h);
    expect(progress[0]).toMatchObject({ state: 'running', done: 0, total });
    expect(progress.at(-1)).toEqual({ jobId: expect.any(String), state: 'done', done: total, total, error: null });
    expect(h.events).toContainEqual({ name: 'feedback.changed', payload: { reason: 'analysis' } });

    const after = await call(h.core, 'feedback.get', { id: crash.id });
    expect(after).toMatchObject({ sentiment: 'positive', sentimentSource: 'human', sentimentCues: [] });
    expect(after.urgency).not.toBeNull();
    expect(after.tags).toEqual(
      expect.arrayContaining([
        { name: 'call back', source: 'human' },
        { name: 'refund', source: 'human' },
        { name: 'bug', source: 'import' },
        { name: 'bug or crash', source: 'local' },
      ]),
    );
    // Re-analysis replaces local topics instead of adding copies.
    expect(after.tags.filter((t) => t.name === 'bug or crash')).toHaveLength(1);
  });

  it('analyses only the filtered items, and a local sentiment is redone', async () => {
    const h = await harness();
    await importFile(h, fixture('analysis.csv'));
    const progress = await reanalyze(h, { query: 'crashes' });
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 1, total: 1 });
    const crash = await findOne(h, 'crashes');
    expect(crash).toMatchObject({ sentiment: 'negative', sentimentSource: 'local' });
    expect(crash.sentimentCues.length).toBeGreaterThan(0);
  });
});

describe('the demo inbox', () => {
  it('arrives analysed: local sentiments with cue words, topics and urgency with reasons', async () => {
    const h = await harness();
    await call(h.core, 'demo.load', {});
    const { items } = await call(h.core, 'feedback.list', { filter: {}, limit: 200 });
    expect(items.length).toBeGreaterThan(20);
    const details = await Promise.all(items.map((i) => call(h.core, 'feedback.get', { id: i.id })));
    for (const d of details) {
      expect(d.sentimentSource, d.id).toBe('local');
      expect(d.urgency, d.id).not.toBeNull();
    }
    expect(details.filter((d) => d.sentimentCues.length > 0).length).toBeGreaterThan(details.length / 2);
    expect(details.some((d) => d.tags.some((t) => t.source === 'local'))).toBe(true);
    expect(details.some((d) => (d.urgency?.reasons.length ?? 0) > 0)).toBe(true);
    for (const sentiment of ['negative', 'neutral', 'positive'] as const) expect(details.some((d) => d.sentiment === sentiment), sentiment).toBe(true);
  });
});
