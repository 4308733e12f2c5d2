/**
 * A rule as the editor holds it: the same shape the core saves, but allowed to be
 * unfinished (an empty keyword list) while a person writes it. Whether it can be previewed
 * or saved, and the words the list shows for it.
 */
import { describeActions, describeCondition } from '../../../../shared/escalation/rules';
import { ruleInputSchema, type Rule, type RuleCondition, type RuleConditionKind, type RuleInput } from '../../../../shared/escalation/schema';

export interface RuleDraft {
  /** Null for a rule not saved yet. */
  id: string | null;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: { escalateTo: string | null; priority: Rule['actions']['priority']; addTag: string | null };
  autoEscalate: boolean;
}

export const conditionKinds: readonly { value: RuleConditionKind; label: string }[] = [
  { value: 'sentiment', label: 'Sentiment' },
  { value: 'keywords', label: 'Keywords or phrases' },
  { value: 'topic', label: 'Topic' },
  { value: 'language', label: 'Language' },
  { value: 'channel', label: 'Channel' },
  { value: 'product', label: 'Product' },
  { value: 'tier', label: 'Customer tier / VIP' },
  { value: 'urgency', label: 'Urgency' },
  { value: 'repeat', label: 'Repeated contacts' },
  { value: 'sla', label: 'SLA state' },
];

/** A new condition of this kind, with the values most rules start from. */
export function blankCondition(kind: RuleConditionKind): RuleCondition {
  switch (kind) {
    case 'sentiment':
      return { kind, labels: ['negative'], scoreAtMost: null };
    case 'keywords':
      return { kind, terms: [], match: 'any' };
    case 'topic':
      return { kind, topics: [] };
    case 'language':
      return { kind, languages: [] };
    case 'channel':
      return { kind, channels: [] };
    case 'product':
      return { kind, products: [] };
    case 'tier':
      return { kind, tiers: ['vip'] };
    case 'urgency':
      return { kind, atLeast: 'high' };
    case 'repeat':
      return { kind, contacts: 3, withinDays: 7 };
    case 'sla':
      return { kind, state: 'breached', withinMinutes: 60 };
  }
}

export const blankDraft: RuleDraft = {
  id: null,
  name: '',
  enabled: true,
  match: 'all',
  conditions: [blankCondition('keywords')],
  actions: { escalateTo: null, priority: null, addTag: null },
  autoEscalate: false,
};

export function draftOf(rule: Rule): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    match: rule.match,
    conditions: rule.conditions,
    actions: rule.actions,
    autoEscalate: rule.autoEscalate,
  };
}

export function sameDraft(a: RuleDraft, b: RuleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const emptyListWords: Partial<Record<RuleConditionKind, string>> = {
  sentiment: 'pick at least one sentiment',
  keywords: 'add at least one word or phrase',
  topic: 'add at least one topic',
  language: 'add at least one language',
  channel: 'pick at least one channel',
  product: 'add at least one product',
  tier: 'pick at least one tier',
};

function listOf(c: RuleCondition): readonly unknown[] | null {
  switch (c.kind) {
    case 'sentiment':
      return c.labels;
    case 'keywords':
      return c.terms;
    case 'topic':
      return c.topics;
    case 'language':
      return c.languages;
    case 'channel':
      return c.channels;
    case 'product':
      return c.products;
    case 'tier':
      return c.tiers;
    default:
      return null;
  }
}

const kindLabel = (kind: RuleConditionKind): string => conditionKinds.find((k) => k.value === kind)?.label ?? kind;

/** Why the conditions cannot be evaluated yet, in words; null when they can. */
export function conditionProblem(draft: Pick<RuleDraft, 'conditions'>): string | null {
  if (draft.conditions.length === 0) return 'Add at least one condition.';
  for (const [i, c] of draft.conditions.entries()) {
    const list = listOf(c);
    if (list !== null && list.length === 0) return `Condition ${i + 1} (${kindLabel(c.kind)}): ${emptyListWords[c.kind]}.`;
  }
  const parsed = ruleInputSchema.shape.conditions.safeParse(draft.conditions);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = typeof issue.path[0] === 'number' ? issue.path[0] : null;
    const c = at === null ? undefined : draft.conditions[at];
    return c === undefined ? issue.message : `Condition ${at! + 1} (${kindLabel(c.kind)}): ${issue.message}`;
  }
  return null;
}

/** What the preview asks the core about: the conditions as drafted, enabled, under a stand-in name and action when those are missing. */
export function previewInput(draft: RuleDraft): RuleInput | null {
  if (conditionProblem(draft) !== null) return null;
  const hasAction = draft.actions.escalateTo !== null || draft.actions.priority !== null || (draft.actions.addTag ?? '').trim() !== '';
  return {
    name: draft.name.trim() === '' ? 'Preview' : draft.name,
    enabled: true,
    match: draft.match,
    conditions: draft.conditions,
    actions: hasAction ? { ...draft.actions, addTag: blankToNull(draft.actions.addTag) } : { escalateTo: null, priority: 'normal', addTag: null },
    autoEscalate: false,
  };
}

const blankToNull = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s);

/** The rule as rules.save takes it, or the first reason it cannot be saved. */
export function saveInput(draft: RuleDraft): { ok: true; input: RuleInput & { id?: string } } | { ok: false; message: string } {
  const problem = conditionProblem(draft);
  if (problem !== null) return { ok: false, message: problem };
  const input: RuleInput = {
    name: draft.name,
    enabled: draft.enabled,
    match: draft.match,
    conditions: draft.conditions,
    actions: { ...draft.actions, addTag: blankToNull(draft.actions.addTag) },
    autoEscalate: draft.autoEscalate,
  };
  const parsed = ruleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return { ok: true, input: draft.id === null ? input : { ...input, id: draft.id } };
}

/** The list's one line: "When Mentions 'refund' and Sentiment is negative → Suggest escalating to Billing". */
export function ruleSummary(rule: Pick<RuleDraft, 'match' | 'conditions' | 'actions'>, targets: readonly { id: string; name: string }[]): string {
  const when = rule.conditions
    .map(describeCondition)
    // "Sentiment is negative" reads "sentiment is negative" mid-sentence; "SLA is breached" keeps its capitals.
    .map((words) => (/^[A-Z][a-z]/.test(words) ? words[0]!.toLowerCase() + words.slice(1) : words))
    .join(rule.match === 'all' ? ' and ' : ' or ');
  const target = rule.actions.escalateTo === null ? null : (targets.find((t) => t.id === rule.actions.escalateTo)?.name ?? null);
  return `When ${when} → ${describeActions(rule.actions, target)}`;
}
