import type { EventName, EventPayload } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';
import type { StoreAccess } from './secrets/store-access';
import type { DB } from './store/db';
import type { UndoRecord } from './store/feedback-update';

/** What handlers share: the open store (once unlocked), the clock and the event channel. */
export interface CoreContext {
  readonly store: StoreAccess;
  readonly now: () => number;
  readonly appVersion: string;
  readonly demoInboxPath: string;
  db: DB | null;
  /** The latest bulk changes by token, newest last; only a few are kept. */
  readonly undo: Map<string, UndoRecord>;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export function requireDb(ctx: CoreContext): DB {
  if (!ctx.db) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
  return ctx.db;
}

/**
 * Runs `swap` with every connection to the store closed (the job thread stopped, the AI
 * queue and the SLA sweep paused), then opens the store again and restarts them. `swap`
 * may replace the database file; it returns the key the store now opens with (nothing:
 * the same key). When it throws, it must have left the old store in place: the store is
 * reopened with the old key and the error goes on to the caller.
 */
export type StoreSwap = (swap: () => Promise<Buffer | void> | Buffer | void) => Promise<void>;
