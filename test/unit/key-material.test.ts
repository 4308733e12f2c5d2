import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  databaseKeyFromRecovery,
  formatRecoveryKey,
  keyCheck,
  keyMatches,
  newRecoverySecret,
  parseRecoveryKey,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from '../../src/main/core/secrets/key-material';

describe('recovery keys', () => {
  it('round-trip through their printed form for any 20 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const secret = Buffer.from(bytes);
        const printed = formatRecoveryKey(secret);
        expect(printed).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(parseRecoveryKey(printed).equals(secret)).toBe(true);
      }),
    );
  });

  it('accept the key as people type it', () => {
    const secret = newRecoverySecret();
    const printed = formatRecoveryKey(secret);
    const sloppy = ` ${printed.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    expect(parseRecoveryKey(sloppy).equals(secret)).toBe(true);
  });

  it('reject text that is not a recovery key', () => {
    expect(() => parseRecoveryKey('hello')).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
    expect(() => parseRecoveryKey('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
  });

  it('derive a distinct 256-bit database key, and the fingerprint tells keys apart', () => {
    const a = databaseKeyFromRecovery(newRecoverySecret());
    const b = databaseKeyFromRecovery(newRecoverySecret());
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
    expect(keyMatches(a, keyCheck(a))).toBe(true);
    expect(keyMatches(b, keyCheck(a))).toBe(false);
  });
});

describe('passphrase wrapping', () => {
  it('unwraps with the passphrase and the same store id only', () => {
    const key = databaseKeyFromRecovery(newRecoverySecret());
    const wrapped = wrapWithPassphrase(key, 'Pässwörd with ümlauts', 'store-1');
    expect(wrapped.ciphertext).not.toContain(key.toString('base64'));
    expect(unwrapWithPassphrase(wrapped, 'Pässwörd with ümlauts', 'store-1').equals(key)).toBe(true);
    expect(() => unwrapWithPassphrase(wrapped, 'Pässwörd with umlauts', 'store-1')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(() => unwrapWithPassphrase(wrapped, 'Pässwörd with ümlauts', 'store-2')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
  });
});
