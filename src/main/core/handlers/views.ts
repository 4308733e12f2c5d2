import type { CoreContext } from '../context';
import { deleteView, listViews, saveView } from '../store/views-repo';
import { defineHandlers, deleted, mutation, query, saved, type Emitted } from './define';

const VIEWS_CHANGED: Emitted = ['views.changed', {}];

export function viewHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'views.list': query((db, _input, { at }) => listViews(db, at)),
    'views.save': mutation((db, input, { at }) => saved('view', input, saveView(db, input, at), VIEWS_CHANGED)),
    'views.delete': mutation((db, { id }) => deleted('view', id, deleteView(db, id), VIEWS_CHANGED)),
  });
}
