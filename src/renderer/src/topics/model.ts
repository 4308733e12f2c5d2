/**
 * The topic taxonomy's pure helpers: the form the editor holds, what it saves as, which
 * topic opens after the list loads, and what each confirmation says. No React and no core
 * calls, so they behave the same wherever they are used.
 */
import type { TopicInfo, TopicInput } from '../../../shared/contract';

/** The languages offered for additions, in the tab order of the editor. */
export const topicLanguages = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'] as const;

export interface TopicForm {
  id: string | null;
  name: string;
  /** Words and phrases together, as the agent types them; the core sorts them apart. */
  terms: string[];
  languages: Record<string, string[]>;
}

export const blankForm: TopicForm = { id: null, name: '', terms: [], languages: {} };

export function formOf(topic: TopicInfo): TopicForm {
  return {
    id: topic.id,
    name: topic.name,
    terms: [...topic.keywords, ...topic.phrases],
    languages: Object.fromEntries(Object.entries(topic.languages).map(([lang, t]) => [lang, [...t.keywords, ...t.phrases]])),
  };
}

/** A term with a space inside is a phrase; anything else is a keyword. */
function split(terms: string[]): { keywords: string[]; phrases: string[] } {
  return { keywords: terms.filter((t) => !t.trim().includes(' ')), phrases: terms.filter((t) => t.trim().includes(' ')) };
}

/** What the core is asked to store; a language left without terms is not sent. */
export function topicInputOf(form: TopicForm): TopicInput {
  return {
    name: form.name.trim(),
    ...split(form.terms),
    languages: Object.fromEntries(Object.entries(form.languages).filter(([, terms]) => terms.length > 0).map(([lang, terms]) => [lang, split(terms)])),
  };
}

/** Two forms that would store the same topic are the same: no unsaved changes. */
export function sameForm(a: TopicForm, b: TopicForm): boolean {
  return JSON.stringify(topicInputOf(a)) === JSON.stringify(topicInputOf(b));
}

export function termCount(topic: TopicInfo): number {
  return topic.keywords.length + topic.phrases.length + Object.values(topic.languages).reduce((n, l) => n + l.keywords.length + l.phrases.length, 0);
}

/** How many additions each language tab holds, for its badge. */
export function languageCounts(form: TopicForm): { lang: (typeof topicLanguages)[number]; count: number }[] {
  return topicLanguages.map((lang) => ({ lang, count: form.languages[lang]?.length ?? 0 }));
}

/**
 * The topic to open once the list is loaded. `selectId`: a topic just saved; null after
 * a delete, when nothing opens (a blank form); left out, the open topic stays open, or
 * the first one opens.
 */
export function topicToOpen(topics: readonly TopicInfo[], openId: string | null, selectId?: string | null): TopicInfo | undefined {
  return topics.find((t) => t.id === (selectId ?? openId)) ?? (selectId === null ? undefined : topics[0]);
}

/** What the page is waiting for the agent to confirm. */
export type TopicConfirmation =
  | { kind: 'discard'; name: string; next: TopicForm }
  | { kind: 'delete'; id: string; name: string }
  | { kind: 'restoreDefaults' };

export interface ConfirmationText {
  title: string;
  message: string;
  confirmLabel: string;
  danger: boolean;
}

export function confirmationText(c: TopicConfirmation): ConfirmationText {
  switch (c.kind) {
    case 'discard':
      return { title: 'Discard your changes?', message: `Your changes to “${c.name || 'the new topic'}” are not saved.`, confirmLabel: 'Discard changes', danger: true };
    case 'delete':
      return {
        title: `Delete the topic “${c.name}”?`,
        message: 'New conversations are no longer tagged with it. Tags already on conversations stay until they are re-analysed.',
        confirmLabel: 'Delete topic',
        danger: true,
      };
    case 'restoreDefaults':
      return {
        title: 'Restore the default topics?',
        message: 'Missing shipped topics are added, and shipped topics you changed get their shipped words back. Topics you added stay as they are.',
        confirmLabel: 'Restore defaults',
        danger: false,
      };
  }
}
