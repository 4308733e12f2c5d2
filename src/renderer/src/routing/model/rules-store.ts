/**
 * The rules as the page holds them: the list, the teams they name, the rule being edited
 * and what is saved for it, and the live preview of the draft. Two generation counters drop
 * answers overtaken by a newer load or a newer preview.
 */
import { create } from 'zustand';
import type { FeedbackSummary } from '../../../../shared/contract';
import type { EscalationTarget, Rule } from '../../../../shared/escalation/schema';
import { sameDraft, type RuleDraft } from './rule-draft';

export type RulePreview =
  | { state: 'idle' }
  | { state: 'invalid'; message: string }
  | { state: 'loading'; count: number | null; items: FeedbackSummary[] }
  | { state: 'ready'; count: number; items: FeedbackSummary[] }
  | { state: 'failed'; message: string };

export type RuleConfirmation = { kind: 'discard'; next: RuleDraft | null } | { kind: 'delete'; id: string; name: string } | { kind: 'restore' };

interface RulesState {
  rules: Rule[] | null;
  targets: EscalationTarget[];
  /** Null: nothing open (the list takes the page). */
  draft: RuleDraft | null;
  saved: RuleDraft | null;
  saving: boolean;
  saveError: string | null;
  preview: RulePreview;
  confirming: RuleConfirmation | null;
  loadGeneration: number;
  previewGeneration: number;

  loadStarted(): number;
  rulesLoaded(generation: number, rules: Rule[], targets: EscalationTarget[]): void;
  ruleOpened(draft: RuleDraft | null): void;
  draftEdited(patch: Partial<RuleDraft>): void;
  draftReverted(): void;
  previewStarted(): number;
  previewInvalid(message: string): void;
  previewAnswered(generation: number, count: number, items: FeedbackSummary[]): void;
  previewFailed(generation: number, message: string): void;
  saveStarted(): void;
  saveFailed(message: string): void;
  saveFinished(draft: RuleDraft): void;
  /** The list's switch saved a rule on or off: an open draft of it follows, keeping its other edits. */
  enabledSaved(id: string, enabled: boolean): void;
  confirmationAsked(c: RuleConfirmation): void;
  confirmationClosed(): void;
}

export const useRules = create<RulesState>()((set, get) => ({
  rules: null,
  targets: [],
  draft: null,
  saved: null,
  saving: false,
  saveError: null,
  preview: { state: 'idle' },
  confirming: null,
  loadGeneration: 0,
  previewGeneration: 0,

  loadStarted: () => {
    const loadGeneration = get().loadGeneration + 1;
    set({ loadGeneration });
    return loadGeneration;
  },
  rulesLoaded: (generation, rules, targets) => {
    if (generation !== get().loadGeneration) return;
    set({ rules, targets });
  },
  ruleOpened: (draft) => set((s) => ({ draft, saved: draft, saveError: null, preview: { state: 'idle' }, previewGeneration: s.previewGeneration + 1 })),
  draftEdited: (patch) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, ...patch }, saveError: null })),
  draftReverted: () => set((s) => ({ draft: s.saved, saveError: null })),
  previewStarted: () => {
    const previewGeneration = get().previewGeneration + 1;
    const p = get().preview;
    // The last count stays (dimmed) while the next is worked out, so the panel does not jump.
    set({ previewGeneration, preview: { state: 'loading', count: 'count' in p ? p.count : null, items: 'items' in p ? p.items : [] } });
    return previewGeneration;
  },
  previewInvalid: (message) => set((s) => ({ preview: { state: 'invalid', message }, previewGeneration: s.previewGeneration + 1 })),
  previewAnswered: (generation, count, items) => {
    if (generation === get().previewGeneration) set({ preview: { state: 'ready', count, items } });
  },
  previewFailed: (generation, message) => {
    if (generation === get().previewGeneration) set({ preview: { state: 'failed', message } });
  },
  saveStarted: () => set({ saving: true, saveError: null }),
  saveFailed: (message) => set({ saving: false, saveError: message }),
  saveFinished: (draft) => set({ saving: false, draft, saved: draft }),
  enabledSaved: (id, enabled) =>
    set((s) => (s.draft?.id !== id || s.saved === null ? {} : { draft: { ...s.draft, enabled }, saved: { ...s.saved, enabled } })),
  confirmationAsked: (confirming) => set({ confirming }),
  confirmationClosed: () => set({ confirming: null }),
}));

export function selectDirty(s: Pick<RulesState, 'draft' | 'saved'>): boolean {
  return s.draft !== null && s.saved !== null && !sameDraft(s.draft, s.saved);
}
