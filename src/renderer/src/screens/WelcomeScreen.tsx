import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../api';
import { CenteredScreen } from '../components/CenteredScreen';
import { useSession } from '../stores/session';
import { loadDemo } from '../stores/session-flows';

export function WelcomeScreen() {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const demoSkipped = useSession((state) => state.demoSkipped);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      await loadDemo();
    } catch (caught) {
      setError(toErrorInfo(caught));
      setLoading(false);
    }
  }

  return (
    <CenteredScreen title="Your encrypted store is ready">
      <Text>
        To look around first, load a demo inbox of realistic support conversations: e-mails, chats, surveys, reviews
        and social posts. You can delete it later. Or start with an empty inbox and import your own feedback.
      </Text>
      {error && (
        <Alert color="red" title="The demo inbox was not loaded" role="alert">
          {error.message}
        </Alert>
      )}
      {loading && (
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" />
          <Text size="sm">Loading the demo inbox…</Text>
        </Group>
      )}
      <Stack gap="sm">
        <Button onClick={() => void load()} loading={loading} data-testid="demo-load">
          Load the demo inbox
        </Button>
        <Button variant="default" onClick={demoSkipped} disabled={loading} data-testid="demo-skip">
          Start with an empty inbox
        </Button>
      </Stack>
    </CenteredScreen>
  );
}
