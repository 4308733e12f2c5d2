/** Encrypted backups: create, list, verify, restore and the schedule (being built). */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext, StoreSwap } from '../context';
import type { FileGrants } from '../grants';
import type { CoreHandlers } from './define';

type BackupHandlers = Pick<CoreHandlers, 'backup.list' | 'backup.create' | 'backup.verify' | 'backup.restore' | 'backup.schedule'>;

const notYet = (): never => {
  throw new HearkenError('INTERNAL', 'Backups are not built yet.');
};

export function backupHandlers(_ctx: CoreContext, _grants: FileGrants, _swap: StoreSwap): BackupHandlers {
  return { 'backup.list': notYet, 'backup.create': notYet, 'backup.verify': notYet, 'backup.restore': notYet, 'backup.schedule': notYet };
}
