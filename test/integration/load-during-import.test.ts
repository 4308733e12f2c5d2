/**
 * 200 requests at once, the mix an agent's window makes (pages of the list with filters and
 * search, items opened, counts, views, stats, the escalation queue, a few changes), fired
 * while an import writes on the job thread, in the app's arrangement (the core in a worker
 * thread, the import on its own thread and connection). Every answer is ok, the changes
 * made during the import are all there afterwards, and the last events the window gets
 * carry the import's final state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, EventPayload, FeedbackFilter } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { NoSecretStore } from '../../src/main/core/secrets';
import { call, writeSyntheticCsv } from '../helpers/results';
import { makeTempCore, type TempCore } from '../support/core';

const ROWS = 20_000;
const files = mkdtempSync(join(tmpdir(), 'hearken-load-files-'));
const csvFile = join(files, 'load.csv');
let temp: TempCore;

beforeAll(async () => {
  writeSyntheticCsv(csvFile, ROWS, 19);
  temp = await makeTempCore({ worker: true, secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: 'load during import passphrase' });
  await call(temp.core, 'demo.load', {});
}, 120_000);
afterAll(async () => {
  await temp?.cleanup();
  rmSync(files, { recursive: true, force: true });
});

type Request = { [C in Channel]: { channel: C; input: ChannelInput<C> } }[Channel];

/** A deterministic shuffle, so a failure names the same order again. */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('200 concurrent requests during an import', () => {
  it('are all answered ok, keep their changes, and the window ends on the final import state', async () => {
    const { core } = temp;
    const before = (await call(core, 'feedback.count', {})).total;
    const demo = (await call(core, 'feedback.list', { limit: 60 })).items.map((i) => i.id);
    expect(demo).toHaveLength(60);
    const [target] = (await call(core, 'escalation.targets.list', {})).targets;
    expect(target).toBeDefined();

    const events: { name: string; payload: unknown }[] = [];
    // What a window does on each `feedback.changed` from the import: read the count again.
    const refreshes: Promise<number>[] = [];
    core.onEvent((name, payload) => {
      events.push({ name, payload });
      if (name === 'feedback.changed' && (payload as EventPayload<'feedback.changed'>).reason === 'import') {
        refreshes.push(call(core, 'feedback.count', {}).then((c) => c.total));
      }
    });
    const importProgress = (): EventPayload<'import.progress'>[] => events.filter((e) => e.name === 'import.progress').map((e) => e.payload as EventPayload<'import.progress'>);
    let importEnded = false;
    const ended = new Promise<void>((resolve) =>
      core.onEvent((name, payload) => {
        if (name !== 'import.progress' || (payload as EventPayload<'import.progress'>).state === 'running') return;
        importEnded = true;
        resolve();
      }),
    );

    const grant = await core.grantFile(csvFile, 'read');
    if (!grant.ok) throw new Error(grant.error.message);
    await call(core, 'import.start', { grant: grant.value.grant });
    // Fired once the first batch has been written, so they meet the import's later batches.
    for (let i = 0; i < 6_000 && !importProgress().some((p) => p.counts.imported > 0); i++) await new Promise((r) => setTimeout(r, 10));
    expect(importProgress().every((p) => p.state === 'running'), 'the import was still running when the requests went out').toBe(true);

    const filters: FeedbackFilter[] = [
      {},
      { status: ['open'] },
      { sentiment: ['negative'], unread: true },
      { channel: ['email', 'chat'] },
      { query: 'refund' },
      { query: 'login password' },
      { status: ['open', 'pending'], query: 'order' },
      { escalated: false, sentiment: ['negative', 'neutral'] },
    ];
    const updated = demo.slice(0, 10);
    const escalated = demo.slice(10, 20);
    const requests: Request[] = [
      ...Array.from({ length: 60 }, (_, i): Request => ({ channel: 'feedback.list', input: { filter: filters[i % filters.length]!, sort: i % 3 === 0 ? 'oldest' : 'newest', cursor: null, limit: 50 } })),
      ...Array.from({ length: 40 }, (_, i): Request => ({ channel: 'feedback.get', input: { id: demo[20 + (i % 40)]! } })),
      ...Array.from({ length: 30 }, (_, i): Request => ({ channel: 'feedback.count', input: { filter: filters[i % filters.length]! } })),
      ...Array.from({ length: 20 }, (): Request => ({ channel: 'views.list', input: {} })),
      ...Array.from({ length: 15 }, (): Request => ({ channel: 'feedback.stats', input: {} })),
      ...Array.from({ length: 10 }, (): Request => ({ channel: 'escalations.list', input: { state: 'open', limit: 500 } })),
      ...Array.from({ length: 5 }, (): Request => ({ channel: 'escalations.stats', input: {} })),
      ...updated.map((id, i): Request => ({ channel: 'feedback.update', input: { ids: [id], change: { addTags: ['load-check'], assignee: `Agent ${i}` } } })),
      ...escalated.map((id): Request => ({ channel: 'escalation.create', input: { ids: [id], targetId: target!.id, reason: 'Load check', priority: 'high', note: null } })),
    ];
    expect(requests).toHaveLength(200);

    let duringImport = 0;
    const answers = await Promise.all(
      shuffled(requests, 7).map((r) =>
        core.invoke(r.channel, r.input).then((a: Result<unknown>) => {
          if (!importEnded) duringImport++;
          return { channel: r.channel, a };
        }),
      ),
    );
    expect(answers.filter(({ a }) => !a.ok), 'every answer is ok').toEqual([]);
    expect(duringImport, 'answers came while the import was writing').toBeGreaterThan(0);

    await ended;
    // The throttled trailing pushes, and the window's refreshes they start.
    await new Promise((r) => setTimeout(r, 1_200));
    const progress = importProgress();
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ state: 'done', counts: { read: ROWS, imported: ROWS, duplicates: 0, failed: 0 } });
    expect(progress.filter((p) => p.state !== 'running'), 'one final state, and nothing after it').toEqual([last]);
    const imported = progress.map((p) => p.counts.imported);
    expect(imported, 'progress never goes back').toEqual([...imported].sort((a, b) => a - b));

    expect((await call(core, 'feedback.count', {})).total).toBe(before + ROWS);
    expect(refreshes.length).toBeGreaterThan(0);
    expect(await refreshes.at(-1), 'the last refresh a feedback.changed starts sees every row').toBe(before + ROWS);

    for (const [i, id] of updated.entries()) {
      const item = await call(core, 'feedback.get', { id });
      expect(item.assignee).toBe(`Agent ${i}`);
      expect(item.tags.map((t) => t.name)).toContain('load-check');
    }
    const queue = await call(core, 'escalations.list', { state: 'open', limit: 500 });
    const open = new Set(queue.groups.flatMap((g) => g.items.map((e) => e.item.id)));
    expect(escalated.filter((id) => !open.has(id))).toEqual([]);
    // The window heard about each change, by id.
    const announced = new Set(events.filter((e) => e.name === 'feedback.changed').flatMap((e) => (e.payload as EventPayload<'feedback.changed'>).ids ?? []));
    expect([...updated, ...escalated].filter((id) => !announced.has(id))).toEqual([]);
  }, 120_000);
});
