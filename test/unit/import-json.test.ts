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
});
