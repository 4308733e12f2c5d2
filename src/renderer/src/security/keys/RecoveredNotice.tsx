/**
 * The store was opened with its recovery key and nothing on this computer holds its key:
 * without a passphrase the next start needs the recovery key again. Said above both tabs.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import classes from '../security.module.css';
import { useSecurity } from '../state';

export function RecoveredNotice() {
  const recovered = useSecurity((s) => s.keys?.recoveredWithoutManifest ?? false);
  if (!recovered) return null;
  return (
    <Alert
      className={classes.notice}
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="The next start will ask for the recovery key again"
      data-testid="recovered-notice"
    >
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Text size="sm">
          Hearken was opened with the recovery key, and nothing on this computer holds the store’s key now. Set a passphrase so the next start asks for it instead.
        </Text>
        <Button
          color="orange"
          leftSection={<IconLock size={15} />}
          style={{ flexShrink: 0 }}
          onClick={() => {
            useSecurity.getState().tabOpened('keys');
            useSecurity.getState().dialogOpened('moveToPassphrase');
          }}
          data-testid="recovered-set-passphrase"
        >
          Set a passphrase…
        </Button>
      </Group>
    </Alert>
  );
}
