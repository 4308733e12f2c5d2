import { HearkenError } from '../../shared/errors';
import { printJson } from '../output';
import type { CliSession } from '../session';

export async function init(session: CliSession, opts: { json?: boolean }): Promise<void> {
  const passphrase = session.options.passphraseEnv ? process.env[session.options.passphraseEnv] : undefined;
  if (session.options.passphraseEnv && !passphrase) {
    throw new HearkenError('VALIDATION', `The environment variable ${session.options.passphraseEnv} (named by --passphrase-env) is empty or not set.`);
  }
  const status = await session.call('store.status', {});
  if (!passphrase && !status.keychainAvailable) {
    throw new HearkenError(
      'KEYCHAIN_UNAVAILABLE',
      'No keychain answered (on Linux a Secret Service such as GNOME Keyring must be running). Protect the store with a passphrase instead: put it in a variable and pass --passphrase-env VAR.',
    );
  }
  const created = await session.call('store.create', passphrase ? { passphrase } : {});
  if (opts.json) {
    printJson({ dataDir: status.dataDir, keySource: created.keySource, recoveryKey: created.recoveryKey });
    return;
  }
  const where = created.keySource === 'keychain' ? 'in the OS keychain' : 'wrapped with your passphrase';
  process.stdout.write(
    [
      `Created an encrypted Hearken store in ${status.dataDir}`,
      `Its key is kept ${where}.`,
      '',
      'Recovery key (shown only this once; it unlocks the store if the keychain or passphrase is lost):',
      '',
      `    ${created.recoveryKey}`,
      '',
      'Write it down or store it in a password manager now.',
      '',
    ].join('\n'),
  );
}
