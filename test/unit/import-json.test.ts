import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openImport } from '../../src/main/core/ingest/readers';
import type { ImportRow } from '../../src/main/core/ingest/types';

const j = 'test/fixtures/import/json';

async function rowsOf(path: string): Promise<ImportRow[]> {
  const reader = await openImport(path);
  const out: ImportRow[] = [];
  for await (const row of reader.rows({})) out.push(row);
  return out;
}

describe('JSON reader', () => {
  it('streams an array, maps dotted paths and keeps tag arrays', async () => {
    const reader = await openImport(`${j}/reviews.json`);
    const preview = await reader.preview();
    expect(preview.format).toBe('json');
    expect(preview.columns).toEqual(['id', 'created', 'customer.name', 'customer.email', 'text', 'stars', 'labels']);
    expect(preview.guessedMapping?.fields).toMatchObject({ externalId: 'id', receivedAt: 'created', customerName: 'customer.name', customerEmail: 'customer.email', body: 'text', rating: 'stars', tags: 'labels' });
    const rows: ImportRow[] = [];
    for await (const row of reader.rows({})) rows.push(row);
    expect(rows.map((r) => (r.kind === 'item' ? [r.line, r.item.body, r.item.rating, r.item.customer?.email, r.item.tags.map((t) => t.name), r.item.receivedAt] : r))).toEqual([
      [1, 'Love it', 5, 'ann@example.com', ['praise', 'ui'], Date.UTC(2024, 2, 5, 10)],
      [2, 'Too slow', 2, 'bob@example.com', [], Date.UTC(2024, 2, 5, 10)],
    ]);
    expect(reader.bytesRead()).toBe(preview.totalBytes);
  });

  it('reads NDJSON line by line; a broken line is an error row with its line', async () => {
    const rows = await rowsOf(`${j}/lines.ndjson`);
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['item', 1],
      ['error', 3],
      ['item', 4],
    ]);
    expect(rows[1]).toMatchObject({ reason: expect.stringMatching(/^not valid JSON/) });
  });

  it('scopes ids by the file (or a named origin), threads NDJSON messages by reply-to, and refuses a path no record has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-import-json-'));
    const file = join(dir, 'chat.ndjson');
    writeFileSync(
      file,
      [
        { id: 2, parent: 1, from: { role: 'agent', name: 'Sam' }, at: 1709647380000, body: 'Which order?' },
        { id: 1, parent: null, from: { role: 'customer', name: 'Ann' }, at: 1709647320000, body: 'My order &amp; invoice are wrong' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const reader = await openImport(file);
    const preview = await reader.preview();
    expect(preview.origin).toMatch(/^ndjson:[0-9a-f]{16}$/);
    expect(preview.guessedMapping?.fields).toMatchObject({ externalId: 'id', replyTo: 'parent', direction: 'from.role', receivedAt: 'at', body: 'body' });
    const rows: ImportRow[] = [];
    for await (const row of reader.rows({ mapping: { ...preview.guessedMapping!, fields: { ...preview.guessedMapping!.fields, customerName: 'from.name' }, origin: 'Chat widget' } })) rows.push(row);
    expect(rows).toMatchObject([
      { kind: 'item', line: 2, item: { source: 'origin:chat widget', externalId: '1', body: 'My order & invoice are wrong', receivedAt: 1709647320000, customer: { name: 'Ann' } } },
      { kind: 'message', line: 1, conversation: { source: 'origin:chat widget', externalId: '1' }, message: { direction: 'out', author: 'Sam', sentAt: 1709647380000 } },
    ]);
    const missing = reader.rows({ mapping: { ...preview.guessedMapping!, fields: { body: 'message.text' } } });
    await expect(missing[Symbol.asyncIterator]().next()).rejects.toThrow('The mapping takes Message from the column "message.text", which this file does not have.');
  });
});
