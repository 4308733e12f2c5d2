/**
 * Escalation in the window: the teams items go to, the Escalate dialog, and the queue page.
 * One store outlives the pages, so the nav's open count and the queue's cursor survive a
 * visit to the inbox. Actions are named after what happened; the calls live in flows.ts.
 */
import { create } from 'zustand';
import type { ChannelOutput } from '../../../shared/contract';
import type { EscalationTarget } from '../../../shared/escalation/schema';
import type { ErrorInfo } from '../../../shared/errors';

export type Prefill = ChannelOutput<'escalation.prefill'>;
export type QueueGroups = ChannelOutput<'escalations.list'>['groups'];
export type QueueEntry = QueueGroups[number]['items'][number];
export type QueueTab = 'open' | 'closed';

export type EscalateDialog =
  | { stage: 'closed' }
  | { stage: 'loading'; ids: string[] }
  | { stage: 'ready'; ids: string[]; prefill: Prefill; saving: boolean }
  | { stage: 'failed'; ids: string[]; error: ErrorInfo };

interface EscalationState {
  targets: EscalationTarget[] | null;
  dialog: EscalateDialog;
  queueTab: QueueTab;
  groups: QueueGroups | null;
  queueTotal: number;
  queueError: ErrorInfo | null;
  /** The queue row the keyboard is on (an escalation id). */
  cursor: string | null;
  /** A reassign picker open for these escalations. */
  reassigning: string[] | null;

  targetsLoaded(targets: EscalationTarget[]): void;
  escalateAsked(ids: string[]): void;
  prefillLoaded(ids: string[], prefill: Prefill): void;
  prefillFailed(ids: string[], error: ErrorInfo): void;
  escalateSaving(saving: boolean): void;
  dialogClosed(): void;
  queueTabChosen(tab: QueueTab): void;
  queueLoaded(tab: QueueTab, groups: QueueGroups, total: number): void;
  queueFailed(error: ErrorInfo): void;
  cursorMoved(id: string | null): void;
  reassignAsked(ids: string[] | null): void;
}

export const useEscalation = create<EscalationState>()((set) => ({
  targets: null,
  dialog: { stage: 'closed' },
  queueTab: 'open',
  groups: null,
  queueTotal: 0,
  queueError: null,
  cursor: null,
  reassigning: null,

  targetsLoaded: (targets) => set({ targets }),
  escalateAsked: (ids) => set({ dialog: { stage: 'loading', ids } }),
  prefillLoaded: (ids, prefill) =>
    set((s) => (s.dialog.stage === 'loading' && s.dialog.ids === ids ? { dialog: { stage: 'ready', ids, prefill, saving: false } } : {})),
  prefillFailed: (ids, error) => set((s) => (s.dialog.stage === 'loading' && s.dialog.ids === ids ? { dialog: { stage: 'failed', ids, error } } : {})),
  escalateSaving: (saving) => set((s) => (s.dialog.stage === 'ready' ? { dialog: { ...s.dialog, saving } } : {})),
  dialogClosed: () => set({ dialog: { stage: 'closed' } }),
  queueTabChosen: (queueTab) => set((s) => (s.queueTab === queueTab ? {} : { queueTab, groups: null, cursor: null, queueError: null })),
  queueLoaded: (tab, groups, queueTotal) => set((s) => (s.queueTab === tab ? { groups, queueTotal, queueError: null } : {})),
  queueFailed: (queueError) => set({ queueError }),
  cursorMoved: (cursor) => set({ cursor }),
  reassignAsked: (reassigning) => set({ reassigning }),
}));

/** Open escalations across every team: the nav's count. */
export function selectOpenCount(s: Pick<EscalationState, 'targets'>): number | null {
  return s.targets === null ? null : s.targets.reduce((sum, t) => sum + t.open, 0);
}
