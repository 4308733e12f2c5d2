import { describe, expect, it } from 'vitest';
import { openImport } from '../../src/main/core/ingest/readers';
import type { ImportRow } from '../../src/main/core/ingest/types';
import type { NewFeedback } from '../../src/main/core/ingest/types';

const e = 'test/fixtures/import/email';

async function rowsOf(path: string): Promise<ImportRow[]> {
  const reader = await openImport(path);
  const out: ImportRow[] = [];
  for await (const row of reader.rows({})) out.push(row);
  return out;
}

async function only(path: string): Promise<NewFeedback> {
  const rows = await rowsOf(path);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (row?.kind !== 'item') throw new Error(`expected an item, got ${JSON.stringify(row)}`);
  return row.item;
}

describe('e-mail reader', () => {
  it('threads a folder of .eml by Message-ID, In-Reply-To and References: an item, then message rows for it', async () => {
    const [first, ...rest] = await rowsOf(`${e}/thread`);
    if (first?.kind !== 'item') throw new Error(`expected an item, got ${JSON.stringify(first)}`);
    const item = first.item;
    expect(item).toMatchObject({ source: 'email', externalId: '<t1@example.org>', subject: 'Export fails', channel: 'email', status: 'open', unread: true });
    expect(item.customer).toMatchObject({ name: 'Anna Berg', email: 'anna@example.org' });
    expect(item.body).toBe('Hello, the CSV export fails with error E42.\nAnna');
    expect(item.messages.map((m) => [m.direction, m.author])).toEqual([['in', 'Anna Berg']]);
    expect(rest.map((r) => (r.kind === 'message' ? [r.line, r.conversation.externalId, r.message.direction, r.message.author] : r))).toEqual([
      [2, '<t1@example.org>', 'out', 'Support'],
      [3, '<t1@example.org>', 'in', 'Anna Berg'],
    ]);
    expect(new Date(item.receivedAt).toISOString()).toBe('2024-03-05T13:02:00.000Z');
  });

  it('reads the same thread from an mbox, unquoting >From lines', async () => {
    const reader = await openImport(`${e}/thread.mbox`);
    expect(reader.format).toBe('mbox');
    const rows = await rowsOf(`${e}/thread.mbox`);
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['item', 1],
      ['message', 13],
      ['message', 27],
    ]);
    const [item, , last] = rows;
    if (item?.kind !== 'item' || last?.kind !== 'message') throw new Error('expected an item and messages');
    expect(item.item.externalId).toBe('<t1@example.org>');
    expect(last.message.body).toBe('Firefox 124 on Windows.\nFrom the logs: nothing.');
    const folder = (await rowsOf(`${e}/thread`))[0];
    expect(item.item.contentHash).toBe(folder?.kind === 'item' ? folder.item.contentHash : null);
  });

  it('decodes quoted-printable multipart/alternative, base64 and encoded headers', async () => {
    const alt = await only(`${e}/multipart-alternative-qp.eml`);
    expect(alt.body).toBe('Die Rechnung ist falsch: 19 € statt 9 €. Grüße');
    expect(alt.subject).toBe('Rechnung falsch');
    expect(alt.customer?.name).toBe('Jürgen Müller');
    expect((await only(`${e}/base64.eml`)).body).toBe('Bonjour, l’application plante au démarrage depuis la mise à jour.');
  });

  it('takes text from an HTML-only message', async () => {
    const item = await only(`${e}/html-only.eml`);
    expect(item.body).toContain('The new dashboard is great.');
    expect(item.body).toContain('One wish: dark mode.');
    expect(item.body).not.toMatch(/<[a-z]/);
  });

  it('keeps a forwarded message as text and strips Fwd: from the subject', async () => {
    const item = await only(`${e}/forwarded.eml`);
    expect(item.subject).toBe('Your invoice 2024-03');
    expect(item.body).toContain('---------- Forwarded message ---------');
    expect(item.body).toContain('Amount due: 49.00 EUR');
  });

  it('lists attachments by name and size without storing them', async () => {
    const item = await only(`${e}/attachment.eml`);
    expect(item.body).toBe('The VAT on the attached invoice is wrong.\n\nAttachments: invoice.pdf (2 KB)');
  });

  it('skips a bounce with its reason: not feedback, and not a failure', async () => {
    expect(await rowsOf(`${e}/bounce.eml`)).toEqual([{ kind: 'error', skipped: true, line: 1, reason: 'delivery failure notice (bounce), not customer feedback' }]);
  });
});
