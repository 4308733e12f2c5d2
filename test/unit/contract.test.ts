import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { channelNames, contract, type Channel, type Handlers } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';

let temp: TempCore;
beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: 'contract tests' });
});
afterAll(() => temp.cleanup());

/** Exactly the same type, not merely assignable both ways. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
/** Keys an object may leave out: an empty object is a Pick of them only when they are optional. */
type OptionalKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never }[keyof T];
/** Keys whose value may be undefined (a handler typed `... | undefined` is as good as absent). */
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** An input that no channel accepts: every channel's input is a strict object. */
const junk = [null, 42, 'text', [], { unexpected: true }, { filter: { status: ['nope'] } }, { id: '' }, { method: 'magic' }];

describe('the IPC contract', () => {
  it('gives VALIDATION for invalid input on every channel', async () => {
    for (const channel of channelNames) {
      for (const input of junk) {
        if (contract[channel].input.safeParse(input).success) continue;
        const result = await temp.core.invoke(channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('VALIDATION');
      }
      // Every channel rejects at least one of the junk inputs above.
      expect(junk.some((input) => !contract[channel].input.safeParse(input).success)).toBe(true);
    }
  });

  it('rejects unknown channels', async () => {
    const result = await temp.core.invoke('feedback.delete-everything', {});
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Unknown channel/) } });
  });

  it('never throws and answers with a Result for arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames.filter((c) => c !== 'store.create' && c !== 'store.lock' && c !== 'demo.load')), fc.anything(), async (channel, input) => {
        const result = await temp.core.invoke(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps secrets out of outputs: a status never carries a key', async () => {
    const status = await call(temp.core, 'store.status', {});
    expect(JSON.stringify(status)).not.toMatch(/key"|wrapped|ciphertext/i);
    expect(Object.keys(status).sort()).toEqual(['dataDir', 'keySource', 'keychainAvailable', 'problem', 'state']);
  });

  it('needs a handler for every channel (checked by the compiler)', () => {
    // These fail `tsc`, not the run: a value of type Expect<false> does not compile.
    const checks: [
      Expect<Equal<keyof Handlers, Channel>>,
      Expect<Equal<OptionalKeys<Handlers>, never>>,
      Expect<Equal<UndefinedKeys<Handlers>, never>>,
    ] = [true, true, true];
    expect(checks).toEqual([true, true, true]);

    // The only fault in this assignment is the one missing key, so the directive cannot be
    // satisfied by some other mistake; if handlers became optional it would be unused, an error.
    const allButOne = {} as Omit<Handlers, 'feedback.get'>;
    // @ts-expect-error: a handler map without 'feedback.get' is not a Handlers.
    const incomplete: Handlers = allButOne;
    expect(incomplete).toEqual({});
  });
});
