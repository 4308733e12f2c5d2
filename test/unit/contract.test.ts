import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { NoSecretStore } from '../../src/main/core/secrets';
import { channelNames, contract, type Handlers } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';

let temp: TempCore;
beforeAll(async () => {
  temp = await makeTempCore({ secrets: new NoSecretStore() });
  await call(temp.core, 'store.create', { passphrase: 'contract tests' });
});
afterAll(() => temp.cleanup());

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
    expectTypeOf<keyof Handlers>().toEqualTypeOf<(typeof channelNames)[number]>();
    // @ts-expect-error: a handler map missing 'feedback.get' (and the rest) does not compile.
    const incomplete: Handlers = { 'feedback.stats': () => ({ total: 0, byStatus: {}, bySentiment: {}, byChannel: {} }) };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });
});
