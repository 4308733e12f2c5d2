import { KeytarSecretStore } from '../../src/main/core/secrets';

/**
 * Whether the real OS keychain answers. In CI a Secret Service always runs (see
 * scripts/with-keyring.sh), so there keychain tests run and fail rather than skip.
 */
export async function keychainForTests(): Promise<{ available: boolean; mustRun: boolean }> {
  const available = await new KeytarSecretStore().available();
  return { available, mustRun: available || process.env.CI === 'true' || process.env.CI === '1' };
}
