import type { Handlers } from '../../../shared/contract';
import { type CoreContext } from '../context';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { recordAudit } from '../store/audit';
import { seedDefaultTaxonomy } from '../store/taxonomy-repo';
import { seedDefaultTemplates } from '../store/templates-repo';

type VaultHandlers = Pick<Handlers, 'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock'>;

export function vaultHandlers(ctx: CoreContext): VaultHandlers {
  return {
    'vault.status': () => ctx.vault.status(ctx.db !== null),
    'vault.create': async ({ passphrase }) => {
      const created = await ctx.vault.create({ passphrase }, ctx.now());
      ctx.db?.close();
      ctx.db = created.db;
      recordAudit(ctx.db, { at: ctx.now(), actor: 'agent', action: 'store.created', detail: { keySource: created.keySource } });
      seedDefaultTemplates(ctx.db, DEFAULT_TEMPLATES, ctx.now());
      seedDefaultTaxonomy(ctx.db, ctx.now());
      ctx.emit('vault.changed', { state: 'unlocked' });
      return { recoveryKey: created.recoveryKey, keySource: created.keySource };
    },
    'vault.unlock': async (input) => {
      if (ctx.db) return { keySource: (await ctx.vault.status(true)).keySource ?? 'keychain' };
      const opened = await ctx.vault.unlock(input);
      ctx.db = opened.db;
      recordAudit(ctx.db, { at: ctx.now(), actor: 'agent', action: 'store.unlocked', detail: { method: input.method } });
      // A store made before templates and the stored taxonomy existed gets the shipped ones once.
      seedDefaultTemplates(ctx.db, DEFAULT_TEMPLATES, ctx.now());
      seedDefaultTaxonomy(ctx.db, ctx.now());
      ctx.emit('vault.changed', { state: 'unlocked' });
      return { keySource: opened.keySource };
    },
    'vault.lock': () => {
      ctx.db?.close();
      ctx.db = null;
      ctx.emit('vault.changed', { state: 'locked' });
      return { locked: true as const };
    },
  };
}
