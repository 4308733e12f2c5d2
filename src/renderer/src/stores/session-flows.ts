/**
 * The async steps of opening the inbox. Each awaits the core, then reports what
 * happened to the session store. Errors a screen shows inline are rethrown to it.
 */
import type { UnlockInput } from '../../../shared/contract';
import { isStoreFileProblem } from '../../../shared/errors';
import { ApiError, call, onEvent, toErrorInfo } from '../api';
import { loadFirstPage } from '../inbox/flows/list';
import { useSession } from './session';

export async function boot(): Promise<void> {
  const session = useSession.getState();
  session.bootStarted();
  try {
    const status = await call('store.status', {});
    if (status.state === 'locked' && status.keySource === 'keychain') {
      // The usual case after the first run: the keychain has the key, so no screen at all.
      if (status.needsConversion) session.conversionStarted();
      try {
        await call('store.unlock', { method: 'keychain' });
        void loadFirstPage();
        session.unlocked();
      } catch (error) {
        const info = toErrorInfo(error);
        if (isStoreFileProblem(info.code)) session.storeUnusable(status, info);
        else session.unlockNeeded(status, info);
      }
      return;
    }
    // Open already (another window unlocked it): the list loads while the workspace mounts.
    if (status.state === 'unlocked') void loadFirstPage();
    session.statusLoaded(status);
  } catch (error) {
    session.bootFailed(toErrorInfo(error));
  }
}

/** Boots, and boots again whenever the core reports the store was locked underneath us. */
export function startSession(): () => void {
  void boot();
  return onEvent('store.changed', ({ state }) => {
    const current = useSession.getState().stage.name;
    if (state === 'locked' && current !== 'unlock' && current !== 'booting') void boot();
  });
}

export async function createStore(passphrase?: string): Promise<void> {
  const created = await call('store.create', passphrase === undefined ? {} : { passphrase });
  useSession.getState().storeCreated(created.recoveryKey);
}

export async function unlock(input: UnlockInput): Promise<void> {
  try {
    await call('store.unlock', input);
  } catch (error) {
    const stage = useSession.getState().stage;
    // A damaged or foreign file is not a wrong passphrase: show the problem, not a retry.
    if (error instanceof ApiError && isStoreFileProblem(error.code) && stage.name === 'unlock') {
      useSession.getState().storeUnusable(stage.status, error.toInfo());
      return;
    }
    throw error;
  }
  useSession.getState().unlocked();
}

export async function loadDemo(): Promise<void> {
  const result = await call('demo.load', {});
  useSession.getState().demoLoaded(result);
}
