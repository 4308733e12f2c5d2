/**
 * The knowledge base's steps that talk to the core: listing and searching articles (a later
 * answer wins over an earlier one), saving, deleting, importing a folder of Markdown files,
 * and following changes made elsewhere (the CLI, another window).
 */
import type { KbArticleInput } from '../../../shared/ai/schema';
import { call, onEvent, toErrorInfo } from '../api';
import { notifyFailure, notifyInfo } from '../common/notify';
import { useKb } from './state';

const store = useKb.getState;
let generation = 0;

export async function loadArticles(query = store().query): Promise<void> {
  const mine = ++generation;
  try {
    const trimmed = query.trim();
    const { articles } = await call('kb.list', trimmed === '' ? {} : { query: trimmed });
    if (mine === generation) store().articlesLoaded(query, articles);
  } catch (error) {
    if (mine === generation) store().articlesFailed(toErrorInfo(error));
  }
}

export function searchArticles(query: string): void {
  store().queryChanged(query);
  void loadArticles(query);
}

export function followKbChanges(): () => void {
  return onEvent('kb.changed', () => void loadArticles());
}

/** Opens an article by id (a draft's source): the search is cleared so it is in the list. */
export async function openArticle(id: string): Promise<void> {
  if (store().query !== '') store().queryChanged('');
  // Unsaved edits in the form are asked about first, as for a click in the list.
  store().openRequested({ kind: 'article', id });
  await loadArticles('');
}

/** Saves the open article; the error's message when it could not be saved. */
export async function saveArticle(id: string | null, article: KbArticleInput): Promise<string | null> {
  try {
    const saved = await call('kb.save', { ...(id ? { id } : {}), article });
    store().articleSaved(saved.article);
    return null;
  } catch (error) {
    return toErrorInfo(error).message;
  }
}

export async function deleteArticle(id: string, title: string): Promise<void> {
  try {
    await call('kb.delete', { id });
    store().articleDeleted(id);
    notifyInfo(`Drafts no longer cite it.`, `Deleted “${title}”`);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Deleting the article', () => void deleteArticle(id, title));
  }
}

/** Imports a folder of Markdown files the core asks for in a dialog; nothing happens when it is cancelled. */
export async function importFolder(): Promise<void> {
  try {
    const result = await call('kb.import', {});
    if (result.folderName === null) return;
    await loadArticles();
    const skipped = result.skipped.length > 0 ? ` ${result.skipped.length} skipped (${result.skipped.map((s) => `${s.file}: ${s.reason}`).slice(0, 3).join('; ')}).` : '';
    notifyInfo(`${result.added} added, ${result.updated} updated.${skipped}`, `Imported ${result.folderName}`);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Importing the folder', () => void importFolder());
  }
}
