/**
 * Where the person is in opening their inbox: first run, unlocking, or in. Actions are
 * named after what happened; the async work that causes them lives in session-flows.ts.
 */
import { create } from 'zustand';
import type { StoreStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';

export type Stage =
  /** `converting`: the keychain unlock is converting a store made by an earlier Hearken. */
  | { name: 'booting'; converting?: boolean }
  | { name: 'setup'; status: StoreStatus }
  | { name: 'recovery'; recoveryKey: string }
  | { name: 'welcome' }
  | { name: 'unlock'; status: StoreStatus; keychainError: ErrorInfo | null }
  | { name: 'problem'; status: StoreStatus }
  | { name: 'inbox' }
  | { name: 'failed'; error: ErrorInfo };

export interface DemoResult {
  imported: number;
  duplicates: number;
}

interface SessionState {
  stage: Stage;
  /** The last demo load, shown once as a notice in the inbox. */
  demoResult: DemoResult | null;
  bootStarted(): void;
  /** The keychain unlock that starts now converts the store to the current encryption format. */
  conversionStarted(): void;
  bootFailed(error: ErrorInfo): void;
  statusLoaded(status: StoreStatus): void;
  unlockNeeded(status: StoreStatus, keychainError: ErrorInfo | null): void;
  /** Unlocking showed the file itself is the problem (damaged, foreign, from a newer Hearken). */
  storeUnusable(status: StoreStatus, problem: ErrorInfo): void;
  storeCreated(recoveryKey: string): void;
  recoveryKeySaved(): void;
  demoLoaded(result: DemoResult): void;
  demoSkipped(): void;
  demoNoticeDismissed(): void;
  unlocked(): void;
}

function stageFor(status: StoreStatus): Stage {
  switch (status.state) {
    case 'new':
      return { name: 'setup', status };
    case 'locked':
      return { name: 'unlock', status, keychainError: null };
    case 'unavailable':
      return { name: 'problem', status };
    case 'unlocked':
      return { name: 'inbox' };
  }
}

export const useSession = create<SessionState>()((set) => ({
  stage: { name: 'booting' },
  demoResult: null,
  bootStarted: () => set({ stage: { name: 'booting' } }),
  conversionStarted: () => set({ stage: { name: 'booting', converting: true } }),
  bootFailed: (error) => set({ stage: { name: 'failed', error } }),
  statusLoaded: (status) => set({ stage: stageFor(status) }),
  unlockNeeded: (status, keychainError) => set({ stage: { name: 'unlock', status, keychainError } }),
  storeUnusable: (status, problem) => set({ stage: { name: 'problem', status: { ...status, state: 'unavailable', problem } } }),
  // The recovery key lives only in this stage and is dropped as soon as it is saved.
  storeCreated: (recoveryKey) => set({ stage: { name: 'recovery', recoveryKey } }),
  recoveryKeySaved: () => set({ stage: { name: 'welcome' } }),
  demoLoaded: (result) => set({ stage: { name: 'inbox' }, demoResult: result }),
  demoSkipped: () => set({ stage: { name: 'inbox' } }),
  demoNoticeDismissed: () => set({ demoResult: null }),
  unlocked: () => set({ stage: { name: 'inbox' } }),
}));
