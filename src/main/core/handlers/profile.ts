/** The agent's own settings: the name replies are signed with. */
import type { CoreContext } from '../context';
import { agentName, saveAgentName } from '../store/replies-repo';
import { defineHandlers, mutation, query } from './define';

export function profileHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'profile.get': query((db) => ({ agentName: agentName(db) })),
    // The agent's own name is not a customer's case: stored, not audited.
    'profile.save': mutation((db, { agentName: name }, { at }) => ({ result: { agentName: saveAgentName(db, name, at) } })),
  });
}
