import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/main/core/store/db';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightRuns, toFtsQuery, withPrefixExpanded } from '../../src/shared/search';

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

describe('withPrefixExpanded', () => {
  it('replaces a long prefix by the matching words of the given texts, folded as the index folds them', () => {
    expect(withPrefixExpanded('"late" AND "refu"*', ['Refund please', 'two REFUNDS, no refusal?', null])).toBe('"late" AND ("refund" OR "refunds" OR "refusal")');
    expect(withPrefixExpanded('"verspä"*', ['Paket VERSPÄTET'])).toBe('("verspatet")');
  });

  it('leaves short prefixes, finished words and unmatched texts alone', () => {
    expect(withPrefixExpanded('"ref"*', ['refund'])).toBe('"ref"*');
    expect(withPrefixExpanded('"refund"', ['refund'])).toBe('"refund"');
    expect(withPrefixExpanded('"refu"*', ['nothing here'])).toBe('"refu"*');
  });

  it('highlights the same words in a snippet as the prefix query', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '3')");
    const texts = ['Where is my refund? I was refunded only half, and the Refunds page is empty', 'Réfugié status: refuse to wait', 'nothing to see'];
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    texts.forEach((text, i) => insert.run(i + 1, text));
    const snippets = (query: string): unknown => db.prepare("SELECT rowid, snippet(t, 0, '[', ']', '…', 20) AS s FROM t WHERE t MATCH ? ORDER BY rowid").all(query);
    fc.assert(
      fc.property(fc.constantFrom('refu', 'refun', 'réfu', 'refus', 'wher', 'half', 'noth'), (typed) => {
        const match = toFtsQuery(typed)!;
        expect(snippets(withPrefixExpanded(match, texts))).toEqual(snippets(match));
      }),
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
