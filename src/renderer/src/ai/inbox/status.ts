/** Whether an endpoint is ready: read once, kept current by the core's pushes (see follow.ts). */
import { call } from '../../api';
import { notifyInfo } from '../../common/notify';
import { useAiInbox } from './state';

const store = useAiInbox.getState;

export async function loadAiStatus(): Promise<void> {
  try {
    store().statusLoaded(await call('ai.status', {}));
  } catch {
    // Without an answer the AI parts stay hidden; the inbox works on local analysis.
  }
}

/** False, with a note on where to set it up, when no endpoint is ready (the queue would only wait). */
export async function aiReady(): Promise<boolean> {
  if (store().status === null) await loadAiStatus();
  if (store().status?.ready ?? false) return true;
  notifyInfo('Choose a provider and a model on the AI & privacy page (g p); everything else keeps working on local analysis.', 'AI is not set up');
  return false;
}
