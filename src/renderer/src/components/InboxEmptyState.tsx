import { Alert, Button, EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../api';
import { refreshInbox } from '../stores/inbox-flows';
import { loadDemo } from '../stores/session-flows';

export function InboxEmptyState() {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      await loadDemo();
      // The core also announces feedback.changed; refreshing here does not depend on it.
      await refreshInbox();
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setLoading(false);
    }
  }

  return (
    <EmptyState
      py={64}
      icon={<IconInbox size={28} stroke={1.5} />}
      title="Your inbox is empty"
      description="Import feedback from your support tools, or explore Hearken with a demo inbox of realistic conversations."
    >
      {error && (
        <Alert color="red" title="The demo inbox was not loaded" role="alert" maw={420}>
          {error.message}
        </Alert>
      )}
      <EmptyState.Actions>
        <Button onClick={() => void load()} loading={loading} data-testid="demo-load">
          Load demo inbox
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
