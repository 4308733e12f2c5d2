/** Changes the agent can still take back, newest last (the core keeps the last 20). */
import { create } from 'zustand';

export interface UndoEntry {
  token: string;
  /** What was done, e.g. "Resolved 3 conversations". */
  label: string;
  notificationId: string;
}

const kept = 20;

interface UndoState {
  entries: UndoEntry[];
  changeMade(entry: UndoEntry): void;
  changeUndone(token: string): void;
}

export const useUndo = create<UndoState>()((set) => ({
  entries: [],
  changeMade: (entry) => set((state) => ({ entries: [...state.entries, entry].slice(-kept) })),
  changeUndone: (token) => set((state) => ({ entries: state.entries.filter((e) => e.token !== token) })),
}));
