/** Which page of the workspace is showing: the inbox, or the template library. */
import { create } from 'zustand';

export type WorkspacePage = 'inbox' | 'templates';

interface WorkspaceState {
  page: WorkspacePage;
  pageOpened(page: WorkspacePage): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  page: 'inbox',
  pageOpened: (page) => set({ page }),
}));
