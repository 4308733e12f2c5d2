import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { HearkenError } from '../../../shared/errors';

/**
 * Key hierarchy. The recovery key is the root: 160 random bits shown once as Crockford
 * base32. The database key is derived from it with HKDF, so the recovery key opens the
 * store even if the keychain entry and the manifest are both gone. The keychain holds the
 * database key itself; the passphrase path holds it wrapped with scrypt + AES-256-GCM.
 */
const RECOVERY_BYTES = 20;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface WrappedKey {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

export const SCRYPT_PARAMS = { N: 2 ** 16, r: 8, p: 1 } as const;

export function newRecoverySecret(): Buffer {
  return randomBytes(RECOVERY_BYTES);
}

/** "ABCD-EFGH-…": 8 groups of 4, easy to read aloud and to type back. */
export function formatRecoveryKey(secret: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of secret) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts the key as typed: any case, with or without dashes and spaces, O for 0, I/L for 1. */
export function parseRecoveryKey(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== Math.ceil((RECOVERY_BYTES * 8) / 5) || /[^0-9A-HJKMNP-TV-Z]/.test(clean)) {
    throw new HearkenError('WRONG_RECOVERY_KEY', 'That is not a Hearken recovery key: it has 32 letters and digits in groups of four.');
  }
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of clean) {
    value = ((value << 5) | CROCKFORD.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes.slice(0, RECOVERY_BYTES));
}

export function databaseKeyFromRecovery(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hearken', 'hearken sqlcipher database key v1', 32));
}

/**
 * A key for sealing a small secret inside the store, derived (HKDF) from the database key,
 * so whatever unlocks the store (keychain, passphrase, recovery key) unlocks it too.
 */
export function subkey(databaseKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), `hearken:${purpose}`, 32));
}

/** A fingerprint that tells a wrong key from a damaged file, without revealing the key. */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('hearken key check v1').digest('base64');
}

export function keyMatches(key: Buffer, check: string): boolean {
  const a = Buffer.from(keyCheck(key), 'base64');
  const b = Buffer.from(check, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

function scryptKek(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFKC'), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
}

export function wrapWithPassphrase(key: Buffer, passphrase: string, aad: string): WrappedKey {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptKek(passphrase, salt, SCRYPT_PARAMS), nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT_PARAMS,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function unwrapWithPassphrase(wrapped: WrappedKey, passphrase: string, aad: string): Buffer {
  const kek = scryptKek(passphrase, Buffer.from(wrapped.salt, 'base64'), wrapped);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new HearkenError('WRONG_PASSPHRASE', 'That passphrase does not unlock this store. Check it, or unlock with your recovery key.');
  }
}
