/**
 * fast-check arbitraries read off the contract's zod schemas, so a fuzzer reaches the
 * handlers behind validation and not only the validators. Values are "valid-looking": they
 * follow the schema's types, lengths and ranges, but a refinement, a trim or a regex may
 * still reject some, which the fuzzers want too. String fields also draw from a pool of
 * real values (ids, grants) so handlers find things and do not only answer NOT_FOUND.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export interface Hints {
  /** Real strings (ids from the store, minted grants); each string field draws those its schema accepts. */
  pool: readonly string[];
  /** Fields by key whose values must come from here (URLs: the fuzz never reaches beyond 127.0.0.1). */
  byKey: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Whole valid inputs by channel, for schemas whose cross-field rules random values rarely meet. */
  examples?: Readonly<Record<string, readonly unknown[]>>;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Record<string, unknown>[] => (def.checks ?? []).map((c) => c._zod.def);

/** Strings longer than this are drawn only at their exact limit: long random text is slow and says nothing new. */
const LONG = 200;
const MAX_DEPTH = 6;

function lengths(def: Def): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    if (c.check === 'length_equals') min = max = c.length as number;
  }
  return { min, max };
}

function stringArbitrary(schema: unknown, def: Def, hints: Hints): fc.Arbitrary<string> {
  const { min, max } = lengths(def);
  const formats = checksOf(def).filter((c) => c.check === 'string_format');
  const accepted = hints.pool.filter((s) => (schema as z.ZodType).safeParse(s).success);
  const options: fc.Arbitrary<string>[] = [];
  const format = formats[0];
  if (format?.format === 'email') options.push(fc.constantFrom('ana@example.com', 'x.y+z@test.org', 'a@b.c', '@nope'));
  else if (format?.format === 'url') options.push(fc.constantFrom('http://127.0.0.1:9/v1', 'https://127.0.0.1:9/hook', 'ftp://127.0.0.1/x', 'not a url'));
  else if (format?.format === 'regex' && format.pattern instanceof RegExp) options.push(fc.stringMatching(format.pattern, { size: 'small' }));
  else if (format) options.push(fc.string({ maxLength: 40 }));
  else {
    const upper = Math.min(max, Math.max(min, LONG));
    options.push(fc.string({ minLength: min, maxLength: upper, unit: 'grapheme' }));
    options.push(fc.string({ minLength: min, maxLength: upper, unit: 'binary' }));
    if (Number.isFinite(max) && max > LONG) options.push(fc.constant('x'.repeat(max)), fc.constant('é'.repeat(max + 1)));
    if (min > 0) options.push(fc.constant(' '.repeat(min)));
  }
  if (accepted.length > 0) options.push(fc.constantFrom(...accepted), fc.constantFrom(...accepted));
  return fc.oneof(...options);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let integer = false;
  for (const c of checksOf(def)) {
    if (c.check === 'number_format') integer = true;
    if (c.check === 'greater_than') min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : integer ? 1 : Number.EPSILON));
    if (c.check === 'less_than') max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : integer ? 1 : Number.EPSILON));
  }
  if (integer) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi), fc.integer({ min: Math.max(lo, -10), max: Math.max(Math.max(lo, -10), Math.min(hi, 1000)) }));
  }
  return fc.double({ min: Number.isFinite(min) ? min : -1e12, max: Number.isFinite(max) ? max : 1e12, noNaN: true });
}

/** Ranges with a rule across their fields: ordered most of the time, so more of them pass, with a span under a year. */
const rangePairs = [['from', 'to'], ['start', 'end']] as const;
function ordered(value: Record<string, unknown>): Record<string, unknown> {
  for (const [lo, hi] of rangePairs) {
    const a = value[lo];
    const b = value[hi];
    if (typeof a === 'string' && typeof b === 'string' && a > b) return { ...value, [lo]: b, [hi]: a };
    if (typeof a !== 'number' || typeof b !== 'number' || a === b || Math.abs(a - b) % 5 === 0) continue;
    const low = Math.min(a, b);
    const span = Math.min(Math.abs(a - b), 365 * 24 * 3_600_000);
    return { ...value, [lo]: low, [hi]: Number.isInteger(low) ? low + Math.round(span) : low + span };
  }
  return value;
}

/** A value shaped like `schema`; `key` is the object field it is for (see Hints.byKey). */
export function arbitraryOf(schema: unknown, hints: Hints, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (key !== undefined && key in hints.byKey) return hints.byKey[key]!;
  const def = defOf(schema);
  const inner = (s: unknown, k = key): fc.Arbitrary<unknown> => arbitraryOf(s, hints, k, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, hints);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    case 'intersection':
      return inner(def.left);
    case 'lazy':
      return depth > MAX_DEPTH ? fc.constant(null) : inner((def.getter as () => unknown)());
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const { min, max } = lengths(def);
      return fc.array(inner(def.element, undefined), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((i) => inner(i, undefined)));
    case 'record': {
      if (depth > MAX_DEPTH) return fc.constant({});
      const keyDef = defOf(def.keyType);
      // A record keyed by an enum wants every key, most of the time.
      if (keyDef.type === 'enum') {
        const keys = Object.values(keyDef.entries as Record<string, string>);
        const all = fc.record(Object.fromEntries(keys.map((k) => [k, inner(def.valueType, undefined)])));
        return fc.oneof({ weight: 4, arbitrary: all }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys), inner(def.valueType, undefined), { maxKeys: keys.length }) });
      }
      return fc.dictionary(inner(def.keyType, undefined) as fc.Arbitrary<string>, inner(def.valueType, undefined), { maxKeys: 4 });
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [k, s] of Object.entries(shape)) {
        model[k] = inner(s, k);
        const t = defOf(s).type;
        if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(k);
      }
      return fc.record(model, { requiredKeys: required }).map(ordered);
    }
    default:
      // unknown, any, transforms, dates: whatever a window could send.
      return fc.jsonValue({ maxDepth: 2 });
  }
}
