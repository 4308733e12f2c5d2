import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openImport } from '../../src/main/core/ingest/readers';
import type { ImportRow } from '../../src/main/core/ingest/types';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';

const fixtures = 'test/fixtures/import';
const dir = mkdtempSync(join(tmpdir(), 'hearken-import-csv-'));
let n = 0;

async function rowsOf(path: string, options: { format?: 'csv' | 'tsv' } = {}): Promise<ImportRow[]> {
  const reader = await openImport(path, options);
  const out: ImportRow[] = [];
  for await (const row of reader.rows({})) out.push(row);
  return out;
}

function items(rows: ImportRow[]) {
  return rows.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
}

// Text a customer might write: quotes, delimiters, line breaks, accents, CJK and emoji.
const text = fc.stringMatching(/^[a-zA-Z0-9 "',;|\n\r\téüß€中文😀👍-]{1,60}$/u).filter((s) => s.trim() !== '');
const tag = fc.stringMatching(/^[a-z0-9é😀-]{1,12}$/u);

describe('CSV reader', () => {
  it('reads back what csv-stringify wrote, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ body: text, subject: text, name: text, email: fc.emailAddress(), tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }) }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';', '\t', '|'),
        async (records, delimiter) => {
          const file = join(dir, `prop-${n++}.csv`);
          const data = records.map((r, i) => [String(i), '2024-03-05T10:00:00Z', r.name, r.email, r.subject, r.body, r.tags.join(';')]);
          writeFileSync(file, stringify([['id', 'date', 'customer name', 'email', 'subject', 'message', 'tags'], ...data], { delimiter }));
          const got = items(await rowsOf(file));
          expect(got).toHaveLength(records.length);
          got.forEach((item, i) => {
            const r = records[i]!;
            expect(item.body).toBe(r.body.trim());
            expect(item.subject).toBe(r.subject.trim());
            expect(item.customer?.name).toBe(r.name.trim());
            expect(item.customer?.email).toBe(r.email);
            expect(item.tags.map((t) => t.name)).toEqual(r.tags);
            expect(item.messages[0]).toMatchObject({ direction: 'in', body: r.body.trim() });
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports the physical line each record starts on, and bad rows without stopping', async () => {
    const rows = await rowsOf(`${fixtures}/csv/survey.csv`);
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['item', 2],
      ['error', 4],
      ['error', 5],
      ['error', 6],
    ]);
    // Reasons name the column and the kind of problem, never the customer's value.
    expect(rows[1]).toMatchObject({ reason: 'the column "rating" does not hold a rating from 1 to 5 here' });
    expect(rows[2]).toMatchObject({ reason: expect.stringContaining('no message text') });
    expect(rows[3]).toMatchObject({ reason: expect.stringMatching(/^the column "date" does not hold a date here/) });
    for (const row of rows) if (row.kind === 'error') expect(row.reason).not.toMatch(/\b9\b|yesterday/);
    const first = items(rows)[0]!;
    expect(first.body).toBe('Great app,\nbut slow');
    // 05/03/2024 is 5 March: another value in the column (13/03/2024) proves day-first.
    expect(new Date(first.receivedAt).toISOString()).toBe('2024-03-05T14:02:00.000Z');
    expect(first).toMatchObject({ source: expect.stringMatching(/^csv:[0-9a-f]{16}$/), externalId: '1', rating: 5, status: 'open', unread: true, sentiment: null });
  });

  it('detects BOM, UTF-16 LE/BE and Windows-1252, with their delimiters', async () => {
    const cases: [string, string, string, string][] = [
      ['french-bom.tsv', 'utf-8-bom', '\t', 'Très bien 👍'],
      ['german-1252.csv', 'windows-1252', ';', 'Zu teuer für 5 €'],
      ['spanish-utf16le.csv', 'utf-16le', '|', '¡Excelente servicio!'],
      ['utf16be.csv', 'utf-16be', ',', 'Fine'],
    ];
    for (const [file, encoding, delimiter, body] of cases) {
      const reader = await openImport(`${fixtures}/csv/${file}`);
      const preview = await reader.preview();
      expect([file, preview.encoding, preview.delimiter]).toEqual([file, encoding, delimiter]);
      expect(items(await rowsOf(`${fixtures}/csv/${file}`))[0]?.body).toBe(body);
    }
  });

  it('cuts oversized fields with a note, and uses the file time once when no date is mapped', async () => {
    const file = join(dir, 'long.csv');
    writeFileSync(file, `message,subject\n${'x'.repeat(100_010)},${'s'.repeat(1_200)}\nshort,ok\n`);
    const rows = await rowsOf(file);
    const [a, b] = rows;
    expect(a?.kind === 'item' && a.item.body.length).toBe(100_000);
    expect(a?.kind === 'item' && a.item.subject?.length).toBe(1_000);
    expect(a?.kind === 'item' && a.notes?.join(' | ')).toMatch(/body cut to 100,000.*modification time.*subject cut to 1,000/);
    expect(b?.kind === 'item' && b.notes).toBeUndefined();
  });

  it('stops promptly when the signal aborts', async () => {
    const file = join(dir, 'many.csv');
    writeFileSync(file, `message,date\n${Array.from({ length: 5000 }, (_, i) => `row ${i},2024-01-01`).join('\n')}\n`);
    const reader = await openImport(file);
    const controller = new AbortController();
    let seen = 0;
    for await (const _row of reader.rows({ signal: controller.signal })) {
      if (++seen === 10) controller.abort();
    }
    expect(seen).toBe(10);
  });

  it('guesses the generator’s columns from a real export’s header and values (its true/false unread flag is not a direction)', async () => {
    const file = join(dir, 'generated.csv');
    const gen = createGenerator({ seed: 5, count: 300 });
    writeFileSync(file, [csvHeader(), ...Array.from({ length: 300 }, (_, i) => itemToCsv(gen.item(i)))].join(''));
    const preview = await (await openImport(file)).preview();
    expect(preview.guessedMapping?.fields).toEqual({
      externalId: 'external_id',
      channel: 'channel',
      receivedAt: 'received_at',
      customerName: 'customer_name',
      customerEmail: 'customer_email',
      tier: 'customer_tier',
      language: 'language',
      product: 'product',
      subject: 'subject',
      body: 'body',
      status: 'status',
      sentiment: 'sentiment',
      rating: 'rating',
      tags: 'tags',
    });
  });

  it('reads a Windows-1252 file that iconv wrote', async () => {
    const file = join(dir, 'latin.csv');
    writeFileSync(file, iconv.encode('name,feedback\nRenée,"Très déçue, café froid"\n', 'windows-1252'));
    expect(items(await rowsOf(file))[0]?.body).toBe('Très déçue, café froid');
  });
});
