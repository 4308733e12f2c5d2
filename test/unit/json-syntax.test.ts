/**
 * The JSON syntax locator that lets templates.import say where a file breaks without
 * quoting it: it agrees with JSON.parse on what is valid, and points at the fault.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorOffset, positionAt } from '../../src/main/core/json-syntax';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxErrorOffset', () => {
  it('agrees with JSON.parse on valid JSON, and on JSON with one character changed or cut short', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ' ', '\n', ',', '}', ']', '"', ':', 'x', '\\', '0', '-', '\u0001'), (value, at, insert) => {
        const text = JSON.stringify(value, null, at % 3);
        expect(jsonSyntaxErrorOffset(text)).toBeNull();
        const cut = at % (text.length + 1);
        for (const broken of [text.slice(0, cut) + insert + text.slice(cut), text.slice(0, cut)]) {
          expect(jsonSyntaxErrorOffset(broken) === null, JSON.stringify(broken)).toBe(parses(broken));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the first character that cannot belong, or the end when the text stops early', () => {
    expect(jsonSyntaxErrorOffset('password=hunter2')).toBe(0);
    expect(jsonSyntaxErrorOffset('{"a": 1,\n "b": secret}')).toBe(15);
    expect(jsonSyntaxErrorOffset('[1,]')).toBe(3);
    expect(jsonSyntaxErrorOffset('{"a":1} trailing')).toBe(8);
    expect(jsonSyntaxErrorOffset('{"a":')).toBe(5);
    expect(jsonSyntaxErrorOffset('')).toBe(0);
    // Deep nesting does not overflow the stack.
    expect(jsonSyntaxErrorOffset('['.repeat(200_000))).toBe(200_000);
  });

  it('turns an offset into a 1-based line and column', () => {
    expect(positionAt('{"a": 1,\n "b": secret}', 15)).toEqual({ line: 2, column: 7 });
    expect(positionAt('x', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
