/**
 * Damage a real export the way disks, editors and half-finished downloads do: cut it off,
 * flip bytes, put NULs, BOMs or broken UTF-8 in it, double or drop lines, add a line far
 * longer than any record. Each mutation is shown by its name in a counterexample.
 */
import fc from 'fast-check';

export type Mutation = ((bytes: Buffer) => Buffer) & { toString(): string };

const named = (name: string, fn: (bytes: Buffer) => Buffer): Mutation => Object.assign(fn, { toString: () => name });
const at = (bytes: Buffer, fraction: number): number => Math.floor(fraction * bytes.length);
const insert = (bytes: Buffer, i: number, piece: Buffer): Buffer => Buffer.concat([bytes.subarray(0, i), piece, bytes.subarray(i)]);

function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, start)) {
    out.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

const pieces = {
  nul: Buffer.from([0]),
  bomUtf8: Buffer.from([0xef, 0xbb, 0xbf]),
  bomUtf16: Buffer.from([0xff, 0xfe]),
  badUtf8: Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe]),
  crOnly: Buffer.from('\r\r'),
  quote: Buffer.from('"'),
  brace: Buffer.from('{['),
};

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const one: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f) => named(`truncate at ${f.toFixed(3)}`, (b) => b.subarray(0, at(b, f)))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 255 })).map(([f, x]) => named(`xor byte at ${f.toFixed(3)} with ${x}`, (b) => {
    if (b.length === 0) return b;
    const copy = Buffer.from(b);
    const i = Math.min(at(b, f), b.length - 1);
    copy[i] = copy[i]! ^ x;
    return copy;
  })),
  fc.tuple(fraction, fc.constantFrom(...(Object.keys(pieces) as (keyof typeof pieces)[])), fc.integer({ min: 1, max: 50 })).map(([f, kind, times]) =>
    named(`insert ${times} x ${kind} at ${f.toFixed(3)}`, (b) => insert(b, at(b, f), Buffer.concat(Array.from({ length: times }, () => pieces[kind])))),
  ),
  fc.tuple(fraction, fc.integer({ min: 1, max: 200 })).map(([f, times]) => named(`repeat a line ${times} times`, (b) => {
    const ls = lines(b);
    if (ls.length === 0) return b;
    const i = Math.min(at(Buffer.alloc(ls.length), f), ls.length - 1);
    return Buffer.concat([...ls.slice(0, i + 1), ...Array.from({ length: times }, () => ls[i]!), ...ls.slice(i + 1)]);
  })),
  fraction.map((f) => named(`delete a line at ${f.toFixed(3)}`, (b) => {
    const ls = lines(b);
    const i = Math.min(at(Buffer.alloc(ls.length), f), ls.length - 1);
    return Buffer.concat(ls.filter((_, j) => j !== i));
  })),
  fc.tuple(fraction, fc.constantFrom(64 * 1024, 1_100_000, 3 << 20), fc.constantFrom('A', '"', ',', '{', 'é')).map(([f, size, c]) =>
    named(`insert a ${size}-byte line of ${c} at ${f.toFixed(3)}`, (b) => insert(b, at(b, f), Buffer.from(c.repeat(Math.ceil(size / Buffer.byteLength(c))))))),
);

/** One to three mutations, applied in order. */
export const mutationOf: fc.Arbitrary<Mutation> = fc
  .array(one, { minLength: 1, maxLength: 3 })
  .map((ms) => named(ms.map(String).join(', then '), (b) => ms.reduce((acc, m) => m(acc), b)));
