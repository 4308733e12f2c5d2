/**
 * The LLM client: one endpoint, no retries of its own (the queue owns them), every attempt
 * reported as sent. What servers get wrong is handled here, once, for every purpose:
 * - json_schema refused (400 naming it, or 422): remembered, and the request goes out again
 *   as prompt-only JSON (the schema in the system message; never `json_object`, which
 *   LM Studio rejects). Accepted but ignored: zod catches it.
 * - Every JSON answer is validated; an invalid one gets exactly one repair turn.
 * - `stream_options` refused: remembered, streamed without it; missing usage is estimated.
 */
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { APIError } from 'openai';
import { parseAnswer } from '../../../shared/ai/parse';
import { repairPrompt } from '../../../shared/ai/prompts';
import { estimateTokens } from '../../../shared/ai/tokens';
import { refusesJsonSchema, refusesStreamOptions } from './client-errors';
import { probeEndpoint } from './client-probe';
import { type CallContext, Transport } from './client-transport';
import { StreamAccumulator } from './stream';
import { AiCallError, type ChatMessage, type JsonAnswer, type JsonRequest, type LlmClient, type LlmClientFactory, type StreamRequest, type TokenUsage } from './types';

/** Remembered per client: what this endpoint turned out not to take. */
export interface EndpointQuirks {
  jsonSchemaRefused: boolean;
  streamOptionsRefused: boolean;
}

const schemaInstruction = (schema: Record<string, unknown>): string =>
  `Answer with one JSON object and nothing else: no prose, no code fence. It must follow this JSON Schema:\n${JSON.stringify(schema)}`;

/** Prompt-only JSON: the schema goes at the end of the system message. */
export function withSchemaInPrompt(messages: readonly ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const instruction = schemaInstruction(schema);
  const at = messages.findIndex((m) => m.role === 'system');
  if (at < 0) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((m, i) => (i === at ? { role: 'system', content: `${m.content}\n\n${instruction}` } : m));
}

/**
 * Reasoning models served locally (DeepSeek-R1, Qwen3 on Ollama) put their thinking in the
 * content as <think>…</think>, braces and all: only what follows is the answer.
 */
export const withoutThinking = (text: string): string => text.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '');

const estimateUsage = (messages: readonly ChatMessage[], answer: string): TokenUsage => ({
  promptTokens: estimateTokens(messages.map((m) => m.content).join('\n')),
  completionTokens: estimateTokens(answer),
  estimated: true,
});

function usageOf(completion: ChatCompletion, messages: readonly ChatMessage[], answer: string): TokenUsage {
  const u = completion.usage;
  if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') {
    return { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, estimated: false };
  }
  return estimateUsage(messages, answer);
}

const addUsage = (a: TokenUsage | null, b: TokenUsage): TokenUsage =>
  a ? { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens, estimated: a.estimated || b.estimated } : b;

const toSdk = (messages: readonly ChatMessage[]): ChatCompletionMessageParam[] => messages.map((m) => ({ role: m.role, content: m.content }));

class Client implements LlmClient {
  readonly quirks: EndpointQuirks = { jsonSchemaRefused: false, streamOptionsRefused: false };

  constructor(readonly transport: Transport) {}

  /** One JSON attempt; a refused json_schema is remembered and the same turn goes out prompt-only. */
  private async jsonAttempt<T>(request: JsonRequest<T>, messages: ChatMessage[]): Promise<{ text: string; usage: TokenUsage; parsed: ReturnType<typeof parseAnswer<T>> }> {
    for (;;) {
      const useSchema = !this.quirks.jsonSchemaRefused;
      const sent = useSchema ? messages : withSchemaInPrompt(messages, request.jsonSchema.schema);
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: request.model,
        messages: toSdk(sent),
        max_tokens: request.maxTokens ?? this.transport.endpoint.maxTokens,
        ...(useSchema ? { response_format: { type: 'json_schema', json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true } } } : {}),
      };
      const call: CallContext = { purpose: request.purpose, model: request.model, body, signal: request.signal };
      const result = await this.transport.attempt(call, (c) => this.transport.sdk.chat.completions.create(body, c.options));
      if (!result.ok) {
        if (useSchema && refusesJsonSchema(result.original)) {
          this.quirks.jsonSchemaRefused = true;
          continue;
        }
        throw result.error;
      }
      const text = result.value.choices[0]?.message?.content ?? '';
      const usage = usageOf(result.value, sent, text);
      const parsed = parseAnswer(withoutThinking(text), request.schema);
      const raw = await this.transport.responseText(result.tap);
      this.transport.report(call, result.tap, result.latencyMs, {
        outcome: parsed.ok ? 'ok' : 'invalid',
        response: raw ?? text,
        usage,
        error: parsed.ok ? null : parsed.error,
      });
      return { text, usage, parsed };
    }
  }

  async completeJson<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>> {
    const messages = [...request.messages];
    const first = await this.jsonAttempt(request, messages);
    if (first.parsed.ok) return { value: first.parsed.value, usage: first.usage, repaired: false };
    const repair: ChatMessage[] = repairPrompt(messages, first.text, first.parsed.error);
    const second = await this.jsonAttempt(request, repair);
    const usage = addUsage(first.usage, second.usage);
    if (second.parsed.ok) return { value: second.parsed.value, usage, repaired: true };
    throw new AiCallError('invalid', `The model's answer did not fit the expected form, even after asking again: ${this.transport.scrub(second.parsed.error)}`);
  }

  async streamText(request: StreamRequest): Promise<{ text: string; usage: TokenUsage }> {
    const { acc, usage } = await this.streamOnce(request, request.messages, request.onDelta);
    return { text: acc.text, usage };
  }

  /** One streamed exchange (retried once without stream_options if the server refuses them). */
  async streamOnce(
    request: Pick<StreamRequest, 'model' | 'maxTokens' | 'signal'> & { purpose: CallContext['purpose'] },
    messages: readonly ChatMessage[],
    onDelta: (delta: string) => void,
  ): Promise<{ acc: StreamAccumulator; usage: TokenUsage }> {
    for (;;) {
      const withOptions = !this.quirks.streamOptionsRefused;
      const body: ChatCompletionCreateParamsStreaming = {
        model: request.model,
        messages: toSdk(messages),
        max_tokens: request.maxTokens ?? this.transport.endpoint.maxTokens,
        stream: true,
        ...(withOptions ? { stream_options: { include_usage: true } } : {}),
      };
      const call: CallContext = { purpose: request.purpose, model: request.model, body, signal: request.signal };
      const acc = new StreamAccumulator();
      let failedMidway = false;
      const result = await this.transport.attempt(call, async (c) => {
        const stream = await this.transport.sdk.chat.completions.create(body, c.options);
        try {
          for await (const chunk of stream) {
            c.touch();
            const piece = acc.push(chunk);
            if (piece !== '') onDelta(piece);
          }
        } catch (err) {
          failedMidway = true;
          throw err;
        }
      });
      if (!result.ok) {
        if (withOptions && !failedMidway && refusesStreamOptions(result.original)) {
          this.quirks.streamOptionsRefused = true;
          continue;
        }
        throw result.error;
      }
      const own = acc.usage;
      const usage: TokenUsage = own ? { ...own, estimated: false } : estimateUsage(messages, acc.text);
      this.transport.report(call, result.tap, result.latencyMs, { outcome: 'ok', response: acc.text, usage, error: null });
      return { acc, usage };
    }
  }

  /**
   * GET /models. A server without the route (404, 405) lists nothing; anything else that
   * fails is thrown classified, so the queue's offline probe sees 'offline'. Not logged
   * unless asked (the probe): it carries no customer text and the offline probe repeats.
   */
  async listModels(signal?: AbortSignal, log = false): Promise<string[]> {
    const call: CallContext = { purpose: 'test', model: null, body: null, signal };
    const result = await this.transport.attempt(
      call,
      async (c) => {
        const page = await this.transport.sdk.models.list(c.options);
        const data: unknown = (page as { data?: unknown }).data;
        return Array.isArray(data) ? data.map((m) => (m as { id?: unknown }).id).filter((id): id is string => typeof id === 'string') : [];
      },
      log,
    );
    if (result.ok) {
      if (log) this.transport.report(call, result.tap, result.latencyMs, { outcome: 'ok', response: await this.transport.responseText(result.tap), usage: null, error: null });
      return result.value;
    }
    if (result.original instanceof APIError && (result.original.status === 404 || result.original.status === 405)) return [];
    throw result.error;
  }

  probe(model: string, signal?: AbortSignal) {
    return probeEndpoint(this, model, signal);
  }
}

export type { Client as LlmClientImpl };

export const createLlmClient: LlmClientFactory = (endpoint, onCall) => new Client(new Transport(endpoint, onCall));
