/**
 * Which files the window may reach: only those a person chose in a dialog or dropped,
 * named by grants the host minted. A compromised renderer is played here with every raw
 * path it could send, through the real core's invoke as the window calls it, through the
 * host protocol of the worker the app runs, and through the loopback bridge the e2e
 * specs use. Nothing is read (a canary in the files never shows in an answer, nothing is
 * imported) and nothing is written (an export target keeps its bytes and mtime).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { grantDroppedPaths } from '../../src/main/core/host/drops';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { Core, CoreDialogs, HostCore } from '../../src/main/core/types';
import type { Result } from '../../src/shared/errors';
import { TEMPLATE_FILE_FORMAT } from '../../src/shared/templates';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';
import { startBridge, type Bridge } from '../support/bridge-server';
import { makeTempCore, type TempCore } from '../support/core';

const PASSPHRASE = 'file grants passphrase 5521';
const CANARY = `CANARY-${randomBytes(9).toString('hex')}`;

let files: string;
/** What a person would never hand to Hearken: their passwords and their shell's start-up file. */
let passwordsCsv: string;
let secretTemplates: string;
let bashrc: string;
const BASHRC = `# shell start-up\nexport PATH="$HOME/bin:$PATH"\n`;
const OLD_MTIME = new Date('2024-01-02T03:04:05Z');
/** Files a person did choose. */
let surveyA: string;
let surveyB: string;

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'hearken-grants-'));
  passwordsCsv = join(files, 'passwords.csv');
  writeFileSync(passwordsCsv, `site,body,password\nbank,${CANARY} bank login,${CANARY}\nmail,${CANARY} mail login,${CANARY}\n`);
  secretTemplates = join(files, 'secret-templates.json');
  writeFileSync(secretTemplates, JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, templates: [{ name: CANARY, body: `Your password is ${CANARY}` }] }));
  bashrc = join(files, '.bashrc');
  writeFileSync(bashrc, BASHRC);
  surveyA = join(files, 'survey-a.csv');
  writeFileSync(surveyA, 'id,body,alpha_only\n1,The parcel is late,x\n');
  surveyB = join(files, 'survey-b.csv');
  writeFileSync(surveyB, 'id,body,beta_only\n1,The refund never came,y\n');
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** The export target's bytes and mtime, set in the past so any write would show. */
function resetBashrc(): void {
  writeFileSync(bashrc, BASHRC);
  utimesSync(bashrc, OLD_MTIME, OLD_MTIME);
}
function expectBashrcUntouched(): void {
  expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
  expect(statSync(bashrc).mtime.getTime()).toBe(OLD_MTIME.getTime());
}

const temps: TempCore[] = [];
afterEach(async () => {
  for (const temp of temps.splice(0)) await temp.cleanup();
});

/** What the next "Import templates" dialog answers. */
let openNext: string | null = null;
/** Dialogs that answer as a person would have; the attack never goes through them. */
const dialogs: CoreDialogs = {
  chooseImportFiles: () => Promise.resolve([surveyA]),
  chooseSavePath: () => Promise.resolve(null),
  chooseOpenFile: () => Promise.resolve(openNext),
};

async function openStore(worker = false): Promise<TempCore> {
  const temp = await makeTempCore({ secrets: new NoSecretStore(), worker, core: { dialogs } });
  temps.push(temp);
  await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  return temp;
}

/**
 * Every way a compromised window could name a file on a file channel: the old `path`
 * field, a path where a grant goes, relative and traversing paths, a file: URL, and
 * ids that a plain object would answer for.
 */
function rawAttempts(): [channel: string, input: unknown][] {
  const named = (path: string): unknown[] => [{ path }, { grant: path }, { grant: `file://${path}` }, { grant: `../${path}` }];
  return [
    ...named(passwordsCsv).flatMap((input): [string, unknown][] => [
      ['import.preview', input],
      ['import.start', input],
    ]),
    ...named(passwordsCsv).map((input): [string, unknown] => ['import.start', { ...(input as object), mapping: { fields: { body: 'body' }, timeZone: 'UTC', defaultChannel: 'email' } }]),
    ...named(secretTemplates).map((input): [string, unknown] => ['templates.import', input]),
    ...named(bashrc).map((input): [string, unknown] => ['templates.export', input]),
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].flatMap((grant): [string, unknown][] => [
      ['import.preview', { grant }],
      ['templates.import', { grant }],
      ['templates.export', { grant }],
    ]),
  ];
}

/** Runs every attempt through `invoke` and checks each is refused, reading and writing nothing. */
async function expectEveryRawPathRefused(invoke: (channel: string, input: unknown) => Promise<Result<unknown>>, core: Core): Promise<void> {
  resetBashrc();
  const before = readdirSync(files).sort();
  const templatesBefore = (await call(core, 'templates.list', {})).templates.length;
  for (const [channel, input] of rawAttempts()) {
    const result = await invoke(channel, input);
    expect(result.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
    if (result.ok) continue;
    // The old field is not in the contract; anything in the grant field is not a grant.
    expect(['VALIDATION', 'FILE_NOT_GRANTED'], `${channel} ${JSON.stringify(input)}: ${result.error.code}`).toContain(result.error.code);
    if ('grant' in (input as object)) expect(result.error.code).toBe('FILE_NOT_GRANTED');
    expect(JSON.stringify(result)).not.toContain(CANARY);
    expect(JSON.stringify(result)).not.toContain(files);
  }
  expect((await call(core, 'feedback.count', {})).total).toBe(0);
  const templates = (await call(core, 'templates.list', {})).templates;
  expect(templates).toHaveLength(templatesBefore);
  expect(JSON.stringify(templates)).not.toContain(CANARY);
  expectBashrcUntouched();
  expect(readdirSync(files).sort()).toEqual(before);
}

describe("the window's file channels", () => {
  it('refuse every raw path the window could send, through the core as the window calls it; nothing is read or written', async () => {
    const temp = await openStore();
    await expectEveryRawPathRefused((channel, input) => temp.core.invoke(channel, input), temp.core);
    // The actor changes nothing: no caller of invoke may name a path, not even the CLI's.
    await expectEveryRawPathRefused((channel, input) => temp.core.invoke(channel, input, { actor: 'cli' }), temp.core);
  });

  it('refuse them across the host protocol of the worker the app runs', async () => {
    const temp = await openStore(true);
    await expectEveryRawPathRefused((channel, input) => temp.core.invoke(channel, input), temp.core);
  });

  it('open a granted file for its purpose only: a grant for A is not B, a read grant does not write, a write grant does not read', async () => {
    const temp = await openStore();
    const core = temp.core;
    const a = await core.grantFile(surveyA, 'read');
    expect(a).toEqual({ ok: true, value: { grant: expect.any(String), name: 'survey-a.csv', size: statSync(surveyA).size, kind: 'file' } });
    const grantA = a.ok ? a.value.grant : '';
    const grantB = await grantOf(core, surveyB);

    // Each grant opens its own file and nothing else: A's columns through A, B's through B.
    const previewA = await call(core, 'import.preview', { grant: grantA });
    expect(previewA).toMatchObject({ grant: grantA, fileName: 'survey-a.csv' });
    expect(previewA.columns).toContain('alpha_only');
    expect(previewA).not.toHaveProperty('path');
    expect(JSON.stringify(previewA)).not.toContain(files);
    expect((await call(core, 'import.preview', { grant: grantB })).columns).toContain('beta_only');
    // A grant is random, unrelated to its path, and one changed letter is not a grant.
    expect(grantA).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(grantA).not.toBe(await grantOf(core, surveyA));
    const forged = `${grantA.slice(0, -1)}${grantA.endsWith('A') ? 'B' : 'A'}`;
    expect((await callError(core, 'import.preview', { grant: forged })).code).toBe('FILE_NOT_GRANTED');

    // Reading is not writing: a file chosen for import never becomes an export target.
    resetBashrc();
    const readBashrc = await grantOf(core, bashrc, 'read');
    expect(await callError(core, 'templates.export', { grant: readBashrc })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
    expectBashrcUntouched();
    // Writing is not reading: an export target cannot be previewed, imported or read as templates.
    const writeA = await grantOf(core, surveyA, 'write');
    expect((await callError(core, 'import.preview', { grant: writeA })).code).toBe('FILE_NOT_GRANTED');
    expect((await callError(core, 'import.start', { grant: writeA })).code).toBe('FILE_NOT_GRANTED');
    expect((await callError(core, 'templates.import', { grant: writeA })).code).toBe('FILE_NOT_GRANTED');
    // And a write grant does write, where it was granted.
    const out = join(files, 'exported.json');
    expect(await call(core, 'templates.export', { grant: await grantOf(core, out, 'write') })).toMatchObject({ fileName: 'exported.json' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: TEMPLATE_FILE_FORMAT });
    rmSync(out);

    // The dialog's answers come back as grants with names, never paths.
    const chosen = await call(core, 'import.choose', {});
    expect(chosen.files).toEqual([{ grant: expect.any(String), name: 'survey-a.csv', size: statSync(surveyA).size, kind: 'file' }]);
    expect(JSON.stringify(chosen)).not.toContain(files);
  });

  it('forget every grant on lock and on close', async () => {
    const temp = await openStore();
    const grant = await grantOf(temp.core, surveyA);
    await call(temp.core, 'store.lock', {});
    await call(temp.core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(await callError(temp.core, 'import.preview', { grant })).toMatchObject({ code: 'FILE_NOT_GRANTED' });

    const kept = await grantOf(temp.core, surveyA);
    const core = await temp.reopen();
    await call(core, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(await callError(core, 'import.preview', { grant: kept })).toMatchObject({ code: 'FILE_NOT_GRANTED' });
  });

  it('grant only what exists for reading, never a folder for writing, and name files without their folder', async () => {
    const temp = await openStore();
    expect(await temp.core.grantFile(join(files, 'missing.csv'), 'read')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Could not open missing.csv: it does not exist.' },
    });
    expect(await temp.core.grantFile(files, 'write')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const folder = await temp.core.grantFile(files, 'read');
    expect(folder).toMatchObject({ ok: true, value: { kind: 'folder', size: null } });
    expect(await temp.core.grantFile(join(files, 'new-export.json'), 'write')).toMatchObject({ ok: true, value: { name: 'new-export.json', size: null, kind: 'file' } });
    expect(await temp.core.grantFile('', 'read')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a templates file that is not JSON', () => {
  it('is refused with where the syntax breaks, never with what the file says', async () => {
    const temp = await openStore(true);
    const cases: [content: string, where: string][] = [
      [`password=${CANARY}\n`, 'line 1, column 1'],
      [`{"format": "hearken.templates",\n  "secret": ${CANARY}}`, 'line 2, column 13'],
      [`{"format": "hearken.templates", "token": "${CANARY}"`, `line 1, column ${44 + CANARY.length}`],
      [`["${CANARY}", ${CANARY}]`, `line 1, column ${6 + CANARY.length}`],
    ];
    for (const [content, where] of cases) {
      openNext = join(files, 'picked-by-mistake.json');
      writeFileSync(openNext, content);
      const error = await callError(temp.core, 'templates.import', {});
      expect(error).toEqual({ code: 'VALIDATION', message: `picked-by-mistake.json is not a valid template file: JSON syntax error at ${where}. Nothing was imported.` });
      expect(error.message).not.toContain(CANARY);
      // The same through a grant, as the CLI names a file.
      expect(await callError(temp.core, 'templates.import', { grant: await grantOf(temp.core, openNext) })).toEqual(error);
    }
    openNext = null;
  });
});

describe('drops, as main grants them', () => {
  it('take only a list of absolute paths, and leave out what cannot be granted', async () => {
    const temp = await openStore();
    expect(await grantDroppedPaths(temp.core, 'not a list')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await grantDroppedPaths(temp.core, ['relative/passwords.csv'])).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await grantDroppedPaths(temp.core, Array.from({ length: 101 }, () => surveyA))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dropped = await grantDroppedPaths(temp.core, [surveyA, join(files, 'gone.csv')]);
    expect(dropped).toMatchObject({ ok: true, value: [{ name: 'survey-a.csv', kind: 'file' }] });
    expect(await grantDroppedPaths(temp.core, [join(files, 'gone.csv')])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the loopback bridge the e2e specs use', () => {
  let temp: TempCore;
  let bridge: Bridge;
  let rendererDir: string;
  let dropDir: string;
  const metas: unknown[] = [];

  beforeAll(async () => {
    temp = await makeTempCore({ secrets: new NoSecretStore(), worker: true, core: { dialogs } });
    await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
    rendererDir = mkdtempSync(join(tmpdir(), 'hearken-grants-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    dropDir = mkdtempSync(join(tmpdir(), 'hearken-grants-drops-'));
    writeFileSync(join(dropDir, 'dropped.csv'), 'id,body\n1,Dropped on the window\n');
    // A link in the drop folder to a file outside it: naming it must not reach the target.
    symlinkSync(passwordsCsv, join(dropDir, 'link.csv'));
    mkdirSync(join(dropDir, 'sub'));
    const host: HostCore = temp.core;
    // The page's view: invoke and events only, and a record of any meta it tried to pass.
    const view: Core = {
      invoke: (channel, input, meta) => {
        metas.push(meta);
        return host.invoke(channel, input, meta);
      },
      onEvent: (listener) => host.onEvent(listener),
      close: () => Promise.resolve(),
    };
    bridge = await startBridge({ core: view, rendererDir, drops: { dir: dropDir, grant: (paths) => grantDroppedPaths(host, paths) } });
  }, 60_000);
  afterAll(async () => {
    await bridge.close();
    await temp.cleanup();
    rmSync(rendererDir, { recursive: true, force: true });
    rmSync(dropDir, { recursive: true, force: true });
  });

  function post(path: string, body: unknown): Promise<Result<unknown>> {
    const { port } = new URL(bridge.url);
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: Number(port), path, method: 'POST', headers: { 'content-type': 'application/json', 'x-hearken-token': bridge.token } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve(JSON.parse(text) as Result<unknown>));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  it('refuses every raw path a page posts, whatever call meta it adds', async () => {
    metas.length = 0;
    await expectEveryRawPathRefused((channel, input) => post('/__hearken/invoke', { channel, input, meta: { actor: 'cli' } }), temp.core);
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((meta) => meta === undefined)).toBe(true);
  });

  it("grants a drop only for a file directly in the test's drop folder", async () => {
    for (const names of [['../passwords.csv'], [passwordsCsv], ['link.csv'], ['sub'], ['.'], ['..'], ['missing.csv'], ['sub/../dropped.csv'], ['dropped.csv\0']]) {
      const result = await post('/__hearken/drop', { names });
      expect(result, JSON.stringify(names)).toEqual({ ok: true, value: [] });
    }
    expect(await post('/__hearken/drop', { paths: [passwordsCsv] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dropped = await post('/__hearken/drop', { names: ['dropped.csv'] });
    expect(dropped).toMatchObject({ ok: true, value: [{ name: 'dropped.csv', kind: 'file', size: expect.any(Number) }] });
    expect(JSON.stringify(dropped)).not.toContain(dropDir);
    const grant = (dropped as { value: { grant: string }[] }).value[0]!.grant;
    const preview = await post('/__hearken/invoke', { channel: 'import.preview', input: { grant } });
    expect(preview).toMatchObject({ ok: true, value: { fileName: 'dropped.csv', columns: ['id', 'body'] } });
  });
});
