/**
 * The JSON schema sent with `response_format: json_schema`, cut down to what every
 * OpenAI-compatible server takes. Servers differ: OpenAI's strict mode wants every object
 * closed and every property required; LM Studio silently stops enforcing when it sees a
 * `$schema` key; llama.cpp's grammar converter and vLLM's guided decoding reject or ignore
 * `format`, `pattern` and length bounds. So only structure goes out (type, enum, items,
 * properties, required, anyOf for nullable); the rest is checked by zod on the way back.
 *
 * Nullable stays `anyOf: [X, { type: 'null' }]`, as zod writes it: OpenAI strict accepts it
 * for every X, including objects and enums, where `type: [X, 'null']` would need the enum to
 * list null too. An `.optional()` field is still required here (strict mode has no optional
 * keys), so answer schemas use `.nullable()` for "may be absent".
 */
import { z, type ZodType } from 'zod';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, what: string): never {
  throw new Error(`portableJsonSchema: ${what} at ${path || '(root)'} has no portable form.`);
}

function reduce(node: unknown, path: string): Json {
  if (!isRecord(node)) fail(path, 'a schema that is not an object');
  if ('allOf' in node || 'oneOf' in node || 'not' in node || '$ref' in node) fail(path, 'allOf/oneOf/not/$ref');
  const out: Json = {};
  if (typeof node.description === 'string') out.description = node.description;

  if (Array.isArray(node.anyOf)) {
    out.anyOf = node.anyOf.map((branch, i) => reduce(branch, `${path}.anyOf[${i}]`));
    return out;
  }
  if ('const' in node) {
    // `const` is newer than some servers' converters; a one-value enum means the same.
    out.type = node.type ?? typeof node.const;
    out.enum = [node.const];
    return out;
  }
  if (node.type !== undefined) out.type = node.type;
  if (Array.isArray(node.enum)) out.enum = node.enum;

  if (node.type === 'object') {
    if (isRecord(node.additionalProperties) || 'patternProperties' in node) fail(path, 'a record (free keys)');
    const properties: Json = {};
    const source = isRecord(node.properties) ? node.properties : {};
    for (const [key, value] of Object.entries(source)) properties[key] = reduce(value, `${path}.${key}`);
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  } else if (node.type === 'array') {
    if (Array.isArray(node.prefixItems)) {
      // A tuple: the items may be any of its positions' schemas; zod checks the order.
      const branches = node.prefixItems.map((item, i) => reduce(item, `${path}[${i}]`));
      out.items = branches.length === 1 ? branches[0] : { anyOf: branches };
    } else if (node.items !== undefined) {
      out.items = reduce(node.items, `${path}[]`);
    }
  }
  return out;
}

const converted = new WeakMap<ZodType, Record<string, unknown>>();

/** The answer schema as every OpenAI-compatible server accepts it (the same object for the same schema: treat it as read-only). */
export function portableJsonSchema(schema: ZodType): Record<string, unknown> {
  const hit = converted.get(schema);
  if (hit) return hit;
  // Inline every reused part: `$ref`/`$defs` are exactly what the weaker converters drop.
  const full = z.toJSONSchema(schema, { io: 'output', reused: 'inline', cycles: 'throw', unrepresentable: 'throw' }) as unknown;
  const portable = reduce(full, '');
  converted.set(schema, portable);
  return portable;
}
