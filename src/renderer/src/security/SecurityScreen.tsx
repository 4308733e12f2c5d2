/**
 * Security: the encrypted backups of the store (made now or on a schedule, verified,
 * restored with the current store kept aside) and its key (keychain or passphrase, the
 * passphrase, a new recovery key). One page, two tabs; a store opened by its recovery key
 * alone says so above both, since the next start would need that key again.
 */
import { Tabs, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconKey } from '@tabler/icons-react';
import { useEffect } from 'react';
import { BackupsTab } from './backups/BackupsTab';
import { loadBackups } from './flows/backups';
import { loadKeys } from './flows/keys';
import { KeyDialogs } from './keys/KeyDialogs';
import { KeysTab } from './keys/KeysTab';
import { RecoveredNotice } from './keys/RecoveredNotice';
import classes from './security.module.css';
import { useSecurity, type SecurityTab } from './state';

const listEveryMs = 60_000;

export function SecurityScreen() {
  const tab = useSecurity((s) => s.tab);
  const tabOpened = useSecurity((s) => s.tabOpened);
  useEffect(() => {
    void loadKeys();
    void loadBackups();
    // No event tells the window a scheduled backup was made: the list is read again now and then.
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void loadBackups();
    }, listEveryMs);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <section className={classes.screen} aria-label="Security" data-testid="security-screen">
      <header className={classes.header}>
        <div>
          <Title order={2} size="h4">
            Security
          </Title>
          <Text size="sm" c="dimmed" mb={10}>
            Encrypted backups of the inbox, and the key that opens it.
          </Text>
        </div>
      </header>
      <RecoveredNotice />
      <Tabs value={tab} onChange={(v) => v && tabOpened(v as SecurityTab)} className={classes.tabs} keepMounted={false}>
        <Tabs.List className={classes.tabList}>
          <Tabs.Tab value="backups" leftSection={<IconDatabaseExport size={15} />} data-testid="security-tab-backups">
            Backups
          </Tabs.Tab>
          <Tabs.Tab value="keys" leftSection={<IconKey size={15} />} data-testid="security-tab-keys">
            Keys &amp; recovery
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="backups" className={classes.panel}>
          <BackupsTab />
        </Tabs.Panel>
        <Tabs.Panel value="keys" className={classes.panel}>
          <KeysTab />
        </Tabs.Panel>
      </Tabs>
      <KeyDialogs />
    </section>
  );
}
