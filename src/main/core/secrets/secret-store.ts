/**
 * The OS keychain, behind a small interface: keytar is archived upstream, so it must be
 * replaceable (Electron safeStorage, a platform CLI) without touching the rest of the core.
 */
export interface SecretStore {
  /** A short name for messages and `doctor`, e.g. "Secret Service (keytar)". */
  readonly name: string;
  /** Whether a keychain answers right now. Never throws, never hangs for long. */
  available(): Promise<boolean>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}
