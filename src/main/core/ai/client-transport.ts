/**
 * One endpoint through the `openai` SDK, one HTTP attempt at a time, each reported as sent.
 *
 * The SDK gets our own `fetch`, which notes the exact body bytes it is handed and the
 * response's status and text: "What left this machine" shows what really went out, not a
 * re-serialisation. The SDK never retries (`maxRetries: 0`; its Retry-After handling sleeps
 * and cannot be cancelled) and each attempt has our own timer over the whole exchange
 * (reset by every streamed chunk), besides the SDK's `timeout` that only covers the headers.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import { azureMode, hostOf } from '../../../shared/ai/endpoint';
import { defaultAiSettings } from '../../../shared/ai/schema';
import { classify, scrubber } from './client-errors';
import { AiCallError, type AiEndpoint, type CallRecord, type TokenUsage } from './types';

/** What our fetch saw of one attempt. */
export interface Tap {
  request: string | null;
  status: number | null;
  headers: Headers | null;
  /** The response body as text (not for event streams, which are assembled instead). */
  raw: Promise<string | null> | null;
}

const TAP = '__hearkenTap';
const MAX_RESPONSE = 64 * 1024;

/** Keys never reach the SDK's environment lookups: an empty key would make it read OPENAI_API_KEY. */
const NO_KEY = 'not-needed';

type FetchLike = (url: string | URL | Request, init?: RequestInit) => Promise<Response>;

const tappedFetch: FetchLike = async (url, init) => {
  const { [TAP]: tap, ...rest } = (init ?? {}) as RequestInit & { [TAP]?: Tap };
  if (tap) tap.request = typeof rest.body === 'string' ? rest.body : null;
  // The SDK's telemetry headers tell every endpoint this machine's OS, CPU and Node version.
  const headers = new Headers(rest.headers);
  for (const name of [...headers.keys()]) if (name.startsWith('x-stainless-')) headers.delete(name);
  const res = await fetch(url, { ...rest, headers });
  if (tap) {
    tap.status = res.status;
    tap.headers = res.headers;
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      tap.raw = res
        .clone()
        .text()
        .then(
          (t) => t,
          () => null,
        );
    }
  }
  return res;
};

function buildSdk(endpoint: AiEndpoint): OpenAI {
  const common = {
    apiKey: endpoint.apiKey ?? NO_KEY,
    maxRetries: 0,
    timeout: endpoint.timeoutMs,
    fetch: tappedFetch,
    // The SDK would otherwise pick these up from the environment and send them, and
    // OPENAI_LOG would have it print requests.
    organization: null,
    project: null,
    logLevel: 'off' as const,
  };
  const base = endpoint.baseUrl.trim().replace(/\/+$/, '');
  if (endpoint.provider === 'azure' && azureMode(base) === 'deployment') {
    // No fixed deployment: the SDK puts each request's model (the deployment) in the path.
    // baseURL rather than `endpoint`, which an OPENAI_BASE_URL in the environment would clash with.
    return new AzureOpenAI({ ...common, baseURL: `${base.replace(/\/openai$/i, '')}/openai`, apiVersion: endpoint.azureApiVersion.trim() || defaultAiSettings.azureApiVersion });
  }
  return new OpenAI({ ...common, baseURL: base });
}

export interface CallContext {
  purpose: CallRecord['purpose'];
  model: string | null;
  /** The body as built; the record keeps what the fetch actually sent. */
  body: unknown;
  signal?: AbortSignal;
}

/** The SDK's per-request options (its RequestOptions type is not exported by path). */
export type SdkRequestOptions = NonNullable<Parameters<OpenAI['chat']['completions']['create']>[1]>;

export interface AttemptControl {
  /** SDK request options: the attempt's signal, and the tap our fetch reads. */
  options: SdkRequestOptions;
  /** A streamed chunk arrived: the server is alive, restart the time-out. */
  touch(): void;
}

export type AttemptResult<R> = { ok: true; value: R; tap: Tap; latencyMs: number } | { ok: false; error: AiCallError; original: unknown };

export interface Outcome {
  outcome: CallRecord['outcome'];
  response: string | null;
  usage: TokenUsage | null;
  error: string | null;
}

export class Transport {
  readonly host: string;
  readonly sdk: OpenAI;
  readonly scrub: (text: string) => string;

  constructor(
    readonly endpoint: AiEndpoint,
    private readonly onCall: (record: CallRecord) => void,
  ) {
    this.host = hostOf(endpoint.baseUrl) ?? 'unknown host';
    this.sdk = buildSdk(endpoint);
    this.scrub = scrubber(endpoint.apiKey);
  }

  /**
   * Runs one HTTP attempt. A failure is reported here and comes back classified, with the
   * SDK's error beside it (to tell a refused json_schema from other 400s); a success is
   * reported by the caller once it knows whether the answer was valid.
   */
  async attempt<R>(call: CallContext, run: (control: AttemptControl) => Promise<R>, log = true): Promise<AttemptResult<R>> {
    const started = Date.now();
    const tap: Tap = { request: null, status: null, headers: null, raw: null };
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.endpoint.timeoutMs);
    };
    const onCallerAbort = (): void => controller.abort();
    if (call.signal?.aborted) controller.abort();
    else call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    arm();
    try {
      const value = await run({ options: { signal: controller.signal, fetchOptions: { [TAP]: tap } as SdkRequestOptions['fetchOptions'] }, touch: arm });
      return { ok: true, value, tap, latencyMs: Date.now() - started };
    } catch (original) {
      const cancelled = call.signal?.aborted === true;
      let error = classify(original, {
        host: this.host,
        model: call.model,
        timeoutMs: this.endpoint.timeoutMs,
        cancelled,
        timedOut: timedOut && !cancelled,
        scrub: this.scrub,
      });
      // A reset after the server had begun to answer is the server's fault, not the network's.
      if (error.kind === 'offline' && tap.status !== null) error = new AiCallError('server', `${this.host} broke off its answer.`, null, tap.status);
      if (log) this.report(call, tap, Date.now() - started, { outcome: 'failed', response: await this.responseText(tap), usage: null, error: error.message });
      return { ok: false, error, original };
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  responseText(tap: Tap): Promise<string | null> {
    return tap.raw ?? Promise.resolve(null);
  }

  report(call: CallContext, tap: Tap, latencyMs: number, outcome: Outcome): void {
    const request = tap.request ?? (call.body === null ? '' : JSON.stringify(call.body));
    // Scrubbed whole, then cut: a cut through the key would leave its start unscrubbed.
    const response = outcome.response === null ? null : this.scrub(outcome.response).slice(0, MAX_RESPONSE);
    this.onCall({
      purpose: call.purpose,
      host: this.host,
      model: call.model,
      request: this.scrub(request),
      response,
      status: tap.status,
      outcome: outcome.outcome,
      error: outcome.error === null ? null : this.scrub(outcome.error),
      usage: outcome.usage,
      latencyMs: Math.max(0, Math.round(latencyMs)),
    });
  }
}
