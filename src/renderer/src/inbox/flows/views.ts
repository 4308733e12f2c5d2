/** Views and facets: loading them, opening one, and saving, renaming or deleting a saved view. */
import type { View } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { useDetail } from '../state/detail';
import { startViewId, useQuery } from '../state/query';
import { useSelection } from '../state/selection';
import { useViews } from '../state/views';
import { useWorkspace } from '../../stores/workspace';

export async function loadViews(): Promise<void> {
  try {
    const views = await call('views.list', {});
    useViews.getState().viewsLoaded(views);
    // A remembered saved view can only be opened once its filter is known.
    const { viewId } = useQuery.getState();
    const current = views.find((v) => v.id === viewId);
    if (!current) {
      const fallback = views.find((v) => v.id === startViewId);
      if (fallback) openView(fallback);
    } else if (!useQuery.getState().viewResolved) {
      openView(current);
    }
  } catch (error) {
    useViews.getState().viewsFailed(toErrorInfo(error));
  }
}

export async function loadFacets(): Promise<void> {
  try {
    useViews.getState().facetsLoaded(await call('feedback.facets', {}));
  } catch {
    // Facets only feed suggestions; the pickers still accept typed values without them.
  }
}

export function openView(view: Pick<View, 'id' | 'filter'>): void {
  useWorkspace.getState().pageOpened('inbox');
  useSelection.getState().viewChanged();
  useQuery.getState().viewOpened(view);
}

export function openViewById(id: string): void {
  const view = useViews.getState().views?.find((v) => v.id === id);
  if (view) openView(view);
}

/** Saves what is on screen (filters and search) under a name, and switches to it. */
export async function saveCurrentAsView(name: string): Promise<View> {
  const view = await call('views.save', { name, filter: useQuery.getState().filter });
  await loadViews();
  useQuery.getState().viewOpened(view);
  return view;
}

export async function renameView(view: View, name: string): Promise<void> {
  await call('views.save', { id: view.id, name, filter: view.filter });
  await loadViews();
}

/** Replaces a saved view's filter with what is on screen now. */
export async function updateViewFilter(view: View): Promise<void> {
  const filter = useQuery.getState().filter;
  const saved = await call('views.save', { id: view.id, name: view.name, filter });
  await loadViews();
  if (useQuery.getState().viewId === view.id) useQuery.getState().viewOpened(saved);
}

export async function deleteView(view: View): Promise<void> {
  await call('views.delete', { id: view.id });
  if (useQuery.getState().viewId === view.id) {
    useDetail.getState().detailClosed();
    openViewById('builtin:inbox');
  }
  await loadViews();
}
