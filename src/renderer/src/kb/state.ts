/**
 * The knowledge base as the window holds it: the articles (as the search found them), which
 * one is open, and which tab of the library page shows. The stores outlive the page, so a
 * source chip in the composer can open an article before the page mounts.
 */
import { create } from 'zustand';
import type { KbArticle } from '../../../shared/ai/schema';
import type { ErrorInfo } from '../../../shared/errors';

export type LibraryTab = 'templates' | 'kb';

interface LibraryTabState {
  tab: LibraryTab;
  tabChosen(tab: LibraryTab): void;
}

export const useLibraryTab = create<LibraryTabState>()((set) => ({
  tab: 'templates',
  tabChosen: (tab) => set({ tab }),
}));

/** The open article: a saved one by id, a new one, or none. */
export type KbOpen = { kind: 'article'; id: string } | { kind: 'new' } | null;

interface KbState {
  phase: 'loading' | 'ready' | 'failed';
  error: ErrorInfo | null;
  articles: KbArticle[];
  query: string;
  open: KbOpen;
  /** Counts the articles opened, so the editor form starts fresh for each. */
  edition: number;
  /** The open form has edits not saved yet. */
  dirty: boolean;
  /** Where the agent asked to go while the form had unsaved edits (the form asks first). */
  pending: KbOpen | undefined;
  articlesLoaded(query: string, articles: KbArticle[]): void;
  articlesFailed(error: ErrorInfo): void;
  queryChanged(query: string): void;
  articleOpened(open: KbOpen): void;
  articleSaved(article: KbArticle): void;
  articleDeleted(id: string): void;
  dirtyChanged(dirty: boolean): void;
  /** Opening another article or a new one: straight away, or asked first when edits are unsaved. */
  openRequested(open: KbOpen): void;
  /** The answer to "Unsaved changes": go on (after saving or discarding), or stay. */
  pendingSettled(go: boolean): void;
}

let editions = 0;

export const useKb = create<KbState>()((set) => ({
  phase: 'loading',
  error: null,
  articles: [],
  query: '',
  open: null,
  edition: 0,
  dirty: false,
  pending: undefined,
  articlesLoaded: (query, articles) =>
    set((s) => {
      if (query !== s.query) return {};
      // Nothing open yet: the first article, so the page never stands empty beside a list.
      const first = articles[0];
      const open = s.open === null && first ? { kind: 'article' as const, id: first.id } : s.open;
      return { phase: 'ready', error: null, articles, open, edition: open === s.open ? s.edition : ++editions };
    }),
  articlesFailed: (error) => set({ phase: 'failed', error }),
  queryChanged: (query) => set({ query }),
  articleOpened: (open) => set({ open, edition: ++editions }),
  articleSaved: (article) =>
    set((s) => {
      const rest = s.articles.filter((a) => a.id !== article.id);
      const wasNew = s.open?.kind === 'new';
      return { articles: [article, ...rest], open: { kind: 'article', id: article.id }, edition: wasNew ? ++editions : s.edition };
    }),
  dirtyChanged: (dirty) => set({ dirty }),
  openRequested: (open) => set((s) => (s.dirty ? { pending: open } : { open, pending: undefined, edition: ++editions })),
  pendingSettled: (go) =>
    set((s) => (go && s.pending !== undefined ? { open: s.pending, pending: undefined, dirty: false, edition: ++editions } : { pending: undefined })),
  articleDeleted: (id) =>
    set((s) => {
      const articles = s.articles.filter((a) => a.id !== id);
      const first = articles[0];
      return { articles, open: first ? { kind: 'article', id: first.id } : null, edition: ++editions };
    }),
}));
