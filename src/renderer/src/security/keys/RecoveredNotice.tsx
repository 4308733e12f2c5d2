/**
 * What needs doing about the key, said above both tabs: a store opened by its recovery key
 * alone (nothing on this computer holds its key, so the next start needs the recovery key
 * again until a passphrase is set), or a recovery key that no longer opens the store (a
 * rotation cut off before its new key was shown).
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from '../security.module.css';
import { useSecurity, type KeysDialog } from '../state';

function Notice({ title, children, action, icon, dialog, testId }: { title: string; children: ReactNode; action: string; icon: ReactNode; dialog: KeysDialog; testId: string }) {
  return (
    <Alert className={classes.notice} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={title} data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Text size="sm">{children}</Text>
        <Button
          color="orange"
          leftSection={icon}
          style={{ flexShrink: 0 }}
          onClick={() => {
            useSecurity.getState().tabOpened('keys');
            useSecurity.getState().dialogOpened(dialog);
          }}
          data-testid={`${testId}-action`}
        >
          {action}
        </Button>
      </Group>
    </Alert>
  );
}

export function RecoveredNotice() {
  const recovered = useSecurity((s) => s.keys?.recoveredWithoutManifest ?? false);
  const stale = useSecurity((s) => s.keys?.recoveryKeyStale ?? false);
  if (recovered) {
    return (
      <Notice title="The next start will ask for the recovery key again" action="Set a passphrase…" icon={<IconLock size={15} />} dialog="moveToPassphrase" testId="recovered-notice">
        Hearken was opened with the recovery key, and nothing on this computer holds the store’s key now. Set a passphrase so the next start asks for it instead.
      </Notice>
    );
  }
  if (stale) {
    return (
      <Notice title="Your recovery key no longer opens this store" action="New recovery key…" icon={<IconRefresh size={15} />} dialog="rotate" testId="stale-key-notice">
        A change of key was cut off after the store was encrypted again, before its new recovery key was shown. Make a new recovery key now and store it: until then only this computer opens the inbox.
      </Notice>
    );
  }
  return null;
}
