/** Step three: what the import did, each problem row with its line, and the report as CSV. */
import { Alert, Badge, Button, Group, ScrollArea, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck, IconCopy, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import type { ImportProblem, ImportReport } from '../../../../shared/contract';
import { adviceFor } from '../../common/errors';
import { exportReport, finish, showImported } from '../flows';
import { count, durationLabel, fileNameOf, formatLabels, importTitle, plural, rateLabel, reportSentence } from '../model/wording';
import { useImport, type ImportStage } from '../state';
import { Counts } from './Counts';
import classes from '../import.module.css';

type Finished = Extract<ImportStage, { name: 'finished' }>;

/** Rows drawn at most; the rest is in the exported CSV. */
const shownProblems = 200;

const problemKinds: Record<ImportProblem['kind'], { label: string; color: string }> = {
  failed: { label: 'Not imported', color: 'red' },
  duplicate: { label: 'Already in inbox', color: 'gray' },
  note: { label: 'Note', color: 'blue' },
  skipped: { label: 'Skipped', color: 'gray' },
};

function StatusIcon({ report }: { report: ImportReport }) {
  if (report.state === 'failed')
    return (
      <ThemeIcon size={40} radius="xl" color="red" variant="light">
        <IconAlertTriangle size={22} />
      </ThemeIcon>
    );
  if (report.state === 'cancelled')
    return (
      <ThemeIcon size={40} radius="xl" color="gray" variant="light">
        <IconBan size={22} />
      </ThemeIcon>
    );
  if (report.counts.imported === 0)
    return (
      <ThemeIcon size={40} radius="xl" color="indigo" variant="light">
        <IconCopy size={20} />
      </ThemeIcon>
    );
  return (
    <ThemeIcon size={40} radius="xl" color="teal" variant="light">
      <IconCircleCheck size={22} />
    </ThemeIcon>
  );
}

function Problems({ report }: { report: ImportReport }) {
  const listed = report.problems.slice(0, shownProblems);
  const more = report.problemsTotal - listed.length;
  return (
    <Stack gap={6} data-testid="import-problems">
      <Group justify="space-between">
        <Title order={3} size="sm" fw={650}>
          Rows to look at
        </Title>
        <Text size="xs" c="dimmed">
          {plural(report.problemsTotal, 'row')}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars className={classes.tableFrame}>
        <Table verticalSpacing={6} horizontalSpacing="md" stickyHeader layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={76}>Line</Table.Th>
              <Table.Th w={150}>Result</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {listed.map((problem, i) => (
              <Table.Tr key={`${problem.line}-${i}`} data-testid="import-problem" data-line={problem.line} data-kind={problem.kind}>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {problem.line > 0 ? count(problem.line) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" radius="sm" tt="none" fw={600} color={problemKinds[problem.kind].color}>
                    {problemKinds[problem.kind].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={problem.reason}>
                    {problem.reason.charAt(0).toUpperCase() + problem.reason.slice(1)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {more > 0 && (
        <Text size="xs" c="dimmed" data-testid="import-problems-more">
          and {plural(more, 'more row')}; export the report for the full list.
        </Text>
      )}
    </Stack>
  );
}

function ExportResult({ stage }: { stage: Finished }) {
  if (stage.exportError) {
    const advice = adviceFor(stage.exportError, 'Exporting the report');
    return (
      <Text size="xs" c="red.8" role="alert" data-testid="import-export-error">
        {advice.message}
      </Text>
    );
  }
  if (stage.exportedTo === null) return null;
  return (
    <Text size="xs" c="dimmed" truncate="start" maw={300} title={stage.exportedTo} role="status" data-testid="import-exported">
      Saved {fileNameOf(stage.exportedTo)}
    </Text>
  );
}

export function ReportStep({ stage }: { stage: Finished }) {
  const { report } = stage;
  const next = useImport((s) => s.queue[0] ?? null);
  const took = report.finishedAt !== null && report.startedAt > 0 ? report.finishedAt - report.startedAt : null;
  const meta = [
    formatLabels[report.format],
    took !== null ? `took ${durationLabel(took)}` : null,
    // A rate over a sub-second import measures start-up, not speed.
    took !== null && took >= 1000 && report.rowsPerS > 0 ? rateLabel(report.rowsPerS) : null,
  ].filter(Boolean);
  const errorAdvice = report.error ? adviceFor(report.error, 'The import') : null;

  return (
    <Stack gap="lg" data-testid="import-report" data-state={report.state}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <StatusIcon report={report} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" data-testid="import-report-title">
            {importTitle(report.state)}
          </Title>
          <Text size="md" data-testid="import-summary">
            {reportSentence(report)}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {report.fileName} · {meta.join(' · ')}
          </Text>
        </Stack>
      </Group>
      <Counts counts={report.counts} />
      {report.state === 'cancelled' && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />} data-testid="import-cancelled-note">
          The {plural(report.counts.imported, 'item')} imported before you cancelled stay in your inbox. Import the same file again to finish: rows already
          in your inbox are skipped.
        </Alert>
      )}
      {report.state === 'failed' && errorAdvice && (
        <Alert variant="light" color="red" icon={<IconAlertTriangle size={18} />} title="The import stopped" role="alert" data-testid="import-failed-note">
          {errorAdvice.message} {report.counts.imported > 0 ? 'Rows imported before the error stay; importing the file again skips them.' : ''}
        </Alert>
      )}
      {report.problemsTotal > 0 && <Problems report={report} />}
      <Group justify="space-between" wrap="nowrap" className={classes.footer}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => void exportReport()}
            loading={stage.exporting}
            data-testid="import-export"
          >
            Export report as CSV
          </Button>
          <ExportResult stage={stage} />
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {report.counts.imported > 0 && (
            <Button variant="default" onClick={showImported} data-testid="import-show">
              Show in All feedback
            </Button>
          )}
          <Button onClick={finish} data-testid="import-done" data-autofocus>
            {next ? `Next: ${next.name}` : 'Done'}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
