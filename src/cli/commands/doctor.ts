import { statfsSync } from 'node:fs';
import { HearkenError } from '../../shared/errors';
import { formatBytes, printJson } from '../output';
import type { CliSession } from '../session';

/** Below this, a write (an import batch, a checkpoint) may find no room: said before it fails. */
const LOW_SPACE_BYTES = 8 * 1024 * 1024;

/** Free bytes on the disk holding dir (for this user), or null when the folder is not there. */
function freeBytes(dir: string): number | null {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Reports on the keychain and the store, read-only, and fails when anything is wrong. */
export async function doctor(session: CliSession, opts: { json?: boolean }): Promise<boolean> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string): void => {
    checks.push({ name, ok, detail });
  };

  const keychain = await session.secrets.available();
  const status = await session.call('store.status', {});
  const needsKeychain = status.keySource === 'keychain' && !session.options.passphraseEnv && !session.options.recoveryKeyEnv;
  add(
    'keychain',
    keychain || !needsKeychain,
    keychain
      ? `${session.secrets.name} answers`
      : `no keychain answers${needsKeychain ? '; this store keeps its key there, so unlock with --recovery-key-env' : ' (not needed: this store uses a passphrase)'}`,
  );

  if (status.state === 'new') {
    add('database', false, `no Hearken store in ${status.dataDir}; create one with \`init\``);
  } else if (status.state === 'unavailable') {
    add('database', false, status.problem?.message ?? 'the store cannot be opened');
  } else {
    add('database', true, `${status.dataDir}/hearken.db is encrypted (not readable as plain SQLite); key in ${status.keySource ?? 'unknown (manifest missing)'}`);
    // Reading works on a full disk, so the other checks pass there; this one says why writes fail.
    const free = freeBytes(status.dataDir);
    if (free !== null) {
      add(
        'disk',
        free >= LOW_SPACE_BYTES,
        free >= LOW_SPACE_BYTES
          ? `${formatBytes(free)} free`
          : `only ${formatBytes(free)} free on the disk holding ${status.dataDir}: changes and imports fail when it is full. Free some space.`,
      );
    }
    try {
      await session.unlock();
      add('unlock', true, 'the key opens the database');
      const health = await session.call('store.health', {});
      const integrityOk = health.integrity.length === 1 && health.integrity[0] === 'ok';
      add('integrity', integrityOk, integrityOk ? 'integrity_check: ok' : `integrity_check: ${health.integrity.slice(0, 5).join('; ')}`);
      add('search index', health.searchIndexOk, health.searchIndexOk ? 'full-text index matches the feedback' : 'full-text index is out of step; rebuild it');
      add(
        'schema',
        health.schemaVersion === health.latestSchemaVersion,
        `version ${health.schemaVersion} (this Hearken knows ${health.latestSchemaVersion})`,
      );
      add('size', true, `${formatBytes(health.sizeBytes)} database, ${formatBytes(health.walBytes)} write-ahead log`);
      add(
        'cipher',
        health.cipher === 'AEGIS-256',
        `cipher ${health.cipher}, ${health.pageSize}-byte pages${health.reservedBytes === null ? '' : `, ${health.reservedBytes} reserved bytes`}`,
      );
      if (health.conversionBackup) {
        // Not a failure: the copy is kept on purpose until the user has checked the converted store.
        add(
          'old backup',
          true,
          `${health.conversionBackup.path} (${formatBytes(health.conversionBackup.bytes)}) is the store in its old SQLCipher format, kept when it was converted. Delete it once the store has been checked.`,
        );
      }
    } catch (error) {
      add('unlock', false, error instanceof HearkenError ? `${error.code}: ${error.message}` : String(error));
    }
  }

  const ok = checks.every((c) => c.ok);
  if (opts.json) printJson({ ok, dataDir: status.dataDir, checks });
  else {
    process.stdout.write(`Hearken doctor: ${status.dataDir}\n`);
    for (const c of checks) process.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(13)} ${c.detail}\n`);
    process.stdout.write(ok ? 'All checks passed.\n' : 'Problems found (see FAIL above).\n');
  }
  return ok;
}
