import { createHash } from 'node:crypto';

/**
 * The identity of a piece of feedback when its source gives no id: who wrote it, when,
 * and what it says (whitespace-normalised, so a re-export with other line endings still
 * matches).
 */
export function contentHash(parts: { customer: string | null; at: number | string; body: string }): string {
  const body = parts.body.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${(parts.customer ?? '').toLowerCase()}\u0000${parts.at}\u0000${body}`)
    .digest('base64url');
}
