import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { StoreStatus } from '../../../shared/contract';
import { CenteredScreen } from '../components/CenteredScreen';
import { boot } from '../stores/session-flows';

/** The store exists but cannot be opened; say so plainly and promise it was not touched. */
export function ProblemScreen({ status }: { status: StoreStatus }) {
  const message = status.problem?.message ?? 'The inbox file could not be opened.';
  return (
    <CenteredScreen title="Hearken can't open your inbox">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title="The inbox file could not be opened"
        role="alert"
        data-testid="problem"
      >
        {message}
      </Alert>
      <Text>
        Hearken left the file untouched: nothing was deleted, replaced or re-created. Keep it until the problem is
        solved.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Data folder
        </Text>
        <Code block>{status.dataDir}</Code>
      </Stack>
      <Button variant="default" onClick={() => void boot()}>
        Try again
      </Button>
    </CenteredScreen>
  );
}
