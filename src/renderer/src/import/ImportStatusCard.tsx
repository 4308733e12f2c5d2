/**
 * The import put away while the agent works: a small card at the foot of the nav with the
 * progress, and the result once it ends, one click from the dialog.
 */
import { ActionIcon, Button, Group, Progress, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { finish } from './flows';
import { count, importTitle, reportSentence } from './model/wording';
import { useImport } from './state';
import { progressLine, progressPercent } from './steps/ProgressStep';
import classes from './import.module.css';

export function ImportStatusCard() {
  const stage = useImport((s) => s.stage);
  const dialogOpen = useImport((s) => s.dialogOpen);
  if (dialogOpen) return null;
  const show = () => useImport.getState().dialogShown();

  if (stage.name === 'running') {
    const percent = progressPercent(stage);
    return (
      <section className={classes.statusCard} aria-label="Import in progress" data-testid="import-status-card" data-state="running">
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text size="xs" fw={650} truncate="end">
            Importing {stage.fileName}
          </Text>
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {Math.floor(percent)}%
          </Text>
        </Group>
        <Progress value={percent} size="sm" radius="xl" my={6} animated aria-label={`Import progress: ${Math.floor(percent)}%`} />
        <Text size="xs" fw={550} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {count(stage.progress?.counts.imported ?? 0)} imported
        </Text>
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {progressLine(stage)}
        </Text>
        <Button size="compact-xs" variant="subtle" mt={4} onClick={show} data-testid="import-status-show">
          Show progress
        </Button>
      </section>
    );
  }

  if (stage.name === 'finished') {
    return (
      <section className={classes.statusCard} aria-label="Import finished" data-testid="import-status-card" data-state={stage.report.state} role="status">
        <Group justify="space-between" wrap="nowrap" gap={6}>
          <Text size="xs" fw={650} truncate="end">
            {importTitle(stage.report.state)}
          </Text>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Dismiss" onClick={finish}>
            <IconX size={14} />
          </ActionIcon>
        </Group>
        <Text size="xs" c="dimmed" lineClamp={3}>
          {reportSentence(stage.report)}
        </Text>
        <Button size="compact-xs" variant="subtle" mt={4} onClick={show} data-testid="import-status-show">
          View report
        </Button>
      </section>
    );
  }
  return null;
}
