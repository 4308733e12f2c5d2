/**
 * The import dialog's column mapping (import/model/mapping.ts): one choice per column as
 * the agent sees it, turned into the core's target → column mapping and back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportPreviewInfo } from '../../src/shared/contract';
import { mappingTargets, type ColumnMapping } from '../../src/shared/import';
import {
  choicesFromMapping,
  chooseTarget,
  directionNeedsValues,
  estimateRows,
  isTabular,
  mappingFromChoices,
  mappingProblem,
  parseValueList,
  sampleCells,
  sampleValues,
  skipColumn,
  targetLabels,
  targetOrder,
} from '../../src/renderer/src/import/model/mapping';

const columns = ['ticket', 'text', 'from', 'when'];

describe('choicesFromMapping', () => {
  it('shows each mapped column with its target and every other column as skipped', () => {
    const mapping: ColumnMapping = { fields: { body: 'text', externalId: 'ticket' }, timeZone: 'UTC', defaultChannel: 'email' };
    expect(choicesFromMapping(columns, mapping)).toEqual({ ticket: 'externalId', text: 'body', from: skipColumn, when: skipColumn });
    expect(choicesFromMapping(columns, null)).toEqual({ ticket: skipColumn, text: skipColumn, from: skipColumn, when: skipColumn });
  });

  it('ignores a mapping to a column the file does not have, and gives a column one target', () => {
    const mapping: ColumnMapping = { fields: { body: 'text', subject: 'text', customerName: 'gone' }, timeZone: 'UTC', defaultChannel: 'email' };
    const choices = choicesFromMapping(columns, mapping);
    expect(Object.keys(choices)).toEqual(columns);
    // A Select holds one value: the first of the core's targets (subject before body) wins.
    expect(choices.text).toBe('subject');
    expect(Object.values(choices).filter((c) => c !== skipColumn)).toEqual(['subject']);
  });
});

describe('chooseTarget', () => {
  const start = choicesFromMapping(columns, { fields: { body: 'text', customerEmail: 'from' }, timeZone: 'UTC', defaultChannel: 'email' });

  it('moves a target to the new column and says which column lost it', () => {
    const { choices, displaced } = chooseTarget(start, 'ticket', 'body');
    expect(choices).toMatchObject({ ticket: 'body', text: skipColumn, from: 'customerEmail' });
    expect(displaced).toBe('text');
  });

  it('displaces nothing when the target was free, when it stays on the same column, or on skip', () => {
    expect(chooseTarget(start, 'when', 'receivedAt').displaced).toBeNull();
    expect(chooseTarget(start, 'text', 'body').displaced).toBeNull();
    const skipped = chooseTarget(start, 'from', skipColumn);
    expect(skipped.displaced).toBeNull();
    expect(skipped.choices.from).toBe(skipColumn);
    expect(skipped.choices.text).toBe('body');
  });

  it('leaves the choices it was given as they were', () => {
    const before = { ...start };
    chooseTarget(start, 'ticket', 'body');
    expect(start).toEqual(before);
  });

  it('never leaves a target on two columns, whatever the agent picks', () => {
    const target = fc.constantFrom(skipColumn, ...mappingTargets);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...columns), target), { maxLength: 30 }), (picks) => {
        let choices = choicesFromMapping(columns, null);
        for (const [column, chosen] of picks) choices = chooseTarget(choices, column, chosen).choices;
        const used = Object.values(choices).filter((c) => c !== skipColumn);
        expect(new Set(used).size).toBe(used.length);
        const last = picks.at(-1);
        if (last) expect(choices[last[0]]).toBe(last[1]);
      }),
    );
  });
});

describe('mappingFromChoices', () => {
  it('is the core’s mapping of the same choices, round trip included', () => {
    const choices = { ticket: 'externalId', text: 'body', from: skipColumn, when: 'receivedAt' } as const;
    const mapping = mappingFromChoices(choices, 'Europe/Berlin', 'chat');
    expect(mapping).toEqual({ fields: { externalId: 'ticket', body: 'text', receivedAt: 'when' }, timeZone: 'Europe/Berlin', defaultChannel: 'chat' });
    expect(choicesFromMapping(columns, mapping)).toEqual(choices);
  });
});

describe('mappingFromChoices with the step’s other answers', () => {
  const choices = { ticket: 'externalId', text: 'body', from: 'direction', when: skipColumn } as const;

  it('keeps a named origin (trimmed) and the company’s values of the direction column', () => {
    const mapping = mappingFromChoices(choices, 'UTC', 'social', { origin: '  Twitter support ', outboundValues: 'AppleSupport, , applesupport,AmazonHelp' });
    expect(mapping).toEqual({ fields: { externalId: 'ticket', body: 'text', direction: 'from' }, timeZone: 'UTC', defaultChannel: 'social', origin: 'Twitter support', outboundValues: ['AppleSupport', 'AmazonHelp'] });
  });

  it('leaves them out when empty, or when no column is the direction', () => {
    expect(mappingFromChoices(choices, 'UTC', 'email', { origin: '   ', outboundValues: '' })).not.toHaveProperty('origin');
    expect(mappingFromChoices({ text: 'body' }, 'UTC', 'email', { outboundValues: 'Acme' })).not.toHaveProperty('outboundValues');
    expect(parseValueList(' a ,b,, A')).toEqual(['a', 'b']);
  });
});

describe('mappingProblem', () => {
  it('blocks an import until a column holds the message', () => {
    expect(mappingProblem({ a: 'subject', b: skipColumn })).toMatch(/Message/);
    expect(mappingProblem({ a: 'subject', b: 'body' })).toBeNull();
  });

  it('blocks a column that fits none of the first rows, naming it and not its values', () => {
    const preview = { columns: ['text', 'when', 'who'], sample: [{ text: 'Hi', when: 'Ann', who: 'ann' }, { text: 'Yo', when: 'Bob', who: 'acme' }] };
    const problem = mappingProblem({ text: 'body', when: 'receivedAt', who: skipColumn }, preview);
    expect(problem).toBe('None of the first values of “when” reads as a date.');
    expect(problem).not.toMatch(/Ann|Bob/);
    expect(mappingProblem({ text: 'body', when: skipColumn, who: 'direction' }, preview)).toBe('“who” does not say who wrote each row: enter your team’s values under it.');
    // Naming the company's values answers it.
    expect(mappingProblem({ text: 'body', when: skipColumn, who: 'direction' }, preview, { outboundValues: 'acme' })).toBeNull();
  });
});

describe('directionNeedsValues', () => {
  it('asks for the company’s values only when the direction column holds something else than in/out', () => {
    const sample = [{ inbound: 'True', author: 'AppleSupport' }, { inbound: 'False', author: '115712' }];
    expect(directionNeedsValues({ inbound: 'direction', author: 'customerName' }, sample)).toBe(false);
    expect(directionNeedsValues({ inbound: skipColumn, author: 'direction' }, sample)).toBe(true);
    expect(directionNeedsValues({ inbound: skipColumn, author: 'customerName' }, sample)).toBe(false);
  });
});

describe('targets', () => {
  it('offers every target once, the message first, each with a label', () => {
    expect([...targetOrder].sort()).toEqual([...mappingTargets].sort());
    expect(targetOrder[0]).toBe('body');
    for (const t of mappingTargets) expect(targetLabels[t]).toBeTruthy();
  });

  it('treats only row-shaped formats as tabular', () => {
    expect(isTabular('csv')).toBe(true);
    expect(isTabular('ndjson')).toBe(true);
    expect(isTabular('mbox')).toBe(false);
  });
});

describe('sampleValues', () => {
  const sample: ImportPreviewInfo['sample'] = [{ text: 'Hello   there\n' }, { text: 'hello there' }, { text: 'Hello there' }, { text: '' }, {}, { text: 'x'.repeat(100) }, { text: 'more' }];

  it('lists distinct non-empty values with spaces collapsed, shortened for a cell', () => {
    const values = sampleValues(sample, 'text');
    expect(values).toEqual(['Hello there', 'hello there', `${'x'.repeat(79)}…`]);
    expect(values[2]).toHaveLength(80);
    expect(sampleValues(sample, 'text', 10)).toHaveLength(4);
    expect(sampleValues(sample, 'missing')).toEqual([]);
  });

  it('keeps each value whole for its title while the cell shows it shortened', () => {
    const cells = sampleCells(sample, 'text');
    expect(cells.map((c) => c.text)).toEqual(sampleValues(sample, 'text'));
    expect(cells[2]).toEqual({ text: `${'x'.repeat(79)}…`, full: 'x'.repeat(100) });
    expect(sampleCells([{ text: 'y'.repeat(1000) }], 'text', 3, 80, 600)[0]!.full).toHaveLength(600);
  });

  it('offers three values by default, as the mapping step shows', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ n: String(i % 5) }));
    expect(sampleCells(rows, 'n').map((c) => c.text)).toEqual(['0', '1', '2']);
  });
});

describe('estimateRows', () => {
  const preview = (p: Partial<ImportPreviewInfo>): Pick<ImportPreviewInfo, 'sample' | 'columns' | 'totalBytes' | 'format'> => ({
    sample: [{ a: '12345678', b: '12345678' }],
    columns: ['a', 'b'],
    totalBytes: 0,
    format: 'csv',
    ...p,
  });

  it('scales the file size by the sampled rows’ size', () => {
    // 8 + 8 bytes of values and a comma or newline each: 20 bytes a row.
    expect(estimateRows(preview({ totalBytes: 20_000 }))).toBe(1000);
    // JSON spends more on keys and quotes, so the same file holds fewer rows.
    expect(estimateRows(preview({ totalBytes: 20_000, format: 'json' }))!).toBeLessThan(1000);
  });

  it('never estimates fewer rows than were sampled', () => {
    expect(estimateRows(preview({ totalBytes: 1, sample: [{ a: 'x' }, { a: 'y' }, { a: 'z' }] }))).toBe(3);
  });

  it('has no estimate without rows, bytes or a row-shaped format', () => {
    expect(estimateRows(preview({ sample: [], totalBytes: 100 }))).toBeNull();
    expect(estimateRows(preview({ totalBytes: 0 }))).toBeNull();
    expect(estimateRows(preview({ totalBytes: 100, format: 'mbox' }))).toBeNull();
  });
});
