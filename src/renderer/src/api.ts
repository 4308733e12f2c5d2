/**
 * The typed client over window.hearken. Screens call the core only through `call`,
 * which turns `{ ok: false }` into a thrown ApiError so failures read like exceptions.
 */
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  HearkenBridge,
} from '../../shared/contract';
import type { ErrorCode, ErrorInfo, Result } from '../../shared/errors';

export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && window.hearken !== undefined;
}

function bridge(): HearkenBridge {
  const found = window.hearken;
  if (found === undefined) throw new ApiError('INTERNAL', 'This window is not connected to Hearken.');
  return found;
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: Result<unknown>;
  try {
    result = await bridge().invoke(channel, input);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The transport itself failed (main gone, bridge closed): not a core answer.
    throw new ApiError('INTERNAL', error instanceof Error ? error.message : 'Hearken did not answer.');
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  // The core validated this against the contract's output schema before sending it.
  return result.value as ChannelOutput<C>;
}

/** Subscribes to one kind of push from the core; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const found = window.hearken;
  if (found === undefined) return () => undefined;
  return found.on((event, payload) => {
    if (event === name) listener(payload as EventPayload<E>);
  });
}

/** Any thrown value as the error shape the screens display. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.toInfo();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
