import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HashedTable, hashString, scanWords, wordAt } from '../../src/main/core/analysis/scan';
import { tokenize } from '../../src/main/core/analysis/tokenize';

const samples = JSON.parse(readFileSync(new URL('../fixtures/analysis/language-samples.json', import.meta.url), 'utf8')) as { text: string }[];

function scanned(text: string): string[] {
  const w = scanWords(text);
  const out: string[] = [];
  for (let i = 0; i < w.count; i++) out.push(wordAt(w.start[i] as number, w.end[i] as number));
  return out;
}

describe('scanWords', () => {
  it('finds the same words as tokenize()', () => {
    const texts = [
      ...samples.map((s) => s.text),
      "Don't CHARGE me twice — order #A-1234, €49.99!! 😡",
      'ÜBER die Größe: ÉTÉ, NIÑO, ÇA',
      '注文した商品が届きません。アプリが落ちます',
      'see https://example.com/a?b=c and @support_team',
      '',
      '   ',
    ];
    for (const text of texts) expect(scanned(text), text).toEqual(tokenize(text));
  });

  it('hashes each word like hashString of its lower case, for table lookups', () => {
    const table = new HashedTable<number>();
    table.add('refund', hashString('refund'), 1);
    const w = scanWords('Where is my REFUND?');
    const found = [];
    for (let i = 0; i < w.count; i++) found.push(table.get(w.start[i] as number, w.end[i] as number, w.hash[i] as number));
    expect(found).toEqual([undefined, undefined, undefined, 1]);
  });
});
