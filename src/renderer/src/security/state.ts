/**
 * The Security page in the window: the backups and their schedule, where the store's key is
 * kept, and the one key dialog open. Reads carry a generation so an answer overtaken by a
 * newer read is dropped. A new recovery key is held only until the person says it is stored.
 * Calls live in flows/.
 */
import { create } from 'zustand';
import type { BackupInfo, BackupSchedule, BackupVerification, ChannelOutput } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { scheduleDirty, scheduleFormFrom, type ScheduleErrors, type ScheduleForm } from './model';

export type SecurityTab = 'backups' | 'keys';
export type BackupList = ChannelOutput<'backup.list'>;
export type KeysStatus = ChannelOutput<'keys.status'>;
export type KeysDialog = 'changePassphrase' | 'moveToKeychain' | 'moveToPassphrase' | 'rotate';

interface SecurityState {
  tab: SecurityTab;
  list: BackupList | null;
  listError: ErrorInfo | null;
  listGeneration: number;
  creating: boolean;
  /** The backup being verified. */
  verifying: string | null;
  verification: { backup: BackupInfo; result: BackupVerification } | null;
  restoreAsked: BackupInfo | null;
  restoring: boolean;
  schedule: ScheduleForm | null;
  scheduleErrors: ScheduleErrors;
  scheduleSaving: boolean;

  keys: KeysStatus | null;
  keysError: ErrorInfo | null;
  keysGeneration: number;
  dialog: KeysDialog | null;
  /** A key operation is running; its dialog cannot close meanwhile. */
  working: boolean;
  /** Why the open dialog's last attempt failed, shown inside it. */
  dialogError: ErrorInfo | null;
  /** The recovery key keys.rotate answered, until the person says it is stored. */
  newRecoveryKey: string | null;

  tabOpened(tab: SecurityTab): void;
  listRequested(): number;
  listLoaded(generation: number, list: BackupList): void;
  listFailed(generation: number, error: ErrorInfo): void;
  backupStarted(): void;
  backupFinished(): void;
  verifyStarted(name: string): void;
  verified(backup: BackupInfo, result: BackupVerification): void;
  verifyFailed(): void;
  verificationClosed(): void;
  restoreAskedFor(backup: BackupInfo | null): void;
  restoreStarted(): void;
  restoreFinished(): void;
  scheduleEdited(patch: Partial<ScheduleForm>): void;
  scheduleRefused(errors: ScheduleErrors): void;
  scheduleSaveStarted(): void;
  scheduleSaved(schedule: BackupSchedule): void;
  scheduleSaveFailed(): void;

  keysRequested(): number;
  keysLoaded(generation: number, status: KeysStatus): void;
  keysFailed(generation: number, error: ErrorInfo): void;
  dialogOpened(dialog: KeysDialog): void;
  dialogClosed(): void;
  keyWorkStarted(): void;
  keyWorkFailed(error: ErrorInfo): void;
  keyWorkDone(): void;
  recoveryKeyRotated(recoveryKey: string): void;
  recoveryKeyStored(): void;
}

export const useSecurity = create<SecurityState>()((set, get) => ({
  tab: 'backups',
  list: null,
  listError: null,
  listGeneration: 0,
  creating: false,
  verifying: null,
  verification: null,
  restoreAsked: null,
  restoring: false,
  schedule: null,
  scheduleErrors: {},
  scheduleSaving: false,
  keys: null,
  keysError: null,
  keysGeneration: 0,
  dialog: null,
  working: false,
  dialogError: null,
  newRecoveryKey: null,

  tabOpened: (tab) => set({ tab }),
  listRequested: () => {
    const generation = get().listGeneration + 1;
    set({ listGeneration: generation });
    return generation;
  },
  // A schedule saved elsewhere (the CLI) replaces the form only when nothing is being edited.
  listLoaded: (generation, list) =>
    set((s) => {
      if (generation !== s.listGeneration) return {};
      const keepForm = s.schedule !== null && s.list !== null && scheduleDirty(s.schedule, s.list.schedule);
      return { list, listError: null, schedule: keepForm ? s.schedule : scheduleFormFrom(list.schedule) };
    }),
  listFailed: (generation, error) => set((s) => (generation === s.listGeneration ? { listError: error } : {})),
  backupStarted: () => set({ creating: true }),
  backupFinished: () => set({ creating: false }),
  verifyStarted: (name) => set({ verifying: name }),
  verified: (backup, result) => set({ verifying: null, verification: { backup, result } }),
  verifyFailed: () => set({ verifying: null }),
  verificationClosed: () => set({ verification: null }),
  restoreAskedFor: (backup) => set((s) => (s.restoring ? {} : { restoreAsked: backup })),
  restoreStarted: () => set({ restoring: true }),
  restoreFinished: () => set({ restoring: false, restoreAsked: null }),
  scheduleEdited: (patch) =>
    set((s) => {
      if (s.schedule === null) return {};
      const scheduleErrors = { ...s.scheduleErrors };
      for (const key of Object.keys(patch)) delete scheduleErrors[key as keyof ScheduleErrors];
      return { schedule: { ...s.schedule, ...patch }, scheduleErrors };
    }),
  scheduleRefused: (errors) => set({ scheduleErrors: errors, scheduleSaving: false }),
  scheduleSaveStarted: () => set({ scheduleSaving: true }),
  scheduleSaved: (schedule) =>
    set((s) => ({
      scheduleSaving: false,
      scheduleErrors: {},
      schedule: scheduleFormFrom(schedule),
      list: s.list === null ? null : { ...s.list, schedule },
      // The saved answer is newer than any list read still on its way.
      listGeneration: s.listGeneration + 1,
    })),
  scheduleSaveFailed: () => set({ scheduleSaving: false }),

  keysRequested: () => {
    const generation = get().keysGeneration + 1;
    set({ keysGeneration: generation });
    return generation;
  },
  keysLoaded: (generation, keys) => set((s) => (generation === s.keysGeneration ? { keys, keysError: null } : {})),
  keysFailed: (generation, error) => set((s) => (generation === s.keysGeneration ? { keysError: error } : {})),
  dialogOpened: (dialog) => set((s) => (s.working || s.newRecoveryKey !== null ? {} : { dialog, dialogError: null })),
  // Neither a running operation nor an unacknowledged recovery key lets the dialog go.
  dialogClosed: () => set((s) => (s.working || s.newRecoveryKey !== null ? {} : { dialog: null, dialogError: null })),
  keyWorkStarted: () => set({ working: true, dialogError: null }),
  keyWorkFailed: (error) => set({ working: false, dialogError: error }),
  keyWorkDone: () => set({ working: false, dialog: null, dialogError: null }),
  recoveryKeyRotated: (recoveryKey) => set({ working: false, dialogError: null, newRecoveryKey: recoveryKey }),
  recoveryKeyStored: () => set({ newRecoveryKey: null, dialog: null }),
}));
