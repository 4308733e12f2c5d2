/** Escalation's toasts the common helpers do not cover: a webhook that failed after the escalation was saved. */
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWebhook } from '@tabler/icons-react';

export function notifyWebhookFailed(target: string, error: string): void {
  // One per team: a burst of failed calls to the same hook replaces its toast.
  const id = `hearken-webhook-${target}`;
  notifications.hide(id);
  notifications.show({
    id,
    icon: <IconWebhook size={16} />,
    color: 'orange',
    autoClose: 12_000,
    withCloseButton: true,
    message: (
      <Text size="sm" role="alert" data-testid="webhook-failed-notice">
        The webhook to {target} failed: {error.replace(/\.$/, '')}. The escalation is saved.
      </Text>
    ),
  });
}
