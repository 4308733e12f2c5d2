import { Alert, Button, Code, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { StoreStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../api';
import { CenteredScreen } from '../components/CenteredScreen';
import { createStore } from '../stores/session-flows';

const minPassphraseLength = 8;

export function SetupScreen({ status }: { status: StoreStatus }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const usesKeychain = status.keychainAvailable;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!usesKeychain) {
      const errors: typeof fieldErrors = {};
      if (passphrase.length < minPassphraseLength) errors.passphrase = `Use at least ${minPassphraseLength} characters.`;
      else if (confirm !== passphrase) errors.confirm = 'The two passphrases are different.';
      setFieldErrors(errors);
      if (errors.passphrase || errors.confirm) return;
    }
    setBusy(true);
    try {
      await createStore(usesKeychain ? undefined : passphrase);
    } catch (caught) {
      setError(toErrorInfo(caught));
      setBusy(false);
    }
  }

  return (
    <CenteredScreen title="Set up your encrypted store">
      <Text>
        Hearken keeps your customers' feedback on this computer only, in an encrypted database. Nothing is sent
        anywhere unless you set up an AI service later.
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {usesKeychain ? (
            <Text>
              The encryption key will be kept in your system's keychain, so Hearken opens without asking for a
              password.
            </Text>
          ) : (
            <>
              <Text>
                No system keychain answered on this computer (on Linux this usually means no Secret Service, such as
                GNOME Keyring, is running). Choose a passphrase instead: it protects the encryption key, and Hearken
                will ask for it each time it opens.
              </Text>
              <PasswordInput
                label="Passphrase"
                description={`At least ${minPassphraseLength} characters`}
                autoComplete="new-password"
                autoFocus
                required
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                error={fieldErrors.passphrase}
                data-testid="setup-passphrase"
              />
              <PasswordInput
                label="Repeat the passphrase"
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(event) => setConfirm(event.currentTarget.value)}
                error={fieldErrors.confirm}
                data-testid="setup-passphrase-confirm"
              />
            </>
          )}
          {error && (
            <Alert color="red" title="The store was not created" role="alert">
              {error.message}
            </Alert>
          )}
          <Button type="submit" loading={busy} data-testid="setup-create">
            Create encrypted store
          </Button>
          <Text size="xs" c="dimmed">
            Data folder: <Code>{status.dataDir}</Code>
          </Text>
        </Stack>
      </form>
    </CenteredScreen>
  );
}
