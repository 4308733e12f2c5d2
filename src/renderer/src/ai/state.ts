/**
 * AI & privacy in the window: the saved status, the form being edited, the last connection
 * test, the queue's jobs and the log of what left this machine. One store outlives the page,
 * so a half-typed form and the tab survive a visit to the inbox. Calls live in flows/.
 */
import { create } from 'zustand';
import type { AiJob, AiLogEntry, AiProvider, AiQueueState, AiStatus, AiTestResult } from '../../../shared/ai/schema';
import type { ErrorInfo } from '../../../shared/errors';
import { formFrom, isDirty, presetChosen, type AiForm, type FormErrors, type Remembered } from './model/settings-form';
import { mergeEntries } from './model/log';

export type AiTab = 'provider' | 'queue' | 'log';
export type LogKind = 'all' | 'llm' | 'webhook';

export type TestState = { stage: 'idle' } | { stage: 'testing' } | { stage: 'done'; result: AiTestResult } | { stage: 'failed'; error: ErrorInfo };

interface AiPageState {
  tab: AiTab;
  status: AiStatus | null;
  statusError: ErrorInfo | null;
  form: AiForm | null;
  remembered: Remembered;
  errors: FormErrors;
  saving: boolean;
  /** The key field is open to type a new key over a saved one. */
  replacingKey: boolean;
  test: TestState;
  jobs: AiJob[] | null;
  queue: AiQueueState | null;
  log: AiLogEntry[] | null;
  logTotal: number;
  logKind: LogKind;
  /** An older page is being read. */
  logLoadingMore: boolean;
  expanded: string | null;

  tabOpened(tab: AiTab): void;
  statusLoaded(status: AiStatus): void;
  statusFailed(error: ErrorInfo): void;
  formEdited(patch: Partial<AiForm>): void;
  providerChosen(provider: AiProvider): void;
  keyReplaceAsked(replacing: boolean): void;
  saveStarted(): void;
  saveRefused(errors: FormErrors): void;
  saved(status: AiStatus): void;
  saveFailed(): void;
  testStarted(): void;
  testAnswered(result: AiTestResult): void;
  testFailed(error: ErrorInfo): void;
  jobsLoaded(jobs: AiJob[], queue: AiQueueState): void;
  queueChanged(queue: AiQueueState): void;
  logLoaded(entries: AiLogEntry[], total: number, append: boolean): void;
  logMoreStarted(): void;
  logEntryAdded(entry: AiLogEntry): void;
  logKindChosen(kind: LogKind): void;
  entryToggled(id: string): void;
}

export const useAi = create<AiPageState>()((set) => ({
  tab: 'provider',
  status: null,
  statusError: null,
  form: null,
  remembered: {},
  errors: {},
  saving: false,
  replacingKey: false,
  test: { stage: 'idle' },
  jobs: null,
  queue: null,
  log: null,
  logTotal: 0,
  logKind: 'all',
  logLoadingMore: false,
  expanded: null,

  tabOpened: (tab) => set({ tab }),
  // A change saved elsewhere (the CLI, another window) replaces the form only when nothing is being edited.
  statusLoaded: (status) =>
    set((s) => ({
      status,
      statusError: null,
      queue: status.queue,
      form: s.form === null || s.status === null || !isDirty(s.form, s.status.settings) ? formFrom(status.settings) : s.form,
    })),
  statusFailed: (error) => set({ statusError: error }),
  formEdited: (patch) =>
    set((s) => {
      if (s.form === null) return {};
      const errors = { ...s.errors };
      for (const key of Object.keys(patch)) delete errors[key as keyof FormErrors];
      return { form: { ...s.form, ...patch }, errors };
    }),
  providerChosen: (provider) =>
    set((s) => {
      if (s.form === null) return {};
      const next = presetChosen(s.form, provider, s.remembered);
      return { form: next.form, remembered: next.remembered, errors: {} };
    }),
  keyReplaceAsked: (replacing) => set((s) => ({ replacingKey: replacing, form: s.form && !replacing ? { ...s.form, apiKey: '' } : s.form })),
  saveStarted: () => set({ saving: true }),
  saveRefused: (errors) => set({ errors, saving: false }),
  // The typed key is dropped from memory as soon as the core has it.
  saved: (status) => set({ status, queue: status.queue, form: formFrom(status.settings), errors: {}, saving: false, replacingKey: false }),
  saveFailed: () => set({ saving: false }),
  testStarted: () => set({ test: { stage: 'testing' } }),
  testAnswered: (result) => set({ test: { stage: 'done', result } }),
  testFailed: (error) => set({ test: { stage: 'failed', error } }),
  jobsLoaded: (jobs, queue) => set({ jobs, queue }),
  queueChanged: (queue) => set({ queue }),
  logLoaded: (entries, total, append) =>
    set((s) => ({ log: append && s.log ? mergeEntries(s.log, entries) : entries, logTotal: total, logLoadingMore: false })),
  logMoreStarted: () => set({ logLoadingMore: true }),
  logEntryAdded: (entry) =>
    set((s) => {
      if (s.log === null || (s.logKind !== 'all' && entry.kind !== s.logKind)) return {};
      const known = s.log.some((e) => e.id === entry.id);
      return { log: mergeEntries(s.log, [entry]), logTotal: known ? s.logTotal : s.logTotal + 1 };
    }),
  logKindChosen: (kind) => set({ logKind: kind, log: null, expanded: null }),
  entryToggled: (id) => set((s) => ({ expanded: s.expanded === id ? null : id })),
}));
