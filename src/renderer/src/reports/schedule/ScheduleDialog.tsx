/**
 * Scheduled exports: a daily or weekly report written into a folder while the app runs.
 * Shows when it last ran (its files, or why it failed) and when it runs next.
 */
import { Alert, Button, Checkbox, Code, Group, Loader, Modal, Select, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconFolder } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { ReportSchedule } from '../../../../shared/reports/schema';
import { onEvent } from '../../api';
import { dateTimeLabel } from '../../format';
import { chooseFolder, refreshSchedule, runNow, saveSchedule } from './flows';
import { useSchedule } from './state';

type Format = ReportSchedule['formats'][number];

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
const formatChoices: { value: Format; label: string }[] = [
  { value: 'pdf', label: 'PDF' },
  { value: 'html', label: 'HTML' },
  { value: 'xlsx', label: 'Excel (XLSX)' },
  { value: 'csv', label: 'CSV tables' },
];

function LastRun() {
  const status = useSchedule((s) => s.status);
  if (status === null) return null;
  const { lastRun, nextRunAt } = status;
  return (
    <Stack gap={4} data-testid="schedule-runs">
      <Text size="sm" data-testid="schedule-next">
        <Text span c="dimmed" size="sm">
          Next run:{' '}
        </Text>
        {nextRunAt === null ? 'none yet: save with the schedule on and a folder chosen' : dateTimeLabel(nextRunAt)}
      </Text>
      <Text size="sm" data-testid="schedule-last">
        <Text span c="dimmed" size="sm">
          Last run:{' '}
        </Text>
        {lastRun === null ? 'never' : dateTimeLabel(lastRun.at)}
      </Text>
      {lastRun?.error && (
        <Text size="sm" c="red" role="alert" data-testid="schedule-last-error">
          {lastRun.error}
        </Text>
      )}
      {lastRun && lastRun.error === null && lastRun.files.length > 0 && (
        <Stack gap={0} data-testid="schedule-last-files">
          {lastRun.files.map((file) => (
            <Text key={file} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {file}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Form() {
  const draft = useSchedule((s) => s.draft)!;
  const status = useSchedule((s) => s.status)!;
  const busy = useSchedule((s) => s.busy);
  const edit = useSchedule.getState().draftEdited;
  const pdfAvailable = status.pdfAvailable;
  const toggleFormat = (format: Format, on: boolean): void => {
    const next = on ? [...draft.formats, format] : draft.formats.filter((f) => f !== format);
    edit({ formats: formatChoices.map((c) => c.value).filter((f) => next.includes(f)) });
  };
  const noFormat = draft.formats.filter((f) => f !== 'pdf' || pdfAvailable).length === 0 && !draft.includeRows;
  const noFolder = draft.folder === '';
  return (
    <Stack gap="md">
      <Switch
        label="Write reports on a schedule while Hearken runs"
        checked={draft.enabled}
        onChange={(e) => edit({ enabled: e.currentTarget.checked })}
        data-testid="schedule-enabled"
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={draft.cadence}
          onChange={(v) => edit({ cadence: v as ReportSchedule['cadence'] })}
          data={[
            { value: 'daily', label: 'Daily' },
            { value: 'weekly', label: 'Weekly' },
          ]}
          aria-label="How often"
          data-testid="schedule-cadence"
        />
        {draft.cadence === 'weekly' && (
          <Select
            label="On"
            w={150}
            data={weekdays.map((label, i) => ({ value: String(i + 1), label }))}
            value={String(draft.weekday)}
            onChange={(v) => v && edit({ weekday: Number(v) })}
            allowDeselect={false}
            data-testid="schedule-weekday"
          />
        )}
        <Select
          label="After"
          w={110}
          data={hours}
          value={String(draft.hour)}
          onChange={(v) => v && edit({ hour: Number(v) })}
          allowDeselect={false}
          data-testid="schedule-hour"
        />
      </Group>
      <Text size="xs" c="dimmed" mt={-8}>
        {draft.cadence === 'daily' ? 'Each run covers the day before.' : 'Each run covers the full week before (Monday to Sunday).'}
      </Text>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Folder
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" size="sm" leftSection={<IconFolder size={16} />} onClick={() => void chooseFolder()} loading={busy === 'folder'} data-testid="schedule-folder-button">
            {noFolder ? 'Choose a folder…' : 'Change…'}
          </Button>
          {noFolder ? (
            <Text size="sm" c="dimmed">
              No folder chosen yet
            </Text>
          ) : (
            <Code style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="schedule-folder">
              {draft.folder}
            </Code>
          )}
        </Group>
      </div>
      <div>
        <Text size="sm" fw={500} mb={6}>
          Formats
        </Text>
        <Group gap="lg">
          {formatChoices.map((c) => (
            <Checkbox
              key={c.value}
              label={c.label}
              checked={draft.formats.includes(c.value) && (c.value !== 'pdf' || pdfAvailable)}
              disabled={c.value === 'pdf' && !pdfAvailable}
              onChange={(e) => toggleFormat(c.value, e.currentTarget.checked)}
              data-testid={`schedule-format-${c.value}`}
            />
          ))}
        </Group>
        {!pdfAvailable && (
          <Text size="xs" c="dimmed" mt={4} data-testid="schedule-pdf-note">
            PDF needs a printer this Hearken cannot reach here; HTML prints to PDF from any browser.
          </Text>
        )}
      </div>
      <Checkbox
        label="Also write every conversation of the period as rows (CSV)"
        checked={draft.includeRows}
        onChange={(e) => edit({ includeRows: e.currentTarget.checked })}
        data-testid="schedule-rows"
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Compare with
        </Text>
        <SegmentedControl
          value={draft.compare}
          onChange={(v) => edit({ compare: v as ReportSchedule['compare'] })}
          data={[
            { value: 'none', label: 'Nothing' },
            { value: 'previous', label: 'The period before' },
            { value: 'year', label: 'A year earlier' },
          ]}
          data-testid="schedule-compare"
        />
      </div>
      <LastRun />
      {draft.enabled && (noFolder || noFormat) && (
        <Text size="sm" c="orange" data-testid="schedule-incomplete">
          {noFolder ? 'Choose a folder for the reports to go to.' : 'Choose at least one format.'}
        </Text>
      )}
    </Stack>
  );
}

export function ScheduleDialog() {
  const opened = useSchedule((s) => s.opened);
  const draft = useSchedule((s) => s.draft);
  const busy = useSchedule((s) => s.busy);
  const error = useSchedule((s) => s.error);
  useEffect(() => (opened ? onEvent('reports.scheduled', () => void refreshSchedule()) : undefined), [opened]);
  const canRun = draft !== null && draft.folder !== '' && draft.formats.length > 0;
  return (
    <Modal opened={opened} onClose={() => useSchedule.getState().dialogClosed()} title="Scheduled exports" size="lg" data-testid="schedule-dialog">
      {draft === null ? (
        error ? (
          <Alert color="red" icon={<IconAlertTriangle size={16} />}>
            {error.message}
          </Alert>
        ) : (
          <Group justify="center" p="lg">
            <Loader size="sm" />
          </Group>
        )
      ) : (
        <Stack gap="md">
          <Form />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="schedule-error">
              {error.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => void runNow()} loading={busy === 'running'} disabled={!canRun || busy !== null} data-testid="schedule-run-now">
              Run now
            </Button>
            <Group gap="sm">
              <Button variant="subtle" color="gray" onClick={() => useSchedule.getState().dialogClosed()}>
                Cancel
              </Button>
              <Button onClick={() => void saveSchedule()} loading={busy === 'saving'} disabled={busy !== null && busy !== 'saving'} data-testid="schedule-save">
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
