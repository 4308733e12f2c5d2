/**
 * The async steps of opening the inbox. Each awaits the core, then reports what
 * happened to the session store. Errors a screen shows inline are rethrown to it.
 */
import type { UnlockInput } from '../../../shared/contract';
import { call, onEvent, toErrorInfo } from '../api';
import { useSession } from './session';

export async function boot(): Promise<void> {
  const session = useSession.getState();
  session.bootStarted();
  try {
    const status = await call('vault.status', {});
    if (status.state === 'locked' && status.keySource === 'keychain') {
      // The usual case after the first run: the keychain has the key, so no screen at all.
      try {
        await call('vault.unlock', { method: 'keychain' });
        session.unlocked();
      } catch (error) {
        session.unlockNeeded(status, toErrorInfo(error));
      }
      return;
    }
    session.statusLoaded(status);
  } catch (error) {
    session.bootFailed(toErrorInfo(error));
  }
}

/** Boots, and boots again whenever the core reports the store was locked underneath us. */
export function startSession(): () => void {
  void boot();
  return onEvent('vault.changed', ({ state }) => {
    const current = useSession.getState().stage.name;
    if (state === 'locked' && current !== 'unlock' && current !== 'booting') void boot();
  });
}

export async function createStore(passphrase?: string): Promise<void> {
  const created = await call('vault.create', passphrase === undefined ? {} : { passphrase });
  useSession.getState().storeCreated(created.recoveryKey);
}

export async function unlock(input: UnlockInput): Promise<void> {
  await call('vault.unlock', input);
  useSession.getState().unlocked();
}

export async function loadDemo(): Promise<void> {
  const result = await call('demo.load', {});
  useSession.getState().demoLoaded(result);
}
