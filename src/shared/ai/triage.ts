/**
 * Triage by a model: the closed lists it must pick from (the team's topic taxonomy and
 * escalation teams) turned into a schema and a prompt, and its answer resolved against the
 * configured teams. The answer is only ever a suggestion: nothing here applies it.
 */
import { z, type ZodType } from 'zod';
import { sentiments, type Channel, type CustomerTier, type Sentiment } from '../domain';
import { priorities } from '../escalation/schema';
import { portableJsonSchema } from './json-schema';
import { aiConfidences, aiUrgencies, triageAnswerSchema, type AiTriage, type TriageAnswer } from './schema';
import { earlierBlocks, oneLine, untrustedBlock, UNTRUSTED_RULES, type EarlierMessage, type PromptMessage } from './untrusted';

export interface TriageLists {
  topics: readonly string[];
  targets: readonly string[];
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A closed list that takes the model's "billing" for the taxonomy's "Billing". */
function oneOf(names: readonly string[]): ZodType<string> {
  const unique = [...new Set(names)];
  const byFolded = new Map(unique.map((n) => [fold(n), n]));
  const canonical = (v: unknown): unknown => (typeof v === 'string' ? (byFolded.get(fold(v)) ?? v) : v);
  return z.preprocess(canonical, z.enum(unique as [string, ...string[]]));
}

/** "Billing" and "billing" in one answer are one topic. */
const dedupe =
  (names: readonly string[]) =>
  (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    const byFolded = new Map(names.map((n) => [fold(n), n]));
    const seen = new Set<string>();
    return v.filter((item) => {
      if (typeof item !== 'string') return true;
      const key = byFolded.get(fold(item)) ?? item;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

/** Models write "High" or " EN " for "high" and "en"; fold before the closed-list check. */
const lowered = <T extends ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), schema);

// Building a zod schema costs about 2 ms, most of the per-call budget; the lists rarely change.
const schemaCache = new Map<string, ZodType<TriageAnswer>>();
const SCHEMA_CACHE_SIZE = 8;

/** The triage answer narrowed to this team's taxonomy and escalation teams. */
export function triageAnswerSchemaFor(lists: TriageLists): ZodType<TriageAnswer> {
  const key = JSON.stringify([lists.topics, lists.targets]);
  const hit = schemaCache.get(key);
  if (hit) return hit;
  const schema = buildSchema(lists);
  if (schemaCache.size >= SCHEMA_CACHE_SIZE) schemaCache.delete(schemaCache.keys().next().value ?? '');
  schemaCache.set(key, schema);
  return schema;
}

function buildSchema(lists: TriageLists): ZodType<TriageAnswer> {
  const known = new Set(lists.topics.map(fold));
  const topics =
    lists.topics.length > 0
      ? z.preprocess(dedupe(lists.topics), z.array(oneOf(lists.topics)).max(5))
      : z.array(z.string()).max(0, 'There is no topic list: answer [].');
  const proposedTopics = z
    .array(z.string().trim().min(1).max(60))
    .max(2)
    .refine((names) => names.every((n) => !known.has(fold(n))), 'A proposed topic is already in the list: put it in topics instead.');
  const escalation =
    lists.targets.length > 0
      ? z.object({ target: oneOf(lists.targets), reason: z.string().min(1).max(300) }).nullable()
      : z.null({ error: 'There are no teams to escalate to: answer null.' });
  const base = triageAnswerSchema.shape;
  return triageAnswerSchema.extend({
    sentiment: lowered(base.sentiment),
    topics,
    proposedTopics,
    urgency: lowered(base.urgency),
    priority: lowered(base.priority),
    language: lowered(base.language),
    escalation,
    confidence: lowered(base.confidence),
  });
}

export interface NamedEntry {
  name: string;
  description?: string | null;
}

export interface TriageInput {
  channel: Channel;
  subject: string | null;
  body: string;
  earlierMessages?: readonly EarlierMessage[];
  customerTier: CustomerTier | null;
  /** What the local analyser found, as a hint the model may correct. */
  localResult: { sentiment: Sentiment | null; topics: readonly string[]; urgency: string | null };
  topics: readonly NamedEntry[];
  targets: readonly NamedEntry[];
  /** The endpoint ignores or refuses `json_schema`: the schema goes into the prompt instead. */
  jsonSchemaInPrompt: boolean;
}

const BODY_CHARS = 8000;
const SUBJECT_CHARS = 300;
const MAX_LISTED = 200;

const listed = (entries: readonly NamedEntry[]): string =>
  entries
    .slice(0, MAX_LISTED)
    .map((e) => `  - "${oneLine(e.name, 80)}"${e.description ? `: ${oneLine(e.description)}` : ''}`)
    .join('\n');

function systemPrompt(input: TriageInput): string {
  const topics =
    input.topics.length > 0
      ? `topics: up to 5 names from this list, spelled exactly as listed:\n${listed(input.topics)}`
      : 'topics: there is no topic list yet, so answer [].';
  const escalation =
    input.targets.length > 0
      ? `escalation: null unless the item needs one of these teams; then {"target": the team's exact name, "reason": one sentence}. Teams:\n${listed(input.targets)}`
      : 'escalation: there are no teams configured, so answer null.';
  const lines = [
    'You triage one customer-support item for a help desk. Answer with one JSON object and nothing else: no prose, no Markdown fence.',
    '',
    'Fields, in this order:',
    `- sentiment: one of ${sentiments.join(', ')}; how the customer feels.`,
    `- ${topics}`,
    '- proposedTopics: at most 2 short new topic names, only when no listed topic fits; otherwise []. Never a name already in the list.',
    `- urgency: one of ${aiUrgencies.join(', ')}; how time-critical the customer's problem is (urgent: service down, money lost, safety, a deadline today).`,
    `- priority: one of ${priorities.join(', ')}; the order the team should handle it, weighing urgency and the customer's tier.`,
    '- language: the customer\'s language as a lower-case ISO 639-1 code (en, de, fr, es, ja, ...), or "und" when you cannot tell.',
    '- summary: one sentence in English saying what the customer wants.',
    `- ${escalation}`,
    `- confidence: one of ${aiConfidences.join(', ')}. high: the text states it plainly. medium: inferred from clear hints. low: a guess, or the text is short, vague or mixed.`,
    '- reason: one sentence on why you chose these values.',
    '',
    'The suggested escalation is the escalation field and nothing else; do not put actions into summary or reason. Every field is only a suggestion that a person accepts or overrides.',
    UNTRUSTED_RULES,
  ];
  if (input.jsonSchemaInPrompt) {
    const schema = portableJsonSchema(triageAnswerSchemaFor({ topics: input.topics.map((t) => t.name), targets: input.targets.map((t) => t.name) }));
    lines.push('', 'The JSON object must match this JSON Schema:', JSON.stringify(schema));
  }
  return lines.join('\n');
}

function userPrompt(input: TriageInput): string {
  const local = input.localResult;
  const hint = [
    `sentiment ${local.sentiment ?? 'unknown'}`,
    `topics ${local.topics.length > 0 ? local.topics.map((t) => `"${oneLine(t, 80)}"`).join(', ') : 'none'}`,
    `urgency ${local.urgency ?? 'unknown'}`,
  ].join('; ');
  const parts = [
    `Channel: ${input.channel}. Customer tier: ${input.customerTier ?? 'unknown'}.`,
    `A local rule-based analyser found: ${hint}. Use it as a hint and correct it where the text says otherwise.`,
  ];
  if (input.subject) parts.push(untrustedBlock('subject', input.subject, SUBJECT_CHARS));
  const earlier = earlierBlocks(input.earlierMessages);
  if (earlier.length > 0) parts.push('Earlier in this conversation:', ...earlier);
  parts.push(untrustedBlock('the message to triage', input.body, BODY_CHARS));
  parts.push('Answer with the JSON object now.');
  return parts.join('\n\n');
}

/** The messages of one triage call. */
export function triagePrompt(input: TriageInput): PromptMessage[] {
  return [
    { role: 'system', content: systemPrompt(input) },
    { role: 'user', content: userPrompt(input) },
  ];
}

/** The stored answer: the suggested team resolved to its id; a name that is no team suggests nothing. */
export function resolveTriage(answer: TriageAnswer, targets: readonly { id: string; name: string }[]): AiTriage['answer'] {
  const wanted = answer.escalation;
  const target = wanted ? targets.find((t) => fold(t.name) === fold(wanted.target)) : undefined;
  return {
    ...answer,
    escalation: wanted && target ? { targetId: target.id, targetName: target.name, reason: wanted.reason } : null,
  };
}
