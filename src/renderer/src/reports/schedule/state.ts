/**
 * The scheduled-exports dialog: whether it is open, the status the core last gave, and the
 * settings being edited (saved only on Save, so closing the dialog discards them).
 */
import { create } from 'zustand';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ReportSchedule, ScheduleStatus } from '../../../../shared/reports/schema';

interface ScheduleState {
  opened: boolean;
  status: ScheduleStatus | null;
  draft: ReportSchedule | null;
  busy: 'saving' | 'folder' | 'running' | null;
  error: ErrorInfo | null;

  dialogOpened(): void;
  dialogClosed(): void;
  statusLoaded(status: ScheduleStatus, replaceDraft: boolean): void;
  draftEdited(patch: Partial<ReportSchedule>): void;
  busyChanged(busy: ScheduleState['busy']): void;
  failed(error: ErrorInfo): void;
}

export const useSchedule = create<ScheduleState>()((set) => ({
  opened: false,
  status: null,
  draft: null,
  busy: null,
  error: null,

  dialogOpened: () => set({ opened: true, error: null }),
  dialogClosed: () => set({ opened: false, draft: null, busy: null, error: null }),
  statusLoaded: (status, replaceDraft) =>
    set((s) => ({
      status,
      busy: null,
      error: null,
      // A folder chosen in a dialog, or a run, keeps what is being edited, except the folder the core now holds.
      draft: replaceDraft || s.draft === null ? status.schedule : { ...s.draft, folder: status.schedule.folder },
    })),
  draftEdited: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch }, error: null } : {})),
  busyChanged: (busy) => set({ busy }),
  failed: (error) => set({ busy: null, error }),
}));
