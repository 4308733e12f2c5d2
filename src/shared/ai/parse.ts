/**
 * Reading a model's JSON answer. Servers that ignore `response_format` (llama.cpp, some vLLM
 * builds) and prompt-only JSON both come back wrapped: a ```json fence, a sentence before,
 * a remark after. We look for the outermost object that parses, then let zod decide whether
 * it is an answer; the zod issues go back to the model in the one repair retry.
 */
import type { ZodType } from 'zod';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where each top-level `{ ... }` starts and ends from `from` on, skipping braces inside
 * strings. A stray `{` in prose swallows the rest, so callers retry from later braces.
 */
function objectSpans(text: string, from = 0): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    // A quote outside any object is prose ("the "answer" is"), not a JSON string.
    if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  return spans;
}

/** The text without commas before a closing bracket, which small models write and JSON.parse refuses. */
function withoutTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    try {
      return { ok: true, value: JSON.parse(withoutTrailingCommas(text)) as unknown };
    } catch {
      return { ok: false };
    }
  }
}

const MAX_RESTARTS = 50;

/** The first object that parses when scanning restarts at each later `{` (a stray brace in prose). */
function fromLaterBraces(text: string): Record<string, unknown> | undefined {
  let at = text.indexOf('{', text.indexOf('{') + 1);
  for (let tries = 0; at >= 0 && tries < MAX_RESTARTS; tries++) {
    for (const [s, e] of objectSpans(text, at)) {
      const parsed = tryParse(text.slice(s, e));
      if (parsed.ok && isObject(parsed.value)) return parsed.value;
    }
    at = text.indexOf('{', at + 1);
  }
  return undefined;
}

/** The JSON object in a model's answer; throws with a short reason when there is none. */
export function extractJson(text: string): unknown {
  // Reasoning models (DeepSeek-R1, Qwen3 through Ollama) think aloud first, braces and all.
  const trimmed = text.replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, '').trim();
  if (trimmed === '') throw new Error(/<think>/i.test(text) ? 'The answer held only the model\'s thinking, no JSON object.' : 'The answer was empty.');
  const whole = tryParse(trimmed);
  if (whole.ok && isObject(whole.value)) return whole.value;

  // Fenced blocks first: a model that fences its JSON may also show an example outside it.
  const candidates: string[] = [];
  for (const m of trimmed.matchAll(/```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g)) candidates.push((m[1] ?? '').trim());
  candidates.push(trimmed);
  let sawBrace = false;
  for (const candidate of candidates) {
    const direct = tryParse(candidate);
    if (direct.ok && isObject(direct.value)) return direct.value;
    const spans = objectSpans(candidate);
    if (spans.length > 0) sawBrace = true;
    // The largest object is the answer; smaller ones are usually examples or fragments.
    spans.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
    for (const [s, e] of spans) {
      const parsed = tryParse(candidate.slice(s, e));
      if (parsed.ok && isObject(parsed.value)) return parsed.value;
    }
    const found = fromLaterBraces(candidate);
    if (found !== undefined) return found;
  }
  if (!sawBrace && trimmed.includes('{')) throw new Error('The JSON object was cut off before its closing brace.');
  throw new Error(sawBrace ? 'The answer holds a JSON object that does not parse.' : 'The answer holds no JSON object.');
}

const MAX_ISSUES = 8;

/** An answer checked against its schema; `error` is short enough to hand back to the model. */
export function parseAnswer<T>(text: string, schema: ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = extractJson(text);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(answer)';
    return `${path}: ${issue.message}`;
  });
  const more = result.error.issues.length - issues.length;
  if (more > 0) issues.push(`…and ${more} more`);
  return { ok: false, error: issues.join('\n') };
}
