/** The Backups tab's calls: read the list, back up now, verify, restore, save the schedule. */
import type { BackupInfo } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { bytesLabel } from '../../import/model/wording';
import { reloadList } from '../../inbox/flows/list';
import { loadFacets, loadViews } from '../../inbox/flows/views';
import { useDetail } from '../../inbox/state/detail';
import { countLabel } from '../../format';
import { scheduleInput } from '../model';
import { useSecurity } from '../state';

const store = () => useSecurity.getState();

/** Reads the backups and the schedule; an answer overtaken by a newer read is dropped. */
export async function loadBackups(): Promise<void> {
  const generation = store().listRequested();
  try {
    store().listLoaded(generation, await call('backup.list', {}));
  } catch (failure) {
    store().listFailed(generation, toErrorInfo(failure));
  }
}

export async function backUpNow(): Promise<void> {
  if (store().creating) return;
  store().backupStarted();
  try {
    const made = await call('backup.create', {});
    notifyInfo(`${countLabel(made.items, 'conversation')}, ${bytesLabel(made.sizeBytes)}, in ${made.name}.`, 'Backup made');
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Backing up', () => void backUpNow());
  } finally {
    store().backupFinished();
  }
  // Older backups beyond the number kept may have gone too.
  await loadBackups();
}

export async function verifyBackup(backup: BackupInfo): Promise<void> {
  if (store().verifying !== null) return;
  store().verifyStarted(backup.name);
  try {
    store().verified(backup, await call('backup.verify', { name: backup.name }));
  } catch (failure) {
    store().verifyFailed();
    notifyFailure(toErrorInfo(failure), 'Verifying the backup', () => void verifyBackup(backup));
  }
}

/** Restores the backup the person confirmed; the store they had is kept aside by the core first. */
export async function restoreConfirmed(): Promise<void> {
  const backup = store().restoreAsked;
  if (backup === null || store().restoring) return;
  store().restoreStarted();
  try {
    const { restored, keptAside } = await call('backup.restore', { name: backup.name });
    notifyInfo(`The inbox is back to ${restored.name}. What you had is kept as ${keptAside.name}.`, 'Backup restored');
    // Everything on screen came from the store that was just replaced.
    useDetail.getState().detailClosed();
    void reloadList();
    void loadViews();
    void loadFacets();
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Restoring the backup');
  } finally {
    store().restoreFinished();
  }
  await loadBackups();
}

export async function saveSchedule(): Promise<void> {
  const { schedule, scheduleSaving } = store();
  if (schedule === null || scheduleSaving) return;
  const checked = scheduleInput(schedule);
  if (!checked.ok) {
    store().scheduleRefused(checked.errors);
    return;
  }
  store().scheduleSaveStarted();
  try {
    store().scheduleSaved(await call('backup.schedule', checked.input));
    notifyInfo('Backup schedule saved.');
  } catch (failure) {
    store().scheduleSaveFailed();
    notifyFailure(toErrorInfo(failure), 'Saving the backup schedule', () => void saveSchedule());
  }
}
