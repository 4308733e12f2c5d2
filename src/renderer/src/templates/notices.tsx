/**
 * Toasts of the template library that the common notify helpers do not cover: a library
 * action that finished, and unsaved edits kept while the agent is away from the page.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil } from '@tabler/icons-react';

let counter = 0;
const nextId = (): string => `hearken-templates-${++counter}`;

export function notifyLibraryDone(title: string, message: string): void {
  notifications.show({
    id: nextId(),
    icon: <IconCheck size={16} />,
    color: 'teal',
    autoClose: 6000,
    title,
    message: (
      <Text size="sm" data-testid="templates-notice">
        {message}
      </Text>
    ),
  });
}

const keptId = 'hearken-templates-kept';

/** The agent left the page with a draft open: it is kept, and one click brings it back. */
export function notifyDraftKept(name: string, onReturn: () => void): void {
  notifications.hide(keptId);
  notifications.show({
    id: keptId,
    icon: <IconPencil size={16} />,
    color: 'orange',
    autoClose: 10_000,
    withCloseButton: true,
    title: 'Unsaved template changes',
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" data-testid="templates-kept-notice" style={{ minWidth: 0 }}>
          Your changes to {name ? `“${name}”` : 'the new template'} are kept until you save or discard them.
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          style={{ flexShrink: 0 }}
          onClick={() => {
            notifications.hide(keptId);
            onReturn();
          }}
        >
          Back to it
        </Button>
      </Group>
    ),
  });
}

export function hideDraftKept(): void {
  notifications.hide(keptId);
}
