/** The one question the topics page asks before something is lost or replaced. */
import { Button, Group, Modal, Text } from '@mantine/core';
import { confirmationAccepted } from './flows';
import { confirmationText } from './model';
import { useTopics } from './state';

export function TopicConfirmDialog() {
  const confirming = useTopics((s) => s.confirming);
  const closed = useTopics((s) => s.confirmationClosed);
  const text = confirming === null ? null : confirmationText(confirming);
  return (
    <Modal opened={text !== null} onClose={closed} title={text?.title} centered size="md">
      <Text size="sm">{text?.message}</Text>
      <Group justify="flex-end" mt="lg" gap={8}>
        <Button variant="default" onClick={closed}>
          Cancel
        </Button>
        <Button color={text?.danger ? 'red' : undefined} onClick={confirmationAccepted} data-testid="topic-confirm" data-autofocus>
          {text?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
