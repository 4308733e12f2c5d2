/** "Suggest topics": runs discovery as a job, lists its proposals, accepts or rejects one. */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { defineHandlers, query } from './define';

const pending = (): never => {
  throw new HearkenError('INTERNAL', 'Topic discovery is being built.');
};

export function topicDiscoveryHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'topics.suggest': query(pending),
    'topics.proposals': query(pending),
    'topics.accept': query(pending),
    'topics.reject': query(pending),
  });
}
