/**
 * The side file `<backup>.json`: what the backup held when it was made, so verify can
 * compare, and which store it belongs to (the key's fingerprint, which reveals nothing of
 * the key). It holds no secret and no customer text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { backupReasons } from '../../../shared/contract';
import { writeFileAtomic } from '../files';

export const sideFileSchema = z.object({
  format: z.literal('hearken-backup'),
  version: z.literal(1),
  createdAt: z.number().int(),
  reason: z.enum(backupReasons),
  schemaVersion: z.number().int(),
  /** keyCheck of the key the backup opens with (secrets/key-material.ts). */
  keyCheck: z.string(),
  /** Rows per table in the backup as written. */
  counts: z.record(z.string(), z.number().int()),
});
export type SideFile = z.infer<typeof sideFileSchema>;

/** The side file, 'missing' when there is none, 'unreadable' when it is not one this version reads. */
export function readSideFile(file: string): SideFile | 'missing' | 'unreadable' {
  if (!existsSync(file)) return 'missing';
  try {
    const parsed = sideFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export function writeSideFile(file: string, side: SideFile): void {
  writeFileAtomic(file, `${JSON.stringify(side, null, 2)}\n`);
}
