import { HearkenError, type ErrorInfo } from '../../shared/errors';

/** Any failure as the contract's error: stable codes for what the store says, INTERNAL for the rest. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof HearkenError) return error.toInfo();
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'DATABASE_LOCKED', message: 'The store is busy in another program (another Hearken window or a CLI command). Try again in a moment.' };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { code: 'CORRUPT_DATABASE', message: 'The store is damaged. Hearken stopped before changing it; run `doctor`, then restore a backup.' };
  }
  return { code: 'INTERNAL', message: `Hearken's core failed: ${error instanceof Error ? error.message : String(error)}` };
}
