/**
 * Export, from the Reports view: the report in four formats, the conversations behind it
 * as rows, and the scheduled exports. Holds the schedule dialog, so the screen places one
 * component.
 */
import { Button, Menu } from '@mantine/core';
import { IconCalendarTime, IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText, IconFileTypeCsv, IconFileTypeHtml, IconFileTypePdf, IconTable } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ReportFormat, ReportScopeInput, RowFormat } from '../../../../shared/reports/schema';
import { drillFilter } from '../model-insights';
import { ScheduleDialog } from '../schedule/ScheduleDialog';
import { openSchedule } from '../schedule/flows';
import { useReports } from '../state';
import { exportReport, exportRows, reportFormatNames, rowFormatNames } from './flows';

const reportItems: { format: ReportFormat; icon: ReactNode; label: string }[] = [
  { format: 'pdf', icon: <IconFileTypePdf size={16} />, label: reportFormatNames.pdf },
  { format: 'html', icon: <IconFileTypeHtml size={16} />, label: reportFormatNames.html },
  { format: 'xlsx', icon: <IconFileSpreadsheet size={16} />, label: reportFormatNames.xlsx },
  { format: 'csv', icon: <IconFileTypeCsv size={16} />, label: `${reportFormatNames.csv} (folder)…` },
];

const rowItems: { format: RowFormat; icon: ReactNode }[] = [
  { format: 'csv', icon: <IconTable size={16} /> },
  { format: 'xlsx', icon: <IconFileSpreadsheet size={16} /> },
  { format: 'jsonl', icon: <IconFileText size={16} /> },
];

/** The scope the report on screen was run for (the store's, else the report's own). */
function currentScope(): ReportScopeInput | null {
  const { scope, report } = useReports.getState();
  return scope ?? report?.scope ?? null;
}

export function ExportMenu() {
  const report = useReports((s) => s.report);
  const disabled = report === null;
  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="export-menu">
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="export-menu-dropdown">
          <Menu.Label>This report</Menu.Label>
          {reportItems.map((item) => (
            <Menu.Item
              key={item.format}
              leftSection={item.icon}
              disabled={disabled}
              onClick={() => {
                const scope = currentScope();
                if (scope) void exportReport(scope, item.format, useReports.getState().timeBasis);
              }}
              data-testid={`export-report-${item.format}`}
            >
              {item.format === 'csv' ? item.label : `${item.label}…`}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>Its conversations, one row each</Menu.Label>
          {rowItems.map((item) => (
            <Menu.Item
              key={item.format}
              leftSection={item.icon}
              disabled={disabled}
              onClick={() => {
                const current = useReports.getState().report;
                if (current) void exportRows(drillFilter(current.primary.drill), item.format);
              }}
              data-testid={`export-rows-${item.format}`}
            >
              Conversations as {rowFormatNames[item.format]}…
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconCalendarTime size={16} />} onClick={() => void openSchedule()} data-testid="export-schedule">
            Scheduled exports…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ScheduleDialog />
    </>
  );
}
