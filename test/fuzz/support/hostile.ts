/**
 * Inputs nobody should send: wrong types, prototype keys, NaN and Infinity, huge strings,
 * deep nesting, random keys. Only data a transport can carry (structured clone over IPC,
 * JSON over the test bridge): no functions, symbols, proxies or throwing getters.
 */
import fc from 'fast-check';

/** Sets an own property, even `__proto__` (an assignment would set the prototype instead). */
function ownKey(target: Record<string, unknown>, k: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, k, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const trickyKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'length', '', ' ', 'id\u0000', '__defineGetter__'];
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...trickyKeys));

const weirdNumbers = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53), 1e308, 0.1);
const weirdStrings = fc.constantFrom('', ' ', '\u0000', '\uD800', '\uFEFF', '../../etc/passwd', 'C:\\Windows\\win.ini', '%s%s%n', "'; DROP TABLE feedback; --", '${{7*7}}', '<script>alert(1)</script>', 'null', '[EMAIL_1]');

/** A string of 1 to 4 MB: the validators must cut it off by length, not by time. */
const huge = fc.constantFrom(1 << 20, 4 << 20).chain((n) => fc.constantFrom('a', 'é', '💥', '\u0000').map((c) => c.repeat(n / c.length)));

/** Arrays or objects `levels` deep: a recursive walker over them would overflow the stack. */
const deep = fc.record({ levels: fc.integer({ min: 50, max: 5_000 }), asArray: fc.boolean(), k: key }).map(({ levels, asArray, k }) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = asArray ? [value] : ownKey({}, k, value);
  return value;
});

/** An object with its own `__proto__` key, as JSON.parse makes it (an assignment would set the prototype instead). */
const ownProto = fc.jsonValue({ maxDepth: 2 }).map((payload) => JSON.parse(`{"__proto__": ${JSON.stringify(payload) ?? 'null'}, "constructor": {"prototype": {"polluted": true}}}`) as unknown);

const anything = fc.anything({
  key,
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anything },
  { weight: 2, arbitrary: weirdNumbers },
  { weight: 2, arbitrary: weirdStrings },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: ownProto },
);

/** A valid-looking input broken in one place: a field swapped for a hostile value, or an extra key. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, key, hostileValue, fc.boolean()).map(([input, k, bad, replace]) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad;
    const own = Object.keys(input);
    const target = replace && own.length > 0 ? own[Math.abs(k.length * 7919) % own.length]! : k;
    return ownKey({ ...(input as Record<string, unknown>) }, target, bad);
  });
}

/** Something no input may do: leave a property on Object.prototype. */
export function prototypePolluted(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).filter((name) => !baselineProto.has(name));
}
const baselineProto = new Set(Object.getOwnPropertyNames(Object.prototype));
