/** A key dialog's failure, said inside it: a wrong passphrase beside its field, the rest above the buttons. */
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ErrorInfo } from '../../../../shared/errors';
import { adviceFor } from '../../common/errors';
import type { KeysDialog } from '../state';

/** What the failed step was, for the error's title. */
export const dialogWhat: Record<KeysDialog, string> = {
  changePassphrase: 'Changing the passphrase',
  moveToKeychain: 'Moving the key to the keychain',
  moveToPassphrase: 'Setting the passphrase',
  rotate: 'Making a new recovery key',
};

/** Wrong passphrases belong beside their field; everything else is said above the buttons. */
export function isWrongPassphrase(error: ErrorInfo | null): boolean {
  return error?.code === 'WRONG_PASSPHRASE';
}

export function DialogError({ error, what }: { error: ErrorInfo | null; what: string }) {
  if (error === null || isWrongPassphrase(error)) return null;
  const advice = adviceFor(error, what);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={advice.title} data-testid="key-dialog-error" role="alert">
      <Text size="sm">{advice.message}</Text>
    </Alert>
  );
}
