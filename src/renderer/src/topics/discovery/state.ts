/**
 * "Suggest topics" as the topics page holds it: which half of the page shows, the scope the
 * agent chose, the running job's progress, the latest run's proposals with the agent's
 * edits, and what became of the ones decided here. The store outlives the page, so a run
 * started before leaving is still shown on return.
 */
import { create } from 'zustand';
import type { DiscoveryRun, DiscoveryScope, TopicProposal, View } from '../../../../shared/contract';

export type TopicsPanel = 'taxonomy' | 'suggest';

/** The agent's changes to a proposal before accepting it. */
export interface ProposalEdit {
  name: string;
  keywords: string[];
}

/** A proposal accepted in this window: shown in place, with what it did. */
export interface AcceptedProposal {
  proposal: TopicProposal;
  name: string;
  tagged: number;
}

export interface DiscoveryJob {
  jobId: string;
  done: number;
  total: number;
}

interface DiscoveryState {
  panel: TopicsPanel;
  scope: DiscoveryScope;
  /** Views a run can be scoped to; null until read. */
  views: View[] | null;
  /** Null until the first answer. */
  proposals: TopicProposal[] | null;
  run: DiscoveryRun | null;
  job: DiscoveryJob | null;
  /** Why the last run stopped, shown above the cards. */
  runError: string | null;
  edits: Record<string, ProposalEdit>;
  accepted: Record<string, AcceptedProposal>;
  /** Proposals with an accept or reject on the way. */
  pending: Record<string, 'accept' | 'reject'>;
  /** Why the core refused to accept one, shown on its card. */
  cardErrors: Record<string, string>;
  /** Changes with every load, so an answer that arrives after a newer request is dropped. */
  generation: number;

  panelChosen(panel: TopicsPanel): void;
  scopeChosen(scope: DiscoveryScope): void;
  viewsLoaded(views: View[]): void;
  loadStarted(): number;
  proposalsLoaded(generation: number, answer: { proposals: TopicProposal[]; run: DiscoveryRun | null; running: boolean }): void;
  runStarted(jobId: string): void;
  runProgressed(job: DiscoveryJob): void;
  runEnded(jobId: string, error: string | null): void;
  proposalRenamed(id: string, name: string): void;
  keywordRemoved(id: string, keyword: string): void;
  decisionStarted(id: string, decision: 'accept' | 'reject'): void;
  proposalAccepted(proposal: TopicProposal, name: string, tagged: number): void;
  proposalRejected(id: string): void;
  decisionFailed(id: string, message: string | null): void;
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _gone, ...rest } = record;
  return rest;
}

export const useDiscovery = create<DiscoveryState>()((set, get) => ({
  panel: 'taxonomy',
  scope: { kind: 'untagged' },
  views: null,
  proposals: null,
  run: null,
  job: null,
  runError: null,
  edits: {},
  accepted: {},
  pending: {},
  cardErrors: {},
  generation: 0,

  panelChosen: (panel) => set({ panel }),
  scopeChosen: (scope) => set({ scope }),
  viewsLoaded: (views) => set({ views }),
  loadStarted: () => {
    const generation = get().generation + 1;
    set({ generation });
    return generation;
  },
  proposalsLoaded: (generation, { proposals, run, running }) => {
    if (generation !== get().generation) return;
    const s = get();
    // A new run replaces the cards: what was accepted or edited belongs to the one before.
    const sameRun = s.run !== null && run !== null && s.run.at === run.at;
    const open = new Set(proposals.map((p) => p.id));
    set({
      proposals,
      run,
      accepted: sameRun ? s.accepted : {},
      edits: sameRun ? Object.fromEntries(Object.entries(s.edits).filter(([id]) => open.has(id))) : {},
      cardErrors: sameRun ? s.cardErrors : {},
      // The job may have ended in the meantime; a running one started elsewhere shows as running.
      job: running ? (s.job ?? { jobId: '', done: 0, total: 0 }) : null,
    });
  },
  runStarted: (jobId) => set({ job: { jobId, done: 0, total: 0 }, runError: null }),
  runProgressed: (job) => set((s) => (s.job === null || s.job.jobId === job.jobId || s.job.jobId === '' ? { job } : {})),
  runEnded: (jobId, runError) => set((s) => (s.job === null || s.job.jobId === jobId || s.job.jobId === '' ? { job: null, runError } : {})),
  proposalRenamed: (id, name) => set((s) => ({ edits: { ...s.edits, [id]: { ...editOf(s, id), name } } })),
  keywordRemoved: (id, keyword) =>
    set((s) => {
      const edit = editOf(s, id);
      return { edits: { ...s.edits, [id]: { ...edit, keywords: edit.keywords.filter((k) => k !== keyword) } } };
    }),
  decisionStarted: (id, decision) => set((s) => ({ pending: { ...s.pending, [id]: decision }, cardErrors: without(s.cardErrors, id) })),
  proposalAccepted: (proposal, name, tagged) =>
    set((s) => ({ accepted: { ...s.accepted, [proposal.id]: { proposal, name, tagged } }, pending: without(s.pending, proposal.id), edits: without(s.edits, proposal.id) })),
  proposalRejected: (id) =>
    set((s) => ({ proposals: s.proposals?.filter((p) => p.id !== id) ?? null, pending: without(s.pending, id), edits: without(s.edits, id) })),
  decisionFailed: (id, message) => set((s) => ({ pending: without(s.pending, id), cardErrors: message ? { ...s.cardErrors, [id]: message } : s.cardErrors })),
}));

/** The proposal as the agent has edited it so far. */
export function editOf(s: Pick<DiscoveryState, 'edits' | 'proposals'>, id: string): ProposalEdit {
  const edit = s.edits[id];
  if (edit) return edit;
  const proposal = s.proposals?.find((p) => p.id === id);
  return { name: proposal?.name ?? '', keywords: proposal?.keywords ?? [] };
}

export type ProposalCard = { kind: 'open'; proposal: TopicProposal } | { kind: 'accepted'; accepted: AcceptedProposal };

/** The cards in the order of the run (largest first): open ones, and those accepted here in their place. */
export function selectCards(s: Pick<DiscoveryState, 'proposals' | 'accepted'>): ProposalCard[] {
  const open = (s.proposals ?? []).filter((p) => !s.accepted[p.id]).map((proposal): ProposalCard => ({ kind: 'open', proposal }));
  const accepted = Object.values(s.accepted).map((accepted): ProposalCard => ({ kind: 'accepted', accepted }));
  const size = (c: ProposalCard): number => (c.kind === 'open' ? c.proposal.size : c.accepted.proposal.size);
  return [...open, ...accepted].sort((a, b) => size(b) - size(a));
}
