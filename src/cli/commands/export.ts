/**
 * `hearken export`: one row per conversation of a view (default: every item) as CSV, XLSX
 * or JSON lines, written by the core's export job; progress on stderr at a terminal.
 */
import { extname, resolve } from 'node:path';
import type { FeedbackFilter } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';
import { rowFormats, type RowFormat } from '../../shared/reports/schema';
import { printJson } from '../output';
import type { CliSession } from '../session';
import { usageError } from './report';

export interface ExportOptions {
  view?: string;
  format?: string;
  out: string;
  json?: boolean;
  progress?: boolean;
}

export function planExport(opts: ExportOptions): { format: RowFormat; out: string } {
  const out = resolve(opts.out);
  const format = opts.format ?? extname(out).slice(1).toLowerCase();
  if (!(rowFormats as readonly string[]).includes(format)) {
    throw usageError(opts.format === undefined ? 'Say which format to write with --format csv, xlsx or jsonl.' : `--format must be one of ${rowFormats.join(', ')}; not "${opts.format}".`);
  }
  return { format: format as RowFormat, out };
}

export async function exportRows(session: CliSession, plan: { format: RowFormat; out: string }, opts: ExportOptions): Promise<void> {
  await session.unlock();
  let viewName = 'All feedback';
  let filter: FeedbackFilter = {};
  if (opts.view !== undefined) {
    const views = await session.call('views.list', {});
    const wanted = opts.view.trim().toLowerCase();
    const view = views.find((v) => v.id === opts.view) ?? views.find((v) => v.builtIn && v.id === `builtin:${wanted}`) ?? views.find((v) => v.name.toLowerCase() === wanted);
    if (!view) throw new HearkenError('NOT_FOUND', `No view is called "${opts.view}". Views: ${views.map((v) => v.name).join(', ')}.`);
    viewName = view.name;
    filter = view.filter;
  }
  const showProgress = opts.progress === true || process.stderr.isTTY;
  const stop = showProgress
    ? session.core.onEvent((name, payload) => {
        if (name !== 'export.progress') return;
        const p = payload as { done: number; total: number; state: string };
        if (p.state === 'running') process.stderr.write(`\r${p.done} of ${p.total} conversations`);
      })
    : () => undefined;
  let result: { fileName: string | null; count: number };
  try {
    result = await session.call('export.rows', { filter, format: plan.format, grant: await session.grant(plan.out, 'write') });
  } finally {
    stop();
    if (showProgress) process.stderr.write('\n');
  }
  if (opts.json) printJson({ path: plan.out, view: viewName, format: plan.format, count: result.count });
  else process.stdout.write(`Wrote ${result.count} conversations (${viewName}) to ${plan.out}.\n`);
}
