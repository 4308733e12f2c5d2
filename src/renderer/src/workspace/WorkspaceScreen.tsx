/**
 * The workspace an agent lives in once the store is open: the header, the nav of views and
 * pages, and the page it shows (the inbox, the template library or the topic taxonomy),
 * with the keyboard, the command palette, import and notifications over all of them.
 */
import { AppShell, useAppShellResize } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { ImportLayer } from '../import/ImportLayer';
import { InboxPage } from '../inbox/InboxPage';
import { CommandPalette } from '../inbox/keyboard/CommandPalette';
import { useCommands } from '../inbox/keyboard/commands';
import { ShortcutSheet } from '../inbox/keyboard/ShortcutSheet';
import { useShortcuts } from '../inbox/keyboard/useShortcuts';
import { ViewNameModal } from '../inbox/nav/ViewNameModal';
import { ViewNav } from '../inbox/nav/ViewNav';
import { TriagePickers } from '../inbox/pickers/TriagePickers';
import { useInboxData } from '../inbox/useInboxData';
import { useWorkspace } from '../stores/workspace';
import { TemplatesScreen } from '../templates/TemplatesScreen';
import { TopicsScreen } from '../topics/TopicsScreen';
import { asideWidth, headerHeight, navWidth, WorkspaceMain } from './layout';
import { WorkspaceHeader } from './WorkspaceHeader';

const asideSizeKey = 'hearken.detailWidth';

function storedAsideWidth(): number | undefined {
  try {
    const stored = Number(window.localStorage.getItem(asideSizeKey));
    return Number.isFinite(stored) && stored > 0 ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function WorkspaceScreen() {
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
        <WorkspaceHeader />
      </AppShell.Header>
      <AppShell.Navbar>
        <ViewNav />
      </AppShell.Navbar>
      {page === 'inbox' ? <InboxPage /> : <WorkspaceMain>{page === 'templates' ? <TemplatesScreen /> : <TopicsScreen />}</WorkspaceMain>}
      <TriagePickers />
      <ViewNameModal />
      <ShortcutSheet commands={commands} />
      <CommandPalette commands={commands} />
      <ImportLayer />
      <Notifications position="bottom-left" limit={3} containerWidth={400} />
    </AppShell>
  );
}
