import { KeytarSecretStore } from '../../src/main/core/secrets';

/**
 * Whether the real OS keychain answers. In CI, and whenever scripts/with-keyring.sh started
 * its private keyring (it sets HEARKEN_KEYRING_BUS), a Secret Service must be there, so
 * keychain tests run and fail rather than skip.
 */
export async function keychainForTests(): Promise<{ available: boolean; mustRun: boolean }> {
  const available = await new KeytarSecretStore().available();
  const promised = process.env.CI === 'true' || process.env.CI === '1' || process.env.HEARKEN_KEYRING_BUS !== undefined;
  return { available, mustRun: available || promised };
}
