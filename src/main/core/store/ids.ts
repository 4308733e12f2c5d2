import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// The ulid package asks the OS for randomness once per character; imports make millions of
// ids, so the random part is drawn from a pooled buffer instead (same CSPRNG, fewer calls).
const pool = new Uint8Array(8192);
let at = pool.length;
function pooledRandom(): number {
  if (at >= pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  return pool[at++]! / 256;
}

const next = monotonicFactory(pooledRandom);

/** ULID text ids; pass the entity's own time so ids sort like the inbox does. */
export function newId(atMs: number = Date.now()): string {
  return next(atMs);
}
