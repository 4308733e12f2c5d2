/**
 * The template library's steps that talk to the core, reporting to the templates store:
 * loading and following changes, saving, deleting with a way back, duplicating, the JSON
 * file round trip, the shipped defaults, and the agent's name for {{agent.name}}.
 */
import type { Template } from '../../../shared/contract';
import { call, onEvent, toErrorInfo } from '../api';
import { countLabel } from '../format';
import { notifyDone, notifyFailure } from '../common/notify';
import { copyName, draftProblems, emptyDraft, hasProblems, keywordList, keywordText, type Draft } from './model';
import { notifyLibraryDone } from './notices';
import { selectDirty, useTemplates, type SwitchIntent } from './state';

const store = useTemplates.getState;

let loading: Promise<void> | null = null;
let again = false;

/** Loads the library; calls made while one is in flight fold into one more load after it. */
export function loadLibrary(): Promise<void> {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      try {
        store().libraryLoaded(await call('templates.list', {}));
      } catch (error) {
        store().libraryFailed(toErrorInfo(error));
      }
    } while (again);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

export async function loadAgentName(): Promise<void> {
  try {
    store().agentNameLoaded((await call('profile.get', {})).agentName);
  } catch {
    // The preview then reads the fallback, as a reply would; the field retries on save.
  }
}

/** Another window, the CLI or an import changed templates: reload, keeping the draft. */
export function followLibraryChanges(): () => void {
  return onEvent('templates.changed', () => void loadLibrary());
}

/** Focuses one of the page's fields after the change that called for it has rendered. */
export function focusField(target: 'name' | 'body' | 'search' | 'list'): void {
  window.requestAnimationFrame(() => {
    const selector = target === 'list' ? '[data-template-focus="list"] [aria-current="true"]' : `[data-template-focus="${target}"]`;
    const element = document.querySelector<HTMLElement>(selector) ?? (target === 'list' ? document.querySelector<HTMLElement>('[data-template-focus="list"] button') : null);
    element?.focus();
  });
}

function fieldsOf(draft: Draft): Draft {
  return {
    name: draft.name.trim(),
    language: draft.language,
    topics: [...new Set(draft.topics.map((t) => t.trim()).filter(Boolean))],
    keywords: keywordText(keywordList(draft.keywords)),
    body: draft.body.trim(),
  };
}

/** Saves the open draft; false when it could not be saved (the problem is on screen). */
export async function saveDraft(): Promise<boolean> {
  const s = store();
  if (s.draft === null || s.saving) return false;
  const problems = draftProblems(s.draft, s.templates, s.openId);
  if (hasProblems(problems)) {
    s.saveAttempted();
    focusField(problems.name ? 'name' : 'body');
    return false;
  }
  s.saveStarted();
  try {
    const saved = await call('templates.save', { ...(s.openId ? { id: s.openId } : {}), ...fieldsOf(s.draft) });
    store().templateSaved(saved, Date.now());
    return true;
  } catch (error) {
    store().saveFailed(toErrorInfo(error));
    return false;
  }
}

function perform(intent: SwitchIntent): void {
  const s = store();
  if (intent.kind === 'open') {
    const template = s.templates.find((t) => t.id === intent.id);
    if (template) s.templateOpened(template);
    else s.switchSettled();
  } else if (intent.kind === 'new') {
    s.draftStarted(emptyDraft);
    focusField('name');
  } else {
    const source = s.baseline ?? s.draft;
    if (source === null) return s.switchSettled();
    s.draftStarted({ ...source, name: copyName(source.name || 'Untitled', s.templates) });
    focusField('name');
  }
}

/** Opening another template, starting a new one or duplicating: asks first when edits are unsaved. */
export function switchRequested(intent: SwitchIntent): void {
  const s = store();
  if (intent.kind === 'open' && intent.id === s.openId) return;
  if (selectDirty(s)) s.switchAsked(intent);
  else perform(intent);
}

/** The answer to "Save your changes?": save then go, go without them, or stay. */
export async function switchAnswered(answer: 'save' | 'discard' | 'stay'): Promise<void> {
  const intent = store().pendingSwitch;
  if (intent === null) return;
  if (answer === 'stay') {
    store().switchSettled();
    return;
  }
  if (answer === 'save') {
    store().switchSettled();
    if (!(await saveDraft())) return;
  }
  perform(intent);
}

/** Deletes the open template; the toast's Undo saves it again (its usage counts start over). */
export async function deleteOpenTemplate(): Promise<void> {
  const s = store();
  const template = s.templates.find((t) => t.id === s.openId);
  if (!template) {
    // An unsaved new template: nothing in the core to delete.
    s.draftDiscarded();
    return;
  }
  try {
    await call('templates.delete', { id: template.id });
    store().templateDeleted(template.id);
    focusField('list');
    notifyDone(`Deleted “${template.name}”`, () => void restoreDeleted(template), false);
  } catch (error) {
    store().confirmationClosed();
    notifyFailure(toErrorInfo(error), 'Deleting the template', () => void deleteOpenTemplate());
  }
}

async function restoreDeleted(template: Template): Promise<void> {
  try {
    const saved = await call('templates.save', {
      name: template.name,
      language: template.language,
      topics: template.topics,
      keywords: template.keywords,
      body: template.body,
    });
    await loadLibrary();
    switchRequested({ kind: 'open', id: saved.id });
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Restoring the template');
  }
}

function importSummary(r: { added: number; updated: number; unchanged: number }): string {
  const parts = [`${r.added} added`, `${r.updated} updated`, `${r.unchanged} unchanged`];
  return `${parts.join(', ')}.`;
}

export async function importTemplateFile(): Promise<void> {
  try {
    const result = await call('templates.import', {});
    if (result.fileName === null) return;
    await loadLibrary();
    notifyLibraryDone(`Imported ${result.fileName}`, `${importSummary(result)} Templates with the same name were replaced.`);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Importing templates');
  }
}

export async function exportTemplateFile(): Promise<void> {
  try {
    const result = await call('templates.export', {});
    if (result.fileName === null) return;
    notifyLibraryDone('Templates exported', `${countLabel(result.count, 'template')} written to ${result.fileName}.`);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Exporting templates', () => void exportTemplateFile());
  }
}

export async function restoreDefaultTemplates(): Promise<void> {
  store().confirmationClosed();
  try {
    const result = await call('templates.restoreDefaults', {});
    await loadLibrary();
    notifyLibraryDone(
      'Default templates restored',
      `${result.added} added back, ${result.updated} reset to the shipped text, ${result.unchanged} already as shipped. Your own templates were not touched.`,
    );
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Restoring the default templates', () => void restoreDefaultTemplates());
  }
}

/** Saves the name replies are signed with; throws so the field can show the problem. */
export async function saveAgentName(name: string): Promise<void> {
  const saved = await call('profile.save', { agentName: name });
  store().agentNameLoaded(saved.agentName);
}
