/** Change the passphrase, or move the key between the keychain and a passphrase. */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { changePassphrase, moveToKeychain, moveToPassphrase } from '../flows/keys';
import { changePassphraseErrors, newPassphraseErrors, type PassphraseErrors } from '../model';
import { useSecurity } from '../state';
import { DialogError, dialogWhat, isWrongPassphrase } from './DialogError';

function Buttons({ label }: { label: string }) {
  const working = useSecurity((s) => s.working);
  return (
    <Group justify="flex-end" gap={8} mt="xs">
      <Button variant="default" onClick={() => useSecurity.getState().dialogClosed()} disabled={working}>
        Cancel
      </Button>
      <Button type="submit" loading={working} data-testid="key-dialog-submit">
        {label}
      </Button>
    </Group>
  );
}

function Form({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">{children}</Stack>
    </form>
  );
}

/** The core's WRONG_PASSPHRASE, in its own words, on the field that holds the passphrase. */
function useWrongPassphrase(): string | undefined {
  const error = useSecurity((s) => s.dialogError);
  return isWrongPassphrase(error) ? error!.message : undefined;
}

function NewPassphraseFields({ next, confirm, errors, onNext, onConfirm, autoFocus }: { next: string; confirm: string; errors: PassphraseErrors; onNext: (v: string) => void; onConfirm: (v: string) => void; autoFocus?: boolean }) {
  return (
    <>
      <PasswordInput
        label="New passphrase"
        description="At least 8 characters. A few unrelated words are easy to type and hard to guess."
        value={next}
        onChange={(e) => onNext(e.currentTarget.value)}
        error={errors.next}
        autoComplete="new-password"
        data-autofocus={autoFocus || undefined}
        data-testid="passphrase-new"
      />
      <PasswordInput label="Type it again" value={confirm} onChange={(e) => onConfirm(e.currentTarget.value)} error={errors.confirm} autoComplete="new-password" data-testid="passphrase-confirm" />
    </>
  );
}

export function ChangePassphraseForm() {
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<PassphraseErrors>({});
  const wrong = useWrongPassphrase();
  const error = useSecurity((s) => s.dialogError);
  const edit = (patch: Partial<typeof form>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };
  const submit = (): void => {
    const found = changePassphraseErrors(form);
    setErrors(found);
    if (Object.keys(found).length === 0) void changePassphrase(form.current, form.next);
  };
  return (
    <Form onSubmit={submit}>
      <Text size="sm" c="dimmed">
        The key stays the same; only the passphrase that unlocks it changes. The old passphrase stops working at once.
      </Text>
      <PasswordInput label="Current passphrase" value={form.current} onChange={(e) => edit({ current: e.currentTarget.value })} error={errors.current ?? wrong} autoComplete="current-password" data-autofocus data-testid="passphrase-current" />
      <NewPassphraseFields next={form.next} confirm={form.confirm} errors={errors} onNext={(next) => edit({ next })} onConfirm={(confirm) => edit({ confirm })} />
      <DialogError error={error} what={dialogWhat.changePassphrase} />
      <Buttons label="Change passphrase" />
    </Form>
  );
}

export function MoveToPassphraseForm() {
  const [form, setForm] = useState({ next: '', confirm: '' });
  const [errors, setErrors] = useState<PassphraseErrors>({});
  const error = useSecurity((s) => s.dialogError);
  const recovered = useSecurity((s) => s.keys?.recoveredWithoutManifest ?? false);
  const edit = (patch: Partial<typeof form>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };
  const submit = (): void => {
    const found = newPassphraseErrors(form.next, form.confirm);
    setErrors(found);
    if (Object.keys(found).length === 0) void moveToPassphrase(form.next);
  };
  return (
    <Form onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {recovered
          ? 'Hearken will ask for this passphrase when it starts, instead of the recovery key. Keep the recovery key too: it still opens the store and its backups.'
          : 'Hearken will ask for this passphrase each time it starts, and the key is removed from the system keychain. Without the passphrase only the recovery key opens the store.'}
      </Text>
      <NewPassphraseFields next={form.next} confirm={form.confirm} errors={errors} onNext={(next) => edit({ next })} onConfirm={(confirm) => edit({ confirm })} autoFocus />
      <DialogError error={error} what={dialogWhat.moveToPassphrase} />
      <Buttons label="Set passphrase" />
    </Form>
  );
}

export function MoveToKeychainForm() {
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const wrong = useWrongPassphrase();
  const error = useSecurity((s) => s.dialogError);
  const asksPassphrase = useSecurity((s) => s.keys?.keySource === 'passphrase' && !s.keys.recoveredWithoutManifest);
  const submit = (): void => {
    if (asksPassphrase && passphrase === '') {
      setMissing(true);
      return;
    }
    void moveToKeychain(asksPassphrase ? passphrase : undefined);
  };
  return (
    <Form onSubmit={submit}>
      <Text size="sm" c="dimmed">
        The operating system keeps the key for your account, and Hearken opens without asking. The passphrase no longer unlocks it; the recovery key still does.
      </Text>
      {asksPassphrase && (
        <PasswordInput
          label="Current passphrase"
          description="To confirm it is you."
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? 'Type the passphrase Hearken opens with now.' : wrong}
          autoComplete="current-password"
          data-autofocus
          data-testid="passphrase-current"
        />
      )}
      <DialogError error={error} what={dialogWhat.moveToKeychain} />
      <Buttons label="Move to the keychain" />
    </Form>
  );
}
