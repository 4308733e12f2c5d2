/** Opening a conversation in the detail pane, and keeping it current. */
import { call, toErrorInfo } from '../../api';
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useSelection } from '../state/selection';

export async function openFeedback(id: string): Promise<void> {
  useSelection.getState().cursorMoved(id);
  useDetail.getState().feedbackOpened(id);
  try {
    const detail = await call('feedback.get', { id });
    // Opening reads it, as in any mail client; this is not an agent action to undo. Shown
    // read at once, so the pane renders once rather than again when the store answers.
    useDetail.getState().detailLoaded(id, detail.unread ? { ...detail, unread: false } : detail);
    if (detail.unread) await markOpenedRead(id);
  } catch (error) {
    useDetail.getState().detailFailed(id, toErrorInfo(error));
  }
}

/** The list follows at once; should the store refuse, both show it unread again. */
async function markOpenedRead(id: string): Promise<void> {
  useList.getState().itemsChanged([id], { unread: false });
  try {
    await call('feedback.markRead', { ids: [id], unread: false });
  } catch {
    useList.getState().itemsChanged([id], { unread: true });
    useDetail.getState().detailChanged([id], { unread: true });
  }
}

/** Re-reads the open conversation without clearing it, after a change from anywhere. */
export async function refreshDetail(): Promise<void> {
  const id = useDetail.getState().openId;
  if (id === null) return;
  try {
    useDetail.getState().detailLoaded(id, await call('feedback.get', { id }));
  } catch (error) {
    useDetail.getState().detailFailed(id, toErrorInfo(error));
  }
}

export function closeDetail(): void {
  useDetail.getState().detailClosed();
}
