/** The store's keys: rotation with a new recovery key, passphrase changes, keychain moves (being built). */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext, StoreSwap } from '../context';
import type { CoreHandlers } from './define';

type KeyHandlers = Pick<CoreHandlers, 'keys.status' | 'keys.rotate' | 'keys.changePassphrase' | 'keys.moveToKeychain' | 'keys.moveToPassphrase'>;

const notYet = (): never => {
  throw new HearkenError('INTERNAL', 'Key operations are not built yet.');
};

export function keyHandlers(_ctx: CoreContext, _swap: StoreSwap): KeyHandlers {
  return { 'keys.status': notYet, 'keys.rotate': notYet, 'keys.changePassphrase': notYet, 'keys.moveToKeychain': notYet, 'keys.moveToPassphrase': notYet };
}
