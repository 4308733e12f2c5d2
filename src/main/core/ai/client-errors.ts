/**
 * What went wrong with one HTTP attempt, as the queue acts on it (AiCallError kinds) and in
 * words that say what to do. Error texts from servers can echo a key (OpenAI's 401 shows a
 * masked one), so every message passes through `scrub` before it is kept anywhere.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AiCallError } from './types';

/** Network failures that mean nothing answers at the host: pause and probe, don't fail the job. */
const offlineCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE', 'UND_ERR_SOCKET']);
const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The first system error code along an error's `cause` chain (undici wraps them twice). */
export function networkCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
      const errors = (current as { errors?: unknown }).errors;
      // AggregateError from happy eyeballs: one refused connection per address.
      if (Array.isArray(errors) && errors.length > 0) {
        const inner = networkCode(errors[0]);
        if (inner) return inner;
      }
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return null;
}

/** Retry-After as milliseconds: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | null | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Math.round(Number(ms)));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

export function scrubber(apiKey: string | null): (text: string) => string {
  if (!apiKey || apiKey.length < 4) return (text) => text;
  return (text) => text.split(apiKey).join('[API key]');
}

/** The server's own message for an HTTP error, short; scrubbed before it is cut, so a cut through the key keeps none of it. */
function serverMessage(err: APIError, scrub: (text: string) => string): string {
  const body = err.error as { message?: unknown } | undefined;
  const message = body && typeof body.message === 'string' ? body.message : err.message;
  return scrub(message.replace(/^\d{3}\s+/, '')).slice(0, 300);
}

/** Whether a 400/422 is the server refusing `response_format: json_schema`. */
export function refusesJsonSchema(err: unknown): boolean {
  if (!(err instanceof APIError) || err.status === undefined) return false;
  if (err.status === 422) return true;
  if (err.status !== 400) return false;
  const text = `${err.message} ${String(err.param ?? '')} ${JSON.stringify(err.error ?? '')}`;
  return /response_format|json_schema|structured output|grammar/i.test(text);
}

/** Whether a 400 is the server refusing `stream_options`. */
export function refusesStreamOptions(err: unknown): boolean {
  if (!(err instanceof APIError) || err.status !== 400) return false;
  return /stream_options|include_usage/i.test(`${err.message} ${String(err.param ?? '')} ${JSON.stringify(err.error ?? '')}`);
}

export interface ClassifyContext {
  host: string;
  model: string | null;
  timeoutMs: number;
  /** The caller's signal fired: the queue stopped or the job was cancelled. */
  cancelled: boolean;
  /** Our own timer for the whole attempt fired. */
  timedOut: boolean;
  scrub(text: string): string;
}

export function offlineMessage(host: string): string {
  return `Nothing answers at ${host}. Start the server (Ollama: \`ollama serve\`) or check the base URL.`;
}

/** One attempt's failure, classified for the queue. */
export function classify(err: unknown, ctx: ClassifyContext): AiCallError {
  if (err instanceof AiCallError) return err;
  const { host } = ctx;
  if (ctx.cancelled) return new AiCallError('cancelled', 'Cancelled.');
  if (ctx.timedOut || err instanceof APIConnectionTimeoutError) {
    return new AiCallError('timeout', `${host} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s. Check that the server is running, or allow more time in Settings > AI.`);
  }
  if (err instanceof APIUserAbortError) return new AiCallError('cancelled', 'Cancelled.');
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const said = serverMessage(err, ctx.scrub);
    if (status === 429) {
      return new AiCallError('rate-limited', `${host} is rate-limiting requests (429): ${said}`, retryAfterMs(err.headers), status);
    }
    if (status === 401 || status === 403) {
      return new AiCallError('auth', `${host} refused the API key (${status}). Check the API key in Settings > AI. The server said: ${said}`, null, status);
    }
    if (status === 404) {
      const what = ctx.model
        ? `${host} answered 404 for model "${ctx.model}": the model name or the base URL is wrong (an OpenAI-compatible one usually ends in /v1). Test connection in Settings > AI lists the models it has.`
        : `${host} answered 404: check the base URL (an OpenAI-compatible one usually ends in /v1).`;
      return new AiCallError('bad-request', `${what} The server said: ${said}`, null, status);
    }
    if (status >= 500) return new AiCallError('server', `${host} failed (${status}): ${said}`, null, status);
    return new AiCallError('bad-request', `${host} refused the request (${status}): ${said}`, null, status);
  }
  const code = networkCode(err);
  if (code && timeoutCodes.has(code)) return classify(new APIConnectionTimeoutError(), ctx);
  if (err instanceof APIConnectionError || (code && offlineCodes.has(code))) {
    return new AiCallError('offline', offlineMessage(host));
  }
  // A stream cut off mid-way, or a body that is not JSON: the server's fault, worth a retry.
  const message = err instanceof Error ? err.message : String(err);
  return new AiCallError('server', `${host} sent an answer that could not be read: ${ctx.scrub(message).slice(0, 300)}`);
}
