import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { UnlockInput, StoreStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { toErrorInfo } from '../api';
import { CenteredScreen } from '../components/CenteredScreen';
import { ConversionNote } from './BootScreen';
import { unlock } from '../stores/session-flows';

type Mode = 'keychain' | 'passphrase' | 'recovery';

export function UnlockScreen({ status, keychainError }: { status: StoreStatus; keychainError: ErrorInfo | null }) {
  const usualMode: Mode = status.keySource === 'passphrase' ? 'passphrase' : 'keychain';
  const [mode, setMode] = useState<Mode>(usualMode);
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(keychainError);
  const [busy, setBusy] = useState(false);

  function switchTo(next: Mode) {
    setMode(next);
    setError(null);
  }

  function inputFor(current: Mode): UnlockInput | null {
    if (current === 'keychain') return { method: 'keychain' };
    if (current === 'passphrase') return passphrase === '' ? null : { method: 'passphrase', passphrase };
    const key = recoveryKey.trim();
    return key === '' ? null : { method: 'recovery', recoveryKey: key };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = inputFor(mode);
    if (input === null) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(input);
    } catch (caught) {
      setError(toErrorInfo(caught));
      setBusy(false);
    }
  }

  // Wrong secrets belong to their field; anything else (keychain gone, key missing) is a banner.
  const fieldError = error && (error.code === 'WRONG_PASSPHRASE' || error.code === 'WRONG_RECOVERY_KEY') ? error : null;
  const bannerError = error && fieldError === null ? error : null;

  return (
    <CenteredScreen title="Unlock your store">
      {mode === 'keychain' && (
        <Text>Hearken normally takes its key from your system's keychain, but the keychain did not provide it.</Text>
      )}
      {mode === 'passphrase' && <Text>Enter the passphrase you chose when you set up Hearken.</Text>}
      {mode === 'recovery' && (
        <Text>Enter the recovery key you saved when you set up Hearken.</Text>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {bannerError && (
            <Alert color="orange" title="Hearken could not unlock the store" role="alert">
              {bannerError.message}
            </Alert>
          )}
          {mode === 'passphrase' && (
            <PasswordInput
              label="Passphrase"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              error={fieldError?.message}
              data-testid="unlock-passphrase"
            />
          )}
          {mode === 'recovery' && (
            <TextInput
              label="Recovery key"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.currentTarget.value)}
              error={fieldError?.message}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="unlock-recovery-key"
            />
          )}
          {status.needsConversion && <ConversionNote />}
          <Button type="submit" loading={busy} data-testid="unlock-submit">
            {mode === 'keychain' ? 'Try the keychain again' : 'Unlock'}
          </Button>
          {mode === 'recovery' ? (
            <Anchor component="button" type="button" size="sm" onClick={() => switchTo(usualMode)}>
              {usualMode === 'passphrase' ? 'Use my passphrase instead' : 'Try the keychain instead'}
            </Anchor>
          ) : (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => switchTo('recovery')}
              data-testid="unlock-use-recovery"
            >
              Use recovery key
            </Anchor>
          )}
        </Stack>
      </form>
    </CenteredScreen>
  );
}
