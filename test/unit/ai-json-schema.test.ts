/** The answer schema as sent: structure only, closed objects, every key required, no keys a server trips on. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portableJsonSchema } from '../../src/shared/ai/json-schema';
import { triageAnswerSchema } from '../../src/shared/ai/schema';

const allowed = new Set(['type', 'enum', 'items', 'properties', 'required', 'description', 'additionalProperties', 'anyOf']);

/** Every schema node (not property maps) in the tree, with its path. */
function nodes(schema: Record<string, unknown>, path = ''): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [[path, schema]];
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) out.push(...nodes(v, `${path}.${k}`));
  if (schema.items) out.push(...nodes(schema.items as Record<string, unknown>, `${path}[]`));
  for (const [i, b] of ((schema.anyOf ?? []) as Record<string, unknown>[]).entries()) out.push(...nodes(b, `${path}|${i}`));
  return out;
}

function expectPortable(schema: Record<string, unknown>): void {
  expect(JSON.stringify(schema)).not.toMatch(/\$schema|\$ref|\$defs|definitions|pattern|format|minLength|maxLength|minItems|maxItems/);
  for (const [path, node] of nodes(schema)) {
    for (const key of Object.keys(node)) expect(allowed.has(key), `${path}: ${key}`).toBe(true);
    if (node.type === 'object') {
      expect(node.additionalProperties, path).toBe(false);
      expect(node.required, path).toEqual(Object.keys(node.properties as object));
    }
  }
}

describe('portableJsonSchema', () => {
  it('turns the triage answer into the strict subset', () => {
    const schema = portableJsonSchema(triageAnswerSchema);
    expectPortable(schema);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(Object.keys(triageAnswerSchema.shape));
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.sentiment).toEqual({ type: 'string', enum: ['negative', 'neutral', 'positive'] });
    expect(props.language).toEqual({ type: 'string' });
    expect(props.topics).toEqual({ type: 'array', items: { type: 'string' } });
    expect(props.escalation).toEqual({
      anyOf: [
        {
          type: 'object',
          properties: { target: { type: 'string' }, reason: { type: 'string' } },
          required: ['target', 'reason'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    });
  });

  it('closes nested objects, requires optional keys, keeps descriptions, inlines reused parts', () => {
    const address = z.object({ city: z.string().min(1), zip: z.string().regex(/^\d+$/).optional() }).describe('Where it ships');
    const schema = portableJsonSchema(
      z.object({
        home: address,
        work: address.nullable(),
        history: z.array(z.object({ at: z.iso.datetime(), note: z.string().max(10).nullable() })).min(1).max(3),
        kind: z.literal('order'),
        count: z.number().int().min(0).nullable(),
        mixed: z.union([z.string(), z.number()]),
        pair: z.tuple([z.string()]),
      }),
    );
    expectPortable(schema);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.home).toEqual({
      description: 'Where it ships',
      type: 'object',
      properties: { city: { type: 'string' }, zip: { type: 'string' } },
      required: ['city', 'zip'],
      additionalProperties: false,
    });
    expect((props.work?.anyOf as unknown[])[1]).toEqual({ type: 'null' });
    expect(props.history).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { at: { type: 'string' }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        required: ['at', 'note'],
        additionalProperties: false,
      },
    });
    expect(props.kind).toEqual({ type: 'string', enum: ['order'] });
    expect(props.count).toEqual({ anyOf: [{ type: 'integer' }, { type: 'null' }] });
    expect(props.pair).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('refuses shapes strict servers cannot express rather than sending them loosely', () => {
    expect(() => portableJsonSchema(z.object({ counts: z.record(z.string(), z.number()) }))).toThrow(/record/);
    expect(() => portableJsonSchema(z.object({ a: z.date() }))).toThrow();
    type Node = { name: string; children: Node[] };
    const tree: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));
    expect(() => portableJsonSchema(tree)).toThrow();
  });
});
