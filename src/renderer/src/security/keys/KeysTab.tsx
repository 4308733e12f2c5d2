/** Keys & recovery: where the store's key is kept and how to move it, the passphrase, the recovery key. */
import { Alert, Badge, Button, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconDeviceDesktopCog, IconKey, IconLock, IconLockOpen, IconRefresh } from '@tabler/icons-react';
import { adviceFor } from '../../common/errors';
import { dateTimeLabel } from '../../format';
import { loadKeys } from '../flows/keys';
import { keySourceDetail, keySourceLabel, noKeychainReason } from '../model';
import classes from '../security.module.css';
import { useSecurity, type KeysStatus } from '../state';

function WhereSection({ keys }: { keys: KeysStatus }) {
  const { dialogOpened } = useSecurity.getState();
  const inKeychain = keys.keySource === 'keychain';
  return (
    <div className={classes.section} data-testid="keys-where">
      <div className={classes.sectionTitle}>Where the key is kept</div>
      <Group gap={12} wrap="nowrap" align="flex-start" mb={12}>
        <ThemeIcon variant="light" color={keys.recoveredWithoutManifest ? 'orange' : 'teal'} radius="xl" size={32}>
          {inKeychain ? <IconDeviceDesktopCog size={17} /> : <IconLock size={17} />}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" data-testid="keys-source" data-source={keys.keySource ?? 'none'}>
            {keys.recoveredWithoutManifest ? 'Opened with the recovery key' : keySourceLabel(keys.keySource)}
          </Text>
          <Text size="sm" c="dimmed">
            {keySourceDetail(keys.keySource, keys.recoveredWithoutManifest)}
          </Text>
        </div>
      </Group>
      <div className={classes.keyFacts}>
        <span className={classes.factLabel}>System keychain</span>
        <span data-testid="keys-keychain" data-available={keys.keychainAvailable}>
          <Badge variant={keys.keychainAvailable ? 'light' : 'default'} color={keys.keychainAvailable ? 'teal' : undefined} style={{ textTransform: 'none' }}>
            {keys.keychainAvailable ? 'Answers' : 'Not available'}
          </Badge>
        </span>
        <span className={classes.factLabel}>Recovery key made</span>
        <span data-testid="keys-rotated">{keys.rotatedAt === null ? 'With the store' : dateTimeLabel(keys.rotatedAt)}</span>
      </div>
      <Stack gap={8} align="flex-start">
        <Group gap={8}>
          {keys.keySource === 'passphrase' && !keys.recoveredWithoutManifest && (
            <Button variant="default" leftSection={<IconKey size={15} />} onClick={() => dialogOpened('changePassphrase')} data-testid="keys-change-passphrase">
              Change passphrase…
            </Button>
          )}
          {keys.keySource !== 'keychain' && (
            <Button
              variant="default"
              leftSection={<IconLockOpen size={15} />}
              disabled={!keys.keychainAvailable}
              onClick={() => dialogOpened('moveToKeychain')}
              aria-describedby={keys.keychainAvailable ? undefined : 'keys-no-keychain'}
              data-testid="keys-move-keychain"
            >
              Move to the keychain…
            </Button>
          )}
          {(keys.keySource !== 'passphrase' || keys.recoveredWithoutManifest) && (
            <Button variant="default" leftSection={<IconLock size={15} />} onClick={() => dialogOpened('moveToPassphrase')} data-testid="keys-move-passphrase">
              {keys.recoveredWithoutManifest ? 'Set a passphrase…' : 'Use a passphrase instead…'}
            </Button>
          )}
        </Group>
        {!keys.keychainAvailable && keys.keySource !== 'keychain' && (
          <Text size="xs" c="dimmed" id="keys-no-keychain" data-testid="keys-no-keychain">
            {noKeychainReason}
          </Text>
        )}
      </Stack>
    </div>
  );
}

function RecoverySection() {
  return (
    <div className={classes.section} data-testid="keys-recovery">
      <div className={classes.sectionTitle}>Recovery key</div>
      <Text size="sm" mb={6}>
        The recovery key opens this store, and every backup of it, when nothing else can: a lost keychain, a forgotten passphrase, another computer.
      </Text>
      <Text size="sm" c="dimmed" mb={12}>
        Make a new one if the old one may have been seen by someone else. The old one then stops opening the store, but backups made before keep needing it.
      </Text>
      <Button variant="default" color="orange" leftSection={<IconRefresh size={15} />} onClick={() => useSecurity.getState().dialogOpened('rotate')} data-testid="keys-rotate">
        New recovery key…
      </Button>
    </div>
  );
}

export function KeysTab() {
  const keys = useSecurity((s) => s.keys);
  const keysError = useSecurity((s) => s.keysError);
  if (keys === null) {
    return (
      <div className={classes.scroll}>
        {keysError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={adviceFor(keysError, 'Reading the key status').title} maw={640} data-testid="keys-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{adviceFor(keysError, 'Reading the key status').message}</Text>
              <Button size="xs" variant="default" onClick={() => void loadKeys()}>
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Loader size="sm" />
        )}
      </div>
    );
  }
  return (
    <div className={classes.scroll} data-testid="keys-tab">
      <div className={classes.keys}>
        <WhereSection keys={keys} />
        <RecoverySection />
      </div>
    </div>
  );
}
