/** Running a report for the scope bar's choice, and opening the inbox behind a figure. */
import type { FeedbackFilter } from '../../../shared/contract';
import { call, toErrorInfo } from '../api';
import { useQuery } from '../inbox/state/query';
import { useWorkspace } from '../stores/workspace';
import { scopeOf, type ScopeChoice } from './model/scope';
import { useReports } from './state';

function localZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Runs the report for a choice; a newer choice made meanwhile wins (generation counter). */
export async function runReport(choice: ScopeChoice = useReports.getState().choice): Promise<void> {
  const store = useReports.getState();
  store.choiceMade(choice);
  const scope = scopeOf(choice, Date.now(), localZone());
  const generation = store.scopeChanged(scope);
  try {
    const report = await call('reports.run', scope);
    useReports.getState().reportLoaded(generation, report);
  } catch (error) {
    useReports.getState().reportFailed(generation, toErrorInfo(error));
  }
}

/** The inbox, narrowed to the items behind what was clicked. */
export function drillDown(filter: FeedbackFilter, customer?: { id: string; name: string }): void {
  const query = useQuery.getState();
  if (customer) {
    const rest = { ...filter };
    delete rest.customerId;
    query.filterChanged(rest);
    useQuery.getState().customerFiltered(customer);
  } else {
    query.filterChanged(filter);
  }
  useWorkspace.getState().pageOpened('inbox');
}
