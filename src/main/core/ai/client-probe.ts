/**
 * The test-connection button: what this endpoint has and takes, in three small calls.
 * - GET /models: the models, and whether the configured one is among them.
 * - One tiny json_schema request with a schema no free answer would match (a fixed enum):
 *   a 400/422 means `refused`, a matching answer `enforced`, anything else `ignored`.
 * - One tiny streamed request: whether usage comes on the final chunk, every chunk or never.
 * Never throws: a failure becomes `{ ok: false, error }` in words that say what to do.
 */
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { AiTestResult } from '../../../shared/ai/schema';
import { parseAnswer } from '../../../shared/ai/parse';
import { refusesJsonSchema } from './client-errors';
import type { LlmClientImpl } from './client';
import { AiCallError } from './types';

const probeWord = 'hearken-probe-ok';
const probeSchema = {
  type: 'object',
  properties: { check: { type: 'string', enum: [probeWord] }, n: { type: 'integer', enum: [7] } },
  required: ['check', 'n'],
  additionalProperties: false,
};
const probeAnswer = z.object({ check: z.literal(probeWord), n: z.literal(7) });

type Supports = AiTestResult['supports'];

const errorCode = (err: AiCallError): string => (err.status === 404 ? 'model-not-found' : err.kind);

export async function probeEndpoint(client: LlmClientImpl, model: string, signal?: AbortSignal): Promise<AiTestResult> {
  const { transport } = client;
  const started = Date.now();
  const supports: Supports = { jsonSchema: 'unknown', streaming: null, streamUsage: 'unknown' };
  let models: string[] = [];
  let modelFound: boolean | null = null;
  const result = (error: AiTestResult['error']): AiTestResult => ({
    ok: error === null,
    host: transport.host,
    latencyMs: Math.max(0, Date.now() - started),
    models,
    modelFound,
    supports,
    error,
  });
  const failure = (err: unknown): AiTestResult => {
    const e = err instanceof AiCallError ? err : new AiCallError('server', String(err));
    return result({ code: errorCode(e), message: e.message });
  };

  try {
    models = await client.listModels(signal, true);
  } catch (err) {
    return failure(err);
  }
  modelFound = models.length > 0 ? models.includes(model) : null;
  if (modelFound === false) {
    const listed = models.slice(0, 12).join(', ') + (models.length > 12 ? ', …' : '');
    return result({ code: 'model-not-found', message: `${transport.host} has no model "${model}". It has: ${listed}. Choose one of those in Settings > AI.` });
  }

  const body: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: [
      { role: 'system', content: 'You answer with JSON only.' },
      { role: 'user', content: 'Reply with a JSON object.' },
    ],
    max_tokens: 60,
    response_format: { type: 'json_schema', json_schema: { name: 'connection_check', schema: probeSchema, strict: true } },
  };
  const call = { purpose: 'test' as const, model, body, signal };
  const json = await transport.attempt(call, (c) => transport.sdk.chat.completions.create(body, c.options));
  if (json.ok) {
    const text = json.value.choices[0]?.message?.content ?? '';
    const parsed = parseAnswer(text, probeAnswer);
    supports.jsonSchema = parsed.ok ? 'enforced' : 'ignored';
    transport.report(call, json.tap, json.latencyMs, {
      outcome: parsed.ok ? 'ok' : 'invalid',
      response: (await transport.responseText(json.tap)) ?? text,
      usage: null,
      error: parsed.ok ? null : parsed.error,
    });
  } else if (refusesJsonSchema(json.original)) {
    supports.jsonSchema = 'refused';
    client.quirks.jsonSchemaRefused = true;
  } else {
    return failure(json.error);
  }

  try {
    const { acc } = await client.streamOnce({ purpose: 'test', model, maxTokens: 20, signal }, [{ role: 'user', content: 'Say OK.' }], () => undefined);
    supports.streaming = true;
    supports.streamUsage = acc.usageStyle;
  } catch (err) {
    if (err instanceof AiCallError && (err.kind === 'offline' || err.kind === 'auth' || err.kind === 'cancelled')) return failure(err);
    supports.streaming = false;
  }
  return result(null);
}
