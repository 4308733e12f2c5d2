/**
 * The Keys tab's calls. Passphrases and the new recovery key pass through here to the core
 * and are not kept: a failure goes back to the open dialog, which the person corrects.
 */
import type { KeySource } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { notifyInfo } from '../../common/notify';
import { useSecurity } from '../state';

const store = () => useSecurity.getState();

/** Reads where the key is kept; an answer overtaken by a newer read is dropped. */
export async function loadKeys(): Promise<void> {
  const generation = store().keysRequested();
  try {
    store().keysLoaded(generation, await call('keys.status', {}));
  } catch (failure) {
    store().keysFailed(generation, toErrorInfo(failure));
  }
}

async function keyWork(run: () => Promise<void>): Promise<boolean> {
  if (store().working) return false;
  store().keyWorkStarted();
  try {
    await run();
    return true;
  } catch (failure) {
    store().keyWorkFailed(toErrorInfo(failure));
    return false;
  } finally {
    void loadKeys();
  }
}

const movedWords: Record<KeySource, string> = {
  keychain: 'The key is in the system keychain: Hearken opens without a passphrase.',
  passphrase: 'The key is locked with your passphrase: Hearken asks for it when it starts.',
};

export async function changePassphrase(current: string, next: string): Promise<boolean> {
  return keyWork(async () => {
    await call('keys.changePassphrase', { current, next });
    store().keyWorkDone();
    notifyInfo('Use the new passphrase the next time Hearken starts. The old one no longer opens it.', 'Passphrase changed');
  });
}

export async function moveToKeychain(passphrase: string | undefined): Promise<boolean> {
  return keyWork(async () => {
    const { keySource } = await call('keys.moveToKeychain', passphrase === undefined ? {} : { passphrase });
    store().keyWorkDone();
    notifyInfo(movedWords[keySource], 'Key moved');
  });
}

export async function moveToPassphrase(passphrase: string): Promise<boolean> {
  return keyWork(async () => {
    const { keySource } = await call('keys.moveToPassphrase', { passphrase });
    store().keyWorkDone();
    notifyInfo(movedWords[keySource], 'Passphrase set');
  });
}

/** A new recovery key; the dialog shows it until the person says it is stored. */
export async function rotateRecoveryKey(passphrase: string | undefined): Promise<boolean> {
  return keyWork(async () => {
    const { recoveryKey } = await call('keys.rotate', passphrase === undefined ? { confirm: true } : { confirm: true, passphrase });
    store().recoveryKeyRotated(recoveryKey);
  });
}

export function recoveryKeyStored(): void {
  store().recoveryKeyStored();
  notifyInfo('The old recovery key no longer opens this store. Backups made before it still need the old one.', 'New recovery key in use');
}
