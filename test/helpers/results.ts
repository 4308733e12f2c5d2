import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import type { Core } from '../../src/main/core';
import type { ErrorInfo } from '../../src/shared/errors';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';

/** Calls a channel and returns its value, failing the test with the error otherwise. */
export async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** Calls a channel that must fail, and returns its error. */
export async function callError(core: Core, channel: Channel, input: unknown): Promise<ErrorInfo> {
  const result = await core.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return result.error;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A CSV of `rows` synthetic support items (deterministic per seed), as a survey export would be. */
export function writeSyntheticCsv(file: string, rows: number, seed: number): void {
  const gen = createGenerator({ seed, count: rows });
  let text = csvHeader();
  for (let i = 0; i < rows; i++) text += itemToCsv(gen.item(i));
  writeFileSync(file, text);
}
