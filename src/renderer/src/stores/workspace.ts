/** Which page of the workspace is showing: the inbox, the template library, or the topic taxonomy. */
import { create } from 'zustand';

export type WorkspacePage = 'inbox' | 'templates' | 'topics';

interface WorkspaceState {
  page: WorkspacePage;
  pageOpened(page: WorkspacePage): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  page: 'inbox',
  pageOpened: (page) => set({ page }),
}));
