/**
 * Run as a child process: unlocks the store in argv dataDir (with HEARKEN_TEST_PASSPHRASE,
 * else the keychain) and runs one key operation, printing each step as it ends. With a
 * kill step, the process SIGKILLs itself right after it, as a crash would stop it there.
 * Ops: rotate, change-passphrase, to-keychain, to-passphrase (the new passphrase in
 * HEARKEN_TEST_NEW_PASSPHRASE).
 */
import { createSecretStore } from '../../src/main/core/secrets';
import { changePassphrase, moveToKeychain, moveToPassphrase } from '../../src/main/core/secrets/key-changes';
import { StoreAccess } from '../../src/main/core/secrets/store-access';

const [dataDir, op, killAfter] = process.argv.slice(2) as [string, string, string | undefined];
const passphrase = process.env.HEARKEN_TEST_PASSPHRASE;
const next = process.env.HEARKEN_TEST_NEW_PASSPHRASE ?? '';
const onStep = (step: string): void => {
  process.stdout.write(`${step}\n`);
  if (step === killAfter) process.kill(process.pid, 'SIGKILL');
};

const access = new StoreAccess(dataDir, createSecretStore());
const { db } = await access.unlock(passphrase ? { method: 'passphrase', passphrase } : { method: 'keychain' });
const place = { ...access.keyPlace(Date.now()), onStep };
switch (op) {
  case 'rotate': {
    db.close();
    const rotation = await access.rotate(passphrase, Date.now(), onStep);
    process.stdout.write(`recovery ${rotation.recoveryKey}\n`);
    break;
  }
  case 'change-passphrase':
    changePassphrase(place, passphrase ?? '', next);
    db.close();
    break;
  case 'to-keychain':
    await moveToKeychain(place, passphrase);
    db.close();
    break;
  case 'to-passphrase':
    await moveToPassphrase(place, next);
    db.close();
    break;
  default:
    throw new Error(`unknown op ${op}`);
}
process.stdout.write('finished\n');
