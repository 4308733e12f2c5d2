/**
 * Streamed draft text with PII put back: a placeholder split across pieces is never shown
 * half-written, pushes are throttled, and the pushed pieces always add up to the text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { RestoringStream } from '../../src/main/core/ai/draft-stream';
import { Redactor } from '../../src/shared/ai/redact';

afterEach(() => {
  vi.useRealTimers();
});

function collect(restore: (t: string) => string, clock?: () => number) {
  const pushes: { delta: string; text: string }[] = [];
  const stream = new RestoringStream({ restore, push: (delta, text) => pushes.push({ delta, text }), ...(clock ? { clock } : {}) });
  return { stream, pushes };
}

describe('RestoringStream', () => {
  it('holds back a placeholder until it is whole, then shows the real value', () => {
    const redactor = new Redactor({ names: ['Maria Lopez'] });
    const redacted = redactor.redact('Maria Lopez <maria@example.com>');
    expect(redacted).toBe('[NAME_1] <[EMAIL_1]>');
    let t = 0;
    const { stream, pushes } = collect((text) => redactor.restore(text), () => (t += 100));
    for (const piece of ['Hello [NA', 'ME_1], write to [EM', 'AIL_1', '] today.']) stream.add(piece);
    expect(stream.end()).toBe('Hello Maria Lopez, write to maria@example.com today.');
    // "[EM" + "AIL_1" is still open: nothing new is shown until the bracket closes.
    expect(pushes.map((p) => p.text)).toEqual(['Hello ', 'Hello Maria Lopez, write to ', 'Hello Maria Lopez, write to maria@example.com today.']);
    expect(pushes.map((p) => p.delta).join('')).toBe('Hello Maria Lopez, write to maria@example.com today.');
  });

  it('pushes at most every 50 ms, with a trailing push for what came in between', () => {
    vi.useFakeTimers();
    let now = 0;
    const { stream, pushes } = collect((text) => text, () => now);
    stream.add('a');
    now = 10;
    stream.add('b');
    stream.add('c');
    expect(pushes).toEqual([{ delta: 'a', text: 'a' }]);
    now = 50;
    vi.advanceTimersByTime(40);
    expect(pushes).toEqual([{ delta: 'a', text: 'a' }, { delta: 'bc', text: 'abc' }]);
    stream.add('[S');
    expect(stream.end()).toBe('abc[S');
    expect(pushes.at(-1)).toEqual({ delta: '[S', text: 'abc[S' });
    vi.advanceTimersByTime(1000);
    expect(pushes).toHaveLength(3);
  });

  it('whatever the chunking, the pieces add up to the restored text and no push ends inside a placeholder', () => {
    const redactor = new Redactor({ names: ['Anke Schulz'] });
    redactor.redact('Anke Schulz, anke@example.de, +49 30 12345678');
    const reply = 'Liebe [NAME_1], wir schreiben an [EMAIL_1] [S1] und rufen [PHONE_1] an. [S2]';
    const restored = redactor.restore(reply);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: reply.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => reply.slice(start, at[i] ?? reply.length));
        let t = 0;
        const { stream, pushes } = collect((text) => redactor.restore(text), () => (t += 60));
        for (const p of pieces) stream.add(p);
        expect(stream.end()).toBe(restored);
        expect(pushes.map((p) => p.delta).join('')).toBe(restored);
        for (const p of pushes) expect(p.text).not.toMatch(/\[(N|E|P)[A-Z_]*\d*$/);
      }),
    );
  });
});
