/**
 * `backup create|list|verify|restore`: encrypted backups from a terminal, through the
 * core's backup channels. A backup has the store's cipher and key, so it opens with the
 * recovery key alone: copy it as hearken.db into an empty data folder and unlock with
 * --recovery-key-env.
 */
import { resolve } from 'node:path';
import type { BackupInfo } from '../../shared/contract';
import { formatBytes, printJson } from '../output';
import type { CliSession, CommandRegistrar } from '../session';

type Json = { json?: boolean };

const describe = (b: BackupInfo): string =>
  `${b.name}  ${new Date(b.createdAt).toISOString()}  ${b.reason}  ${b.items} items  ${formatBytes(b.sizeBytes)}  schema ${b.schemaVersion}`;

async function create(session: CliSession, opts: Json & { out?: string }): Promise<void> {
  await session.unlock();
  const grant = opts.out === undefined ? undefined : await session.grant(resolve(opts.out), 'write-folder');
  const made = await session.call('backup.create', grant === undefined ? {} : { grant });
  if (opts.json) printJson(made);
  else process.stdout.write(`Backup written: ${made.file} (${made.items} items, ${formatBytes(made.sizeBytes)}).\n`);
}

async function list(session: CliSession, opts: Json): Promise<void> {
  await session.unlock();
  const found = await session.call('backup.list', {});
  if (opts.json) return printJson(found);
  const { schedule } = found;
  process.stdout.write(`Backups in ${found.folder} (schedule: ${schedule.enabled ? `every ${schedule.everyHours} h` : 'off'}, keep ${schedule.keep}):\n`);
  if (found.backups.length === 0) process.stdout.write('  none yet\n');
  for (const b of found.backups) process.stdout.write(`  ${describe(b)}\n`);
}

async function verify(session: CliSession, file: string, opts: Json): Promise<boolean> {
  await session.unlock();
  const result = await session.call('backup.verify', { grant: await session.grant(resolve(file), 'read') });
  if (opts.json) printJson(result);
  else process.stdout.write(`${result.ok ? 'OK' : 'NOT OK'}: ${result.message}\n`);
  return result.ok;
}

async function restore(session: CliSession, file: string, opts: Json): Promise<void> {
  await session.unlock();
  const result = await session.call('backup.restore', { grant: await session.grant(resolve(file), 'read') });
  if (opts.json) return printJson(result);
  process.stdout.write(`Restored ${result.restored.name} (${result.restored.items} items).\n`);
  process.stdout.write(`The store as it was before is kept aside as ${result.keptAside.file} (${result.keptAside.items} items).\n`);
}

export const registerBackupCommands: CommandRegistrar = (storeCommand, openSession) => {
  const run =
    <A extends unknown[]>(action: (session: CliSession, ...args: A) => Promise<boolean | void>) =>
    async (...args: A): Promise<void> => {
      const session = await openSession();
      try {
        if ((await action(session, ...args)) === false) process.exitCode = 1;
      } finally {
        await session.close();
      }
    };
  const backup = storeCommand('backup').description('encrypted backups of the store (same cipher and key: the recovery key alone opens one)');
  backup
    .command('create')
    .configureHelp({ showGlobalOptions: true })
    .description('make an encrypted backup now (VACUUM INTO); in <data-dir>/backups, keeping the newest N, unless --out is given')
    .option('--out <dir>', 'write the backup (and its .json side file) into this folder instead; it is not trimmed')
    .option('--json', 'print the backup as JSON')
    .action(run((session, opts: Json & { out?: string }) => create(session, opts)));
  backup
    .command('list')
    .configureHelp({ showGlobalOptions: true })
    .description('the finished backups in the backup folder, newest first, and the schedule')
    .option('--json', 'print JSON')
    .action(run((session, opts: Json) => list(session, opts)));
  backup
    .command('verify')
    .configureHelp({ showGlobalOptions: true })
    .description("open a backup with the store's key, run integrity_check and compare its counts with its side file; exits 1 when not ok")
    .argument('<file>', 'the backup file (hearken-backup-….db)')
    .option('--json', 'print the verification as JSON')
    .action(run((session, file: string, opts: Json) => verify(session, file, opts)));
  backup
    .command('restore')
    .configureHelp({ showGlobalOptions: true })
    .description('replace the store with a verified backup; the current store is first kept aside as a before-restore backup')
    .argument('<file>', 'the backup file (hearken-backup-….db)')
    .option('--json', 'print {restored, keptAside} as JSON')
    .action(run((session, file: string, opts: Json) => restore(session, file, opts)));
};
