/**
 * Errors that cross the process boundary. Codes are stable: the renderer, the CLI and
 * tests branch on them, so never rename one. Messages are for people and say what to do.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  /** A file channel got something other than a grant the host minted for that file and purpose. */
  'FILE_NOT_GRANTED',
  'LOCKED',
  'STORE_EXISTS',
  'NO_STORE',
  'KEYCHAIN_UNAVAILABLE',
  'KEY_MISSING',
  'WRONG_KEY',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'NOT_ENCRYPTED',
  'CORRUPT_DATABASE',
  'FOREIGN_FILE',
  'NEWER_SCHEMA',
  'DATABASE_LOCKED',
  /** Another setup holds the data folder's setup lock; the store it makes is the one to unlock. */
  'SETUP_RUNNING',
  /** A write found no free space; the store is as it was before the write. */
  'DISK_FULL',
  'AI_OFFLINE',
  /** PDF was asked for where no printer (Electron, or a local Chromium for the CLI) is available; HTML always is. */
  'PRINT_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class HearkenError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HearkenError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isHearkenError(value: unknown): value is HearkenError {
  return value instanceof HearkenError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Problems with the file itself: no key or passphrase fixes them, so no unlock screen. */
export const storeFileProblems: readonly ErrorCode[] = ['CORRUPT_DATABASE', 'NOT_ENCRYPTED', 'FOREIGN_FILE', 'NEWER_SCHEMA', 'NO_STORE'];

export function isStoreFileProblem(code: ErrorCode): boolean {
  return storeFileProblems.includes(code);
}
