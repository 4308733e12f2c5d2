import { createRequire } from 'node:module';
import type { SecretStore } from './secret-store';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'Hearken';
const PROBE_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Vault, the Secret
 * Service on Linux). keytar is loaded lazily so a machine where it cannot load is simply a
 * machine without a keychain, and the passphrase path takes over.
 */
export class KeytarSecretStore implements SecretStore {
  readonly name = 'OS keychain (keytar)';
  private keytar: Keytar | null | undefined;

  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  private load(): Keytar | null {
    if (this.keytar === undefined) {
      try {
        this.keytar = createRequire(import.meta.url)('keytar') as Keytar;
      } catch {
        this.keytar = null;
      }
    }
    return this.keytar;
  }

  private require(): Keytar {
    const keytar = this.load();
    if (!keytar) throw new Error('keytar could not be loaded on this machine');
    return keytar;
  }

  async available(): Promise<boolean> {
    const keytar = this.load();
    if (!keytar) return false;
    try {
      await withTimeout(keytar.getPassword(this.service, '__hearken_probe__'), PROBE_TIMEOUT_MS, 'The keychain');
      return true;
    } catch {
      return false;
    }
  }

  get(account: string): Promise<string | null> {
    return withTimeout(this.require().getPassword(this.service, account), PROBE_TIMEOUT_MS * 3, 'The keychain');
  }

  set(account: string, secret: string): Promise<void> {
    return withTimeout(this.require().setPassword(this.service, account, secret), PROBE_TIMEOUT_MS * 3, 'The keychain');
  }

  delete(account: string): Promise<boolean> {
    return withTimeout(this.require().deletePassword(this.service, account), PROBE_TIMEOUT_MS * 3, 'The keychain');
  }
}

/** A machine with no keychain at all; used when one is switched off on purpose. */
export class NoSecretStore implements SecretStore {
  readonly name = 'no keychain';
  available(): Promise<boolean> {
    return Promise.resolve(false);
  }
  get(): Promise<string | null> {
    return Promise.reject(new Error('No keychain is configured'));
  }
  set(): Promise<void> {
    return Promise.reject(new Error('No keychain is configured'));
  }
  delete(): Promise<boolean> {
    return Promise.reject(new Error('No keychain is configured'));
  }
}
