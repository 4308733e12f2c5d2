import { HearkenError } from '../../shared/errors';
import { formatBytes, printJson } from '../output';
import type { CliSession } from '../session';

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
