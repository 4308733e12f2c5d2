/** The editable topic taxonomy. New items use it at once; stored items when re-analysed. */
import type { Handlers } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import { recordAudit } from '../store/audit';
import { deleteTopic, listTopics, restoreDefaultTopics, saveTopic } from '../store/taxonomy-repo';

export function taxonomyHandlers(ctx: CoreContext): Pick<Handlers, 'taxonomy.list' | 'taxonomy.save' | 'taxonomy.delete' | 'taxonomy.restoreDefaults'> {
  const changed = (): void => ctx.emit('taxonomy.changed', {});
  return {
    'taxonomy.list': () => ({ topics: listTopics(requireDb(ctx)) }),
    'taxonomy.save': (input) => {
      const db = requireDb(ctx);
      const topic = saveTopic(db, input, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: input.id ? 'topic.updated' : 'topic.created', entityType: 'topic', entityId: topic.id, detail: { name: topic.name } });
      changed();
      return topic;
    },
    'taxonomy.delete': ({ id }) => {
      const db = requireDb(ctx);
      const deleted = deleteTopic(db, id);
      if (deleted) {
        recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'topic.deleted', entityType: 'topic', entityId: id });
        changed();
      }
      return { deleted };
    },
    'taxonomy.restoreDefaults': () => {
      const db = requireDb(ctx);
      const result = restoreDefaultTopics(db, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'topics.restored', detail: result });
      changed();
      return result;
    },
  };
}
