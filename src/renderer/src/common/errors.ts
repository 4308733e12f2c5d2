/** What an error means to an agent, and the one action that fixes it. */
import type { ErrorInfo } from '../../../shared/errors';

export interface ErrorAdvice {
  title: string;
  message: string;
  /** The label of the button that retries, or null when retrying cannot help. */
  retry: string | null;
}

export const busyMessage = 'The store is busy in another Hearken window or CLI command.';

export function adviceFor(error: ErrorInfo, what: string): ErrorAdvice {
  switch (error.code) {
    case 'DATABASE_LOCKED':
      return { title: 'The store is busy', message: busyMessage, retry: 'Retry' };
    case 'NOT_FOUND':
      return { title: `${what} failed`, message: error.message, retry: null };
    case 'VALIDATION':
    case 'FILE_NOT_GRANTED':
      return { title: `${what} failed`, message: error.message, retry: null };
    case 'DISK_FULL':
      return { title: 'The disk is full', message: error.message, retry: 'Try again' };
    case 'SETUP_RUNNING':
      return { title: 'Another setup is running', message: error.message, retry: 'Try again' };
    case 'LOCKED':
      return { title: 'The store is locked', message: 'Unlock Hearken again to continue.', retry: null };
    default:
      return { title: `${what} failed`, message: error.message, retry: 'Try again' };
  }
}
