import type { EventName, FileGrant, FileGrantPurpose } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { LlmClientFactory } from './ai/types';
import type { PrintToPdf } from './reports/seams';
import type { WorkerEntry } from './jobs/thread-runner';
import type { SecretStore } from './secrets/secret-store';

/** System dialogs the core may ask for; Electron provides them, the CLI and tests need not. */
export interface CoreDialogs {
  /** Files (or folders of e-mail) to import; empty when cancelled. */
  chooseImportFiles(): Promise<string[]>;
  /** Where to save a file, proposing defaultName; null when cancelled. */
  chooseSavePath(defaultName: string, options?: FileDialogOptions): Promise<string | null>;
  /** One file to open (templates to import); null when cancelled. */
  chooseOpenFile(options: FileDialogOptions): Promise<string | null>;
  /** One folder to read (knowledge-base Markdown); null when cancelled. Optional: hosts without it answer kb.import only through a grant. */
  chooseFolder?(options: { title: string }): Promise<string | null>;
  /**
   * Prints a self-contained HTML page to PDF bytes (A4): Electron's printToPDF in the app,
   * the test browser in e2e runs. Not a dialog, but like one it is the host's to do.
   * Absent: PDF answers PRINT_UNAVAILABLE.
   */
  printToPdf?(html: string): Promise<Uint8Array>;
}

export interface FileDialogOptions {
  title: string;
  filters: { name: string; extensions: string[] }[];
}

export interface CoreOptions {
  /** Folder that holds the encrypted database and its manifest. Created if missing. */
  dataDir: string;
  /** Where the database key lives; see secrets/. */
  secrets: SecretStore;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** Path to a better_sqlite3.node built for this runtime (Electron uses its own build). */
  nativeBinding?: string;
  /** The demo inbox JSON; defaults to resources/demo/inbox.json in the repository. */
  demoInboxPath?: string;
  appVersion?: string;
  /** File dialogs for import.choose, import.exportReport and template files; without them those channels answer VALIDATION unless given a path. */
  dialogs?: CoreDialogs;
  /** Rows per import transaction (default 5,000). */
  importBatchSize?: number;
  /**
   * The job thread's code. With it, imports and re-analysis run in a thread of their own on
   * a second connection, so reads never wait behind them (the app, the e2e bridge, the
   * bench). Without it they run between calls in this thread (the CLI, unit tests).
   */
  jobWorker?: WorkerEntry;
  /**
   * The LLM: tests give a client factory of their own and a short wait between offline
   * probes; the CLI lets the queue send only in a command that waits for AI work.
   */
  ai?: { clientFactory?: LlmClientFactory; offlineProbeMs?: number; sendWhen?: () => boolean };
  /** A PDF printer for hosts without dialogs.printToPdf: the CLI's local Chromium. */
  printToPdf?: PrintToPdf;
  /** Scheduled report exports while unlocked (default true); a CLI command, over in seconds, leaves them to the app. */
  scheduledExports?: boolean;
  /**
   * Imports and re-analyses cut off by a crash start again at the next unlock (default
   * true). A CLI command, which would exit mid-way, leaves them to the app; running the
   * same import again there adds exactly the rest.
   */
  resumeInterruptedJobs?: boolean;
}

export type CoreListener = (name: EventName, payload: unknown) => void;

/** Who asked: the transport says so, and the audit log records it. */
export type Actor = 'agent' | 'cli' | 'system';

/** What the transport knows about a call, beyond its channel and input. */
export interface CallMeta {
  /** `agent` from the window (IPC or the test bridge), `cli` from the terminal; jobs act as `system`. */
  actor: Actor;
}

/** One core, three transports: Electron IPC, the CLI, and the loopback test bridge. */
export interface Core {
  /** Validates input against the contract and runs the handler; never throws. Without meta the caller is the window's agent. */
  invoke(channel: string, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  onEvent(listener: CoreListener): () => void;
  /** Stops every job after the batch in flight, then closes the store. */
  close(): Promise<void>;
}

/**
 * The core as its host holds it: what every transport forwards, plus the host's own route
 * for file grants. The window's transports (Electron IPC, the test bridge) are given a
 * plain `Core` view, so nothing the window sends can reach `grantFile`.
 */
export interface HostCore extends Core {
  /**
   * Lets the file channels open `path` for `purpose` (grants.ts): for a path the host got
   * from a dialog, a drop or the command line. Never a channel.
   */
  grantFile(path: string, purpose: FileGrantPurpose): Promise<Result<FileGrant>>;
}
