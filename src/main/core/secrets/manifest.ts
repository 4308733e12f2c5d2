import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../files';
import { z } from 'zod';
import { keySources } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';

/**
 * hearken.json sits beside the database and holds nothing secret: the store's id (the
 * keychain account), where its key is kept, a key fingerprint and, for passphrase stores,
 * the wrapped key.
 */
const wrappedKeySchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  nonce: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});

export const manifestSchema = z.object({
  format: z.literal('hearken-store'),
  version: z.literal(1),
  storeId: z.string().min(1),
  createdAt: z.number().int(),
  /**
   * False while setup runs. Without a database beside it, it marks a setup that never
   * finished; with one, it means nothing: setup moves the database into place only whole
   * (store-access.ts), so a database there is a store, whatever this says.
   */
  complete: z.boolean(),
  keySource: z.enum(keySources),
  keyCheck: z.string(),
  wrappedKey: wrappedKeySchema.nullable(),
  /**
   * A key rotation under way (key-rotation.ts): the new key's fingerprint and, for
   * passphrase stores, the new key wrapped with the same passphrase. Whichever of the two
   * keys opens the database at the next unlock settles it.
   */
  pendingKey: z.object({ keyCheck: z.string(), wrappedKey: wrappedKeySchema.nullable(), startedAt: z.number().int() }).optional(),
  /** Set when a rotation was finished at unlock: its new recovery key was never shown. */
  recoveryKeyStale: z.boolean().optional(),
  rotatedAt: z.number().int().optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function readManifest(file: string): Manifest | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new HearkenError('FOREIGN_FILE', `${file} is not readable as a Hearken store manifest. It was left untouched; unlock with your recovery key after moving it aside.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HearkenError('FOREIGN_FILE', `${file} is not a Hearken store manifest this version understands. It was left untouched.`);
  }
  return parsed.data;
}

/** Written to a temporary file, flushed and renamed, so a crash never leaves half a manifest. */
export function writeManifest(file: string, manifest: Manifest): void {
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
