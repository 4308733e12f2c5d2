/**
 * What the channel fuzzer checks about every answer, and the real core it calls: a store on
 * the real keychain in a temporary folder, the demo inbox loaded, dialogs that answer as a
 * person would (a save path inside the temp folder, a cancelled open), grants for real files.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { contract, type Channel } from '../../../src/shared/contract';
import { errorCodes, type Result } from '../../../src/shared/errors';
import type { CoreDialogs, HostCore } from '../../../src/main/core';
import { makeTempCore, type TempCore } from '../../support/core';
import { grantOf } from '../../helpers/grants';
import { arbitraryOf, type Hints } from './zod-arbitrary';
import { hostileValue, mutated } from './hostile';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const codes = new Set<string>(errorCodes);
/** Longer than any answer may take on the 2-core machine, with every other test running. */
export const CALL_TIMEOUT_MS = 20_000;

/** How an answer may break the contract; null when it keeps it. */
export function answerProblem(channel: Channel, input: unknown, answer: unknown, internalAllowed: RegExp | undefined): string | null {
  if (typeof answer !== 'object' || answer === null) return `not a Result: ${String(answer)}`;
  const result = answer as Result<unknown>;
  if (result.ok === true) {
    if (!('value' in result)) return 'ok without a value';
    return contract[channel].input.safeParse(input).success || input === undefined ? null : 'ok for an input the validator rejects';
  }
  if (result.ok !== false) return 'neither ok nor an error';
  const { code, message } = result.error ?? {};
  if (typeof code !== 'string' || !codes.has(code)) return `unknown code ${String(code)}`;
  if (typeof message !== 'string' || message.trim() === '') return `${code} without a message`;
  if (/\n\s+at |\bat .+:\d+:\d+\)?$/m.test(message)) return `${code} carries a stack trace: ${message.slice(0, 300)}`;
  if (message.includes(repoRoot) || /\bsrc\/(main|shared)\/|\.ts:\d+/.test(message)) return `${code} names a source file: ${message.slice(0, 300)}`;
  const valid = contract[channel].input.safeParse(input === undefined ? {} : input).success;
  if (!valid && code !== 'VALIDATION') return `${code} for an input the validator rejects: ${message.slice(0, 300)}`;
  if (code === 'INTERNAL' && !internalAllowed?.test(message)) return `INTERNAL: ${message.slice(0, 500)}`;
  return null;
}

/** Calls a channel, turning a rejection or a hang into a problem the property reports. */
export async function invokeBounded(core: HostCore, channel: Channel, input: unknown): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([core.invoke(channel, input), hang]);
  } catch (error) {
    throw new Error(`${channel} threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Valid-looking inputs most of the time (they reach the handler), hostile and broken ones the rest. */
export function inputArbitrary(channel: Channel, hints: Hints): fc.Arbitrary<unknown> {
  const examples = hints.examples?.[channel] ?? [];
  const valid = examples.length > 0 ? fc.oneof({ weight: 1, arbitrary: arbitraryOf(contract[channel].input, hints) }, { weight: 3, arbitrary: fc.constantFrom(...examples) }) : arbitraryOf(contract[channel].input, hints);
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 2, arbitrary: mutated(valid) }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** Every string under a key that names a thing (id, token, name): real values for the fuzzer to aim at. */
export function collectRefs(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && /(^id|Id|token|Token|^name)$/.test(k) && v.length > 0 && v.length <= 128) into.add(v);
    else collectRefs(v, into, depth + 1);
  }
}

export interface FuzzCore {
  temp: TempCore;
  core: HostCore;
  hints: Hints;
  /** A file the dialogs "chose" to save to lands here. */
  outDir: string;
  /** The recovery key store.create answered. */
  recoveryKey: string;
}

const fixture = (...parts: string[]): string => join(repoRoot, 'test', 'fixtures', 'import', ...parts);

/** A core on a new store with the demo inbox, and the pool of real ids and grants. */
export async function fuzzCore(urls: readonly string[]): Promise<FuzzCore> {
  let saved = 0;
  let outDir = '';
  const dialogs: CoreDialogs = {
    chooseImportFiles: () => Promise.resolve([]),
    chooseSavePath: (defaultName) => Promise.resolve(join(outDir, `save-${++saved}-${defaultName.replace(/[^\w.-]/g, '_').slice(-60)}`)),
    chooseOpenFile: () => Promise.resolve(null),
    chooseFolder: () => Promise.resolve(null),
  };
  const temp = await makeTempCore({ core: { dialogs, scheduledExports: false, ai: { offlineProbeMs: 200 } } });
  outDir = join(temp.dataDir, 'fuzz-out');
  mkdirSync(outDir);
  const core = temp.core;
  const created = await core.invoke('store.create', {});
  if (!created.ok) throw new Error(`store.create failed: ${created.error.message}`);
  const demo = await core.invoke('demo.load', {});
  if (!demo.ok) throw new Error(`demo.load failed: ${demo.error.message}`);

  const refs = new Set<string>();
  for (const channel of ['feedback.list', 'views.list', 'templates.list', 'taxonomy.list', 'rules.list', 'escalation.targets.list', 'kb.list', 'escalations.list', 'backup.list'] as const) {
    const answer = await core.invoke(channel, {});
    if (answer.ok) collectRefs(answer.value, refs);
  }
  const update = await core.invoke('feedback.update', { ids: [...refs].slice(0, 2), change: { status: 'open' } });
  if (update.ok) collectRefs(update.value, refs);
  const csv = join(outDir, 'survey.csv');
  copyFileSync(fixture('csv', 'survey.csv'), csv);
  const grants = [
    await grantOf(core, csv, 'read'),
    await grantOf(core, fixture('json', 'reviews.json'), 'read'),
    await grantOf(core, fixture('malformed', 'binary.csv'), 'read'),
    await grantOf(core, join(outDir, 'export.csv'), 'write'),
    await grantOf(core, outDir, 'write-folder'),
  ];
  const url = fc.constantFrom(...urls, '', 'not a url', null);
  const zone = fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Mars/Olympus', '', undefined);
  const sla = await core.invoke('sla.get', {});
  const examples: Record<string, unknown[]> = sla.ok ? { 'sla.save': [sla.value] } : {};
  const recoveryKey = (created.value as { recoveryKey: string }).recoveryKey;
  return { temp, core, outDir, recoveryKey, hints: { pool: [...refs, ...grants], byKey: { baseUrl: url, webhookUrl: url, timeZone: zone }, examples } };
}
