/** The question before a restore, saying exactly what happens to the store there is now. */
import { Button, Group, Modal, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { countLabel, dateTimeLabel } from '../../format';
import { useViews } from '../../inbox/state/views';
import { restoreConfirmed } from '../flows/backups';
import { restoreSteps } from '../model';
import classes from '../security.module.css';
import { useSecurity } from '../state';

export function RestoreModal() {
  const backup = useSecurity((s) => s.restoreAsked);
  const restoring = useSecurity((s) => s.restoring);
  const itemsNow = useViews((s) => s.views?.find((v) => v.id === 'builtin:all')?.count ?? null);
  const close = (): void => useSecurity.getState().restoreAskedFor(null);
  return (
    <Modal
      opened={backup !== null}
      onClose={close}
      title={backup ? `Restore the backup of ${dateTimeLabel(backup.createdAt)}?` : ''}
      size="lg"
      centered
      closeOnClickOutside={!restoring}
      closeOnEscape={!restoring}
      withCloseButton={!restoring}
      data-testid="restore-modal"
    >
      {backup && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {countLabel(backup.items, 'item')} · {backup.name}
          </Text>
          <ul className={classes.warnings} data-testid="restore-explanation">
            {restoreSteps(backup, itemsNow).map((step) => (
              <li key={step}>
                <Text size="sm">{step}</Text>
              </li>
            ))}
          </ul>
          <Group justify="flex-end" mt="lg" gap={8}>
            <Button variant="default" onClick={close} disabled={restoring} data-autofocus>
              Cancel
            </Button>
            <Button color="orange" leftSection={<IconRestore size={16} />} loading={restoring} onClick={() => void restoreConfirmed()} data-testid="restore-confirm">
              Keep the current store aside and restore
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
