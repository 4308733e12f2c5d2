/**
 * Language reasons through the import, on a real encrypted store: each item stores why it
 * has its language; a short text from a customer who wrote German before is German with the
 * reason 'customer-history'; a language the file named is 'from-file'; re-analysis keeps to that.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { EventPayload, FeedbackDetail } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call } from '../helpers/results';

const open: TempCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function importCsv(core: HostCore, events: { name: string; payload: unknown }[], csv: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-lang-'));
  dirs.push(dir);
  const path = join(dir, 'feedback.csv');
  writeFileSync(path, csv);
  const { importId } = await call(core, 'import.start', { grant: await grantOf(core, path) });
  for (let i = 0; i < 3_000; i++) {
    if (events.some((e) => e.name === 'import.progress' && (e.payload as EventPayload<'import.progress'>).importId === importId && (e.payload as EventPayload<'import.progress'>).state !== 'running')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('Timed out waiting for the import');
}

async function detailOf(core: HostCore, query: string): Promise<FeedbackDetail> {
  const { items } = await call(core, 'feedback.list', { filter: { query }, limit: 5 });
  expect(items, query).toHaveLength(1);
  return call(core, 'feedback.get', { id: items[0]!.id });
}

describe('language reasons', () => {
  it('stores why each item has its language, and borrows a customer’s earlier language for a short text', async () => {
    const temp = await makeTempCore({ secrets: new NoSecretStore() });
    open.push(temp);
    await call(temp.core, 'store.create', { passphrase: 'language reason passphrase' });
    const events: { name: string; payload: unknown }[] = [];
    temp.core.onEvent((name, payload) => events.push({ name, payload }));

    await importCsv(
      temp.core,
      events,
      [
        'id,customer,email,date,message,language',
        '1,Jonas Weber,jonas@example.com,2024-03-05 14:02,"Ich warte immer noch auf meine Rückerstattung, bitte helfen Sie mir.",',
        '2,Ann Lee,ann@example.com,2024-03-05 15:00,"The app crashes every time I open the invoices page",',
        '3,Chloé Martin,chloe@example.com,2024-03-05 16:00,"Colis reçu",fr',
        '4,Ann Lee,ann@example.com,2024-03-05 17:00,"ok",',
      ].join('\n'),
    );
    // Later, in another file: a short text from the German customer.
    await importCsv(temp.core, events, ['id,customer,email,date,message', '5,Jonas Weber,jonas@example.com,2024-03-07 09:00,"Karte gesperrt"'].join('\n'));

    expect(await detailOf(temp.core, 'Rückerstattung')).toMatchObject({ language: 'de', languageReason: 'function-words' });
    expect(await detailOf(temp.core, 'invoices')).toMatchObject({ language: 'en', languageReason: 'function-words' });
    expect(await detailOf(temp.core, 'Colis')).toMatchObject({ language: 'fr', languageReason: 'from-file' });
    expect(await detailOf(temp.core, 'gesperrt')).toMatchObject({ language: 'de', languageReason: 'customer-history' });

    // Re-analysis detects again, with the same reasons; the file's language stays the file's.
    const { jobId } = await call(temp.core, 'analysis.run', { filter: {} });
    const finished = (): EventPayload<'analysis.progress'> | undefined =>
      events.map((e) => (e.name === 'analysis.progress' ? (e.payload as EventPayload<'analysis.progress'>) : null)).find((p) => p?.jobId === jobId && p.state !== 'running') ?? undefined;
    for (let i = 0; i < 3_000 && !finished(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(finished()?.state).toBe('done');
    expect(await detailOf(temp.core, 'gesperrt')).toMatchObject({ language: 'de', languageReason: 'customer-history' });
    expect(await detailOf(temp.core, 'Colis')).toMatchObject({ language: 'fr', languageReason: 'from-file' });
    expect(await detailOf(temp.core, 'Rückerstattung')).toMatchObject({ language: 'de', languageReason: 'function-words' });
  });
});
