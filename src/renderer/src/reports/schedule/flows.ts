/** The scheduled exports' calls: read, save, choose the folder, run now. */
import type { ChannelInput } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { notifyInfo } from '../../common/notify';
import { useSchedule } from './state';

const store = useSchedule.getState;

export async function openSchedule(): Promise<void> {
  store().dialogOpened();
  try {
    store().statusLoaded(await call('reports.schedule.get', {}), true);
  } catch (error) {
    store().failed(toErrorInfo(error));
  }
}

/** After a scheduled run (the `reports.scheduled` push): the last run and next run move. */
export async function refreshSchedule(): Promise<void> {
  if (!store().opened) return;
  try {
    store().statusLoaded(await call('reports.schedule.get', {}), false);
  } catch {
    // The dialog keeps what it shows; the next open reads again.
  }
}

export async function chooseFolder(): Promise<void> {
  store().busyChanged('folder');
  try {
    store().statusLoaded(await call('reports.schedule.chooseFolder', {}), false);
  } catch (error) {
    store().failed(toErrorInfo(error));
  }
}

function settingsOf(): ChannelInput<'reports.schedule.save'> | null {
  const draft = store().draft;
  if (draft === null) return null;
  // The folder is the core's to set (through its dialog): it is not sent back.
  const { folder: _folder, ...settings } = draft;
  return settings;
}

export async function saveSchedule(): Promise<void> {
  const settings = settingsOf();
  if (settings === null) return;
  store().busyChanged('saving');
  try {
    const status = await call('reports.schedule.save', settings);
    store().statusLoaded(status, true);
    store().dialogClosed();
    notifyInfo(status.schedule.enabled ? 'Scheduled exports are on.' : 'Scheduled exports are off.', 'Scheduled exports saved');
  } catch (error) {
    store().failed(toErrorInfo(error));
  }
}

/** Runs with the settings on screen: they are saved first, so what runs is what is shown. */
export async function runNow(): Promise<void> {
  const settings = settingsOf();
  if (settings === null) return;
  store().busyChanged('running');
  try {
    store().statusLoaded(await call('reports.schedule.save', settings), true);
    store().busyChanged('running');
    store().statusLoaded(await call('reports.schedule.runNow', {}), true);
  } catch (error) {
    store().failed(toErrorInfo(error));
  }
}
