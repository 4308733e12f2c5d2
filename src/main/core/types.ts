import type { EventName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { SecretStore } from './secrets/secret-store';

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
}

export type CoreListener = (name: EventName, payload: unknown) => void;

/** One core, three transports: Electron IPC, the CLI, and the loopback test bridge. */
export interface Core {
  /** Validates input against the contract and runs the handler; never throws. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: CoreListener): () => void;
  close(): void;
}
