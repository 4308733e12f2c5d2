/**
 * Toasts for what just happened. Each confirmed change carries its Undo; failures say
 * what to do. Imported by flows, so the JSX lives here and nowhere near the stores.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ErrorInfo } from '../../../shared/errors';
import { adviceFor } from './errors';
import { Shortcut } from './Shortcut';

let counter = 0;
const nextId = (): string => `hearken-notice-${++counter}`;

// Only the latest change keeps a toast (older ones still undo with Mod+Z, newest first).
let latestDone: string | null = null;

/** `viaShortcut`: Mod+Z undoes it too (changes to conversations; not, say, a deleted view). */
export function notifyDone(label: string, onUndo: () => void, viaShortcut = true): string {
  const id = nextId();
  if (latestDone !== null) notifications.hide(latestDone);
  latestDone = id;
  notifications.show({
    id,
    icon: <IconCheck size={16} />,
    color: 'teal',
    autoClose: 8000,
    // Undo (or Mod+Z) and the timeout close it; a close button would only crowd the label.
    withCloseButton: false,
    onClose: () => {
      if (latestDone === id) latestDone = null;
    },
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" data-testid="action-notice" style={{ minWidth: 0 }}>
          {label}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          style={{ flexShrink: 0 }}
          rightSection={viaShortcut ? <Shortcut keys={['Mod+Z']} /> : undefined}
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
          data-testid="undo-button"
        >
          Undo
        </Button>
      </Group>
    ),
  });
  return id;
}

export function notifyInfo(message: string, title?: string): void {
  notifications.show({ id: nextId(), icon: <IconInfoCircle size={16} />, color: 'gray', autoClose: 4000, title, message });
}

// Failures on screen, by what failed: the same failure again replaces its toast rather than
// stacking, so two alike cannot hold a new notice back (at most two show at once).
const failuresShown = new Set<string>();

export function notifyFailure(error: ErrorInfo, what: string, retry?: () => void): void {
  const advice = adviceFor(error, what);
  const id = `hearken-failure-${what}`;
  const again = failuresShown.has(id);
  failuresShown.add(id);
  (again ? notifications.update : notifications.show)({
    id,
    icon: <IconAlertTriangle size={16} />,
    color: 'red',
    autoClose: false,
    onClose: () => failuresShown.delete(id),
    title: advice.title,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" role="alert">
        <Text size="sm">{advice.message}</Text>
        {retry && advice.retry && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              notifications.hide(id);
              retry();
            }}
          >
            {advice.retry}
          </Button>
        )}
      </Group>
    ),
  });
}

export function hideNotice(id: string): void {
  notifications.hide(id);
}
