import { describe, expect, it } from 'vitest';
import { formulaSafe } from '../../src/shared/reports/csv-safe';

describe('formulaSafe', () => {
  it('neutralises every formula trigger with a leading apostrophe', () => {
    expect(formulaSafe('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formulaSafe('+1 555 0100')).toBe("'+1 555 0100");
    expect(formulaSafe('-2+3')).toBe("'-2+3");
    expect(formulaSafe('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(formulaSafe('\t=1+1')).toBe("'\t=1+1");
    expect(formulaSafe('\r=1+1')).toBe("'\r=1+1");
    expect(formulaSafe('\n=1+1')).toBe("'\n=1+1");
  });

  it('looks past leading spaces, as spreadsheets do', () => {
    expect(formulaSafe('   =cmd|" /C calc"!A0')).toBe(`'   =cmd|" /C calc"!A0`);
  });

  it('catches the full-width forms some spreadsheets fold to ASCII', () => {
    expect(formulaSafe('＝1+1')).toBe("'＝1+1");
  });

  it('leaves ordinary text alone, including triggers that are not first', () => {
    for (const s of ['', 'Refund please', 'a=b', 'Zoë Müller', '2+2', "'quoted", ' plain']) expect(formulaSafe(s)).toBe(s);
  });
});
