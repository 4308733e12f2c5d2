/**
 * A new recovery key: first what it does (the old key stops working, older backups keep
 * needing it), with the passphrase for passphrase stores; then the new key, once.
 */
import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { recoveryKeyStored, rotateRecoveryKey } from '../flows/keys';
import { rotateWarnings } from '../model';
import classes from '../security.module.css';
import { useSecurity } from '../state';
import { DialogError, dialogWhat, isWrongPassphrase } from './DialogError';
import { RecoveryKeyReveal } from './RecoveryKeyReveal';

function Confirm() {
  const keySource = useSecurity((s) => s.keys?.keySource ?? null);
  const stale = useSecurity((s) => s.keys?.recoveryKeyStale ?? false);
  const working = useSecurity((s) => s.working);
  const error = useSecurity((s) => s.dialogError);
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const needsPassphrase = keySource === 'passphrase';
  const submit = (): void => {
    if (needsPassphrase && passphrase === '') {
      setMissing(true);
      return;
    }
    void rotateRecoveryKey(needsPassphrase ? passphrase : undefined);
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title="Before you continue" data-testid="rotate-warning">
          <ul className={classes.warnings}>
            {rotateWarnings(keySource, stale).map((line) => (
              <li key={line}>
                <Text size="sm">{line}</Text>
              </li>
            ))}
          </ul>
        </Alert>
        {needsPassphrase && (
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Type the passphrase Hearken opens with now.' : isWrongPassphrase(error) ? error!.message : undefined}
            autoComplete="current-password"
            data-autofocus
            data-testid="rotate-passphrase"
          />
        )}
        <Checkbox
          label="I understand that my current recovery key will stop working"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="rotate-understood"
        />
        <DialogError error={error} what={dialogWhat.rotate} />
        <Group justify="flex-end" gap={8}>
          <Button variant="default" onClick={() => useSecurity.getState().dialogClosed()} disabled={working}>
            Cancel
          </Button>
          <Button type="submit" color="orange" leftSection={<IconRefresh size={16} />} loading={working} disabled={!understood} data-testid="rotate-confirm">
            Make a new recovery key
          </Button>
        </Group>
        {working && (
          <Text size="xs" c="dimmed" role="status">
            Encrypting the store again under the new key. A large inbox takes a while; keep Hearken open.
          </Text>
        )}
      </Stack>
    </form>
  );
}

export function RotateDialogBody() {
  const recoveryKey = useSecurity((s) => s.newRecoveryKey);
  if (recoveryKey !== null) return <RecoveryKeyReveal recoveryKey={recoveryKey} onStored={recoveryKeyStored} />;
  return <Confirm />;
}
