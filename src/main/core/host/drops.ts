/**
 * Files dropped on the window, turned into read grants by the host. Electron's preload
 * finds each dropped File's path (webUtils.getPathForFile: only a real drop or file input
 * has one) and main passes the list here; the test bridge passes its stand-in's paths. The
 * list still crossed from the renderer process, so it is checked as untrusted input.
 */
import { isAbsolute } from 'node:path';
import type { FileGrant } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { HostCore } from '../types';

/** More than anyone drops at once; a longer list is not a drop. */
export const MAX_DROPPED = 100;

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

/**
 * A read grant for each dropped path. A path that cannot be granted (gone, unreadable, a
 * device) is left out; when none can be, the first reason is the answer.
 */
export async function grantDroppedPaths(core: Pick<HostCore, 'grantFile'>, paths: unknown): Promise<Result<FileGrant[]>> {
  if (!Array.isArray(paths) || paths.length > MAX_DROPPED) return refuse(`A drop is a list of at most ${MAX_DROPPED} files.`);
  if (!paths.every((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096 && isAbsolute(p) && !p.includes('\0'))) {
    return refuse('A dropped file is named by its full path on this computer.');
  }
  const granted: FileGrant[] = [];
  let firstProblem: Result<never> | null = null;
  for (const path of paths) {
    const result = await core.grantFile(path, 'read');
    if (result.ok) granted.push(result.value);
    else firstProblem ??= result;
  }
  return granted.length === 0 && firstProblem ? firstProblem : { ok: true, value: granted };
}
