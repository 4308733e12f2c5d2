/**
 * A small badge for the nav or the header: AI jobs in flight (blue; amber while paused) or
 * failed (red). Nothing shows while the queue is empty. Clicking opens the AI queue.
 */
import { Badge, Tooltip } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useEffect } from 'react';
import { call, onEvent } from '../api';
import { useWorkspace } from '../stores/workspace';
import { queueHint } from './model/wording';
import { useAi } from './state';

export function AiQueueIndicator() {
  const queue = useAi((s) => s.queue);
  useEffect(() => {
    // The queue's state comes with ai.status; a failure leaves the badge hidden, nothing more.
    call('ai.status', {})
      .then((status) => useAi.getState().queueChanged(status.queue))
      .catch(() => undefined);
    return onEvent('ai.jobs.changed', (next) => useAi.getState().queueChanged(next));
  }, []);
  const hint = queue ? queueHint(queue) : null;
  if (hint === null) return null;
  return (
    <Tooltip label={`${hint.label}. Open the AI queue.`}>
      <Badge
        component="button"
        type="button"
        variant="light"
        color={hint.color}
        size="sm"
        leftSection={<IconSparkles size={12} />}
        style={{ cursor: 'pointer' }}
        aria-label={hint.label}
        onClick={() => {
          useAi.getState().tabOpened('queue');
          useWorkspace.getState().pageOpened('ai');
        }}
        data-testid="ai-queue-indicator"
      >
        {hint.count}
      </Badge>
    </Tooltip>
  );
}
