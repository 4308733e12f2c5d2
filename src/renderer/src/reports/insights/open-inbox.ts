/** Every drill-down of the reports lands the same way: the inbox, filtered to the items behind the figure. */
import type { FeedbackFilter } from '../../../../shared/contract';
import { useQuery } from '../../inbox/state/query';
import { useWorkspace } from '../../stores/workspace';
import { drillFilter } from '../model-insights';

export function openInboxWith(filter: FeedbackFilter): void {
  useQuery.getState().filterChanged(filter);
  useWorkspace.getState().pageOpened('inbox');
}

export function openDrill(drill: Record<string, unknown>): void {
  openInboxWith(drillFilter(drill));
}
