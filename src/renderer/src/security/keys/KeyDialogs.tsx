/**
 * The one key dialog open at a time. Passphrases live in the dialog's own state, so they are
 * gone when it closes; the store only knows which dialog is open and why it last failed.
 */
import { Modal } from '@mantine/core';
import { useSecurity, type KeysDialog } from '../state';
import { ChangePassphraseForm, MoveToKeychainForm, MoveToPassphraseForm } from './PassphraseForms';
import { RotateDialogBody } from './RotateDialog';

const titles: Record<KeysDialog, string> = {
  changePassphrase: 'Change the passphrase',
  moveToKeychain: 'Keep the key in the system keychain',
  moveToPassphrase: 'Lock the key with a passphrase',
  rotate: 'Make a new recovery key?',
};

function Body({ dialog }: { dialog: KeysDialog }) {
  switch (dialog) {
    case 'changePassphrase':
      return <ChangePassphraseForm />;
    case 'moveToKeychain':
      return <MoveToKeychainForm />;
    case 'moveToPassphrase':
      return <MoveToPassphraseForm />;
    case 'rotate':
      return <RotateDialogBody />;
  }
}

export function KeyDialogs() {
  const dialog = useSecurity((s) => s.dialog);
  const locked = useSecurity((s) => s.working || s.newRecoveryKey !== null);
  const revealing = useSecurity((s) => s.newRecoveryKey !== null);
  const close = useSecurity((s) => s.dialogClosed);
  return (
    <Modal
      opened={dialog !== null}
      onClose={close}
      title={revealing ? 'Save your new recovery key' : dialog ? titles[dialog] : ''}
      size={dialog === 'rotate' ? 560 : 480}
      centered
      closeOnClickOutside={!locked}
      closeOnEscape={!locked}
      withCloseButton={!locked}
      data-testid="key-dialog"
      data-dialog={dialog ?? undefined}
    >
      {dialog && <Body dialog={dialog} />}
    </Modal>
  );
}
