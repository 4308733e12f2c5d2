import { Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Shortcut } from '../../common/Shortcut';
import { useWorkspace } from '../../stores/workspace';
import { useOverlay } from '../state/overlay';
import { availableOn, type Command, type CommandGroup } from './commands';

const groups: CommandGroup[] = ['Move around', 'Select', 'Triage', 'Escalations', 'Go to a view', 'Hearken'];

/** Every key the inbox answers to, read from the same list the key handler uses. */
export function ShortcutSheet({ commands }: { commands: Command[] }) {
  const opened = useOverlay((s) => s.overlay?.kind === 'shortcuts');
  const close = useOverlay((s) => s.overlayClosed);
  // Each page lists its own keys and those that work everywhere.
  const page = useWorkspace((s) => s.page);
  const inInbox = page === 'inbox';
  return (
    <Modal opened={opened} onClose={close} title="Keyboard shortcuts" size={760} data-testid="shortcut-sheet">
      {/* Focus starts on the text, not the close button: Esc closes, and no ring draws the eye. */}
      <Text size="sm" c="dimmed" mb="md" tabIndex={-1} data-autofocus style={{ outline: 'none' }}>
        Letters do nothing while you type in a field; Esc leaves the field. Anything here is also in the command palette.
        {!inInbox && ' The inbox has more keys: they are listed when you open this from the inbox.'}
        {inInbox && ' The Escalations page (g then e) has keys of its own for its queue.'}
      </Text>
      <SimpleGrid cols={2} spacing="xl" verticalSpacing="lg">
        {groups.map((group) => {
          const listed = commands.filter((c) => c.group === group && c.keys && availableOn(c, page));
          if (listed.length === 0) return null;
          return (
            <Stack key={group} gap={6}>
              <Title order={3} size="xs" tt="uppercase" c="dimmed" fw={650} style={{ letterSpacing: '0.04em' }}>
                {group}
              </Title>
              {listed.map((command) => (
                <Group key={command.id} justify="space-between" wrap="nowrap" gap="md">
                  <Text size="sm">{command.label}</Text>
                  <Group gap={6} wrap="nowrap">
                    {(command.keys ?? []).map((keys, i) => (
                      <Fragment key={keys.join(' ')}>
                        {i > 0 && (
                          <Text span size="xs" c="dimmed">
                            or
                          </Text>
                        )}
                        <Shortcut keys={keys} />
                      </Fragment>
                    ))}
                  </Group>
                </Group>
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Modal>
  );
}
