import type { HostCore } from '../../src/main/core';
import type { FileGrantPurpose } from '../../src/shared/contract';

/**
 * A grant for a test's file, minted the way a host does for a dialog's answer (the
 * tests play the host); the file channels take the grant, never the path.
 */
export async function grantOf(core: Pick<HostCore, 'grantFile'>, path: string, purpose: FileGrantPurpose = 'read'): Promise<string> {
  const result = await core.grantFile(path, purpose);
  if (!result.ok) throw new Error(`grantFile failed: ${result.error.code}: ${result.error.message}`);
  return result.value.grant;
}
