/**
 * Local analysis redone for every conversation a filter selects ("Re-analyse this view" in
 * the inbox, every conversation after the topics changed), as a background job in the core.
 * Progress shows in one notification that updates in place, with Cancel; a person's
 * sentiment and tags are never replaced.
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconSparkles } from '@tabler/icons-react';
import type { EventPayload, FeedbackFilter } from '../../../shared/contract';
import { call, onEvent, toErrorInfo } from '../api';
import { countLabel } from '../format';
import { notifyFailure } from './notify';

const count = new Intl.NumberFormat();
const conversations = (n: number): string => countLabel(n, 'conversation');

function body(p: EventPayload<'analysis.progress'>) {
  const percent = p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);
  if (p.state === 'running') {
    return (
      <Stack gap={6} data-testid="analysis-progress">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">
            {count.format(p.done)} of {conversations(p.total)}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void call('analysis.cancel', { jobId: p.jobId })}>
            Cancel
          </Button>
        </Group>
        <Progress value={percent} size="sm" aria-label="Re-analysis progress" />
      </Stack>
    );
  }
  const text =
    p.state === 'done'
      ? `${conversations(p.done)} analysed again. Your own sentiments and tags were kept.`
      : p.state === 'cancelled'
        ? `Stopped after ${conversations(p.done)}; those keep their new analysis.`
        : (p.error ?? 'The analysis stopped.');
  return (
    <Text size="sm" data-testid="analysis-progress">
      {text}
    </Text>
  );
}

function show(id: string, p: EventPayload<'analysis.progress'>, title: string): void {
  const finished = p.state !== 'running';
  notifications.update({
    id,
    title: finished ? (p.state === 'failed' ? 'Re-analysis failed' : 'Re-analysis finished') : title,
    message: body(p),
    loading: !finished,
    color: p.state === 'failed' ? 'red' : finished ? 'teal' : 'blue',
    icon: finished ? p.state === 'failed' ? <IconAlertTriangle size={16} /> : <IconCheck size={16} /> : <IconSparkles size={16} />,
    autoClose: finished ? 6000 : false,
    withCloseButton: finished,
  });
}

/** Every conversation, e.g. after the taxonomy changed. */
export function reanalyzeAll(): Promise<void> {
  return reanalyze({}, 'Re-analysing every conversation');
}

/** `title` names the job in its notification, as the agent asked for it. */
export async function reanalyze(filter: FeedbackFilter, title: string): Promise<void> {
  // A small view can finish before the answer arrives: listen first, and keep the latest
  // progress of every job until this one's id is known.
  const latest = new Map<string, EventPayload<'analysis.progress'>>();
  let jobId: string | null = null;
  let id = '';
  const off = onEvent('analysis.progress', (p) => {
    if (jobId === null) latest.set(p.jobId, p);
    else if (p.jobId === jobId) {
      show(id, p, title);
      if (p.state !== 'running') off();
    }
  });
  try {
    jobId = (await call('analysis.run', { filter })).jobId;
  } catch (error) {
    off();
    notifyFailure(toErrorInfo(error), title, () => void reanalyze(filter, title));
    return;
  }
  id = `analysis-${jobId}`;
  notifications.show({ id, title, message: 'Starting…', loading: true, autoClose: false, withCloseButton: false });
  const seen = latest.get(jobId);
  if (seen) {
    show(id, seen, title);
    if (seen.state !== 'running') off();
  }
}
