/** The Provider tab's calls: read the status, save the settings (and key), test the endpoint. */
import { call, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { isDirty, saveInput } from '../model/settings-form';
import { useAi } from '../state';

const store = () => useAi.getState();
const statusReads = { current: 0 };

/** Reads the status; an answer overtaken by a newer read is dropped. */
export async function loadStatus(): Promise<void> {
  const mine = ++statusReads.current;
  try {
    const status = await call('ai.status', {});
    if (mine === statusReads.current) store().statusLoaded(status);
  } catch (failure) {
    if (mine !== statusReads.current) return;
    store().statusFailed(toErrorInfo(failure));
  }
}

/** Saves what the form says; false when a field needs correcting or the core refused. */
export async function saveSettings(): Promise<boolean> {
  const { form, saving } = store();
  if (form === null || saving) return false;
  const checked = saveInput(form);
  if (!checked.ok) {
    store().saveRefused(checked.errors);
    return false;
  }
  const keyChange = checked.input.apiKey;
  store().saveStarted();
  try {
    const status = await call('ai.settings.save', checked.input);
    statusReads.current++;
    store().saved(status);
    const keyWords = keyChange === null ? ' The API key was removed.' : keyChange !== undefined ? ' The API key is kept safe; this window no longer holds it.' : '';
    notifyInfo(`AI settings saved.${keyWords}`);
    return true;
  } catch (failure) {
    store().saveFailed();
    const error = toErrorInfo(failure);
    // The core's own checks name a field in words; put the message beside it when we can tell which.
    const field = error.code !== 'VALIDATION' ? null : /url|resource|address/i.test(error.message) ? 'baseUrl' : /model|deployment/i.test(error.message) ? 'model' : /key/i.test(error.message) ? 'apiKey' : null;
    if (field !== null) store().saveRefused({ [field]: error.message });
    else notifyFailure(error, 'Saving the AI settings', error.code === 'VALIDATION' ? undefined : () => void saveSettings());
    return false;
  }
}

/** Tests the saved endpoint; unsaved edits are saved first, so the test is of what the form shows. */
export async function testConnection(): Promise<void> {
  const { form, status } = store();
  if (form === null || status === null) return;
  if (isDirty(form, status.settings) && !(await saveSettings())) return;
  store().testStarted();
  try {
    store().testAnswered(await call('ai.test', {}));
  } catch (failure) {
    store().testFailed(toErrorInfo(failure));
  }
}
