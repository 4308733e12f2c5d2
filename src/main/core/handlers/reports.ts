/** Team-lead reports: the figures for a period and its comparison. */
import type { CoreContext } from '../context';
import { buildReport } from '../reports/build';
import { defineHandlers, query } from './define';

export function reportHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'reports.run': query((db, scope, call) => buildReport(db, scope, call.at)),
  });
}
