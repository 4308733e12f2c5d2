/**
 * The topic taxonomy as the page holds it: the topics, the one being edited and what is
 * saved for it, and the question the page is waiting on. Unlike the template library, the
 * page starts afresh on every visit, so `pageOpened` resets everything but the generation.
 */
import { create } from 'zustand';
import type { TopicInfo } from '../../../shared/contract';
import { blankForm, formOf, sameForm, topicToOpen, type TopicConfirmation, type TopicForm } from './model';

interface TopicsState {
  /** Null until the first list arrives. */
  topics: TopicInfo[] | null;
  form: TopicForm;
  /** What is saved for the open topic (a blank form for a new one). */
  saved: TopicForm;
  /** Why the core refused the last save, shown under the form. */
  saveError: string | null;
  saving: boolean;
  /** Topics changed since the conversations here were analysed: offer to analyse them again. */
  changedSinceAnalysis: boolean;
  confirming: TopicConfirmation | null;
  /** Changes with every load, so an answer that arrives after a newer request is dropped. */
  generation: number;

  pageOpened(): void;
  loadStarted(): number;
  /** `selectId` as in `topicToOpen`. */
  topicsLoaded(generation: number, topics: TopicInfo[], selectId?: string | null): void;
  topicOpened(form: TopicForm): void;
  formEdited(patch: Partial<TopicForm>): void;
  formReverted(): void;
  saveStarted(): void;
  saveFailed(message: string): void;
  saveFinished(): void;
  taxonomyChanged(): void;
  reanalysisStarted(): void;
  confirmationAsked(confirmation: TopicConfirmation): void;
  confirmationClosed(): void;
}

const fresh = {
  topics: null,
  form: blankForm,
  saved: blankForm,
  saveError: null,
  saving: false,
  changedSinceAnalysis: false,
  confirming: null,
} satisfies Partial<TopicsState>;

export const useTopics = create<TopicsState>()((set, get) => ({
  ...fresh,
  generation: 0,

  pageOpened: () => set((s) => ({ ...fresh, generation: s.generation + 1 })),
  loadStarted: () => {
    const generation = get().generation + 1;
    set({ generation });
    return generation;
  },
  topicsLoaded: (generation, topics, selectId) => {
    if (generation !== get().generation) return;
    const pick = topicToOpen(topics, get().form.id, selectId);
    const form = pick ? formOf(pick) : blankForm;
    set({ topics, form, saved: form });
  },
  topicOpened: (form) => set({ form, saved: form, saveError: null }),
  formEdited: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
  formReverted: () => set((s) => ({ form: s.saved })),
  saveStarted: () => set({ saving: true, saveError: null }),
  saveFailed: (message) => set({ saving: false, saveError: message }),
  saveFinished: () => set({ saving: false }),
  taxonomyChanged: () => set({ changedSinceAnalysis: true }),
  reanalysisStarted: () => set({ changedSinceAnalysis: false }),
  confirmationAsked: (confirming) => set({ confirming }),
  confirmationClosed: () => set({ confirming: null }),
}));

export function selectDirty(s: Pick<TopicsState, 'form' | 'saved'>): boolean {
  return !sameForm(s.form, s.saved);
}
