import type { Handlers } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import { recordAudit } from '../store/audit';
import { deleteView, listViews, saveView } from '../store/views-repo';

export function viewHandlers(ctx: CoreContext): Pick<Handlers, 'views.list' | 'views.save' | 'views.delete'> {
  return {
    'views.list': () => listViews(requireDb(ctx)),
    'views.save': (input) => {
      const db = requireDb(ctx);
      const view = saveView(db, input, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: input.id ? 'view.updated' : 'view.created', entityType: 'view', entityId: view.id, detail: { name: view.name } });
      ctx.emit('views.changed', {});
      return view;
    },
    'views.delete': ({ id }) => {
      const db = requireDb(ctx);
      const deleted = deleteView(db, id);
      if (deleted) {
        recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'view.deleted', entityType: 'view', entityId: id });
        ctx.emit('views.changed', {});
      }
      return { deleted };
    },
  };
}
