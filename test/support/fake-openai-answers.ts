/**
 * What the fake OpenAI-compatible server answers by default: a valid object for whatever
 * JSON Schema it was sent (in `response_format` or, prompt-only, in the system message), a
 * short streamed reply citing [S1] when a source S1 is given, a short Markdown summary.
 */

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Roughly what a tokenizer would count, so usage looks plausible. */
export const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

export function messagesOf(body: Json): { role: string; content: string }[] {
  const raw = Array.isArray(body.messages) ? body.messages : [];
  return raw.filter(isObject).map((m) => ({ role: String(m.role), content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content) }));
}

/** Top-level `{...}` spans of a text, skipping braces in strings. */
function objectSpans(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

/** The JSON Schema a prompt-only request carries in its text, if any. */
export function schemaInPrompt(messages: { content: string }[]): Json | null {
  for (const m of messages) {
    for (const span of objectSpans(m.content)) {
      try {
        const parsed: unknown = JSON.parse(span);
        if (isObject(parsed) && (isObject(parsed.properties) || parsed.type === 'object')) return parsed;
      } catch {
        // Prose braces.
      }
    }
  }
  return null;
}

const textByName: Record<string, string> = {
  summary: 'The customer reports a problem with their order and asks for help.',
  reason: 'The message describes a problem the customer wants fixed soon.',
  language: 'en',
  marker: 'S1',
  title: 'Order problem',
};

function stringFor(name: string, schema: Json): string {
  const candidates = [textByName[name] ?? `A plausible ${name || 'value'}.`, 'en', 'S1', 'text', 'a', 'und'];
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : null;
  for (const c of candidates) {
    if (c.length >= min && c.length <= max && (!pattern || pattern.test(c))) return c;
  }
  return 'x'.repeat(Math.max(1, min));
}

/**
 * A value valid for a (portable) JSON Schema: first enum values ('medium' for a confidence),
 * null where null is allowed, the first allowed topic in a list of enum strings.
 */
export function sampleFor(schema: unknown, name = ''): unknown {
  if (!isObject(schema)) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    if (name === 'confidence' && schema.enum.includes('medium')) return 'medium';
    return schema.enum[0];
  }
  const alternatives = (Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null) as unknown[] | null;
  if (alternatives) {
    const nullable = alternatives.find((a) => isObject(a) && a.type === 'null');
    return nullable ? null : sampleFor(alternatives[0], name);
  }
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (types.includes('null')) return null;
  switch (types[0]) {
    case 'object': {
      const out: Json = {};
      const props = isObject(schema.properties) ? schema.properties : {};
      for (const [key, sub] of Object.entries(props)) out[key] = sampleFor(sub, key);
      return out;
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = schema.items;
      const wanted = isObject(items) && Array.isArray(items.enum) && items.enum.length > 0 ? Math.max(min, 1) : min;
      return Array.from({ length: wanted }, () => sampleFor(items, name));
    }
    case 'string':
      return stringFor(name, schema);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** Without any schema to go by, a triage-shaped answer (a prompt that only asks for JSON). */
export const fallbackObject = {
  sentiment: 'negative',
  topics: [],
  proposedTopics: [],
  urgency: 'normal',
  priority: 'normal',
  language: 'en',
  summary: textByName.summary,
  escalation: null,
  confidence: 'medium',
  reason: textByName.reason,
};

export const draftText = (cites: boolean): string =>
  `Hi there, thank you for getting in touch. I am sorry for the trouble with your order. ` +
  `We have looked into it${cites ? ' [S1]' : ''} and the next step is on its way to you. Best regards`;

export const summaryText = '## This week\n\n- Most messages were about orders and delivery.\n- A few customers asked about refunds.\n';

export function splitInto(text: string, parts: number): string[] {
  const n = Math.max(1, Math.min(parts, text.length || 1));
  const size = Math.ceil(text.length / n);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}
