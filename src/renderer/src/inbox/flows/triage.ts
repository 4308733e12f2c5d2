/**
 * Agent actions on conversations: one path for a single row and for a selection, so
 * every change is confirmed by the core, shown at once, and can be undone.
 */
import type { FeedbackChange } from '../../../../shared/contract';
import { statusLabels, type Sentiment, type Status } from '../../../../shared/domain';
import { call, toErrorInfo } from '../../api';
import { hideNotice, notifyDone, notifyFailure, notifyInfo } from '../../common/notify';
import { sentimentLabels } from '../model/labels';
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useSelection } from '../state/selection';
import { useUndo, type UndoEntry } from '../state/undo';
import { goTo, neighbourOf } from './navigation';

/** The checked rows when there are any, else the row the keyboard is on (or the open one). */
export function actionTargets(): string[] {
  const { selected, activeId } = useSelection.getState();
  if (selected.size > 0) return [...selected];
  if (activeId !== null) return [activeId];
  const open = useDetail.getState().openId;
  return open !== null ? [open] : [];
}

function subject(count: number): string {
  return `${new Intl.NumberFormat().format(count)} ${count === 1 ? 'conversation' : 'conversations'}`;
}

export async function applyChange(ids: string[], change: FeedbackChange, done: string, options: { advance?: boolean } = {}): Promise<boolean> {
  if (ids.length === 0) {
    notifyInfo('Move to a conversation with j and k, or check some with x.', 'Nothing to act on');
    return false;
  }
  const bulk = useSelection.getState().selected.size > 0;
  const next = options.advance && !bulk && ids[0] !== undefined ? neighbourOf(ids[0]) : null;
  try {
    const result = await call('feedback.update', { ids, change });
    useList.getState().itemsChanged(ids, change);
    useDetail.getState().detailChanged(ids, change);
    if (bulk) useSelection.getState().selectionCleared();
    if (next !== null) goTo(next);
    if (result.undoToken !== null) changeRecorded(result.undoToken, done);
    return true;
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'The change', () => void applyChange(ids, change, done, options));
    return false;
  }
}

/**
 * A change the core can take back: its toast with Undo, and a place on the undo stack
 * (Mod+Z). Every agent action goes through here: triage, escalating, the queue.
 */
export function changeRecorded(token: string, label: string): void {
  const entry: UndoEntry = { token, label, notificationId: '' };
  entry.notificationId = notifyDone(label, () => void undoChange(entry));
  useUndo.getState().changeMade(entry);
}

export async function undoChange(entry: UndoEntry): Promise<void> {
  try {
    const { restored } = await call('feedback.undo', { token: entry.token });
    useUndo.getState().changeUndone(entry.token);
    hideNotice(entry.notificationId);
    notifyInfo(`Undone: ${entry.label.charAt(0).toLowerCase()}${entry.label.slice(1)} (${restored} restored).`);
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'NOT_FOUND') useUndo.getState().changeUndone(entry.token);
    notifyFailure(info, 'Undo', () => void undoChange(entry));
  }
}

export function undoLast(): void {
  const entry = useUndo.getState().entries.at(-1);
  if (entry) void undoChange(entry);
  else notifyInfo('There is nothing to undo.');
}

export function resolve(ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { status: 'resolved' }, `Resolved ${subject(ids.length)}`, { advance: true });
}

export function setStatus(status: Status, ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { status }, `Set ${subject(ids.length)} to ${statusLabels[status]}`, { advance: status === 'resolved' || status === 'closed' });
}

function unreadOfDetail(id: string): boolean | undefined {
  const detail = useDetail.getState().detail;
  return detail?.id === id ? detail.unread : undefined;
}

/** u: marks unread, or read again when every target already is unread. */
export function toggleUnread(ids = actionTargets()): Promise<boolean> {
  const { items } = useList.getState();
  const allUnread = ids.length > 0 && ids.every((id) => items.find((i) => i.id === id)?.unread ?? unreadOfDetail(id));
  return allUnread
    ? applyChange(ids, { unread: false }, `Marked ${subject(ids.length)} as read`)
    : applyChange(ids, { unread: true }, `Marked ${subject(ids.length)} as unread`);
}

export function addTag(name: string, ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { addTags: [name] }, `Tagged ${subject(ids.length)} “${name}”`);
}

export function removeTag(name: string, ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { removeTags: [name] }, `Removed “${name}” from ${subject(ids.length)}`);
}

export function overrideSentiment(sentiment: Sentiment, ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { sentiment }, `Marked ${subject(ids.length)} ${sentimentLabels[sentiment].toLowerCase()}`);
}

export function assign(assignee: string | null, ids = actionTargets()): Promise<boolean> {
  return applyChange(ids, { assignee }, assignee === null ? `Unassigned ${subject(ids.length)}` : `Assigned ${subject(ids.length)} to ${assignee}`);
}
