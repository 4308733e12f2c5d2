/**
 * Conversation-shaped tables (a row per message, threaded by a reply-to column) at the
 * reader: which row starts each conversation, which rows become its messages and in which
 * direction, in whatever order the file lists them.
 */
import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openImport } from '../../src/main/core/ingest/readers';
import type { ImportRow } from '../../src/main/core/ingest/types';
import type { ColumnMapping } from '../../src/shared/import';

const tweets = 'test/fixtures/import/csv/support-tweets.csv';
const dir = mkdtempSync(join(tmpdir(), 'hearken-import-conversations-'));
let n = 0;

async function read(path: string, mapping?: ColumnMapping): Promise<{ rows: ImportRow[]; bytes: number; total: number }> {
  const reader = await openImport(path);
  const rows: ImportRow[] = [];
  for await (const row of reader.rows(mapping ? { mapping } : {})) rows.push(row);
  return { rows, bytes: reader.bytesRead(), total: (await reader.preview()).totalBytes };
}

/** A row as [line, kind, what]: the item's id, the message's conversation and direction, or the reason. */
function shape(row: ImportRow): [number, string, string] {
  if (row.kind === 'item') return [row.line, 'item', row.item.externalId ?? '-'];
  if (row.kind === 'message') return [row.line, 'message', `${row.conversation.externalId} ${row.message.direction}`];
  return [row.line, 'error', row.reason];
}

describe('the origin of a file nobody named', () => {
  it('is the file’s content: a renamed copy with another time is the same origin, another export with the same ids is not', async () => {
    const first = join(dir, `export-${n++}.csv`);
    writeFileSync(first, 'id,comment\n1,Fast delivery\n2,Too expensive\n');
    const copy = join(dir, `copy of export-${n++}.csv`);
    copyFileSync(first, copy);
    utimesSync(copy, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const other = join(dir, `export-${n++}.csv`);
    writeFileSync(other, 'id,comment\n1,The setup wizard crashed\n2,Loved the tour\n');
    const originOf = async (path: string): Promise<string | undefined> => (await (await openImport(path)).preview()).origin;
    const sourceOf = async (path: string): Promise<string | undefined> => {
      for await (const row of (await openImport(path)).rows({})) if (row.kind === 'item') return row.item.source;
      return undefined;
    };
    expect(await originOf(first)).toMatch(/^csv:[0-9a-f]{16}$/);
    expect(await originOf(copy)).toBe(await originOf(first));
    expect(await sourceOf(copy)).toBe(await originOf(first));
    expect(await originOf(other)).not.toBe(await originOf(first));
    // A later export of the same data that only grew at the end keeps the origin of its first 64 KiB.
    const long = join(dir, `long-${n++}.csv`);
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},Comment number ${i} about the product`);
    writeFileSync(long, `id,comment\n${rows.join('\n')}\n`);
    const grown = join(dir, `long-${n++}.csv`);
    writeFileSync(grown, `id,comment\n${rows.join('\n')}\n3000,A new answer\n`);
    expect(await originOf(grown)).toBe(await originOf(long));
  });
});

describe('a conversation-shaped table (the Twitter customer-support export)', () => {
  it('guesses the id, reply-to, direction, author, date and text columns, and the social channel', async () => {
    const preview = await (await openImport(tweets)).preview();
    expect(preview.guessedMapping).toMatchObject({
      fields: { externalId: 'tweet_id', replyTo: 'in_response_to_tweet_id', direction: 'inbound', customerName: 'author_id', receivedAt: 'created_at', body: 'text' },
      defaultChannel: 'social',
    });
    // The ids of the replies are not the message this row replies to.
    expect(Object.values(preview.guessedMapping!.fields)).not.toContain('response_tweet_id');
  });

  it('threads rows listed before the messages they answer: each conversation once, its messages with their directions', async () => {
    const { rows, bytes, total } = await read(tweets);
    const lines = new Map([...rows].map((r) => [r.line, r]));
    // Every row of the file is accounted for exactly once.
    expect(rows.map((r) => r.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    expect(lines.size).toBe(12);
    // The items come before any message of their conversation.
    const started = new Set<string>();
    for (const row of rows) {
      if (row.kind === 'item' && row.item.externalId) started.add(row.item.externalId);
      if (row.kind === 'message') expect(started).toContain(row.conversation.externalId);
    }
    expect(rows.map(shape).sort((a, b) => a[0] - b[0])).toEqual([
      [2, 'message', '10 out'],
      [3, 'message', '10 in'],
      [4, 'item', '10'],
      [5, 'message', '10 out'],
      [6, 'item', '22'],
      // The company's announcement that the customer answered joins that customer's conversation.
      [7, 'message', '22 out'],
      // Another customer answering the same announcement is a conversation of its own.
      [8, 'item', '23'],
      [9, 'message', '22 out'],
      [10, 'item', '31'],
      [11, 'message', '31 out'],
      [12, 'error', "the company's own message, and its conversation has no customer message in this file to attach it to: not imported"],
      [13, 'item', '51'],
    ]);
    expect(bytes).toBe(total);
  });

  it('makes the customer the item, the company the author of its replies, with the rows’ own times and decoded text', async () => {
    const { rows } = await read(tweets);
    const item = rows.find((r) => r.kind === 'item' && r.item.externalId === '10');
    expect(item?.kind === 'item' && item.item).toMatchObject({
      source: expect.stringMatching(/^csv:[0-9a-f]{16}$/),
      channel: 'social',
      body: "@AcmeHelp my parcel still hasn't arrived <sigh>",
      customer: { name: '900001' },
      receivedAt: Date.UTC(2017, 10, 1, 8, 58, 2),
      messages: [{ direction: 'in', author: '900001', sentAt: Date.UTC(2017, 10, 1, 8, 58, 2) }],
    });
    const reply = rows.find((r) => r.line === 2);
    expect(reply?.kind === 'message' && reply).toMatchObject({
      conversation: { source: item?.kind === 'item' ? item.item.source : '', externalId: '10' },
      message: { direction: 'out', author: 'AcmeHelp', body: '@900001 Sorry about that! Could you DM us your order number & postcode?', sentAt: Date.UTC(2017, 10, 1, 9, 5, 10) },
    });
    const numeric = rows.find((r) => r.line === 3);
    expect(numeric?.kind === 'message' && numeric.message.body).toBe('@AcmeHelp done – sent it');
    const emoji = rows.find((r) => r.line === 13);
    expect(emoji?.kind === 'item' && emoji.item.body).toBe('@AcmeHelp love the new app update! 👍');
  });

  it('says so when a row replies to a message that is not in the file', async () => {
    const { rows } = await read(tweets);
    const orphan = rows.find((r) => r.line === 10);
    expect(orphan?.kind === 'item' && orphan.notes).toEqual(['replies to a message that is not in this file: imported as the start of its own conversation']);
    for (const row of rows) {
      const text = row.kind === 'error' ? row.reason : row.notes?.join(' ') ?? '';
      // Reasons and notes never quote the row: no ids, names or text of the customer's.
      expect(text).not.toMatch(/9000|Acme|refund|Glad/);
    }
  });

  it('reads a company column listed as outbound values, and skips the company rows when nothing threads them', async () => {
    const file = join(dir, `authors-${n++}.csv`);
    writeFileSync(file, 'id,author,message\n1,ann,My order is late\n2,Acme Support,Sorry! Looking now\n3,bob,Love it\n');
    const mapping: ColumnMapping = { fields: { externalId: 'id', direction: 'author', customerName: 'author', body: 'message' }, timeZone: 'UTC', defaultChannel: 'chat', outboundValues: ['acme support'] };
    const { rows } = await read(file, mapping);
    expect(rows.map(shape)).toEqual([
      [2, 'item', '1'],
      [3, 'error', `the company's own message (the column "author" says so), and no "Replies to (message ID)" column is mapped to put it in a conversation: not imported`],
      [4, 'item', '3'],
    ]);
  });

  it('threads a chat log in file order in two passes, with direction words and a cycle cut instead of looping', async () => {
    const file = join(dir, `chat-${n++}.csv`);
    writeFileSync(
      file,
      [
        'message_id,parent_id,direction,sent_at,body',
        'a1,,inbound,2024-03-05 10:00,Hi there',
        'a2,a1,outbound,2024-03-05 10:01,Hello! How can I help?',
        'a3,a2,inbound,2024-03-05 10:02,My invoice is wrong',
        'c1,c2,inbound,2024-03-05 11:00,Loop one',
        'c2,c1,outbound,2024-03-05 11:01,Loop two',
        'x1,,sideways,2024-03-05 12:00,Who wrote me?',
      ].join('\n'),
    );
    const reader = await openImport(file);
    const guessed = (await reader.preview()).guessedMapping!;
    expect(guessed.fields).toMatchObject({ externalId: 'message_id', replyTo: 'parent_id', direction: 'direction', receivedAt: 'sent_at', body: 'body' });
    const rows: ImportRow[] = [];
    for await (const row of reader.rows({})) rows.push(row);
    expect(rows.map(shape)).toEqual([
      [2, 'item', 'a1'],
      [3, 'message', 'a1 out'],
      [4, 'message', 'a1 in'],
      [5, 'item', 'c1'],
      [6, 'message', 'c1 out'],
      [7, 'error', 'the column "direction" does not say here whether the customer or the company wrote the row'],
    ]);
  });

  it('accounts for every row once, items before their messages, for any forest of replies in any order', async () => {
    // A random reply forest: row i replies to an earlier row (or none, or a missing id), written in a shuffled order.
    const forest = fc
      .array(fc.record({ parent: fc.option(fc.nat(), { nil: undefined }), out: fc.boolean(), missing: fc.boolean() }), { minLength: 1, maxLength: 30 })
      .chain((nodes) => fc.tuple(fc.constant(nodes), fc.shuffledSubarray(nodes.map((_, i) => i), { minLength: nodes.length, maxLength: nodes.length })));
    await fc.assert(
      fc.asyncProperty(forest, async ([nodes, order]) => {
        const file = join(dir, `forest-${n++}.csv`);
        const parentOf = (i: number): string => {
          const node = nodes[i]!;
          if (node.parent === undefined || i === 0) return node.missing ? 'gone' : '';
          return `m${node.parent % i}`;
        };
        const records = order.map((i) => [`m${i}`, nodes[i]!.out ? 'False' : 'True', `2024-01-01 10:${String(i).padStart(2, '0')}`, `text ${i}`, parentOf(i)]);
        writeFileSync(file, stringify([['tweet_id', 'inbound', 'created_at', 'text', 'in_response_to_tweet_id'], ...records]));
        const { rows } = await read(file);
        expect(rows.map((r) => r.line).sort((a, b) => a - b)).toEqual(order.map((_, k) => k + 2));
        const started = new Set<string>();
        for (const row of rows) {
          if (row.kind === 'item') {
            expect(nodes[Number(row.item.externalId!.slice(1))]!.out).toBe(false);
            started.add(row.item.externalId!);
          }
          if (row.kind === 'message') expect(started).toContain(row.conversation.externalId);
          if (row.kind === 'error') expect(row.reason).toMatch(/^the company's own message/);
        }
        // Every customer message is imported: as an item or as a message of one.
        const imported = new Set(rows.flatMap((r) => (r.kind === 'item' ? [r.item.body] : r.kind === 'message' ? [r.message.body] : [])));
        nodes.forEach((node, i) => {
          if (!node.out) expect(imported).toContain(`text ${i}`);
        });
      }),
      { numRuns: 60 },
    );
  });
});
