/**
 * Cutting JSON records and lines out of a stream wherever its pieces happen to end: the
 * records come out whole and in order, the limits hold, and a fault is found in the record
 * that has it.
 */
import { describe, expect, it } from 'vitest';
import { JsonArrayRecords } from '../../src/main/core/ingest/readers/json-records';
import { deepLine, LineSplitter, MAX_DEPTH, MAX_RECORD_BYTES } from '../../src/main/core/ingest/readers/limits';

const tricky = [
  { body: 'plain' },
  { body: 'quotes " and \\ backslashes \\" inside', n: -1.5e3 },
  { body: 'brackets ] } [ { and commas , : inside a string', tags: ['a', 'b,c', ']'] },
  { body: 'ümlauts, emoji 🎉 and 中文 across piece ends', nested: { deeper: { list: [1, [2, [3]]] } } },
  { body: 'escapes \n \t \u0001 \u2028', empty: {}, none: null, yes: true },
];

/** Feeds `bytes` in pieces cut at `cuts` and collects the parsed records. */
function cutAt(records: JsonArrayRecords, bytes: Buffer, cuts: number[]): unknown[] {
  const out: unknown[] = [];
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    for (const text of records.push(bytes.subarray(from, to))) out.push(JSON.parse(text));
    from = to;
  }
  return out;
}

describe('JsonArrayRecords', () => {
  it('gives every record of a top-level array whole, wherever the pieces end', () => {
    const bytes = Buffer.from(JSON.stringify(tricky, null, 2));
    for (let cut = 0; cut <= bytes.length; cut++) {
      const records = new JsonArrayRecords(null);
      expect(cutAt(records, bytes, [cut])).toEqual(tricky);
      expect(records.endedEarly()).toBe(false);
    }
    const records = new JsonArrayRecords(null);
    expect(
      cutAt(
        records,
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(tricky);
  });

  it('gives the records under the wrapped key only, skipping other keys and arrays', () => {
    const doc = { meta: { count: 5, list: [{ body: 'not a record' }] }, 'other': [{ body: 'nor this' }], tickets: tricky, after: [1, 2] };
    const bytes = Buffer.from(JSON.stringify(doc));
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      const records = new JsonArrayRecords('tickets');
      expect(cutAt(records, bytes, [cut])).toEqual(tricky);
      expect(records.closed).toBe(true);
    }
    expect(cutAt(new JsonArrayRecords('t\u00e9'), Buffer.from('{"t\\u00e9": [{"a":1}]}'), [])).toEqual([{ a: 1 }]);
  });

  it('says an empty array holds nothing, and hands empty elements on as text JSON.parse refuses', () => {
    expect(cutAt(new JsonArrayRecords(null), Buffer.from(' [ ] '), [])).toEqual([]);
    const records = new JsonArrayRecords(null);
    expect(records.push('[1,,2]')).toEqual(['1', '', '2']);
    expect(new JsonArrayRecords(null).push('[{"a":1},]')).toEqual(['{"a":1}', '']);
  });

  it('knows a text that breaks off inside the array', () => {
    const records = new JsonArrayRecords(null);
    expect(records.push('[{"a":1},{"a":2},{"a"')).toEqual(['{"a":1}', '{"a":2}']);
    expect(records.endedEarly()).toBe(true);
  });

  it('stops before a record nested past the limit, after the records before it', () => {
    const deep = `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`;
    const ok = new JsonArrayRecords(null);
    expect(ok.push(`[1,\n${deep}]`).map((t) => t.trim())).toEqual(['1', deep]);
    const records = new JsonArrayRecords(null);
    expect(records.push(`[1,\n2,\n[${deep}],3]`).map((t) => t.trim())).toEqual(['1', '2']);
    expect(records.problem).toBe('deep');
    expect(records.lines + 1).toBe(3);
    expect(records.push('[4]')).toEqual([]);
  });

  it('stops at a record larger than the limit without holding it', () => {
    const records = new JsonArrayRecords(null);
    expect(records.push('[{"a":1},{"body":"')).toEqual(['{"a":1}']);
    const piece = Buffer.alloc(1024 * 1024, 0x78);
    for (let sent = 0; sent <= MAX_RECORD_BYTES && records.problem === null; sent += piece.length) records.push(piece);
    expect(records.problem).toBe('large');
    expect(records.count).toBe(1);
  });
});

describe('LineSplitter', () => {
  it('splits Buffers and strings at line breaks wherever the pieces end', () => {
    const text = 'first\r\nsecond ü🎉\n\nlast without break';
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const lines = new LineSplitter();
      expect([...lines.push(bytes.subarray(0, cut)), ...lines.push(bytes.subarray(cut)), ...lines.end()]).toEqual(['first\r', 'second ü🎉', '', 'last without break']);
    }
    const lines = new LineSplitter();
    expect([...lines.push('a\nb'), ...lines.push('c\n'), ...lines.end()]).toEqual(['a', 'bc']);
  });

  it('gives null for a line over the limit and goes on with the next', () => {
    const lines = new LineSplitter(10);
    expect([...lines.push('short\n0123456'), ...lines.push('789ABCDEF\nnext\n'), ...lines.end()]).toEqual(['short', null, 'next']);
    expect([...new LineSplitter(3).push('abcdef'), ...new LineSplitter(3).end()]).toEqual([]);
    const tail = new LineSplitter(3);
    tail.push('abcdef');
    expect(tail.end()).toEqual([null]);
  });
});

describe('deepLine', () => {
  it('finds the line where nesting passes the limit, ignoring brackets inside strings', () => {
    expect(deepLine(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toBeNull();
    expect(deepLine(`{"a":\n${'['.repeat(MAX_DEPTH)}}`)).toBe(2);
    expect(deepLine(`["${'['.repeat(1000)}", "\\"${'{'.repeat(1000)}"]`)).toBeNull();
    expect(deepLine(`[${'['.repeat(MAX_DEPTH)}`, 1)).toBeNull();
    expect(deepLine(`[${'['.repeat(MAX_DEPTH + 1)}`, 1)).toBe(1);
  });
});
