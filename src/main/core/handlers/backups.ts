/**
 * Encrypted backups: create, list, verify, restore and the schedule. The steps live in
 * backups/; these only turn a channel's input (a backup's name, or a file by grant) into
 * a file. None of them runs in one transaction: a copy and a file swap are not SQL.
 */
import type { BackupVerification } from '../../../shared/contract';
import { requireDb, type CoreContext, type StoreSwap } from '../context';
import type { Backups } from '../backups/service';
import type { FileGrants } from '../grants';
import type { CoreHandlers } from './define';

type BackupHandlers = Pick<CoreHandlers, 'backup.list' | 'backup.create' | 'backup.verify' | 'backup.restore' | 'backup.schedule'>;

export function backupHandlers(ctx: CoreContext, grants: FileGrants, swap: StoreSwap, backups: Backups): BackupHandlers {
  const fileOf = (ref: { name: string } | { grant: string }): string => {
    requireDb(ctx);
    return 'name' in ref ? backups.fileNamed(ref.name) : grants.path(ref.grant, 'read');
  };
  return {
    'backup.list': () => backups.list(),
    'backup.create': (input, call) => {
      requireDb(ctx);
      return backups.create('manual', call.actor, input.grant === undefined ? undefined : grants.path(input.grant, 'write-folder'));
    },
    'backup.verify': async (input, call): Promise<BackupVerification> => {
      const { ok, integrity, counts, message } = await backups.verify(fileOf(input), call.actor);
      return { ok, integrity, counts, message };
    },
    'backup.restore': (input, call) => backups.restore(fileOf(input), swap, call.actor),
    'backup.schedule': (input, call) => backups.setSchedule(input, call.actor),
  };
}
