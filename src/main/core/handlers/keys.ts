/**
 * The store's keys: where the key is kept (keychain or passphrase), a new passphrase, and a
 * new recovery key with a new database key (secrets/key-rotation.ts). Each change is
 * audited without the secret; none of the answers carries a key except the new recovery
 * key, once.
 */
import { requireDb, type CoreContext, type StoreSwap } from '../context';
import { changePassphrase, moveToKeychain, moveToPassphrase } from '../secrets/key-changes';
import { recordAudit } from '../store/audit';
import type { CallMeta } from '../types';
import type { CoreHandlers } from './define';

type KeyHandlers = Pick<CoreHandlers, 'keys.status' | 'keys.rotate' | 'keys.changePassphrase' | 'keys.moveToKeychain' | 'keys.moveToPassphrase'>;

export function keyHandlers(ctx: CoreContext, swapStore: StoreSwap): KeyHandlers {
  const audit = (call: CallMeta, action: string, detail: Record<string, unknown>): void => {
    recordAudit(requireDb(ctx), { at: ctx.now(), actor: call.actor, action, detail });
  };
  return {
    'keys.status': () => {
      requireDb(ctx);
      return ctx.store.keyStatus();
    },
    'keys.rotate': async ({ passphrase }, call) => {
      requireDb(ctx);
      await ctx.store.assertCanRotate(passphrase);
      let recoveryKey = '';
      await swapStore(async () => {
        const rotation = await ctx.store.rotate(passphrase, ctx.now());
        recoveryKey = rotation.recoveryKey;
        return rotation.key;
      });
      const { keySource } = await ctx.store.keyStatus();
      audit(call, 'keys.rotated', { keySource });
      return { recoveryKey, keySource: keySource ?? 'keychain' };
    },
    'keys.changePassphrase': ({ current, next }, call) => {
      requireDb(ctx);
      const keySource = changePassphrase(ctx.store.keyPlace(ctx.now()), current, next);
      audit(call, 'keys.passphraseChanged', {});
      return { keySource };
    },
    'keys.moveToKeychain': async ({ passphrase }, call) => {
      requireDb(ctx);
      const keySource = await moveToKeychain(ctx.store.keyPlace(ctx.now()), passphrase);
      audit(call, 'keys.moved', { to: keySource });
      return { keySource };
    },
    'keys.moveToPassphrase': async ({ passphrase }, call) => {
      requireDb(ctx);
      const keySource = await moveToPassphrase(ctx.store.keyPlace(ctx.now()), passphrase);
      audit(call, 'keys.moved', { to: keySource });
      return { keySource };
    },
  };
}
