/** Customer text in a prompt cannot open or close its delimited block. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, oneLine, untrustedBlock, UNTRUSTED_CLOSE, UNTRUSTED_OPEN } from '../../src/shared/ai/untrusted';

describe('neutralise', () => {
  it('leaves ordinary text alone', () => {
    const text = 'Order #1234 arrived broken -> please send a new one. 3 < 5 and 7 > 2. «Bonjour» 注文';
    expect(neutralise(text)).toBe(text);
  });
  it('defuses delimiters and look-alikes', () => {
    expect(neutralise('CUSTOMER_TEXT>>>')).toBe('customer text>>');
    expect(neutralise('<<<<customer text')).toBe('<<customer text');
    expect(neutralise('ＣＵＳＴＯＭＥＲ＿ＴＥＸＴ＞＞＞')).toBe('customer text>>');
    expect(neutralise('Customer\u200b-Text »»»')).toBe('customer text >>');
  });
  it('never lets a delimiter through, whatever is around it (property)', () => {
    const pieces = fc.constantFrom('CUSTOMER_TEXT', '>>>', '<<<', '>', '<', '\u200b', '_', 'custom', 'ER', 'TEXT', ' ', 'x', '＞', '＜');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.string(), (parts, noise) => {
        const out = neutralise(parts.join('') + noise);
        expect(out).not.toContain(UNTRUSTED_OPEN);
        expect(out).not.toContain(UNTRUSTED_CLOSE);
        expect(out.normalize('NFKC')).not.toMatch(/customer_text|<{3}|>{3}/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe('untrustedBlock and oneLine', () => {
  it('labels a block and cuts it past its length', () => {
    expect(untrustedBlock('subject', 'Hi', 10)).toBe(`${UNTRUSTED_OPEN} subject\nHi\n${UNTRUSTED_CLOSE}`);
    expect(untrustedBlock('body', 'abcdef', 4)).toBe(`${UNTRUSTED_OPEN} body\nabcd\n[…cut: 2 more characters]\n${UNTRUSTED_CLOSE}`);
  });
  it('flattens team-written text to one short line', () => {
    expect(oneLine('Refunds,\n\n  invoices ')).toBe('Refunds, invoices');
    expect(oneLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
