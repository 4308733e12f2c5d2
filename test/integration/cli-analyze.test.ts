import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('cli analyze --jsonl', () => {
  it('writes one JSON line per input line, reports a bad line and goes on, with no inbox', () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'Where is my refund? I was charged twice and it is really annoying.' }),
      '{"id": "broken", ',
      JSON.stringify({ id: 7, text: 'Die App stürzt jedes Mal ab, wenn ich die Einstellungen öffne.' }),
    ].join('\n');
    // No --data-dir and no passphrase: analyze must not open a store.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'analyze', '--jsonl'], { cwd: root, input: `${input}\n`, encoding: 'utf8', timeout: 60_000 });
    expectNoStackTrace({ status: run.status, stdout: run.stdout, stderr: run.stderr });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a1', sentiment: { label: 'negative' }, language: 'en', topics: ['billing', 'refund'] });
    expect(typeof (lines[0]!.sentiment as { score: number }).score).toBe('number');
    expect(lines[1]).toMatchObject({ id: null });
    expect(typeof lines[1]!.error).toBe('string');
    expect(lines[2]).toMatchObject({ id: 7, language: 'de', topics: ['bug or crash'] });
  });
});
