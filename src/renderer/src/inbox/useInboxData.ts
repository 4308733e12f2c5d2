/**
 * Starts the data the inbox needs and keeps the list in step with what is on screen. The
 * workspace holds it, not the inbox page: the nav's view counts show on every page, and the
 * list stays current while the agent edits templates or topics.
 */
import { useEffect } from 'react';
import { loadFirstPage, reloadList } from './flows/list';
import { followCoreChanges } from './flows/live';
import { followTemplateChanges } from './flows/replies';
import { loadFacets, loadViews } from './flows/views';
import { useQuery } from './state/query';

export function useInboxData(): void {
  useEffect(() => {
    // The core answers one call at a time, so the first page goes first: view counts and
    // facets scan far more rows and would otherwise hold back the first paint.
    const firstPage = loadFirstPage();
    void firstPage.finally(() => {
      void loadViews();
      void loadFacets();
    });
    const stopQuery = useQuery.subscribe((state, previous) => {
      if (!state.viewResolved) return;
      if (state.filter !== previous.filter || state.sort !== previous.sort || state.resetCount !== previous.resetCount) void reloadList();
    });
    const stopLive = followCoreChanges();
    const stopTemplates = followTemplateChanges();
    return () => {
      stopQuery();
      stopLive();
      stopTemplates();
    };
  }, []);
}
