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
