import type { Command } from 'commander';
import type { ChannelInput, ChannelOutput, Channel, FileGrantPurpose, UnlockInput } from '../shared/contract';
import { HearkenError } from '../shared/errors';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type CallMeta, type CoreOptions, type HostCore } from '../main/core';
import { createSecretStore, type SecretStore } from '../main/core/secrets';

export interface GlobalOptions {
  dataDir: string;
  passphraseEnv?: string;
  recoveryKeyEnv?: string;
}

const CLI: CallMeta = { actor: 'cli' };

/**
 * A command's jobs (an import, a re-analysis) run on the core's job thread, as in the app:
 * its heap is capped (jobs/thread-runner.ts), so V8 collects instead of growing, and this
 * thread never loads what only the job needs (eld's language data).
 */
const JOB_WORKER = { file: fileURLToPath(new URL('./job-worker.mjs', import.meta.url)) };

/**
 * The core as the terminal sees it: every invoke, including a command's own
 * `session.core.invoke`, is the CLI's, so the audit log tells it from the window's agent.
 */
function asCli(core: HostCore): HostCore {
  return {
    invoke: (channel, input, meta = CLI) => core.invoke(channel, input, meta),
    onEvent: (listener) => core.onEvent(listener),
    grantFile: (path, purpose) => core.grantFile(path, purpose),
    close: () => core.close(),
  };
}

/** A core for one CLI command, with the typed call the renderer's client also has. */
export class CliSession {
  private constructor(
    readonly core: HostCore,
    readonly secrets: SecretStore,
    readonly options: GlobalOptions,
    private readonly ai: { send: boolean } = { send: false },
  ) {}

  /** This command waits for AI work: the LLM queue may send from its next AI call on. */
  allowAiCalls(): void {
    this.ai.send = true;
  }

  /** `printToPdf`: the report command's Chromium, when it writes a PDF. */
  static async open(options: GlobalOptions, secrets: SecretStore = createSecretStore(), extra: Pick<CoreOptions, 'printToPdf'> = {}): Promise<CliSession> {
    // The LLM queue sends only in a command that waits for AI work (ai triage --wait, ai draft).
    const ai = { send: false };
    const core = await createCore({
      dataDir: options.dataDir,
      secrets,
      appVersion: process.env.npm_package_version,
      jobWorker: JOB_WORKER,
      ai: { sendWhen: () => ai.send },
      // Scheduled exports are the app's: a command must not start one it would cut off on exit.
      scheduledExports: false,
      // An import or re-analysis cut off by a crash is resumed by the app, or by running it again here.
      resumeInterruptedJobs: false,
      ...extra,
    });
    return new CliSession(asCli(core), secrets, options, ai);
  }

  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.core.invoke(channel, input, CLI);
    if (!result.ok) throw new HearkenError(result.error.code, result.error.message);
    return result.value as ChannelOutput<C>;
  }

  /**
   * A grant for a file named on the command line, for the file channels. The terminal is
   * the host here: it holds the core in-process, so it mints grants the way Electron's main
   * does for a dialog's answer, and a command keeps taking plain paths.
   */
  async grant(path: string, purpose: FileGrantPurpose): Promise<string> {
    const result = await this.core.grantFile(resolve(path), purpose);
    if (!result.ok) throw new HearkenError(result.error.code, result.error.message);
    return result.value.grant;
  }

  /** Unlocks with what the command line offers: a recovery key, a passphrase, else the keychain. */
  unlockInput(): UnlockInput {
    const fromEnv = (name: string, what: string): string => {
      const value = process.env[name];
      if (!value) throw new HearkenError('VALIDATION', `The environment variable ${name} (named by --${what}-env) is empty or not set.`);
      return value;
    };
    if (this.options.recoveryKeyEnv) return { method: 'recovery', recoveryKey: fromEnv(this.options.recoveryKeyEnv, 'recovery-key') };
    if (this.options.passphraseEnv) return { method: 'passphrase', passphrase: fromEnv(this.options.passphraseEnv, 'passphrase') };
    return { method: 'keychain' };
  }

  async unlock(): Promise<void> {
    const status = await this.call('store.status', {});
    if (status.state === 'new') {
      throw new HearkenError('NO_STORE', `There is no Hearken store in ${status.dataDir}. Create one with: hearken init --data-dir ${status.dataDir}`);
    }
    if (status.state === 'unavailable' && status.problem) throw new HearkenError(status.problem.code, status.problem.message);
    const input = this.unlockInput();
    if (input.method === 'keychain' && status.keySource === 'passphrase') {
      throw new HearkenError('LOCKED', 'This store is protected by a passphrase: pass --passphrase-env VAR with the passphrase in the variable VAR (or --recovery-key-env VAR).');
    }
    await this.call('store.unlock', input);
  }

  close(): Promise<void> {
    return this.core.close();
  }
}

/**
 * Adds commands to the CLI: `storeCommand(name)` makes a command whose help shows the
 * global folder and unlock options, `openSession()` opens the store with them. Close the
 * session in a finally; a HearkenError thrown out becomes the one-line message and exit 1.
 */
export type CommandRegistrar = (storeCommand: (name: string) => Command, openSession: () => Promise<CliSession>) => void;
