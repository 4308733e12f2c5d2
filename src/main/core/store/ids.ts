import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/** ULID text ids; pass the entity's own time so ids sort like the inbox does. */
export function newId(atMs: number = Date.now()): string {
  return next(atMs);
}
