/**
 * The template library as the window holds it: the saved templates, the one being edited
 * and its draft, and the questions the page is waiting on. The store outlives the page, so
 * unsaved edits are still there when the agent comes back from the inbox.
 */
import { create } from 'zustand';
import type { ChannelOutput, Template } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { arrangeTemplates, draftOf, emptyDraft, flatOrder, sameDraft, type Draft, type PlaceholderInfo, type TemplateSort } from './model';

/** What the agent asked for while the open draft had unsaved changes. */
export type SwitchIntent = { kind: 'open'; id: string } | { kind: 'new' } | { kind: 'duplicate' };

export type Confirmation = 'delete' | 'restoreDefaults';

interface TemplatesState {
  phase: 'loading' | 'ready' | 'failed';
  error: ErrorInfo | null;
  templates: Template[];
  topics: string[];
  placeholders: PlaceholderInfo[];
  /** The template being edited; null with a draft: a new, unsaved template. */
  openId: string | null;
  draft: Draft | null;
  /** What is saved for the open template (an empty draft for a new one). */
  baseline: Draft | null;
  /** A save was tried: every problem shows, not only those in fields already touched. */
  attempted: boolean;
  saving: boolean;
  saveError: ErrorInfo | null;
  /** When the open template was last saved from this window, for "Saved just now". */
  savedAt: number | null;
  search: string;
  sort: TemplateSort;
  pendingSwitch: SwitchIntent | null;
  confirming: Confirmation | null;
  /** The name {{agent.name}} becomes; null until loaded. */
  agentName: string | null;
  /** Counts the drafts opened, so the editor starts fresh for each (and not after a save). */
  edition: number;

  libraryLoaded(library: ChannelOutput<'templates.list'>): void;
  libraryFailed(error: ErrorInfo): void;
  templateOpened(template: Template): void;
  draftStarted(draft: Draft): void;
  draftEdited(patch: Partial<Draft>): void;
  draftReverted(): void;
  /** A new template set aside unsaved: the first template in the list opens instead. */
  draftDiscarded(): void;
  saveAttempted(): void;
  saveStarted(): void;
  templateSaved(template: Template, at: number): void;
  saveFailed(error: ErrorInfo): void;
  templateDeleted(id: string): void;
  searchChanged(search: string): void;
  sortChanged(sort: TemplateSort): void;
  switchAsked(intent: SwitchIntent): void;
  switchSettled(): void;
  confirmationAsked(kind: Confirmation): void;
  confirmationClosed(): void;
  agentNameLoaded(name: string): void;
}

function firstShown(s: Pick<TemplatesState, 'templates' | 'search' | 'sort'>, templates = s.templates): Template | undefined {
  return flatOrder(arrangeTemplates(templates, s.search, s.sort))[0];
}

let editions = 0;

function opened(template: Template | undefined): Pick<TemplatesState, 'openId' | 'draft' | 'baseline' | 'attempted' | 'saveError' | 'savedAt' | 'edition'> {
  const draft = template ? draftOf(template) : null;
  return { openId: template?.id ?? null, draft, baseline: draft, attempted: false, saveError: null, savedAt: null, edition: ++editions };
}

export const useTemplates = create<TemplatesState>((set, get) => ({
  phase: 'loading',
  error: null,
  templates: [],
  topics: [],
  placeholders: [],
  openId: null,
  draft: null,
  baseline: null,
  attempted: false,
  saving: false,
  saveError: null,
  savedAt: null,
  search: '',
  sort: 'name',
  pendingSwitch: null,
  confirming: null,
  agentName: null,
  edition: 0,

  libraryLoaded: ({ templates, topics, placeholders }) => {
    const s = get();
    const dirty = selectDirty(s);
    let open: Partial<TemplatesState> = {};
    if (s.openId !== null) {
      const fresh = templates.find((t) => t.id === s.openId);
      if (fresh) open = dirty ? { baseline: draftOf(fresh) } : { draft: draftOf(fresh), baseline: draftOf(fresh) };
      // Deleted elsewhere: unsaved work stays on screen (saving it says what happened).
      else if (!dirty) open = opened(firstShown(s, templates));
    } else if (s.draft === null) {
      open = opened(firstShown(s, templates));
    }
    set({ phase: 'ready', error: null, templates, topics, placeholders, ...open });
  },
  libraryFailed: (error) => set((s) => ({ phase: s.phase === 'ready' ? 'ready' : 'failed', error })),
  templateOpened: (template) => set({ ...opened(template), pendingSwitch: null }),
  draftStarted: (draft) =>
    set({ openId: null, draft, baseline: emptyDraft, attempted: false, saveError: null, savedAt: null, pendingSwitch: null, edition: ++editions }),
  draftEdited: (patch) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, ...patch }, saveError: null })),
  draftReverted: () => set((s) => ({ draft: s.baseline, attempted: false, saveError: null })),
  draftDiscarded: () => set((s) => ({ ...opened(firstShown(s)), confirming: null })),
  saveAttempted: () => set({ attempted: true }),
  saveStarted: () => set({ saving: true, saveError: null }),
  templateSaved: (template, at) =>
    set((s) => {
      const others = s.templates.filter((t) => t.id !== template.id);
      return {
        templates: [...others, template],
        saving: false,
        savedAt: at,
        openId: template.id,
        draft: draftOf(template),
        baseline: draftOf(template),
        attempted: false,
      };
    }),
  saveFailed: (error) => set({ saving: false, saveError: error }),
  templateDeleted: (id) =>
    set((s) => {
      const order = flatOrder(arrangeTemplates(s.templates, s.search, s.sort));
      const at = order.findIndex((t) => t.id === id);
      const remaining = s.templates.filter((t) => t.id !== id);
      const rest = order.filter((t) => t.id !== id);
      // The neighbour below takes its place, as in a mail client.
      const next = at < 0 ? rest[0] : (rest[at] ?? rest[at - 1]);
      return { templates: remaining, ...(s.openId === id ? opened(next) : {}), confirming: null };
    }),
  searchChanged: (search) => set({ search }),
  sortChanged: (sort) => set({ sort }),
  switchAsked: (intent) => set({ pendingSwitch: intent }),
  switchSettled: () => set({ pendingSwitch: null }),
  confirmationAsked: (kind) => set({ confirming: kind }),
  confirmationClosed: () => set({ confirming: null }),
  agentNameLoaded: (agentName) => set({ agentName }),
}));

export function selectDirty(s: Pick<TemplatesState, 'draft' | 'baseline'>): boolean {
  return s.draft !== null && !sameDraft(s.draft, s.baseline);
}

export function selectOpenTemplate(s: Pick<TemplatesState, 'templates' | 'openId'>): Template | undefined {
  return s.openId === null ? undefined : s.templates.find((t) => t.id === s.openId);
}
