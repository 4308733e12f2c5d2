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
  it('threads a folder of .eml by Message-ID, In-Reply-To and References into one item', async () => {
    const item = await only(`${e}/thread`);
    expect(item).toMatchObject({ source: 'email', externalId: '<t1@example.org>', subject: 'Export fails', channel: 'email', status: 'open', unread: true });
    expect(item.customer).toMatchObject({ name: 'Anna Berg', email: 'anna@example.org' });
    expect(item.body).toBe('Hello, the CSV export fails with error E42.\nAnna');
    expect(item.messages.map((m) => [m.direction, m.author])).toEqual([
      ['in', 'Anna Berg'],
      ['out', 'Support'],
      ['in', 'Anna Berg'],
    ]);
    expect(new Date(item.receivedAt).toISOString()).toBe('2024-03-05T13:02:00.000Z');
  });

  it('reads the same thread from an mbox, unquoting >From lines', async () => {
    const reader = await openImport(`${e}/thread.mbox`);
    expect(reader.format).toBe('mbox');
    const item = await only(`${e}/thread.mbox`);
    expect(item.externalId).toBe('<t1@example.org>');
    expect(item.messages).toHaveLength(3);
    expect(item.messages[2]?.body).toBe('Firefox 124 on Windows.\nFrom the logs: nothing.');
    const folder = await only(`${e}/thread`);
    expect(item.contentHash).toBe(folder.contentHash);
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

  it('reports a bounce as an error row, not feedback', async () => {
    expect(await rowsOf(`${e}/bounce.eml`)).toEqual([{ kind: 'error', line: 1, reason: 'delivery failure notice, not customer feedback (from mailer-daemon@mx.acme.test)' }]);
  });
});
