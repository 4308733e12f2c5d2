/**
 * The knowledge base on a real encrypted store: articles written, searched (bm25) and
 * deleted through the core's channels; a folder of Markdown files imported through a read
 * grant (title from the heading, tags from front matter, updated on re-import, a binary and
 * an oversized file skipped with their reasons, nothing written when the import fails); and
 * the grounding a draft gets, with the matching article ranked first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundingSources } from '../../src/main/core/ai/retrieval';
import { parseMarkdownArticle } from '../../src/main/core/ai/kb-folder';
import { NoSecretStore } from '../../src/main/core/secrets';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';
import { openEncrypted } from '../../src/main/core/store/open';
import type { CoreDialogs } from '../../src/main/core/types';
import type { EventName } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/replies/inbox.json', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'hearken-kb-'));
let temp: TempCore;
let raw: DB;
const events: EventName[] = [];

beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
  const { recoveryKey } = await call(temp.core, 'store.create', { passphrase: 'kb tests passphrase' });
  await call(temp.core, 'demo.load', {});
  temp.core.onEvent((name) => events.push(name));
  raw = openEncrypted(join(temp.dataDir, 'hearken.db'), { keyHex: databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex') });
});
afterAll(async () => {
  raw.close();
  await temp.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const article = (title: string, body: string, tags: string[] = []) => ({ article: { title, body, tags } });

async function itemId(subject: string): Promise<string> {
  const list = await call(temp.core, 'feedback.list', { limit: 50 });
  const item = list.items.find((i) => i.subject === subject);
  if (!item) throw new Error(`no item "${subject}"`);
  return item.id;
}

describe('knowledge base', () => {
  it('saves, lists by title, searches by bm25, edits and deletes, each audited and announced', async () => {
    events.length = 0;
    const refunds = await call(temp.core, 'kb.save', article('Refunds', 'Refunds are issued within 14 days of the return reaching our warehouse.', ['refund']));
    const shipping = await call(temp.core, 'kb.save', article('Shipping times', 'Parcels arrive in 3-5 working days; tracking updates daily.', ['delivery']));
    expect(refunds.article).toMatchObject({ title: 'Refunds', tags: ['refund'], sourceFile: null, id: expect.any(String) });
    expect(events.filter((e) => e === 'kb.changed')).toHaveLength(2);

    const all = await call(temp.core, 'kb.list', {});
    expect(all.articles.map((a) => a.title)).toEqual(['Refunds', 'Shipping times']);
    expect((await call(temp.core, 'kb.list', { query: 'when does my parcel arrive' })).articles.map((a) => a.title)).toEqual(['Shipping times']);
    // Porter stemming: "refunded" finds "Refunds".
    expect((await call(temp.core, 'kb.list', { query: 'refunded' })).articles[0]?.title).toBe('Refunds');
    expect((await call(temp.core, 'kb.list', { query: '"; DROP TABLE kb_articles; --' })).articles).toEqual([]);

    const edited = await call(temp.core, 'kb.save', { id: shipping.article.id, ...article('Shipping times', 'Parcels arrive in 2-4 working days.', ['delivery']) });
    expect(edited.article).toMatchObject({ id: shipping.article.id, body: 'Parcels arrive in 2-4 working days.' });
    expect((await call(temp.core, 'kb.list', { query: 'working days' })).articles.map((a) => a.body)).toEqual(['Parcels arrive in 2-4 working days.']);
    expect(await callError(temp.core, 'kb.save', { id: '01NOSUCHARTICLE', ...article('X', 'y') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callError(temp.core, 'kb.save', article('', 'text'))).toMatchObject({ code: 'VALIDATION' });

    expect(await call(temp.core, 'kb.delete', { id: shipping.article.id })).toEqual({ deleted: true });
    expect(await call(temp.core, 'kb.delete', { id: shipping.article.id })).toEqual({ deleted: false });
    expect((await call(temp.core, 'kb.list', { query: 'parcel' })).articles).toEqual([]);
    const audit = raw.prepare("SELECT action FROM audit_events WHERE action LIKE 'kb.%' ORDER BY at, id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['kb.created', 'kb.created', 'kb.updated', 'kb.deleted']);
    await call(temp.core, 'kb.delete', { id: refunds.article.id });
  });

  it('imports a folder of Markdown: heading as title, front-matter tags, a sub-folder, skipped files with reasons, updates on re-import', async () => {
    const folder = join(scratch, 'help-centre');
    mkdirSync(join(folder, 'billing'), { recursive: true });
    mkdirSync(join(folder, 'billing', 'too-deep'), { recursive: true });
    writeFileSync(join(folder, 'returns.md'), '---\ntags: [returns, refund]\n---\n# Returns within 30 days\n\nYou can return any item within 30 days for a full refund.\n');
    writeFileSync(join(folder, 'shipping-times.markdown'), 'Parcels arrive in 3-5 working days.\n');
    writeFileSync(join(folder, 'billing', 'refunds.md'), '---\ntags:\n  - refund\n  - billing\n---\n# Refunds\n\nRefunds are issued within 14 days.\n');
    writeFileSync(join(folder, 'billing', 'too-deep', 'ignored.md'), '# Ignored\n\nTwo levels down.\n');
    writeFileSync(join(folder, 'notes.txt'), 'not markdown');
    writeFileSync(join(folder, 'logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(folder, 'latin1.md'), Buffer.from('# Caf\xe9\n\nCr\xe8me br\xfbl\xe9e.\n', 'latin1'));
    writeFileSync(join(folder, 'huge.md'), `# Huge\n\n${'word '.repeat(220_000)}`);

    events.length = 0;
    const grant = await grantOf(temp.core, folder, 'read');
    const first = await call(temp.core, 'kb.import', { grant });
    expect(first).toMatchObject({ folderName: 'help-centre', added: 3, updated: 0 });
    expect(first.skipped).toEqual(
      expect.arrayContaining([
        { file: 'logo.md', reason: 'not a text file' },
        { file: 'latin1.md', reason: expect.stringMatching(/not UTF-8/) },
        { file: 'huge.md', reason: 'larger than 1 MB' },
      ]),
    );
    expect(first.skipped).toHaveLength(3);
    expect(events).toContain('kb.changed');
    const listed = (await call(temp.core, 'kb.list', {})).articles;
    expect(listed.map((a) => [a.title, a.sourceFile, a.tags])).toEqual([
      ['Refunds', 'billing/refunds.md', ['refund', 'billing']],
      ['Returns within 30 days', 'returns.md', ['returns', 'refund']],
      ['shipping times', 'shipping-times.markdown', []],
    ]);
    expect(listed.find((a) => a.title === 'Refunds')!.body).toBe('Refunds are issued within 14 days.');

    // Again: unchanged files are not counted; an edited one updates its article in place.
    const before = listed.find((a) => a.title === 'Refunds')!;
    writeFileSync(join(folder, 'billing', 'refunds.md'), '# Refunds\n\nRefunds are issued within 10 days.\n');
    const second = await call(temp.core, 'kb.import', { grant });
    expect(second).toMatchObject({ added: 0, updated: 1 });
    const after = (await call(temp.core, 'kb.list', { query: 'refunds' })).articles.find((a) => a.sourceFile === 'billing/refunds.md')!;
    expect(after).toMatchObject({ id: before.id, body: 'Refunds are issued within 10 days.', tags: [] });

    // A grant for writing, or none that the core minted, opens nothing.
    expect(await callError(temp.core, 'kb.import', { grant: 'made-up-grant' })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
    // Without a grant and without dialogs (a CLI or test core), it says how to name a folder.
    expect(await callError(temp.core, 'kb.import', {})).toMatchObject({ code: 'VALIDATION' });
  });

  it("asks the host's folder dialog when no grant is given, across the worker port as in the app", async () => {
    const folder = join(scratch, 'from-dialog');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'warranty.md'), '# Warranty\n\nEvery device has a two-year warranty.\n');
    const asked: string[] = [];
    const dialogs: CoreDialogs = {
      chooseImportFiles: () => Promise.resolve([]),
      chooseSavePath: () => Promise.resolve(null),
      chooseOpenFile: () => Promise.resolve(null),
      chooseFolder: ({ title }) => {
        asked.push(title);
        return Promise.resolve(asked.length === 1 ? folder : null);
      },
    };
    const worker = await makeTempCore({ secrets: new NoSecretStore(), worker: true, core: { dialogs } });
    try {
      await call(worker.core, 'store.create', { passphrase: 'kb worker passphrase' });
      expect(await call(worker.core, 'kb.import', {})).toEqual({ folderName: 'from-dialog', added: 1, updated: 0, skipped: [] });
      expect(asked[0]).toMatch(/Markdown/);
      // Cancelled: nothing chosen, nothing imported.
      expect(await call(worker.core, 'kb.import', {})).toEqual({ folderName: null, added: 0, updated: 0, skipped: [] });
      expect((await call(worker.core, 'kb.list', { query: 'warranty' })).articles.map((a) => a.title)).toEqual(['Warranty']);
    } finally {
      await worker.cleanup();
    }
  });

  it('reads titles and tags from Markdown as people write it', () => {
    expect(parseMarkdownArticle('Intro line\n\n# Real title #\nBody', 'x.md')).toEqual({ title: 'Real title', body: 'Intro line\n\n\nBody'.trim(), tags: [] });
    expect(parseMarkdownArticle('---\ntags: "a", b\ntitle: ignored\n---\nJust text', 'faq_billing.md')).toEqual({ title: 'faq billing', body: 'Just text', tags: ['a', 'b'] });
    expect(parseMarkdownArticle('## Only a subheading\ntext', 'sub.md').title).toBe('sub');
  });

  it('grounds a draft on the article that matches the conversation, ranked first among articles', async () => {
    await call(temp.core, 'kb.save', article('Gift cards', 'Gift cards never expire and can be used online.', ['gift']));
    await call(temp.core, 'kb.save', article('Lost parcels', 'If tracking has not moved for 7 days we send a replacement parcel.', ['delivery']));
    const sources = groundingSources(raw, await itemId('Still waiting for refund on returned headphones'));
    const kb = sources.filter((s) => s.kind === 'kb').map((s) => s.title);
    expect(kb).toContain('KB: Refunds');
    expect(kb).not.toContain('KB: Gift cards');
    expect(kb).not.toContain('KB: Lost parcels');
    expect(sources.map((s) => s.marker)).toEqual(sources.map((_, i) => `S${i + 1}`));
    expect(sources.some((s) => s.kind === 'template')).toBe(true);
    const reply = sources.find((s) => s.kind === 'reply');
    expect(reply?.title).toMatch(/^Reply to 'Refund for my returned headphones' \(\d{1,2} [A-Z][a-z]{2}\)$/);
    expect(reply?.feedbackId).toBe(await itemId('Refund for my returned headphones'));
    for (const s of sources) {
      expect(s.excerpt.length).toBeLessThanOrEqual(300);
      expect(s.text.length).toBeLessThanOrEqual(1500);
      expect(s.title).not.toBe('Earlier reply');
    }

    const parcel = groundingSources(raw, await itemId('Parcel tracking stuck'), { limit: 3 });
    expect(parcel.length).toBeLessThanOrEqual(3);
    expect(parcel.find((s) => s.kind === 'kb')).toMatchObject({ title: 'KB: Lost parcels', excerpt: 'If tracking has not moved for 7 days we send a replacement parcel.' });
  });
});
