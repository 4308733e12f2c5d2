/**
 * Follows the core's pushes: changes made here, in another window, by an import or by the
 * CLI all arrive as feedback.changed. Bursts are folded into one refresh.
 */
import { onEvent } from '../../api';
import { useDetail } from '../state/detail';
import { detailsForgotten } from '../state/detail-cache';
import { refreshDetail } from './detail';
import { refreshList } from './list';
import { loadFacets, loadViews } from './views';
import { followEscalations } from '../../escalation/flows';

const settleMs = 60;
/**
 * Facets (filter suggestions: products, languages, tag counts, assignees) cost a scan of
 * the tag index, over a second at a million items, on the core's thread. New values come
 * with imports, so those reload them at once; agent actions only nudge tag counts, so
 * those reload them at most this often.
 */
const facetsAfterActionsMs = 30_000;
/** Due soon and Breached move with the clock, not only with changes: their counts are read again this often. */
const countsEveryMs = 60_000;

export function followCoreChanges(): () => void {
  let timer: number | undefined;
  let detailStale = false;

  // One refresh at a time: during an import, changes arrive faster than a busy core answers,
  // and a refresh superseded by the next would never land. Changes meanwhile fold into one more.
  let inFlight = false;
  let again = false;
  let facetsDue = false;
  let facetsLoadedAt = 0;

  const refresh = (): void => {
    timer = undefined;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const work: Promise<void>[] = [refreshList(), loadViews()];
    if (facetsDue || Date.now() - facetsLoadedAt >= facetsAfterActionsMs) {
      facetsDue = false;
      facetsLoadedAt = Date.now();
      work.push(loadFacets());
    }
    if (detailStale) {
      detailStale = false;
      work.push(refreshDetail());
    }
    void Promise.allSettled(work).then(() => {
      inFlight = false;
      if (again) {
        again = false;
        refresh();
      }
    });
  };

  const offFeedback = onEvent('feedback.changed', ({ ids, reason }) => {
    // Whatever changed is read again when opened, not shown from what was read ahead.
    detailsForgotten(ids);
    // A read flag was set here already; only the unread counts in the nav move.
    if (reason === 'read') {
      void loadViews();
      return;
    }
    if (reason === 'import' || reason === 'demo' || reason === 'analysis') facetsDue = true;
    const open = useDetail.getState().openId;
    if (open !== null && (ids === undefined || ids.includes(open))) detailStale = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, settleMs);
  });
  const offViews = onEvent('views.changed', () => void loadViews());
  const offEscalations = followEscalations();
  const counts = window.setInterval(() => {
    if (document.visibilityState !== 'hidden') void loadViews();
  }, countsEveryMs);

  return () => {
    window.clearTimeout(timer);
    window.clearInterval(counts);
    offFeedback();
    offViews();
    offEscalations();
  };
}
