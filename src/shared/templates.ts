/**
 * Reply templates (saved replies): the placeholders they may use, how a template is
 * filled for one conversation, the JSON file format for import and export, and how far a
 * sent reply moved from the suggestion it started from. Pure: the core and the window both
 * use it (the editor previews with the same `fillTemplate` the core suggests with).
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** Every placeholder a template may use, with what it becomes and an example for previews. */
export const placeholders = [
  { key: 'customer.first_name', label: 'Customer first name', example: 'Harriet' },
  { key: 'customer.last_name', label: 'Customer last name', example: 'Garrett' },
  { key: 'customer.name', label: 'Customer full name', example: 'Harriet Garrett' },
  { key: 'agent.name', label: 'Your name', example: 'Sam' },
  { key: 'product', label: 'Product', example: 'Hearken Cloud' },
  { key: 'subject', label: 'Conversation subject', example: 'Where is my refund?' },
] as const;
export type PlaceholderKey = (typeof placeholders)[number]['key'];
const placeholderKeys = new Set<string>(placeholders.map((p) => p.key));

export type PlaceholderValues = Partial<Record<PlaceholderKey, string | null>>;

/**
 * `{{ key }}` or `{{ key | fallback }}`: the fallback is used when the conversation has no
 * value (a customer known only by a handle has no first name: `Hi {{customer.first_name|there}},`).
 */
export const placeholderPattern = /\{\{\s*([a-z_.]+)\s*(?:\|([^{}]*))?\}\}/gi;

export interface PlaceholderUse {
  key: string;
  fallback: string | null;
  known: boolean;
}

export function placeholdersIn(body: string): PlaceholderUse[] {
  return [...body.matchAll(placeholderPattern)].map((m) => ({
    key: m[1]!.toLowerCase(),
    fallback: m[2] === undefined ? null : m[2].trim(),
    known: placeholderKeys.has(m[1]!.toLowerCase()),
  }));
}

/** Problems that stop a template from being saved, each a sentence the editor can show. */
export function templateProblems(body: string): string[] {
  const problems: string[] = [];
  const unknown = [...new Set(placeholdersIn(body).filter((p) => !p.known).map((p) => p.key))];
  if (unknown.length > 0) {
    problems.push(
      `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `{{${k}}}`).join(', ')}. Use one of ${placeholders.map((p) => `{{${p.key}}}`).join(', ')}.`,
    );
  }
  const opened = (body.match(/\{\{/g) ?? []).length;
  const matched = [...body.matchAll(placeholderPattern)].length;
  if (opened > matched) problems.push('A placeholder is not closed or has a typo: write it as {{customer.first_name}}, or {{customer.first_name|there}} with a fallback.');
  return problems;
}

export interface FilledTemplate {
  text: string;
  /** Placeholders with neither a value nor a fallback: left in the text for the agent to fill. */
  missing: PlaceholderKey[];
}

/**
 * Fills a template for one conversation. A placeholder with no value and no fallback stays
 * visible. An empty fallback drops the space before a following comma or colon, so
 * "Bonjour {{customer.first_name|}}," reads "Bonjour," for a customer known by a handle.
 */
export function fillTemplate(body: string, values: PlaceholderValues): FilledTemplate {
  const missing = new Set<PlaceholderKey>();
  let text = '';
  let from = 0;
  for (const m of body.matchAll(placeholderPattern)) {
    const key = m[1]!.toLowerCase();
    const fallback = m[2];
    let filled: string;
    if (!placeholderKeys.has(key)) filled = m[0];
    else {
      const value = values[key as PlaceholderKey]?.trim();
      if (value) filled = value;
      else if (fallback !== undefined) filled = fallback.trim();
      else {
        missing.add(key as PlaceholderKey);
        filled = `{{${key}}}`;
      }
    }
    text += body.slice(from, m.index);
    from = m.index + m[0].length;
    if (filled === '' && /[,:;.!?]/.test(body[from] ?? '')) text = text.replace(/[ \t]+$/, '');
    text += filled;
  }
  text += body.slice(from);
  return { text, missing: [...missing] };
}

/** Placeholders still in a draft (the agent must fill them before sending). */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(placeholdersIn(text).map((p) => p.key))];
}

/**
 * A first name to greet by: the first word of a person's name. Handles ("@chloeblanc"),
 * e-mail addresses and names without letters give null, so the template's fallback is used.
 */
export function firstNameOf(name: string | null | undefined): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  if (trimmed.startsWith('@') || trimmed.includes('@') || /^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const first = trimmed.split(/\s+/)[0]!.replace(/[,.;:]+$/, '');
  if (!/\p{L}/u.test(first) || first.length < 2) return null;
  return first;
}

/**
 * A last name for formal address ("Sehr geehrte Frau {{customer.last_name}}"): the last
 * word of a name of two or more words, unless it is an initial ("Liam W.").
 */
export function lastNameOf(name: string | null | undefined): string | null {
  if (!firstNameOf(name)) return null;
  const words = name!.trim().split(/\s+/);
  if (words.length < 2) return null;
  const last = words[words.length - 1]!.replace(/[,;:]+$/, '');
  if (last.length < 2 || /^\p{L}\.?$/u.test(last) || !/\p{L}{2}/u.test(last)) return null;
  return last;
}

/** How a sent reply relates to the suggestion it started from, for the AI-quality figures. */
export const replyOutcomes = ['unchanged', 'edited', 'discarded', 'written'] as const;
export type ReplyOutcome = (typeof replyOutcomes)[number];

/**
 * `unchanged` when the sent text equals the suggestion apart from surrounding white space
 * and line-ending style; otherwise `edited` with the Levenshtein distance in characters.
 */
export function compareToSuggestion(suggested: string, sent: string): { outcome: 'unchanged' | 'edited'; editDistance: number } {
  const a = normaliseForComparison(suggested);
  const b = normaliseForComparison(sent);
  const editDistance = a === b ? 0 : distance(a, b);
  return { outcome: editDistance === 0 ? 'unchanged' : 'edited', editDistance };
}

function normaliseForComparison(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/** A template as written by a person (the editable part). */
export const templateFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the template a name.').max(120),
    /** ISO 639-1; null: suggested for any language. */
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/, 'Use a two-letter language code such as en or de.')
      .nullable(),
    /** Topics it answers (taxonomy names); they weigh in when suggesting. */
    topics: z.array(z.string().trim().min(1).max(80)).max(20),
    /** More words and phrases that should bring it up, comma-separated. */
    keywords: z.string().trim().max(1_000),
    body: z.string().trim().min(1, 'Write the reply text.').max(20_000),
  })
  .strict();
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

/** The JSON file teams exchange templates in (Templates › Export / Import). */
export const TEMPLATE_FILE_FORMAT = 'hearken.templates';
export const templateFileSchema = z
  .object({
    format: z.literal(TEMPLATE_FILE_FORMAT, { error: `Not a Hearken templates file: "format" must be "${TEMPLATE_FILE_FORMAT}".` }),
    version: z.literal(1, { error: 'This templates file is from a newer Hearken (version is not 1). Update Hearken to import it.' }),
    templates: z
      .array(
        templateFieldsSchema.extend({
          language: templateFieldsSchema.shape.language.default(null),
          topics: templateFieldsSchema.shape.topics.default([]),
          keywords: templateFieldsSchema.shape.keywords.default(''),
        }),
      )
      .max(5_000),
  })
  .strict();
export type TemplateFile = z.infer<typeof templateFileSchema>;
