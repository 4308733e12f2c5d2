/** Source markers in a draft: known ones kept in one form, unknown ones dropped, and segments for the window's chips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationSegments, resolveCitations } from '../../src/shared/ai/citations';

const markers = ['S1', 'S2', 'S3'];

describe('resolveCitations', () => {
  it('keeps markers that name a source', () => {
    expect(resolveCitations('Parcels are re-shipped after 10 days [S1].', markers)).toEqual({ text: 'Parcels are re-shipped after 10 days [S1].', cited: ['S1'], unknown: [] });
  });

  it('removes markers that name no source, with the space before them', () => {
    expect(resolveCitations('Refunds take 5 days [S7]. See our policy [S2].', markers)).toEqual({ text: 'Refunds take 5 days. See our policy [S2].', cited: ['S2'], unknown: ['S7'] });
  });

  it('normalises the forms models write', () => {
    expect(resolveCitations('A [S1, S2] b', markers).text).toBe('A [S1][S2] b');
    expect(resolveCitations('A [S1][S2] b', markers).text).toBe('A [S1][S2] b');
    expect(resolveCitations('注文は再送されます【S1】。', markers).text).toBe('注文は再送されます[S1]。');
    expect(resolveCitations('A ［S3］ b', markers).text).toBe('A [S3] b');
    expect(resolveCitations('A [s2] b [S 1] c [S01]', markers).text).toBe('A [S2] b [S1] c [S1]');
    expect(resolveCitations('A [S1; S9 and S3] b', markers)).toEqual({ text: 'A [S1][S3] b', cited: ['S1', 'S3'], unknown: ['S9'] });
    expect(resolveCitations('A [S1] [S1] b', markers).text).toBe('A [S1] b');
  });

  it('lists cited markers once, in order of first citation', () => {
    expect(resolveCitations('x [S3] y [S1] z [S3]', markers).cited).toEqual(['S3', 'S1']);
  });

  it('leaves redaction placeholders and other brackets alone', () => {
    const text = 'Write to [EMAIL_1] about order [1234] (see S1) [Step 2].';
    expect(resolveCitations(text, markers)).toEqual({ text, cited: [], unknown: [] });
  });

  it('never leaves an unknown marker, and cites only known ones (property)', () => {
    const marker = fc.integer({ min: 0, max: 12 }).map((n) => `S${n}`);
    const piece = fc.oneof(
      fc.string(),
      marker.map((m) => `[${m}]`),
      marker.map((m) => `【${m}】`),
      fc.array(marker, { minLength: 1, maxLength: 3 }).map((ms) => `[${ms.join(', ')}]`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.subarray(['S1', 'S2', 'S3', 'S4']), (pieces, known) => {
        const result = resolveCitations(pieces.join(' '), known);
        for (const seg of citationSegments(result.text)) if (seg.kind === 'cite') expect(known).toContain(seg.marker);
        for (const m of result.cited) expect(known).toContain(m);
        for (const m of result.unknown) expect(known).not.toContain(m);
        // Resolving again changes nothing.
        expect(resolveCitations(result.text, known).text).toBe(result.text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('citationSegments', () => {
  it('cuts text into runs and markers', () => {
    expect(citationSegments('Re-shipped after 10 days [S1][S2]. Thanks!')).toEqual([
      { kind: 'text', text: 'Re-shipped after 10 days ' },
      { kind: 'cite', marker: 'S1' },
      { kind: 'cite', marker: 'S2' },
      { kind: 'text', text: '. Thanks!' },
    ]);
    expect(citationSegments('')).toEqual([]);
    expect(citationSegments('[S1]')).toEqual([{ kind: 'cite', marker: 'S1' }]);
    expect(citationSegments('no markers [EMAIL_1]')).toEqual([{ kind: 'text', text: 'no markers [EMAIL_1]' }]);
  });
  it('joins back to the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer({ min: 1, max: 20 }).map((n) => `[S${n}]`))), (parts) => {
        const text = parts.join('');
        const joined = citationSegments(text)
          .map((s) => (s.kind === 'text' ? s.text : `[${s.marker}]`))
          .join('');
        expect(joined).toBe(text);
      }),
    );
  });
});
