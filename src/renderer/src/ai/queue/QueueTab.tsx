/** The AI queue: what waits, runs and failed, why it is paused, and Retry / Cancel. Live. */
import { ActionIcon, Alert, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconRefresh, IconX } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { AiJob, AiJobState } from '../../../../shared/ai/schema';
import { onEvent } from '../../api';
import { ageLabel } from '../../format';
import { useNow } from '../../inbox/useNow';
import classes from '../ai.module.css';
import { cancelJobs, jobItemOpened, loadJobs, retryJobs } from '../flows/activity';
import { pauseBanner } from '../model/wording';
import { purposeLabel } from '../model/log';
import { useAi } from '../state';

const stateColor: Record<AiJobState, string> = {
  queued: 'gray',
  running: 'blue',
  waiting: 'yellow',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

/** Reloads at most twice a second however fast the core reports changes (a whole view queued). */
function useLiveJobs(): void {
  useEffect(() => {
    void loadJobs();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onEvent('ai.jobs.changed', () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void loadJobs();
      }, 500);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}

function JobRow({ job, now }: { job: AiJob; now: number }) {
  const open = job.state === 'queued' || job.state === 'running' || job.state === 'waiting';
  return (
    <Table.Tr data-testid="ai-job-row" data-state={job.state}>
      <Table.Td>{purposeLabel(job.purpose)}</Table.Td>
      <Table.Td maw={320}>
        {job.feedbackId !== null ? (
          <button type="button" className={classes.itemLink} onClick={() => jobItemOpened(job.feedbackId!)} title={job.label ?? undefined} data-testid="ai-job-item">
            {job.label ?? 'Untitled conversation'}
          </button>
        ) : (
          <Text size="sm" c="dimmed">
            {job.label ?? 'Period summary'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={stateColor[job.state]} style={{ textTransform: 'none' }}>
          {job.state}
          {job.cached ? ' (cached)' : ''}
        </Badge>
      </Table.Td>
      <Table.Td className={classes.num}>{job.attempts}</Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" c={job.error ? 'red.8' : 'dimmed'} lineClamp={2} title={job.error ?? undefined}>
          {job.error ?? (job.state === 'waiting' && job.notBefore ? `next try in ${ageLabel(now, job.notBefore)}` : '—')}
        </Text>
      </Table.Td>
      <Table.Td className={classes.num}>
        <Text size="sm" c="dimmed">
          {ageLabel(job.updatedAt, now) === 'now' ? 'just now' : `${ageLabel(job.updatedAt, now)} ago`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {job.state === 'failed' && (
            <Tooltip label="Retry">
              <ActionIcon variant="subtle" onClick={() => void retryJobs(job.id)} aria-label="Retry this job" data-testid="ai-job-retry">
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {open && (
            <Tooltip label="Cancel">
              <ActionIcon variant="subtle" color="gray" onClick={() => void cancelJobs(job.id)} aria-label="Cancel this job" data-testid="ai-job-cancel">
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function QueueTab() {
  useLiveJobs();
  const jobs = useAi((s) => s.jobs);
  const queue = useAi((s) => s.queue);
  const now = useNow();
  const counts = queue?.counts ?? { queued: 0, running: 0, waiting: 0, failed: 0 };
  const pending = counts.queued + counts.running + counts.waiting;
  // Offline only matters while something waits to be sent; the other reasons hold for any job.
  const banner = queue && (queue.paused !== 'offline' || pending > 0) ? pauseBanner(queue, now) : null;
  return (
    <div className={classes.scroll} data-testid="ai-queue-tab">
      <Stack gap="md" maw={1120}>
        <div className={classes.counts}>
          {(['queued', 'running', 'waiting', 'failed'] as const).map((key) => (
            <div key={key} className={classes.count} data-testid={`ai-count-${key}`}>
              <Text size="xs" c="dimmed" tt="capitalize">
                {key}
              </Text>
              <div className={classes.countValue} style={key === 'failed' && counts.failed > 0 ? { color: 'var(--mantine-color-red-text)' } : undefined}>
                {counts[key]}
              </div>
            </div>
          ))}
        </div>
        {banner && (
          <Alert color={banner.color} variant="light" classNames={{ title: classes.alertTitle }} icon={<IconPlayerPause size={16} />} title={banner.title} data-testid="ai-pause-banner">
            {banner.message}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Jobs run in the background and survive a restart. Results are only suggestions until someone accepts them.
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} disabled={counts.failed === 0} onClick={() => void retryJobs()} data-testid="ai-retry-all">
              Retry all failed
            </Button>
            <Button size="xs" variant="default" color="red" leftSection={<IconX size={14} />} disabled={pending === 0} onClick={() => void cancelJobs()} data-testid="ai-cancel-all">
              Cancel all
            </Button>
          </Group>
        </Group>
        {jobs !== null && jobs.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="xl" data-testid="ai-jobs-empty">
            No AI jobs yet. Triage, drafts and summaries asked for in the inbox and reports appear here.
          </Text>
        ) : (
          <Table className={classes.table} highlightOnHover verticalSpacing={6} aria-label="AI jobs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Error</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(jobs ?? []).map((job) => (
                <JobRow key={job.id} job={job} now={now} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </div>
  );
}
