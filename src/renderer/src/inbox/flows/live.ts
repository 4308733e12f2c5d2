/**
 * Follows the core's pushes: changes made here, in another window, by an import or by the
 * CLI all arrive as feedback.changed. Bursts are folded into one refresh.
 */
import { onEvent } from '../../api';
import { useDetail } from '../state/detail';
import { refreshDetail } from './detail';
import { refreshList } from './list';
import { loadFacets, loadViews } from './views';

const settleMs = 60;

export function followCoreChanges(): () => void {
  let timer: number | undefined;
  let detailStale = false;

  const refresh = (): void => {
    timer = undefined;
    void refreshList();
    void loadViews();
    void loadFacets();
    if (detailStale) {
      detailStale = false;
      void refreshDetail();
    }
  };

  const offFeedback = onEvent('feedback.changed', ({ ids, reason }) => {
    // A read flag was set here already; only the unread counts in the nav move.
    if (reason === 'read') {
      void loadViews();
      return;
    }
    const open = useDetail.getState().openId;
    if (open !== null && (ids === undefined || ids.includes(open))) detailStale = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, settleMs);
  });
  const offViews = onEvent('views.changed', () => void loadViews());

  return () => {
    window.clearTimeout(timer);
    offFeedback();
    offViews();
  };
}
