/** Team-lead reports: the figures for a period and its comparison. */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { defineHandlers, query } from './define';

export function reportHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'reports.run': query(() => {
      throw new HearkenError('INTERNAL', 'Reports are being built.');
    }),
  });
}
