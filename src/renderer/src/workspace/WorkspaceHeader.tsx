/** The workspace's top bar: the name, the inbox search, import, the command palette and the theme. */
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconCommand, IconFileImport, IconKeyboard, IconShieldLock } from '@tabler/icons-react';
import { Shortcut } from '../common/Shortcut';
import { AiQueueIndicator } from '../ai/QueueIndicator';
import { ThemeToggle } from '../components/ThemeToggle';
import { importRequested } from '../import/flows';
import { SearchBox } from '../inbox/filters/SearchBox';
import { useOverlay } from '../inbox/state/overlay';
import { navWidth } from './layout';

export function WorkspaceHeader() {
  return (
    <Group h="100%" gap={0} wrap="nowrap">
      <Group gap={8} w={navWidth} pl={18} wrap="nowrap" style={{ flexShrink: 0 }}>
        <IconShieldLock size={18} stroke={1.7} color="var(--mantine-primary-color-filled)" aria-hidden />
        <Text component="h1" fw={700} size="md" m={0}>
          Hearken
        </Text>
      </Group>
      <Group flex={1} px={12} wrap="nowrap" role="search">
        <SearchBox />
      </Group>
      <Group gap={8} pr={14} wrap="nowrap">
        <AiQueueIndicator />
        <Tooltip label={<Group gap={6}>Import feedback from a file <Shortcut keys={['Mod+I']} /></Group>}>
          <Button
            variant="default"
            size="compact-sm"
            h={30}
            leftSection={<IconFileImport size={14} />}
            onClick={() => void importRequested()}
            data-testid="import-open"
          >
            Import…
          </Button>
        </Tooltip>
        <Button
          variant="default"
          size="compact-sm"
          h={30}
          leftSection={<IconCommand size={14} />}
          rightSection={<Shortcut keys={['Mod+K']} />}
          onClick={() => spotlight.open()}
          data-testid="palette-open"
        >
          Commands
        </Button>
        <Tooltip label={<Group gap={6}>Keyboard shortcuts <Shortcut keys={['?']} /></Group>}>
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={() => useOverlay.getState().overlayOpened({ kind: 'shortcuts' })}>
            <IconKeyboard size={18} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
        <ThemeToggle />
      </Group>
    </Group>
  );
}
