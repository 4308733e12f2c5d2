import { type CoreContext } from '../context';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { recordAudit } from '../store/audit';
import { seedDefaultTaxonomy } from '../store/taxonomy-repo';
import { seedDefaultTemplates } from '../store/templates-repo';
import type { CoreHandlers } from './define';

type StoreAccessHandlers = Pick<CoreHandlers, 'store.status' | 'store.create' | 'store.unlock' | 'store.lock'>;

export function storeAccessHandlers(ctx: CoreContext): StoreAccessHandlers {
  return {
    'store.status': () => ctx.store.status(ctx.db !== null),
    'store.create': async ({ passphrase }, call) => {
      const created = await ctx.store.create({ passphrase }, ctx.now());
      ctx.db?.close();
      ctx.db = created.db;
      recordAudit(ctx.db, { at: ctx.now(), actor: call.actor, action: 'store.created', detail: { keySource: created.keySource } });
      seedDefaultTemplates(ctx.db, DEFAULT_TEMPLATES, ctx.now());
      seedDefaultTaxonomy(ctx.db, ctx.now());
      ctx.emit('store.changed', { state: 'unlocked' });
      return { recoveryKey: created.recoveryKey, keySource: created.keySource };
    },
    'store.unlock': async (input, call) => {
      if (ctx.db) return { keySource: (await ctx.store.status(true)).keySource ?? 'keychain' };
      const opened = await ctx.store.unlock(input);
      ctx.db = opened.db;
      recordAudit(ctx.db, { at: ctx.now(), actor: call.actor, action: 'store.unlocked', detail: { method: input.method } });
      // A store made before templates and the stored taxonomy existed gets the shipped ones once.
      seedDefaultTemplates(ctx.db, DEFAULT_TEMPLATES, ctx.now());
      seedDefaultTaxonomy(ctx.db, ctx.now());
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
