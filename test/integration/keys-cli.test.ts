/**
 * The key commands as a lead's script runs them: `keys rotate` and `recovery-key
 * regenerate` say what happens and change nothing without --yes; `passphrase change` and
 * `keys move-to-passphrase` take the new passphrase from an environment variable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKeyFromRecovery, parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import { openEncrypted } from '../../src/main/core/store/open';
import { expectNoStackTrace } from '../helpers/cli';
import { background, countsOf, newCliStore } from '../helpers/cli-store';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGenerator, csvHeader, itemToCsv } from '../../src/shared/synthetic';
import { integrityCheck } from '../../src/main/core/store/health';

const store = newCliStore('hearken-keys-cli-');
afterAll(() => store.remove());

const keyHex = (recoveryKey: string): string => databaseKeyFromRecovery(parseRecoveryKey(recoveryKey)).toString('hex');
const opens = (recoveryKey: string): boolean => {
  try {
    openEncrypted(join(store.dir, 'hearken.db'), { keyHex: keyHex(recoveryKey) }).close();
    return true;
  } catch {
    return false;
  }
};

describe('hearken keys, passphrase and recovery-key', () => {
  it('every command has help that names its options', () => {
    for (const [args, needle] of [
      [['recovery-key', 'regenerate', '--help'], 'old recovery key stops working'],
      [['passphrase', 'change', '--help'], '--new-passphrase-env'],
      [['keys', '--help'], 'move-to-passphrase'],
    ] as const) {
      const run = store.run([...args]);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toContain(needle);
    }
  });

  it('recovery-key regenerate without --yes tells what would happen and changes nothing', () => {
    const manifest = readFileSync(join(store.dir, 'hearken.json'), 'utf8');
    const run = store.run(['recovery-key', 'regenerate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The recovery key you have now stops opening this store');
    expect(run.stderr).toContain('Backups made before keep needing the old recovery key');
    expect(readFileSync(join(store.dir, 'hearken.json'), 'utf8')).toBe(manifest);
    expect(opens(store.recoveryKey)).toBe(true);
  });

  it('recovery-key regenerate --yes prints a new key that opens the store; the old one no longer does', () => {
    const run = store.run(['recovery-key', 'regenerate', '--yes', '--json']);
    expectNoStackTrace(run);
    expect(run.status, run.stderr).toBe(0);
    const { recoveryKey, keySource } = JSON.parse(run.stdout) as { recoveryKey: string; keySource: string };
    expect(keySource).toBe('passphrase');
    expect(opens(recoveryKey)).toBe(true);
    expect(opens(store.recoveryKey)).toBe(false);
    const status = JSON.parse(store.run(['keys', 'status', '--json']).stdout) as { rotatedAt: number | null; keySource: string };
    expect(status.keySource).toBe('passphrase');
    expect(status.rotatedAt).toBeGreaterThan(0);
  });

  it('passphrase change takes the new passphrase from a variable; a missing variable is a clear error', () => {
    const missing = store.run(['passphrase', 'change', '--new-passphrase-env', 'HEARKEN_TEST_UNSET_VARIABLE']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('HEARKEN_TEST_UNSET_VARIABLE');
    process.env.HEARKEN_TEST_NEXT_PASSPHRASE = 'the next passphrase';
    const changed = store.run(['passphrase', 'change', '--new-passphrase-env', 'HEARKEN_TEST_NEXT_PASSPHRASE']);
    expect(changed.status, changed.stderr).toBe(0);
    // The store's usual passphrase (the helper's) no longer unlocks it.
    const old = store.run(['stats', '--json']);
    expect(old.status).toBe(1);
    expect(old.stderr).toContain('[WRONG_PASSPHRASE]');
  });
});

describe('hearken keys rotate killed midway', () => {
  it('SIGKILL while the store is being re-encrypted: the store opens with the old keys, counts intact, the copy gone', async () => {
    const killed = newCliStore('hearken-keys-kill-');
    try {
      const gen = createGenerator({ seed: 19, count: 6_000 });
      const file = join(killed.dir, 'rows.csv');
      writeFileSync(file, [csvHeader(), ...Array.from({ length: 6_000 }, (_, i) => itemToCsv(gen.item(i)))].join(''));
      const imported = killed.run(['import', file, '--json'], 240_000);
      expect(imported.status, imported.stderr).toBe(0);
      expect(countsOf(imported.stdout).imported).toBe(6_000);
      const run = background(killed.start(['keys', 'rotate', '--yes', '--json']));
      const copy = join(killed.dir, 'hearken.db.rekey-new');
      const deadline = Date.now() + 120_000;
      while (!existsSync(copy) && Date.now() < deadline) await sleep(5);
      expect(existsSync(copy), 'the rotation started its copy').toBe(true);
      run.child.kill('SIGKILL');
      await run.exited;
      expect(run.stdout()).not.toContain('recoveryKey');
      // The next command opens the store with the same passphrase, and cleans up the copy.
      const stats = killed.run(['stats', '--json']);
      expect(stats.status, stats.stderr).toBe(0);
      expect((JSON.parse(stats.stdout) as { total: number }).total).toBe(6_000);
      expect(existsSync(copy)).toBe(false);
      expect(opensIn(killed.dir, killed.recoveryKey)).toBe(true);
      const db = killed.open();
      try {
        expect(integrityCheck(db)).toEqual(['ok']);
      } finally {
        db.close();
      }
    } finally {
      killed.remove();
    }
  }, 300_000);
});

function opensIn(dir: string, recoveryKey: string): boolean {
  try {
    openEncrypted(join(dir, 'hearken.db'), { keyHex: keyHex(recoveryKey) }).close();
    return true;
  } catch {
    return false;
  }
}
