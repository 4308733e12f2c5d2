/** Team-lead reports: the figures for a period and its comparison. */
import type { CoreContext } from '../context';
import { buildReport } from '../reports/build';
import { fillReportTimesOnce } from '../store/report-times';
import { defineHandlers, query, type Definition } from './define';

/** Runs after the store's report times are all worked out (a store just migrated to them fills them once). */
function afterReportTimes<I, O>(ctx: CoreContext, definition: Definition<I, O>): Definition<I, O> {
  return {
    bind: (core, channel) => {
      const run = definition.bind(core, channel);
      return async (input, meta) => {
        const db = ctx.db;
        if (db) await fillReportTimesOnce(db, ctx.now, () => ctx.db === db);
        return run(input, meta);
      };
    },
  };
}

export function reportHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'reports.run': afterReportTimes(
      ctx,
      query((db, scope, call) => buildReport(db, scope, call.at)),
    ),
  });
}
