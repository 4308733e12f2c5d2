import { type CoreContext } from '../context';
import { isDiskFull } from '../errors';
import { log } from '../log';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { recordAudit } from '../store/audit';
import type { DB } from '../store/db';
import { seedDefaultTaxonomy } from '../store/taxonomy-repo';
import { seedDefaultTemplates } from '../store/templates-repo';
import type { CoreHandlers } from './define';

type StoreAccessHandlers = Pick<CoreHandlers, 'store.status' | 'store.create' | 'store.unlock' | 'store.lock'>;

/**
 * A store made before templates and the stored taxonomy existed gets the shipped ones
 * once; an up-to-date store is only read here.
 */
function seedDefaults(ctx: CoreContext, db: DB): void {
  seedDefaultTemplates(db, DEFAULT_TEMPLATES, ctx.now());
  seedDefaultTaxonomy(db, ctx.now());
}

export function storeAccessHandlers(ctx: CoreContext): StoreAccessHandlers {
  return {
    'store.status': () => ctx.store.status(ctx.db !== null),
    'store.create': async ({ passphrase }, call) => {
      const created = await ctx.store.create({ passphrase }, ctx.now());
      ctx.db?.close();
      ctx.db = created.db;
      // The store exists now and the recovery key is shown only in this answer, so nothing
      // after this point may turn it into a failure: what does not get written now (a full
      // disk) is seeded on the next unlock.
      try {
        recordAudit(created.db, { at: ctx.now(), actor: call.actor, action: 'store.created', detail: { keySource: created.keySource } });
        seedDefaults(ctx, created.db);
      } catch (error) {
        log.error('the new store was made, but its first writes failed; they are retried on the next unlock', { code: errorCode(error) });
      }
      ctx.emit('store.changed', { state: 'unlocked' });
      return { recoveryKey: created.recoveryKey, keySource: created.keySource };
    },
    'store.unlock': async (input, call) => {
      if (ctx.db) return { keySource: (await ctx.store.status(true)).keySource ?? 'keychain' };
      const opened = await ctx.store.unlock(input);
      ctx.db = opened.db;
      // Reading must not depend on free space: on a full disk the store opens, the unlock
      // goes unrecorded and the seeding waits for the next unlock.
      bestEffort('the unlock was not recorded in the audit log', () =>
        recordAudit(opened.db, { at: ctx.now(), actor: call.actor, action: 'store.unlocked', detail: { method: input.method } }),
      );
      bestEffort('the shipped templates and topics were not seeded yet', () => seedDefaults(ctx, opened.db));
      ctx.emit('store.changed', { state: 'unlocked' });
      return { keySource: opened.keySource };
    },
    'store.lock': () => {
      ctx.db?.close();
      ctx.db = null;
      ctx.emit('store.changed', { state: 'locked' });
      return { locked: true as const };
    },
  };
}

/** Runs a write that may wait when the disk is full; any other failure still fails the call. */
function bestEffort(what: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    log.warn(`${what}: the disk is full`, {});
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
