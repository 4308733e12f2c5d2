/** Opening a conversation in the detail pane, and keeping it current. */
import type { FeedbackDetail } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { cacheEpoch, cachedDetail, detailCached } from '../state/detail-cache';
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useSelection } from '../state/selection';

/**
 * Opening reads it, as in any mail client; this is not an agent action to undo. Shown read
 * at once, so the pane renders once rather than again when the store answers.
 */
function shown(detail: FeedbackDetail): FeedbackDetail {
  return detail.unread ? { ...detail, unread: false } : detail;
}

/** Reads under way, by id: opening a row that is being read ahead joins that read. */
const reading = new Map<string, Promise<FeedbackDetail>>();

function read(id: string): Promise<FeedbackDetail> {
  const running = reading.get(id);
  if (running) return running;
  const startedAt = cacheEpoch();
  const next = call('feedback.get', { id })
    // Changed while it was read: whoever waits on it gets it read again, not the old values.
    .then((detail) => (detailCached(detail, startedAt) ? detail : call('feedback.get', { id })))
    .finally(() => reading.delete(id));
  reading.set(id, next);
  return next;
}

export async function openFeedback(id: string): Promise<void> {
  useSelection.getState().cursorMoved(id);
  useDetail.getState().feedbackOpened(id);
  // Read ahead: paint now, in the same render as the cursor, and check with the core below.
  const early = cachedDetail(id);
  if (early) useDetail.getState().detailLoaded(id, shown(early));
  const current = early ? null : read(id);
  // The neighbours next (the next j or click usually goes there), then the check.
  readAround(id);
  try {
    const detail = await (current ?? read(id));
    if (!early || JSON.stringify(shown(early)) !== JSON.stringify(shown(detail))) useDetail.getState().detailLoaded(id, shown(detail));
    if (detail.unread) await markOpenedRead(id);
  } catch (error) {
    // What was read ahead stays on screen; without it, the pane says what went wrong.
    if (!early) useDetail.getState().detailFailed(id, toErrorInfo(error));
  }
}

/** Reads a conversation ahead into the cache, quietly: a failure only means no head start. */
export async function readAhead(id: string): Promise<void> {
  if (cachedDetail(id) || reading.has(id)) return;
  try {
    await read(id);
  } catch {
    // Opening it will ask again and say what is wrong.
  }
}

/** The rows either side of the open one: where j, k and the next click usually go. */
function readAround(id: string): void {
  const items = useList.getState().items;
  const at = items.findIndex((item) => item.id === id);
  if (at < 0) return;
  for (const neighbour of [items[at + 1], items[at - 1]]) if (neighbour) void readAhead(neighbour.id);
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
