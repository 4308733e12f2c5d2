/**
 * Reasons and error messages name the line (or record) and the kind of problem, never the
 * file's text: a canary in every bad record must not reach the CLI's output, the stored
 * import run, the jobs table or the audit log.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';
import { newCliStore, type CliStore } from '../helpers/cli-store';

const CANARY = 'CANARY5JX8';
const files = mkdtempSync(join(tmpdir(), 'hearken-content-files-'));
let store: CliStore;

beforeAll(() => {
  store = newCliStore('hearken-content-');
}, 60_000);
afterAll(() => {
  store?.remove();
  rmSync(files, { recursive: true, force: true });
});

/** Everything the store keeps about imports and jobs, as text. */
function storedText(): string {
  const db = store.open();
  try {
    return JSON.stringify([
      db.prepare('SELECT * FROM import_runs').all(),
      db.prepare('SELECT * FROM jobs').all(),
      db.prepare('SELECT * FROM audit_events').all(),
    ]);
  } finally {
    db.close();
  }
}

describe('what an import says about bad records', () => {
  it('names bad NDJSON lines by number and kind of mistake, never by their text', () => {
    const file = join(files, 'bad-lines.ndjson');
    writeFileSync(
      file,
      [
        '{"body":"the first line is fine"}',
        `{"body": ${CANARY}}`,
        `{"body":"missing comma" "${CANARY}":1}`,
        `{"body":"${CANARY}`,
        `{${CANARY}: "unquoted key"}`,
        `{"body":"a tab\tinside ${CANARY}"}`,
        '{"body":"the last line is fine"}',
      ].join('\n'),
    );
    const text = store.run(['import', file]);
    expectNoStackTrace(text);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/7 rows read, 2 added, 0 already in the inbox, 5 failed/);
    for (const reason of [
      'line 2: not valid JSON: an unexpected character at column 10',
      'line 3: not valid JSON: a missing comma or closing } at column 25',
      'line 4: not valid JSON: a string that is never closed at column 20',
      'line 5: not valid JSON: a key without double quotes, or a comma before } at column 2',
      'line 6: not valid JSON: a raw control character (such as a tab or a line break) inside a string at column 15',
    ]) {
      expect(text.stdout).toContain(reason);
    }
    const json = store.run(['import', file, '--json']);
    expect(json.status, json.stderr).toBe(0);
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr, storedText()]) expect(output).not.toContain(CANARY);
  }, 120_000);

  it('says where a JSON file goes wrong (whole, damaged in the middle, cut off), without quoting it and keeping every record before', () => {
    const small = join(files, 'small-invalid.json');
    writeFileSync(small, `[\n  {"body": "fine"},\n  {"body": "${CANARY}" "x": 1}\n]`);
    const smallRun = store.run(['import', small, '--json']);
    expect(smallRun.status).toBe(2);
    expect(smallRun.stderr).toMatch(/^hearken: small-invalid\.json is not valid JSON \(a missing comma or closing \} at line 3, column 25\)\. Fix the file or export it again as a JSON array or NDJSON \(one object per line\)\. \[VALIDATION\]$/m);

    // Over 1 MB, so streamed: a damaged record in the middle, and a file cut off at the end.
    const records = (label: string): string[] => Array.from({ length: 50_000 }, (_, i) => `{"body":"record ${i} of ${label}"}`);
    const damaged = join(files, 'damaged.json');
    const before = records('damaged');
    writeFileSync(damaged, `[${before.slice(0, 30_000).join(',')},{"body": ${CANARY}},${before.slice(30_000).join(',')}]`);
    const damagedRun = store.run(['import', damaged]);
    expect(damagedRun.status, damagedRun.stderr).toBe(0);
    expect(damagedRun.stdout).toMatch(/30,001 rows read, 30,000 added, 0 already in the inbox, 1 failed/);
    expect(damagedRun.stdout).toContain('line 30001: not valid JSON (an unexpected character): the file looks damaged from this record on, so the rest is not read');

    const brokenOff = join(files, 'broken-off.json');
    writeFileSync(brokenOff, `[${records('broken-off').join(',')},{"body":"${CANARY}`);
    const brokenRun = store.run(['import', brokenOff]);
    expect(brokenRun.status, brokenRun.stderr).toBe(0);
    expect(brokenRun.stdout).toMatch(/50,001 rows read, 50,000 added, 0 already in the inbox, 1 failed/);
    expect(brokenRun.stdout).toContain('line 50001: the JSON breaks off after record 50000: the file looks truncated or damaged from here on');
    for (const output of [smallRun.stdout, smallRun.stderr, damagedRun.stdout, damagedRun.stderr, brokenRun.stdout, brokenRun.stderr, storedText()]) {
      expect(output).not.toContain(CANARY);
    }
  }, 240_000);
});
