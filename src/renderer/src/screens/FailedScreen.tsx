import { Alert, Button, Text } from '@mantine/core';
import type { ErrorInfo } from '../../../shared/errors';
import { CenteredScreen } from '../components/CenteredScreen';
import { boot } from '../stores/session-flows';

/** The core did not answer the first question at all; offer a retry, not a dead end. */
export function FailedScreen({ error }: { error: ErrorInfo }) {
  return (
    <CenteredScreen title="Hearken couldn't start">
      <Alert color="red" title="Something went wrong while opening the inbox" role="alert">
        {error.message}
      </Alert>
      <Text size="sm" c="dimmed">
        Error code: {error.code}
      </Text>
      <Button variant="default" onClick={() => void boot()}>
        Try again
      </Button>
    </CenteredScreen>
  );
}
