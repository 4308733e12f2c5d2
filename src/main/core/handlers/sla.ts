/** SLA settings, holidays from an .ics file, and the due-soon / breached figures. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { holidaysFromICal } from '../../../shared/escalation/ical';
import type { Holiday } from '../../../shared/escalation/schema';
import { HearkenError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { FileGrants } from '../grants';
import { addHolidays, loadSlaSettings, saveSlaSettings, slaCounts } from '../store/sla-repo';
import type { CoreDialogs } from '../types';
import { refreshStore } from './refresh';
import { defineHandlers, mutation, prepare, query, type Definition } from './define';

const MAX_ICS = 10 * 1024 * 1024;
const ICS_FILTERS = [{ name: 'iCalendar', extensions: ['ics'] }];

/** Open items' deadlines worked out again after the settings changed (resolved and closed have none). */
async function reclock(ctx: CoreContext): Promise<void> {
  const done = await refreshStore(ctx, 'open');
  if (!done) return;
  ctx.emit('sla.changed', {});
  ctx.emit('feedback.changed', { reason: 'sla', ...(done.changed.length <= 200 ? { ids: done.changed } : {}) });
}

function thenReclock<I, O>(ctx: CoreContext, definition: Definition<I, O>, changed: (result: O) => boolean): Definition<I, O> {
  return {
    bind: (core, channel) => {
      const run = definition.bind(core, channel);
      return async (input, meta) => {
        const result = await run(input, meta);
        if (changed(result)) await reclock(ctx);
        return result;
      };
    },
  };
}

async function readIcs(path: string, now: number): Promise<{ fileName: string; holidays: Holiday[]; skipped: number }> {
  const fileName = basename(path);
  let text: string;
  try {
    if ((await stat(path)).size > MAX_ICS) throw new HearkenError('VALIDATION', `${fileName} is larger than 10 MB; a holiday calendar is much smaller. Check that this is the right file.`);
    text = (await readFile(path)).toString('utf8');
  } catch (error) {
    if (error instanceof HearkenError) throw error;
    throw new HearkenError('NOT_FOUND', `Could not read ${fileName}.`);
  }
  const { holidays, skipped } = holidaysFromICal(text, now);
  return { fileName, holidays, skipped };
}

export function slaHandlers(ctx: CoreContext, grants: FileGrants, dialogs: CoreDialogs | undefined) {
  return defineHandlers(ctx, {
    'sla.get': query((db) => loadSlaSettings(db)),
    'sla.save': thenReclock(
      ctx,
      mutation((db, settings, { at }) => ({ result: saveSlaSettings(db, settings, at), audit: { action: 'sla.saved', detail: { timeZone: settings.calendar.timeZone } } })),
      () => true,
    ),
    'sla.importHolidays': thenReclock(
      ctx,
      prepare(
        async ({ grant }) => {
          let path: string | null;
          if (grant !== undefined) path = grants.path(grant, 'read');
          else {
            if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
            path = await dialogs.chooseOpenFile({ title: 'Import holidays', filters: ICS_FILTERS });
          }
          return path ? await readIcs(path, ctx.now()) : null;
        },
        mutation((db, chosen: { fileName: string; holidays: Holiday[]; skipped: number } | null, { at }) => {
          if (!chosen) return { result: { fileName: null, added: 0, skipped: 0 } };
          const { added } = addHolidays(db, chosen.holidays, at);
          return {
            result: { fileName: chosen.fileName, added, skipped: chosen.skipped },
            audit: { action: 'sla.holidaysImported', detail: { file: chosen.fileName, added, skipped: chosen.skipped } },
          };
        }),
      ),
      (r) => r.added > 0,
    ),
    'sla.summary': query((db, _input, { at }) => slaCounts(db, at)),
  });
}
