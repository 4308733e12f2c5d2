import { Alert, AppShell, Box, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { onEvent } from '../api';
import { FeedbackTable } from '../components/FeedbackTable';
import { InboxEmptyState } from '../components/InboxEmptyState';
import { ThemeToggle } from '../components/ThemeToggle';
import { countLabel } from '../format';
import { useInbox } from '../stores/inbox';
import { loadMoreFeedback, refreshInbox } from '../stores/inbox-flows';
import { useSession } from '../stores/session';

const headerHeight = 52;

/** Re-renders once a minute so ages like "5m" stay true while the window is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function DemoNotice() {
  const demoResult = useSession((state) => state.demoResult);
  const dismiss = useSession((state) => state.demoNoticeDismissed);
  if (demoResult === null) return null;
  const message =
    demoResult.imported > 0
      ? `Loaded ${countLabel(demoResult.imported, 'demo conversation')}.`
      : 'The demo inbox was already loaded; nothing new was added.';
  return (
    <Alert color="gray" variant="light" withCloseButton closeButtonLabel="Dismiss" onClose={dismiss} mb="sm">
      <span data-testid="demo-result">{message}</span>
    </Alert>
  );
}

function InboxBody() {
  const items = useInbox((state) => state.items);
  const total = useInbox((state) => state.total);
  const phase = useInbox((state) => state.phase);
  const error = useInbox((state) => state.error);
  const nextCursor = useInbox((state) => state.nextCursor);
  const now = useNow();

  if (phase === 'idle' || (phase === 'loading' && total === null)) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader size="sm" aria-label="Loading feedback" />
      </Center>
    );
  }

  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" title="Feedback could not be loaded" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error.message}</Text>
            <Button size="xs" variant="default" onClick={() => void refreshInbox()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {total === 0 && items.length === 0 ? (
        <InboxEmptyState />
      ) : (
        <>
          <FeedbackTable items={items} now={now} />
          <Group justify="space-between" px="sm" pb="md">
            <Text size="xs" c="dimmed">
              Showing {countLabel(items.length, 'item')}
              {total !== null ? ` of ${countLabel(total, 'item')}` : ''}
            </Text>
            {nextCursor !== null && (
              <Button
                variant="default"
                size="xs"
                loading={phase === 'loadingMore'}
                onClick={() => void loadMoreFeedback()}
                data-testid="feedback-more"
              >
                Load more
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

export function InboxScreen() {
  const total = useInbox((state) => state.total);

  useEffect(() => {
    void refreshInbox();
    return onEvent('feedback.changed', () => void refreshInbox());
  }, []);

  return (
    <AppShell header={{ height: headerHeight }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">
              Hearken
            </Title>
            <Text c="dimmed" size="sm" aria-hidden>
              ·
            </Text>
            <Text size="sm" fw={500}>
              Inbox
            </Text>
            {total !== null && (
              <Text size="sm" c="dimmed" data-testid="feedback-count" aria-live="polite">
                {countLabel(total, 'item')}
              </Text>
            )}
          </Group>
          <ThemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box component="section" aria-label="Inbox">
          <DemoNotice />
          <InboxBody />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
