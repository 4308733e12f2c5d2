/**
 * `hearken keys …`, `passphrase change` and `recovery-key regenerate`: where the store's
 * key is kept, and a new recovery key with a new database key. Passphrases come from
 * environment variables, never from the command line (it shows in process lists).
 */
import type { Command } from 'commander';
import { HearkenError } from '../../shared/errors';
import { printJson } from '../output';
import type { CliSession, CommandRegistrar } from '../session';

interface JsonOption {
  json?: boolean;
}
interface RotateOptions extends JsonOption {
  yes?: boolean;
}
interface NewPassphraseOptions extends JsonOption {
  newPassphraseEnv: string;
}

function fromEnv(name: string, option: string): string {
  const value = process.env[name];
  if (!value) throw new HearkenError('VALIDATION', `The environment variable ${name} (named by ${option}) is empty or not set.`);
  return value;
}

function currentPassphrase(session: CliSession): string | undefined {
  return session.options.passphraseEnv ? fromEnv(session.options.passphraseEnv, '--passphrase-env') : undefined;
}

const ROTATE_WARNING = [
  'This makes a new recovery key and re-encrypts the store with a new database key.',
  '- The recovery key you have now stops opening this store.',
  '- Backups made before keep needing the old recovery key: keep it as long as you keep them.',
  '- The keychain entry or the passphrase-wrapped key is replaced; the passphrase itself stays the same.',
].join('\n');

async function rotate(session: CliSession, opts: RotateOptions, what: 'keys rotate' | 'recovery-key regenerate'): Promise<void> {
  if (!opts.yes) {
    process.stderr.write(`${ROTATE_WARNING}\n\nNothing was changed. Run \`hearken ${what} --yes\` to go ahead.\n`);
    process.exitCode = 2;
    return;
  }
  await session.unlock();
  const passphrase = currentPassphrase(session);
  const rotated = await session.call('keys.rotate', { confirm: true, ...(passphrase ? { passphrase } : {}) });
  if (opts.json) {
    printJson(rotated);
    return;
  }
  process.stdout.write(
    [
      'The store is re-encrypted with a new key. Its new recovery key (shown only this once):',
      '',
      `    ${rotated.recoveryKey}`,
      '',
      'Write it down or store it in a password manager now. The old recovery key no longer opens this store',
      '(backups made before still need it).',
      '',
    ].join('\n'),
  );
}

async function keyStatus(session: CliSession, opts: JsonOption): Promise<void> {
  await session.unlock();
  const status = await session.call('keys.status', {});
  if (opts.json) {
    printJson(status);
    return;
  }
  const where = status.keySource === 'keychain' ? 'in the OS keychain' : status.keySource === 'passphrase' ? 'wrapped with a passphrase' : 'nowhere but the recovery key';
  const lines = [`The store's key is kept ${where}.`, `Keychain: ${status.keychainAvailable ? 'answers' : 'did not answer'}.`];
  if (status.rotatedAt !== null) lines.push(`Last rotated: ${new Date(status.rotatedAt).toISOString()}.`);
  if (status.recoveredWithoutManifest) lines.push('Opened with the recovery key alone: set a passphrase (hearken keys move-to-passphrase) so the next start does not need it.');
  if (status.recoveryKeyStale) lines.push('A key rotation was cut off after the store was re-encrypted: the recovery key you hold no longer opens it. Make a new one: hearken recovery-key regenerate --yes.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function done(opts: JsonOption, keySource: string, message: string): void {
  if (opts.json) printJson({ keySource });
  else process.stdout.write(`${message}\n`);
}

export const registerKeyCommands: CommandRegistrar = (storeCommand, openSession) => {
  const run =
    <O>(work: (session: CliSession, opts: O) => Promise<void>) =>
    async (opts: O): Promise<void> => {
      const session = await openSession();
      try {
        await work(session, opts);
      } finally {
        await session.close();
      }
    };
  const sub = (parent: Command, name: string): Command => parent.command(name).configureHelp({ showGlobalOptions: true });

  const keys = storeCommand('keys').description("where the store's key is kept, and a new database key");
  sub(keys, 'status').description('where the key is kept, whether the keychain answers, when it was last rotated').option('--json', 'print JSON').action(run(keyStatus));
  sub(keys, 'rotate')
    .description('re-encrypt the store with a new database key; this also makes a new recovery key (the database key is derived from it), printed once')
    .option('--yes', 'go ahead (without it, only say what would happen)')
    .option('--json', 'print {"recoveryKey","keySource"}')
    .action(run((session, opts: RotateOptions) => rotate(session, opts, 'keys rotate')));
  sub(keys, 'move-to-keychain')
    .description('keep the key in the OS keychain instead of wrapped with a passphrase (the current passphrase comes from --passphrase-env)')
    .option('--json', 'print JSON')
    .action(
      run(async (session, opts: JsonOption) => {
        await session.unlock();
        const passphrase = currentPassphrase(session);
        const { keySource } = await session.call('keys.moveToKeychain', passphrase ? { passphrase } : {});
        done(opts, keySource, 'The key is now kept in the OS keychain; the passphrase no longer unlocks the store.');
      }),
    );
  sub(keys, 'move-to-passphrase')
    .description('keep the key wrapped with a new passphrase instead of in the keychain; also how a store opened with its recovery key alone gets a passphrase again')
    .requiredOption('--new-passphrase-env <VAR>', 'environment variable holding the new passphrase (8 characters or more)')
    .option('--json', 'print JSON')
    .action(
      run(async (session, opts: NewPassphraseOptions) => {
        const passphrase = fromEnv(opts.newPassphraseEnv, '--new-passphrase-env');
        await session.unlock();
        const { keySource } = await session.call('keys.moveToPassphrase', { passphrase });
        done(opts, keySource, 'The key is now wrapped with the new passphrase; unlock with --passphrase-env from now on.');
      }),
    );

  storeCommand('passphrase')
    .description("the passphrase that unlocks the store's key")
    .command('change')
    .configureHelp({ showGlobalOptions: true })
    .description('wrap the key with a new passphrase (the current one comes from --passphrase-env)')
    .requiredOption('--new-passphrase-env <VAR>', 'environment variable holding the new passphrase (8 characters or more)')
    .option('--json', 'print JSON')
    .action(
      run(async (session, opts: NewPassphraseOptions) => {
        const next = fromEnv(opts.newPassphraseEnv, '--new-passphrase-env');
        const current = currentPassphrase(session);
        if (!current) throw new HearkenError('VALIDATION', 'Pass the current passphrase with --passphrase-env VAR.');
        await session.unlock();
        const { keySource } = await session.call('keys.changePassphrase', { current, next });
        done(opts, keySource, 'The passphrase is changed; the old one no longer unlocks the store.');
      }),
    );

  storeCommand('recovery-key')
    .description('the recovery key that opens the store when the keychain or passphrase is lost')
    .command('regenerate')
    .configureHelp({ showGlobalOptions: true })
    .description('make a new recovery key; the store is re-encrypted with the new database key derived from it, and the old recovery key stops working')
    .option('--yes', 'go ahead (without it, only say what would happen)')
    .option('--json', 'print {"recoveryKey","keySource"}')
    .action(run((session, opts: RotateOptions) => rotate(session, opts, 'recovery-key regenerate')));
};
