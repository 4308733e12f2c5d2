/**
 * The template library's pure helpers: what a draft is, when it differs from what is saved,
 * what stops it from being saved, how the list is searched, ordered and grouped, and how
 * usage reads. No React and no core calls, so they behave the same wherever they are used.
 */
import type { Template } from '../../../shared/contract';
import { templateProblems, type PlaceholderValues } from '../../../shared/templates';
import { languageName } from '../../../shared/languages';

/** The editable part of a template, as the editor holds it. */
export interface Draft {
  name: string;
  language: string | null;
  topics: string[];
  keywords: string;
  body: string;
}

export interface PlaceholderInfo {
  key: string;
  label: string;
  example: string;
}

export const emptyDraft: Draft = { name: '', language: null, topics: [], keywords: '', body: '' };

export function draftOf(template: Template): Draft {
  return { name: template.name, language: template.language, topics: [...template.topics], keywords: template.keywords, body: template.body };
}

/** Keywords as the agent sees them, one per chip; the core keeps them comma-separated. */
export function keywordList(keywords: string): string[] {
  return keywords
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

export function keywordText(list: readonly string[]): string {
  return list.map((k) => k.trim()).filter(Boolean).join(', ');
}

/** What the core would store for this draft; two drafts that store the same are the same. */
function normalised(draft: Draft): string {
  return JSON.stringify([
    draft.name.trim(),
    draft.language,
    [...new Set(draft.topics.map((t) => t.trim()).filter(Boolean))],
    keywordText(keywordList(draft.keywords)),
    draft.body.trim(),
  ]);
}

export function sameDraft(a: Draft | null, b: Draft | null): boolean {
  if (a === null || b === null) return a === b;
  return normalised(a) === normalised(b);
}

export interface DraftProblems {
  name: string | null;
  body: string | null;
}

/** What stops a draft from being saved, checked before the core sees it (the core checks again). */
export function draftProblems(draft: Draft, others: readonly Template[], openId: string | null): DraftProblems {
  const name = draft.name.trim();
  let nameProblem: string | null = null;
  if (name === '') nameProblem = 'Give the template a name.';
  else if (name.length > 120) nameProblem = 'Keep the name under 120 characters.';
  else if (others.some((t) => t.id !== openId && t.name.toLowerCase() === name.toLowerCase()))
    nameProblem = `A template called “${name}” already exists. Choose another name.`;
  let bodyProblem: string | null = null;
  if (draft.body.trim() === '') bodyProblem = 'Write the reply text.';
  else {
    const problems = templateProblems(draft.body);
    if (problems.length > 0) bodyProblem = problems.join(' ');
  }
  return { name: nameProblem, body: bodyProblem };
}

export function hasProblems(problems: DraftProblems): boolean {
  return problems.name !== null || problems.body !== null;
}

/** The languages a team usually writes templates in, offered by name; "any" stands for null. */
export const commonLanguages = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'] as const;
export const ANY_LANGUAGE = 'any';

export function languageLabel(code: string | null): string {
  return code === null ? 'Any language' : languageName(code);
}

export function languageOptions(current: string | null): { value: string; label: string }[] {
  const codes: string[] = [...commonLanguages];
  // A template imported in another language keeps its language selectable.
  if (current !== null && !codes.includes(current)) codes.push(current);
  return [{ value: ANY_LANGUAGE, label: 'Any language' }, ...codes.map((code) => ({ value: code, label: languageName(code) }))];
}

/** The usage line of a list row: "Sent 12 times, 9 of them as written", or "Not sent yet". */
export { usageSentence as usageLabel } from '../../../shared/template-words';

export type TemplateSort = 'name' | 'used' | 'recent';

export const sortLabels: Record<TemplateSort, string> = {
  name: 'By language, A–Z',
  used: 'Most used first',
  recent: 'Recently edited first',
};

/** Lower case without accents, so "rueckerstattung" is not needed to find "Rückerstattung" by "ruck". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search; a template matches when its name, keywords, topics or text hold every one. */
export function searchTerms(search: string): string[] {
  return fold(search).split(/\s+/).filter(Boolean);
}

export function matchesSearch(template: Template, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = fold([template.name, template.keywords, template.topics.join(' '), template.body].join('\n'));
  return terms.every((term) => haystack.includes(term));
}

export interface TemplateGroup {
  /** A language code, 'any', or 'all' when the list is one flat ranking. */
  key: string;
  label: string | null;
  templates: Template[];
}

const byName = (a: Template, b: Template): number => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * The list as shown: by name, grouped by language (the largest group first, "Any language"
 * last); or one flat ranking by use or by last edit.
 */
export function arrangeTemplates(templates: readonly Template[], search: string, sort: TemplateSort): TemplateGroup[] {
  const terms = searchTerms(search);
  const found = templates.filter((t) => matchesSearch(t, terms));
  if (sort === 'used') {
    const rate = (t: Template): number => (t.usage.used === 0 ? 0 : t.usage.unchanged / t.usage.used);
    return [{ key: 'all', label: null, templates: [...found].sort((a, b) => b.usage.used - a.usage.used || rate(b) - rate(a) || byName(a, b)) }];
  }
  if (sort === 'recent') return [{ key: 'all', label: null, templates: [...found].sort((a, b) => b.updatedAt - a.updatedAt || byName(a, b)) }];
  const groups = new Map<string, Template[]>();
  for (const t of found) {
    const key = t.language ?? ANY_LANGUAGE;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, label: languageLabel(key === ANY_LANGUAGE ? null : key), templates: list.sort(byName) }))
    .sort((a, b) => {
      if (a.key === ANY_LANGUAGE || b.key === ANY_LANGUAGE) return a.key === ANY_LANGUAGE ? 1 : -1;
      return b.templates.length - a.templates.length || a.label!.localeCompare(b.label!);
    });
}

export function flatOrder(groups: readonly TemplateGroup[]): Template[] {
  return groups.flatMap((g) => g.templates);
}

/** A name not yet taken: "Refund (copy)", then "Refund (copy 2)". */
export function copyName(name: string, taken: readonly Template[]): string {
  const names = new Set(taken.map((t) => t.name.toLowerCase()));
  const base = `${name.trim()} (copy)`;
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${name.trim()} (copy ${n})`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * What "Insert placeholder" writes: names get the fallback a good template uses, so a
 * customer known only by a handle still reads naturally.
 */
const suggestedFallbacks: Record<string, string> = {
  'customer.first_name': 'there',
  'customer.name': 'there',
  'agent.name': 'The support team',
};

export function placeholderToken(key: string): { text: string; fallback: string | null } {
  const fallback = suggestedFallbacks[key] ?? null;
  return { text: fallback === null ? `{{${key}}}` : `{{${key}|${fallback}}}`, fallback };
}

/** The two customers the preview can be read for. */
export type PreviewSample = 'named' | 'unnamed';

export const sampleLabels: Record<PreviewSample, string> = {
  named: 'Named customer',
  unnamed: 'Name unknown',
};

/**
 * Example values for the preview. "Name unknown" is a customer known only by a handle, the
 * case fallbacks exist for. Your own name comes from the profile when it is set.
 */
export function sampleValues(examples: readonly PlaceholderInfo[], sample: PreviewSample, agentName: string | null): PlaceholderValues {
  const values: Record<string, string | null> = {};
  for (const p of examples) values[p.key] = p.example;
  values['agent.name'] = agentName?.trim() ? agentName.trim() : null;
  if (sample === 'unnamed') {
    values['customer.first_name'] = null;
    values['customer.last_name'] = null;
    values['customer.name'] = null;
  }
  return values as PlaceholderValues;
}

export interface PreviewPart {
  text: string;
  /** A placeholder left in the text: no value in this sample and no fallback. */
  missing: boolean;
}

/** Splits filled text so that placeholders still in it can be marked. */
export function previewParts(text: string): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let from = 0;
  for (const m of text.matchAll(/\{\{[^{}]*\}\}/g)) {
    if (m.index > from) parts.push({ text: text.slice(from, m.index), missing: false });
    parts.push({ text: m[0], missing: true });
    from = m.index + m[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), missing: false });
  return parts;
}
