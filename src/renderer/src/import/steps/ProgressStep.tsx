/** Step two: the import runs; the agent can watch, put it away, or cancel it. */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { cancelImport, dialogDismissed } from '../flows';
import { bytesLabel, etaLabel, rateLabel } from '../model/wording';
import type { ImportStage } from '../state';
import { Counts } from './Counts';
import classes from '../import.module.css';

type Running = Extract<ImportStage, { name: 'running' }>;

export function progressPercent(stage: Running): number {
  const p = stage.progress;
  if (!p || p.totalBytes === 0) return 0;
  return Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 1000) / 10);
}

/** "12,300 rows/s · about 20 seconds left", or what is happening before the first batch. */
export function progressLine(stage: Running): string {
  const p = stage.progress;
  if (stage.cancelling) return 'Stopping after the batch being written…';
  if (!p || p.counts.read === 0) return 'Reading the file…';
  return [rateLabel(p.rowsPerS), etaLabel(p.etaMs)].filter(Boolean).join(' · ');
}

export function ProgressStep({ stage }: { stage: Running }) {
  const percent = progressPercent(stage);
  const p = stage.progress;
  const counts = p?.counts ?? { read: 0, imported: 0, duplicates: 0, failed: 0 };
  return (
    <Stack gap="lg" data-testid="import-progress">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} truncate="end">
            {stage.fileName}
          </Text>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {p ? `${bytesLabel(p.bytesRead)} of ${bytesLabel(p.totalBytes)} · ${Math.floor(percent)}%` : ''}
          </Text>
        </Group>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          animated={!stage.cancelling}
          color={stage.cancelling ? 'gray' : undefined}
          aria-label={`Import progress: ${Math.floor(percent)}%`}
          data-testid="import-progress-bar"
        />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="import-rate">
          {progressLine(stage)}
        </Text>
      </Stack>
      <Counts counts={counts} />
      <Text size="sm" c="dimmed">
        You can keep working: the inbox fills in as rows land. Cancelling keeps everything imported so far.
      </Text>
      <Group justify="space-between" className={classes.footer}>
        <Button
          variant="light"
          color="red"
          leftSection={<IconPlayerStop size={16} />}
          onClick={() => void cancelImport()}
          loading={stage.cancelling}
          data-testid="import-cancel"
        >
          Cancel import
        </Button>
        <Button variant="default" onClick={dialogDismissed} data-testid="import-hide" data-autofocus>
          Keep working
        </Button>
      </Group>
    </Stack>
  );
}
