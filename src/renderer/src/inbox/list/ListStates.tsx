import { Alert, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconInbox, IconMoodSmile, IconSearch } from '@tabler/icons-react';
import type { ErrorInfo } from '../../../../shared/errors';
import { adviceFor } from '../../common/errors';
import { rowHeight } from './FeedbackRow';
import classes from './list.module.css';

export function LoadingRows() {
  return (
    <div className={classes.scroller} role="status" aria-label="Loading conversations" aria-busy>
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className={`${classes.row} ${classes.placeholder}`} style={{ height: rowHeight, transform: `translateY(${i * rowHeight}px)` }}>
          <div className={classes.bar} style={{ width: `${40 + ((i * 17) % 30)}%` }} />
          <div className={classes.bar} style={{ width: `${60 + ((i * 11) % 30)}%` }} />
        </div>
      ))}
    </div>
  );
}

/** Nothing matches what is on screen; the way out is one click (or the same key as search). */
export function NoMatches({ searching, modified, onClear }: { searching: boolean; modified: boolean; onClear: () => void }) {
  if (!searching && !modified) {
    return (
      <EmptyState
        py={64}
        px="md"
        icon={<IconMoodSmile size={28} stroke={1.5} />}
        title="Nothing here"
        description="No conversations are in this view right now. New ones appear here as they arrive."
        data-testid="view-empty"
      />
    );
  }
  return (
    <EmptyState
      py={64}
      px="md"
      icon={searching ? <IconSearch size={28} stroke={1.5} /> : <IconInbox size={28} stroke={1.5} />}
      title={searching ? 'No conversations match your search' : 'No conversations match these filters'}
      description="Try fewer words or remove a filter."
      data-testid="view-empty"
    >
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear} data-testid="clear-filters">
          Clear filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function ListError({ error, onRetry }: { error: ErrorInfo; onRetry: () => void }) {
  const advice = adviceFor(error, 'Loading conversations');
  return (
    <Stack p="md">
      <Alert color="red" title={advice.title} role="alert" data-testid="list-error">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Text size="sm">{advice.message}</Text>
          {advice.retry && (
            <Button size="compact-sm" variant="default" onClick={onRetry}>
              {advice.retry}
            </Button>
          )}
        </Group>
      </Alert>
    </Stack>
  );
}
