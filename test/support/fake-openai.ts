/**
 * A fake OpenAI-compatible server over real HTTP on 127.0.0.1, for the AI tests.
 *
 * It behaves like the servers issue 15 names: json_schema enforced, ignored (the answer
 * misses the schema until the repair turn) or refused (400); streams with usage on the last
 * chunk, on every chunk or never, and Azure's empty first chunk; 429 with Retry-After, 5xx,
 * a hang, malformed JSON. Tests enqueue behaviours for the next chat completions; without
 * one, a default responder answers a valid object for whatever schema it was sent, a short
 * streamed reply, or a short Markdown text. Routes: any path ending in /chat/completions
 * (so /v1/..., Azure's /openai/deployments/<model>/... and /openai/v1/...) and in /models.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { draftText, fallbackObject, isObject, messagesOf, sampleFor, schemaInPrompt, splitInto, summaryText, tokens, type Json } from './fake-openai-answers';

export { sampleFor };

export type FakeBehaviour =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string; chunks?: number; usage?: 'final' | 'every' | 'none'; emptyFirstChunk?: boolean }
  | { kind: 'raw'; content: string }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'hang' };

export interface FakeRequest {
  method: string;
  /** The URL's path and query, as received. */
  path: string;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the client sent
  body: any;
  /** The body's bytes as received (utf-8), to compare with what the client logged. */
  raw: string;
}

export type JsonSchemaMode = 'enforced' | 'ignored' | 'refused';

export interface FakeOpenAi {
  /** 'http://127.0.0.1:PORT/v1' */
  baseUrl: string;
  /** 'http://127.0.0.1:PORT' (Azure's endpoint form). */
  origin: string;
  port: number;
  /** Every request received, in order (chat completions and /models). */
  requests: FakeRequest[];
  /** Consumed in order by chat completions before the default responder. */
  enqueue(...b: FakeBehaviour[]): void;
  models: string[];
  /** Added before each answer. */
  latencyMs: number;
  jsonSchema: JsonSchemaMode;
  /** Chat completions being answered now, and the most at once since start. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export interface FakeOptions {
  models?: string[];
  latencyMs?: number;
  jsonSchema?: JsonSchemaMode;
  port?: number;
}

export async function startFakeOpenAi(options: FakeOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeBehaviour[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let counter = 0;

  const fake: FakeOpenAi = {
    baseUrl: '',
    origin: '',
    port: 0,
    requests: [],
    enqueue: (...b) => void queue.push(...b),
    models: options.models ?? ['fake-model'],
    latencyMs: options.latencyMs ?? 0,
    jsonSchema: options.jsonSchema ?? 'enforced',
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    close: () => Promise.resolve(),
  };

  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve(!res.destroyed);
      const timer = setTimeout(() => resolve(!res.destroyed), ms);
      res.once('close', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });

  const sendJson = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed) return;
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const answer = (res: ServerResponse, body: Json, model: string, content: string, opts: { chunks?: number; usage?: 'final' | 'every' | 'none'; emptyFirstChunk?: boolean } = {}): void => {
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = tokens(messagesOf(body).map((m) => m.content).join('\n'));
    const completionTokens = tokens(content);
    const usageMode = opts.usage ?? 'final';
    if (body.stream !== true) {
      const usage = usageMode === 'none' ? undefined : { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        ...(usage ? { usage } : {}),
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const write = (chunk: Json): void => void res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    const base = { id, object: 'chat.completion.chunk', created, model };
    if (opts.emptyFirstChunk) write({ ...base, choices: [], prompt_filter_results: [] });
    const pieces = splitInto(content, opts.chunks ?? 5);
    let sent = '';
    pieces.forEach((piece, i) => {
      sent += piece;
      const last = i === pieces.length - 1;
      const delta = i === 0 ? { role: 'assistant', content: piece } : { content: piece };
      const chunk: Json = { ...base, choices: [{ index: 0, delta, finish_reason: last ? 'stop' : null }] };
      if (usageMode === 'every') chunk.usage = { prompt_tokens: promptTokens, completion_tokens: tokens(sent), total_tokens: promptTokens + tokens(sent) };
      write(chunk);
    });
    if (usageMode === 'final') write({ ...base, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } });
    res.end('data: [DONE]\n\n');
  };

  const defaultContent = (body: Json): string => {
    const messages = messagesOf(body);
    const format = isObject(body.response_format) ? body.response_format : null;
    const jsonSchema = format && isObject(format.json_schema) ? format.json_schema : null;
    const schema = jsonSchema && isObject(jsonSchema.schema) ? jsonSchema.schema : schemaInPrompt(messages);
    const asksJson = schema !== null || messages.some((m) => m.role === 'system' && /\bjson\b/i.test(m.content));
    if (asksJson) {
      // Ignoring the schema: the first answer misses it; the repair turn (an assistant
      // message already in the conversation) is answered properly.
      const repairing = messages.some((m) => m.role === 'assistant');
      if (jsonSchema && fake.jsonSchema === 'ignored' && !repairing) return 'Sure! {"answer": "looks like an order problem"}';
      return JSON.stringify(schema ? sampleFor(schema) : fallbackObject);
    }
    if (body.stream === true) return draftText(messages.some((m) => /\bS1\b/.test(m.content)));
    return summaryText;
  };

  const chat = async (req: IncomingMessage, res: ServerResponse, body: Json): Promise<void> => {
    const azureDeployment = /\/deployments\/([^/]+)\/chat\/completions/.exec(req.url ?? '');
    const model = typeof body.model === 'string' ? body.model : azureDeployment ? decodeURIComponent(azureDeployment[1] ?? '') : 'fake-model';
    const format = isObject(body.response_format) ? body.response_format : null;
    if (fake.jsonSchema === 'refused' && format?.type === 'json_schema') {
      if (!(await wait(fake.latencyMs, res))) return;
      sendJson(res, 400, { error: { message: "Invalid 'response_format': json_schema is not supported by this server.", type: 'invalid_request_error', param: 'response_format', code: null } });
      return;
    }
    const behaviour = queue.shift();
    if (behaviour?.kind === 'hang') return; // Left open until the client gives up or close().
    if (!(await wait(fake.latencyMs, res))) return;
    if (!behaviour) return answer(res, body, model, defaultContent(body));
    switch (behaviour.kind) {
      case 'json':
        return answer(res, body, model, JSON.stringify(behaviour.value));
      case 'raw':
        return answer(res, body, model, behaviour.content);
      case 'text':
        return answer(res, body, model, behaviour.text, behaviour);
      case 'status': {
        const headers: Record<string, string> = behaviour.retryAfter !== undefined ? { 'retry-after': behaviour.retryAfter } : {};
        if (behaviour.body !== undefined) {
          res.writeHead(behaviour.status, { 'content-type': 'application/json', ...headers });
          res.end(behaviour.body);
          return;
        }
        const message = behaviour.status === 429 ? 'Rate limit reached. Try again later.' : `The fake server answered ${behaviour.status}.`;
        return sendJson(res, behaviour.status, { error: { message, type: behaviour.status >= 500 ? 'server_error' : 'invalid_request_error', code: null } }, headers);
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    fake.requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body, raw });

    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path.endsWith('/models')) {
      if (!(await wait(fake.latencyMs, res))) return;
      return sendJson(res, 200, { object: 'list', data: fake.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
    }
    if (req.method === 'POST' && path.endsWith('/chat/completions')) {
      if (!isObject(body)) return sendJson(res, 400, { error: { message: 'The body is not a JSON object.', type: 'invalid_request_error' } });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let counted = true;
      const done = (): void => {
        if (counted) inFlight--;
        counted = false;
      };
      res.once('close', done);
      try {
        await chat(req, res, body);
      } finally {
        if (res.writableEnded) done();
      }
      return;
    }
    sendJson(res, 404, { error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' } });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(err) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  fake.port = port;
  fake.origin = `http://127.0.0.1:${port}`;
  fake.baseUrl = `${fake.origin}/v1`;
  let closing: Promise<void> | null = null;
  fake.close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return fake;
}
