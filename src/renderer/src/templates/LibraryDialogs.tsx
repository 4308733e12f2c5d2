/**
 * The questions the library asks before something is lost: unsaved changes when another
 * template opens, deleting a template, and putting the shipped templates back.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { timesWord } from '../../../shared/template-words';
import { deleteOpenTemplate, restoreDefaultTemplates, switchAnswered } from './flows';
import { selectOpenTemplate, useTemplates } from './state';

function UnsavedChanges() {
  const pending = useTemplates((s) => s.pendingSwitch);
  const name = useTemplates((s) => s.draft?.name.trim() ?? '');
  const busy = useTemplates((s) => s.saving);
  const target = useTemplates((s) => (s.pendingSwitch?.kind === 'open' ? s.templates.find((t) => t.id === (s.pendingSwitch as { id: string }).id)?.name : undefined));
  const going = pending?.kind === 'new' ? 'start a new template' : pending?.kind === 'duplicate' ? 'duplicate it' : target ? `open “${target}”` : 'go on';
  return (
    <Modal opened={pending !== null} onClose={() => void switchAnswered('stay')} title="Save your changes?" centered size="md">
      <Stack gap="md">
        <Text size="sm" data-testid="unsaved-question">
          {name ? `“${name}”` : 'This new template'} has changes that are not saved. Save them before you {going}?
        </Text>
        <Group justify="space-between" gap="sm">
          <Button variant="subtle" color="red" onClick={() => void switchAnswered('discard')} data-testid="unsaved-discard">
            Discard changes
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={() => void switchAnswered('stay')} data-testid="unsaved-stay">
              Keep editing
            </Button>
            <Button onClick={() => void switchAnswered('save')} loading={busy} data-autofocus data-testid="unsaved-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

function ConfirmDelete() {
  const opened = useTemplates((s) => s.confirming === 'delete');
  const template = useTemplates(selectOpenTemplate);
  const close = useTemplates((s) => s.confirmationClosed);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    await deleteOpenTemplate();
    setBusy(false);
  }
  return (
    <Modal opened={opened} onClose={close} title="Delete this template?" centered size="md">
      <Stack gap="md">
        <Text size="sm" data-testid="delete-question">
          “{template?.name}” will no longer be suggested. Replies already sent from it stay as they are
          {template && template.usage.used > 0 ? `; the record that it was sent ${timesWord(template.usage.used)} goes with it` : ''}. You can undo right after.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus data-testid="delete-cancel">
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy} data-testid="delete-confirm">
            Delete template
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ConfirmRestore() {
  const opened = useTemplates((s) => s.confirming === 'restoreDefaults');
  const close = useTemplates((s) => s.confirmationClosed);
  return (
    <Modal opened={opened} onClose={close} title="Restore the default templates?" centered size="md">
      <Stack gap="md">
        <Text size="sm">
          Hearken adds back the templates it shipped with that are missing, and resets any you changed to the shipped text. Templates you wrote yourself are not
          touched.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button onClick={() => void restoreDefaultTemplates()} data-testid="restore-confirm">
            Restore defaults
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function LibraryDialogs() {
  return (
    <>
      <UnsavedChanges />
      <ConfirmDelete />
      <ConfirmRestore />
    </>
  );
}
