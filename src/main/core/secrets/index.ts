import { KeytarSecretStore, NoSecretStore } from './keytar-store';
import type { SecretStore } from './secret-store';

export type { SecretStore } from './secret-store';
export { KEYCHAIN_SERVICE, KeytarSecretStore, NoSecretStore } from './keytar-store';

/** The keychain for this machine. HEARKEN_NO_KEYCHAIN=1 forces the passphrase path. */
export function createSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  return env.HEARKEN_NO_KEYCHAIN === '1' ? new NoSecretStore() : new KeytarSecretStore();
}
