/**
 * Files made to hurt (or picked by mistake) through `hearken import` as a child process:
 * brackets nested far past any export, 200,000 columns, a 50 MB line, binary garbage.
 * Each is refused with VALIDATION and exit 2, a message that says what is wrong and what
 * to do and quotes nothing of the file, nothing stored, and the process's peak memory
 * bounded; a bad record further into a file fails that record (or stops there) the same way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';
import { countsOf, newCliStore, type CliStore, type CliStoreRun } from '../helpers/cli-store';

const CANARY = 'CANARY7Q4Z';
/** The CLI under tsx alone peaks near 300 MB; a reader that held a hostile file whole would pass 1 GB. */
const PEAK_RSS_LIMIT_MB = 700;
const DEEP = 150_000;
const MB50 = 50 * 1024 * 1024;

const files = mkdtempSync(join(tmpdir(), 'hearken-hostile-files-'));
const file = (name: string): string => join(files, name);
let store: CliStore;

beforeAll(() => {
  const deepObject = (levels: number): string => `${'{"a":'.repeat(levels)}"${CANARY}"${'}'.repeat(levels)}`;
  // Under 1 MB: checked whole, before JSON.parse.
  writeFileSync(file('deep-arrays.json'), `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);
  writeFileSync(file('deep-objects.json'), `[${deepObject(DEEP)}]`);
  // Over 1 MB: streamed, the nesting stopped before the parser sees it.
  writeFileSync(file('deep-arrays-streamed.json'), `${'['.repeat(1_500_000)}${']'.repeat(1_500_000)}`);
  writeFileSync(file('deep-objects-streamed.json'), `{"tickets": [${deepObject(400_000)}]}`);
  writeFileSync(file('deep.ndjson'), `${deepObject(DEEP)}\n`);
  writeFileSync(file('wide.csv'), `${Array.from({ length: 200_000 }, (_, i) => `${CANARY}${i}`).join(',')}\n${'x,'.repeat(199_999)}x\n`);
  writeFileSync(file('long-first-line.csv'), `body,${CANARY.repeat(MB50 / CANARY.length)}\nhello,1\n`);
  writeFileSync(file('long-first-line.ndjson'), `{"body":"${CANARY.repeat(MB50 / CANARY.length)}"}\n{"body":"fine"}\n`);
  const garbage = Buffer.alloc(4 * 1024 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (Math.imul(i, 2654435761) >>> 13) & 255;
  writeFileSync(file('garbage.csv'), garbage);

  // Further in: the records before the bad one are good.
  writeFileSync(file('deep-line.ndjson'), `{"body":"first of deep-line"}\n${deepObject(DEEP)}\n{"body":"third of deep-line"}\n`);
  writeFileSync(file('long-line.ndjson'), `{"body":"first of long-line"}\n{"body":"${CANARY.repeat(MB50 / CANARY.length)}"}\n{"body":"third of long-line"}\n`);
  writeFileSync(file('deep-record.json'), `[{"body":"first of deep-record"},{"body":"second of deep-record"},${deepObject(400_000)},{"body":"fourth of deep-record"}]`);
  writeFileSync(file('unclosed-quote.csv'), `id,body\n1,first\n2,"${CANARY} never closed\n${'3,more text\n'.repeat(2_000_000)}`);
  store = newCliStore('hearken-hostile-');
}, 120_000);

afterAll(() => {
  store?.remove();
  rmSync(files, { recursive: true, force: true });
});

function total(): number {
  const db = store.open();
  try {
    return (db.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function expectBounded(run: CliStoreRun): void {
  expectNoStackTrace(run);
  if (run.peakRssMb !== null) expect(run.peakRssMb).toBeLessThan(PEAK_RSS_LIMIT_MB);
  expect(run.stdout + run.stderr).not.toContain(CANARY);
}

describe('hostile files through `hearken import`', () => {
  const refused: [string, RegExp][] = [
    ['deep-arrays.json', /^hearken: deep-arrays\.json nests objects or lists more than 64 levels deep \(line 1\)\. Feedback exports nest a few levels: check that this is the export you meant, or export it again\. \[VALIDATION\]$/],
    ['deep-objects.json', /^hearken: deep-objects\.json nests objects or lists more than 64 levels deep \(line 1\)\. .*export it again\. \[VALIDATION\]$/],
    ['deep-arrays-streamed.json', /^hearken: Record 1 of deep-arrays-streamed\.json nests objects or lists more than 64 levels deep \(line 1\)\. .*export it again\. \[VALIDATION\]$/],
    ['deep-objects-streamed.json', /^hearken: Record 1 of deep-objects-streamed\.json nests objects or lists more than 64 levels deep \(line 1\)\. .*export it again\. \[VALIDATION\]$/],
    ['deep.ndjson', /^hearken: deep\.ndjson nests objects or lists more than 64 levels deep \(line 1\)\. .*export it again\. \[VALIDATION\]$/],
    ['wide.csv', /^hearken: wide\.csv has more than 2,000 columns in its header row; Hearken maps up to 2,000\. Export only the columns you need, or check the delimiter and that this is the export you meant\. \[VALIDATION\]$/],
    ['long-first-line.csv', /^hearken: The first line of long-first-line\.csv is longer than 1 MB, so it is not a header row\. The first line must name the columns: check that this is a CSV export with one record per line, or export it again\. \[VALIDATION\]$/],
    ['long-first-line.ndjson', /^hearken: The first line of long-first-line\.ndjson is longer than 1 MB, so it is not one record of NDJSON \(one JSON object per line\)\. .*export it again\. \[VALIDATION\]$/],
    ['garbage.csv', /^hearken: garbage\.csv is not a text file: it looks like binary data, not text\. Export the feedback as CSV \(UTF-8\), JSON or e-mail \(\.eml\/\.mbox\) and import that file instead\. \[VALIDATION\]$/],
  ];
  for (const [name, message] of refused) {
    it(`refuses ${name} with VALIDATION, exit 2, and bounded memory`, () => {
      const run = store.run(['import', file(name), '--json']);
      expectBounded(run);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim()).toMatch(message);
      expect(run.stdout).toBe('');
      expect(total()).toBe(0);
    }, 180_000);
  }

  it('an NDJSON line nested too deep or too long fails that line alone, by line number and kind', () => {
    for (const [name, reason] of [
      ['deep-line.ndjson', 'objects or lists nested more than 64 levels deep'],
      ['long-line.ndjson', 'the line is longer than 16 MB, too long for one record: check for a missing line break'],
    ] as const) {
      const before = total();
      const run = store.run(['import', file(name)]);
      expectBounded(run);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/3 rows read, 2 added, 0 already in the inbox, 1 failed/);
      expect(run.stdout).toContain(`line 2: ${reason}`);
      expect(total()).toBe(before + 2);
    }
  }, 240_000);

  it('stops at an array record nested too deep or a CSV record over 16 MB, keeping the records before it', () => {
    const deep = store.run(['import', file('deep-record.json'), '--json']);
    expectBounded(deep);
    expect(deep.status, deep.stderr).toBe(2);
    expect(deep.stderr).toMatch(/^hearken: Record 3 of deep-record\.json nests objects or lists more than 64 levels deep \(line 1\)\. .* \(2 rows before the problem were added\) \[VALIDATION\]$/m);
    expect(countsOf(deep.stdout)).toEqual({ read: 2, imported: 2, duplicates: 0, failed: 0 });

    const before = total();
    const quote = store.run(['import', file('unclosed-quote.csv'), '--json']);
    expectBounded(quote);
    expect(quote.status, quote.stderr).toBe(2);
    expect(quote.stderr).toMatch(
      /^hearken: Line 3 of unclosed-quote\.csv starts a record larger than 16 MB: a quote \("\) is probably never closed, or this is not a CSV export\. Close the quote or export the file again, then import it again\. \(1 rows before the problem were added\) \[VALIDATION\]$/m,
    );
    expect(countsOf(quote.stdout)).toEqual({ read: 1, imported: 1, duplicates: 0, failed: 0 });
    expect(total()).toBe(before + 1);
  }, 240_000);
});
