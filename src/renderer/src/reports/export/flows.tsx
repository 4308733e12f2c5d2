/**
 * Writing exports from the window: the report (HTML, PDF, XLSX, CSV tables) and the
 * per-conversation rows of a filter (CSV, XLSX, JSON Lines). The core opens the save
 * dialog itself; a cancelled dialog says nothing. Rows stream progress into one
 * notification that ends as "Saved <file>".
 */
import { Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileExport } from '@tabler/icons-react';
import type { EventPayload, FeedbackFilter } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ReportFormat, ReportScopeInput, RowFormat } from '../../../../shared/reports/schema';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure } from '../../common/notify';
import { countText } from '../model-insights';
import type { TimeBasis } from '../state';

export const reportFormatNames: Record<ReportFormat, string> = {
  pdf: 'Report as PDF',
  html: 'Report as HTML',
  xlsx: 'Report as Excel (XLSX)',
  csv: 'Report tables as CSV',
};

export const rowFormatNames: Record<RowFormat, string> = { csv: 'CSV', xlsx: 'Excel (XLSX)', jsonl: 'JSON Lines' };

let counter = 0;

function saved(id: string, title: string, line: string): void {
  notifications.update({
    id,
    title,
    message: (
      <Text size="sm" data-testid="export-saved" style={{ overflowWrap: 'anywhere' }}>
        {line}
      </Text>
    ),
    loading: false,
    color: 'teal',
    icon: <IconCheck size={16} />,
    autoClose: 8000,
    withCloseButton: true,
  });
}

/** Retrying cannot make a printer appear: that failure offers none. */
function failed(id: string, error: ErrorInfo, what: string, retry: () => void): void {
  notifications.hide(id);
  notifyFailure(error, what, error.code === 'PRINT_UNAVAILABLE' ? undefined : retry);
}

/** Writes the report for `scope` in `format`, times shown first in `basis`; the core asks where (a folder for CSV). */
export async function exportReport(scope: ReportScopeInput, format: ReportFormat, basis?: TimeBasis): Promise<void> {
  const what = `Exporting the ${format.toUpperCase()} report`;
  const id = `report-export-${++counter}`;
  notifications.show({ id, title: reportFormatNames[format], message: 'Writing the report…', loading: true, autoClose: false, withCloseButton: false });
  try {
    const { fileName, files } = await call('reports.export', { scope, format, ...(basis ? { basis } : {}) });
    if (fileName === null) {
      notifications.hide(id);
      return;
    }
    const line = format === 'csv' && files.length > 1 ? `Saved ${countText(files.length)} tables in ${fileName}` : `Saved ${fileName}`;
    saved(id, reportFormatNames[format], line);
  } catch (error) {
    failed(id, toErrorInfo(error), what, () => void exportReport(scope, format, basis));
  }
}

function progressBody(p: EventPayload<'export.progress'>) {
  const percent = p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
  return (
    <Stack gap={6} data-testid="export-progress">
      <Text size="sm">
        {countText(p.done)} of {countText(p.total)} conversations
      </Text>
      <Progress value={percent} size="sm" aria-label="Export progress" />
    </Stack>
  );
}

/**
 * The per-conversation rows `filter` selects. Progress events carry a job id the answer
 * does not, so the first job that reports while this call is out is taken as its own.
 */
export async function exportRows(filter: FeedbackFilter, format: RowFormat, title = `Conversations as ${rowFormatNames[format]}`): Promise<void> {
  const id = `rows-export-${++counter}`;
  let jobId: string | null = null;
  const off = onEvent('export.progress', (p) => {
    jobId ??= p.jobId;
    if (p.jobId !== jobId || p.state !== 'running') return;
    notifications.update({ id, title, message: progressBody(p), loading: true, color: 'blue', icon: <IconFileExport size={16} />, autoClose: false, withCloseButton: false });
  });
  notifications.show({ id, title, message: 'Choose where to save…', loading: true, autoClose: false, withCloseButton: false });
  try {
    const { fileName, count } = await call('export.rows', { filter, format });
    if (fileName === null) notifications.hide(id);
    else saved(id, title, `Saved ${fileName} · ${countText(count)} ${count === 1 ? 'conversation' : 'conversations'}`);
  } catch (error) {
    failed(id, toErrorInfo(error), 'Exporting the conversations', () => void exportRows(filter, format, title));
  } finally {
    off();
  }
}
