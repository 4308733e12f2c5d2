import { HearkenError } from '../../../shared/errors';

/** Keyset position in the newest-first inbox order: (received_at, id) of the last row. */
export interface Cursor {
  receivedAt: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && typeof value[1] === 'string') {
      return { receivedAt: value[0] as number, id: value[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new HearkenError('VALIDATION', 'The page cursor is not valid; reload the list.');
}
