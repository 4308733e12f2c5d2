/** The editable topic taxonomy. New items use it at once; stored items when re-analysed. */
import { starterInfos } from '../analysis/taxonomies/starters';
import type { CoreContext } from '../context';
import { applyStarter, chosenStarter, deleteTopic, listTopics, restoreDefaultTopics, saveTopic } from '../store/taxonomy-repo';
import { defineHandlers, deleted, mutation, query, saved, type Emitted } from './define';

const TAXONOMY_CHANGED: Emitted = ['taxonomy.changed', {}];

export function taxonomyHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'taxonomy.list': query((db) => ({ topics: listTopics(db), starter: chosenStarter(db) })),
    'taxonomy.starters': query(() => ({ starters: starterInfos() })),
    'taxonomy.applyStarter': mutation((db, { starter, mode }, { at }) => {
      const result = applyStarter(db, starter, mode, at);
      return { result, audit: { action: 'topics.starterApplied', detail: result }, emit: TAXONOMY_CHANGED };
    }),
    'taxonomy.save': mutation((db, input, { at }) => saved('topic', input, saveTopic(db, input, at), TAXONOMY_CHANGED)),
    'taxonomy.delete': mutation((db, { id }) => deleted('topic', id, deleteTopic(db, id), TAXONOMY_CHANGED)),
    'taxonomy.restoreDefaults': mutation((db, _input, { at }) => {
      const result = restoreDefaultTopics(db, at);
      return { result, audit: { action: 'topics.restored', detail: result }, emit: TAXONOMY_CHANGED };
    }),
  });
}
