/**
 * The inbox an agent lives in: views | list | conversation, all reachable from the keyboard,
 * following the core's changes live.
 */
import { ActionIcon, AppShell, Button, Group, Text, Tooltip, useAppShellResize } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { IconCommand, IconFileImport, IconKeyboard, IconShieldLock } from '@tabler/icons-react';
import { spotlight } from '@mantine/spotlight';
import { useEffect } from 'react';
import { ThemeToggle } from '../components/ThemeToggle';
import { importRequested } from '../import/flows';
import { ImportLayer } from '../import/ImportLayer';
import { useWorkspace } from '../stores/workspace';
import { TemplatesScreen } from '../templates/TemplatesScreen';
import { TopicsScreen } from '../topics/TopicsScreen';
import { Shortcut } from './common/Shortcut';
import { DetailPane } from './detail/DetailPane';
import { SearchBox } from './filters/SearchBox';
import { reloadList } from './flows/list';
import { followCoreChanges } from './flows/live';
import { followTemplateChanges } from './flows/replies';
import { loadFacets, loadViews } from './flows/views';
import { CommandPalette } from './keyboard/CommandPalette';
import { useCommands } from './keyboard/commands';
import { ShortcutSheet } from './keyboard/ShortcutSheet';
import { useShortcuts } from './keyboard/useShortcuts';
import { ListPane } from './list/ListPane';
import { ViewNav } from './nav/ViewNav';
import { ViewNameModal } from './nav/ViewNameModal';
import { TriagePickers } from './pickers/TriagePickers';
import { useOverlay } from './state/overlay';
import { useQuery } from './state/query';

const headerHeight = 52;
const navWidth = 232;
const asideWidth = 540;
const asideSizeKey = 'hearken.detailWidth';

function storedAsideWidth(): number | undefined {
  try {
    const stored = Number(window.localStorage.getItem(asideSizeKey));
    return Number.isFinite(stored) && stored > 0 ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the data the inbox needs and keeps the list in step with what is on screen. */
function useInboxData(): void {
  useEffect(() => {
    // The core answers one call at a time, so the first page goes first: view counts and
    // facets scan far more rows and would otherwise hold back the first paint.
    const firstPage = useQuery.getState().viewResolved ? reloadList() : Promise.resolve();
    void firstPage.finally(() => {
      void loadViews();
      void loadFacets();
    });
    const stopQuery = useQuery.subscribe((state, previous) => {
      if (!state.viewResolved) return;
      if (state.filter !== previous.filter || state.sort !== previous.sort || state.resetCount !== previous.resetCount) void reloadList();
    });
    const stopLive = followCoreChanges();
    const stopTemplates = followTemplateChanges();
    return () => {
      stopQuery();
      stopLive();
      stopTemplates();
    };
  }, []);
}

function Header() {
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

export function InboxScreen() {
  useInboxData();
  const page = useWorkspace((s) => s.page);
  const commands = useCommands();
  useShortcuts(commands);
  const resize = useAppShellResize({
    aside: { min: 400, max: 1000, label: 'Resize the conversation pane' },
    initialSizes: { aside: storedAsideWidth() },
    onResizeEnd: (sizes) => {
      try {
        if (sizes.aside) window.localStorage.setItem(asideSizeKey, String(Math.round(sizes.aside)));
      } catch {
        // The width simply resets next time.
      }
    },
  });

  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: navWidth, breakpoint: 'sm' }}
      aside={{ width: asideWidth, breakpoint: 'sm', collapsed: { desktop: page !== 'inbox', mobile: true } }}
      resize={resize}
      padding={0}
    >
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar>
        <ViewNav />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {page === 'inbox' ? <ListPane /> : page === 'templates' ? <TemplatesScreen /> : <TopicsScreen />}
      </AppShell.Main>
      {page === 'inbox' && (
        <AppShell.Aside>
          <DetailPane />
        </AppShell.Aside>
      )}
      <TriagePickers />
      <ViewNameModal />
      <ShortcutSheet commands={commands} />
      <CommandPalette commands={commands} />
      <ImportLayer />
      <Notifications position="bottom-left" limit={3} containerWidth={400} />
    </AppShell>
  );
}
