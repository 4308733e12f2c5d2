/** The editable topic taxonomy. New items use it at once; stored items when re-analysed. */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { deleteTopic, listTopics, restoreDefaultTopics, saveTopic } from '../store/taxonomy-repo';
import { defineHandlers, deleted, mutation, query, saved, type Emitted } from './define';

const TAXONOMY_CHANGED: Emitted = ['taxonomy.changed', {}];

export function taxonomyHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'taxonomy.list': query((db) => ({ topics: listTopics(db), starter: null })),
    'taxonomy.starters': query(() => ({ starters: [] })),
    'taxonomy.applyStarter': query((): never => {
      throw new HearkenError('INTERNAL', 'Starter taxonomies are being built.');
    }),
    'taxonomy.save': mutation((db, input, { at }) => saved('topic', input, saveTopic(db, input, at), TAXONOMY_CHANGED)),
    'taxonomy.delete': mutation((db, { id }) => deleted('topic', id, deleteTopic(db, id), TAXONOMY_CHANGED)),
    'taxonomy.restoreDefaults': mutation((db, _input, { at }) => {
      const result = restoreDefaultTopics(db, at);
      return { result, audit: { action: 'topics.restored', detail: result }, emit: TAXONOMY_CHANGED };
    }),
  });
}
