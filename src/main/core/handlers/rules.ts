/**
 * Routing rules. Every save, delete or move works the whole store out again (derived.ts
 * refreshAllInSteps through refresh.ts, in short batches once the rule change has committed;
 * other calls are answered between batches), so counts, flags and
 * the Flagged view are the matches now.
 */
import type { Rule } from '../../../shared/escalation/schema';
import type { CoreContext } from '../context';
import { previewRule } from '../store/derived';
import { summariesByIds } from '../store/feedback-repo';
import { deleteRule, getRule, listRules, moveRule, restoreDefaultRules, ruleLikeOf, saveRule } from '../store/rules-repo';
import { refreshStore } from './refresh';
import { defineHandlers, mutation, query, type Definition, type Emitted } from './define';

const RULES_CHANGED: Emitted = ['rules.changed', {}];

/** Every item worked out again after a committed rule change, then the windows told. */
export async function reevaluateAll(ctx: CoreContext): Promise<void> {
  const done = await refreshStore(ctx, 'all');
  // Ended by a newer run (which announces its own changes), a lock or a close.
  if (!done) return;
  ctx.emit('feedback.changed', { reason: 'rules', ...(done.changed.length <= 200 ? { ids: done.changed } : {}) });
  if (done.autoEscalated > 0) ctx.emit('escalations.changed', {});
}

function thenRefresh<I, O>(ctx: CoreContext, definition: Definition<I, O>, changed: (result: O) => boolean): Definition<I, O> {
  return {
    bind: (core, channel) => {
      const run = definition.bind(core, channel);
      return async (input, meta) => {
        const result = await run(input, meta);
        if (changed(result)) await reevaluateAll(ctx);
        return result;
      };
    },
  };
}

/** A saved rule answers with its match count after the store was worked out again. */
function withMatches(ctx: CoreContext, definition: Definition<Parameters<typeof saveRule>[1], Rule>): Definition<Parameters<typeof saveRule>[1], Rule> {
  const refreshed = thenRefresh(ctx, definition, () => true);
  return {
    bind: (core, channel) => {
      const run = refreshed.bind(core, channel);
      return async (input, meta) => {
        const rule = await run(input, meta);
        return (ctx.db && getRule(ctx.db, rule.id)) || rule;
      };
    },
  };
}

export function ruleHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'rules.list': query((db) => ({ rules: listRules(db) })),
    'rules.save': withMatches(
      ctx,
      mutation((db, input, { at }) => {
        const rule = saveRule(db, input, at);
        return {
          result: rule,
          audit: { action: input.id ? 'rule.updated' : 'rule.created', entityType: 'rule', entityId: rule.id, detail: { name: rule.name, enabled: rule.enabled } },
          emit: RULES_CHANGED,
        };
      }),
    ),
    'rules.delete': thenRefresh(
      ctx,
      mutation((db, { id }) =>
        deleteRule(db, id) ? { result: { deleted: true }, audit: { action: 'rule.deleted', entityType: 'rule', entityId: id }, emit: RULES_CHANGED } : { result: { deleted: false } },
      ),
      (r) => r.deleted,
    ),
    'rules.move': thenRefresh(
      ctx,
      mutation((db, { id, position }) =>
        moveRule(db, id, position)
          ? { result: { moved: true }, audit: { action: 'rule.moved', entityType: 'rule', entityId: id, detail: { position } }, emit: RULES_CHANGED }
          : { result: { moved: false } },
      ),
      (r) => r.moved,
    ),
    'rules.preview': query((db, { rule, limit }, { at }) => {
      const found = previewRule(db, ruleLikeOf(rule), limit, at);
      return { count: found.count, items: summariesByIds(db, found.ids, at) };
    }),
    'rules.restoreDefaults': thenRefresh(
      ctx,
      mutation((db, _input, { at }) => {
        const result = restoreDefaultRules(db, at);
        return { result, audit: { action: 'rules.restored', detail: result }, emit: result.added > 0 ? [RULES_CHANGED, ['escalations.changed', {}]] : null };
      }),
      (r) => r.added > 0,
    ),
  });
}
