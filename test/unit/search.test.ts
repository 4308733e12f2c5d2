import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/main/core/store/db';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightRuns, toFtsQuery } from '../../src/shared/search';

describe('toFtsQuery', () => {
  it('ANDs words and makes the word being typed a prefix', () => {
    expect(toFtsQuery('refund late')).toBe('"refund" AND "late"*');
    expect(toFtsQuery('refund late ')).toBe('"refund" AND "late"');
    expect(toFtsQuery('  ')).toBeNull();
    // One or two letters are a word, not a prefix of most of the index.
    expect(toFtsQuery('r')).toBe('"r"');
    expect(toFtsQuery('re')).toBe('"re"');
    expect(toFtsQuery('ref')).toBe('"ref"*');
  });

  it('keeps quoted phrases together', () => {
    expect(toFtsQuery('"still waiting" refund')).toBe('"still waiting" AND "refund"*');
    expect(toFtsQuery('"no one answered"')).toBe('"no one answered"');
    expect(toFtsQuery('"unfinished phrase')).toBe('"unfinished phrase"');
  });

  it('treats FTS5 operators and punctuation as text', () => {
    expect(toFtsQuery('subject:refund NEAR(a b) OR -x')).toBe('"subject" AND "refund" AND "NEAR" AND "a" AND "b" AND "OR" AND "x"');
    expect(toFtsQuery('LM-119978')).toBe('"LM" AND "119978"*');
    expect(toFtsQuery('verspätet')).toBe('"verspätet"*');
    expect(toFtsQuery('***')).toBeNull();
  });

  it('never produces a MATCH expression that FTS5 rejects', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO t VALUES ('hello world')");
    const search = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const query = toFtsQuery(text);
        if (query !== null) expect(() => search.get(query)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    db.close();
  });
});

describe('highlightRuns', () => {
  it('splits a snippet into plain and highlighted runs', () => {
    expect(highlightRuns(`Where is my ${HIGHLIGHT_START}refund${HIGHLIGHT_END}?`)).toEqual([
      { text: 'Where is my ', hit: false },
      { text: 'refund', hit: true },
      { text: '?', hit: false },
    ]);
    expect(highlightRuns('plain')).toEqual([{ text: 'plain', hit: false }]);
  });
});
