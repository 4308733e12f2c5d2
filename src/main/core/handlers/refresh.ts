/**
 * Whole-store runs of the derived values (rule matches, SLA deadlines) after a rule or SLA
 * change, or when a store first gets the shipped rules. They run in steps on the core's
 * thread (derived.ts refreshAllInSteps), so other calls are answered between batches; a
 * newer run that covers the same items ends an older one, as do a lock and a close.
 */
import type { CoreContext } from '../context';
import { log } from '../log';
import { refreshAllInSteps, type RefreshOutcome } from '../store/derived';

/** 'all': every item (rules changed); 'open': items not resolved or closed (SLA settings changed). */
export type RefreshScope = 'all' | 'open';

interface Runs {
  next: number;
  latestAll: number;
  latestOpen: number;
}
const runsOf = new WeakMap<CoreContext, Runs>();

export async function refreshStore(ctx: CoreContext, scope: RefreshScope): Promise<(RefreshOutcome & { items: number; ms: number }) | null> {
  const db = ctx.db;
  if (!db) return null;
  let runs = runsOf.get(ctx);
  if (!runs) runsOf.set(ctx, (runs = { next: 0, latestAll: 0, latestOpen: 0 }));
  const mine = ++runs.next;
  if (scope === 'all') runs.latestAll = mine;
  else runs.latestOpen = mine;
  const state = runs;
  // A whole-store run covers an open-items run; an open-items run does not cover a whole one.
  const stillWanted = (): boolean => ctx.db === db && (scope === 'all' ? state.latestAll === mine : state.latestOpen === mine && state.latestAll < mine);
  const done = await refreshAllInSteps(db, ctx.now, stillWanted, scope === 'open' ? { where: "f.status NOT IN ('resolved', 'closed')" } : {});
  if (done) log.info('derived values worked out again', { scope, items: done.items, changed: done.changed.length, ms: done.ms });
  return done;
}
