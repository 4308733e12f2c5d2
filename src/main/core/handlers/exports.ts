/** Exports: a report as HTML, PDF, XLSX or CSV; per-conversation rows; scheduled exports. */
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { FileGrants } from '../grants';
import type { JobService } from '../jobs/service';
import type { CoreDialogs } from '../types';
import { defineHandlers, query } from './define';

const notYet = (): never => {
  throw new HearkenError('INTERNAL', 'Exports are being built.');
};

export function exportHandlers(ctx: CoreContext, jobs: JobService, grants: FileGrants, dialogs: CoreDialogs | undefined) {
  void jobs;
  void grants;
  void dialogs;
  return defineHandlers(ctx, {
    'reports.export': query(notYet),
    'export.rows': query(notYet),
    'reports.schedule.get': query(notYet),
    'reports.schedule.save': query(notYet),
    'reports.schedule.chooseFolder': query(notYet),
    'reports.schedule.runNow': query(notYet),
  });
}
