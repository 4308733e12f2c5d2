/** Which page of the workspace is showing: the inbox, the escalation queue, reports, or one of the settings pages. */
import { create } from 'zustand';

export type WorkspacePage = 'inbox' | 'escalations' | 'templates' | 'topics' | 'routing' | 'ai' | 'reports' | 'security';

interface WorkspaceState {
  page: WorkspacePage;
  pageOpened(page: WorkspacePage): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  page: 'inbox',
  pageOpened: (page) => set({ page }),
}));
