import { describe, expect, it } from 'vitest';
import { detectFormat, openImport } from '../../src/main/core/ingest/readers';
import type { ImportRow } from '../../src/main/core/ingest/types';

const h = 'test/fixtures/import/helpdesk';

async function rowsOf(path: string): Promise<ImportRow[]> {
  const reader = await openImport(path);
  const out: ImportRow[] = [];
  for await (const row of reader.rows({})) out.push(row);
  return out;
}

describe('helpdesk exports', () => {
  it('detects Zendesk and Help Scout by content', async () => {
    expect(await detectFormat(`${h}/zendesk-tickets.ndjson`)).toBe('zendesk');
    expect(await detectFormat(`${h}/helpscout-conversations.csv`)).toBe('helpscout');
    expect(await detectFormat('test/fixtures/import/csv/survey.csv')).toBe('csv');
    expect(await detectFormat('test/fixtures/import/email/thread.mbox')).toBe('mbox');
    expect(await detectFormat('test/fixtures/import/email/thread')).toBe('eml');
  });

  it('reads Zendesk tickets with their comments, CSAT, tags and channel', async () => {
    const rows = await rowsOf(`${h}/zendesk-tickets.ndjson`);
    expect(rows.map((r) => r.kind)).toEqual(['item', 'item', 'error']);
    const [first, second, third] = rows;
    if (first?.kind !== 'item' || second?.kind !== 'item') throw new Error('items expected');
    expect(first.item).toMatchObject({
      source: 'zendesk',
      externalId: '35436',
      subject: 'Help, my printer is on fire!',
      body: 'The fire is very colorful.',
      status: 'resolved',
      rating: 5,
      channel: 'email',
      customer: { name: 'Maria Santos', email: 'maria@example.com' },
      tags: [
        { name: 'fire', source: 'import' },
        { name: 'printer', source: 'import' },
      ],
    });
    expect(first.item.messages.map((m) => m.direction)).toEqual(['in', 'out', 'note']);
    expect(first.item.messages[2]?.body).toContain('Attachments: photo.jpg (200 KB)');
    expect(second.item).toMatchObject({ externalId: '35437', channel: 'chat', rating: 1, status: 'open', body: 'I want a refund for order 1234.' });
    expect(third).toMatchObject({ kind: 'error', line: 3, reason: 'ticket 35438: "created_at" is missing or not a date' });
  });

  it('groups Help Scout thread rows into conversations', async () => {
    const rows = await rowsOf(`${h}/helpscout-conversations.csv`);
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['item', 2],
      ['item', 5],
    ]);
    const [a, b] = rows;
    if (a?.kind !== 'item' || b?.kind !== 'item') throw new Error('items expected');
    expect(a.item).toMatchObject({ source: 'helpscout', externalId: '2214567', status: 'closed', product: 'Support', body: 'Since this morning SSO login loops back to the start page.' });
    expect(a.item.messages.map((m) => m.direction)).toEqual(['in', 'note', 'out']);
    expect(a.item.tags.map((t) => t.name)).toEqual(['login', 'sso']);
    expect(b.item).toMatchObject({ externalId: '2214590', status: 'open', body: 'Bitte ändern Sie die Rechnungsadresse auf "Weber GmbH".' });
  });
});
