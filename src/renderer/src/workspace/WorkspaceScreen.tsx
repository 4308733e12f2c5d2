/**
 * The workspace an agent lives in once the store is open: the header, the nav of views and
 * pages, and the page it shows (the inbox, the escalation queue, the template library, the
 * topic taxonomy, or rules and SLA), with the keyboard, the command palette, the Escalate
 * dialog, import and notifications over all of them.
 */
import { AppShell, useAppShellResize } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { AiScreen } from '../ai/AiScreen';
import { EscalateDialog } from '../escalation/EscalateDialog';
import { EscalationsScreen } from '../escalation/EscalationsScreen';
import { ImportLayer } from '../import/ImportLayer';
import { InboxPage } from '../inbox/InboxPage';
import { CommandPalette } from '../inbox/keyboard/CommandPalette';
import { useCommands } from '../inbox/keyboard/commands';
import { ShortcutSheet } from '../inbox/keyboard/ShortcutSheet';
import { useShortcuts } from '../inbox/keyboard/useShortcuts';
import { ViewNameModal } from '../inbox/nav/ViewNameModal';
import { ViewNav } from '../inbox/nav/ViewNav';
import { TriagePickers } from '../inbox/pickers/TriagePickers';
import { useDetail } from '../inbox/state/detail';
import { useInboxData } from '../inbox/useInboxData';
import { ReportsScreen } from '../reports/ReportsScreen';
import { RoutingScreen } from '../routing/RoutingScreen';
import { SecurityScreen } from '../security/SecurityScreen';
import { useWorkspace, type WorkspacePage } from '../stores/workspace';
import { TemplatesScreen } from '../templates/TemplatesScreen';
import { TopicsScreen } from '../topics/TopicsScreen';
import { conversationPaneWidth, headerHeight, navCollapsedWidth, navWidth, useNavCollapsed, WorkspaceMain } from './layout';
import { WorkspaceHeader } from './WorkspaceHeader';
import classes from './workspace.module.css';

const asideSizeKey = 'hearken.detailWidth';

function storedAsideWidth(): number | null {
  try {
    const stored = Number(window.localStorage.getItem(asideSizeKey));
    return Number.isFinite(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}

/** Every page but the inbox fills the main area alone (the inbox adds its conversation pane). */
function pageContent(page: Exclude<WorkspacePage, 'inbox'>): ReactNode {
  switch (page) {
    case 'escalations':
      return <EscalationsScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'topics':
      return <TopicsScreen />;
    case 'routing':
      return <RoutingScreen />;
    case 'ai':
      return <AiScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'security':
      return <SecurityScreen />;
  }
}

export function WorkspaceScreen() {
  useInboxData();
  const page = useWorkspace((s) => s.page);
  const somethingOpen = useDetail((s) => s.openId !== null);
  const commands = useCommands();
  useShortcuts(commands);
  const collapsed = useNavCollapsed();
  const nav = collapsed ? navCollapsedWidth : navWidth;
  const { width: windowWidth } = useViewportSize();
  const [chosen, setChosen] = useState(storedAsideWidth);
  // The agent's chosen width, kept within what leaves the list its minimum at this window size.
  const pane = conversationPaneWidth(windowWidth || window.innerWidth, nav, chosen);
  const resize = useAppShellResize({
    aside: { min: pane.min, max: pane.max, label: 'Resize the conversation pane' },
    onResizeEnd: (sizes) => {
      if (!sizes.aside) return;
      const width = Math.round(sizes.aside);
      setChosen(width);
      resize.aside.reset();
      try {
        window.localStorage.setItem(asideSizeKey, String(width));
      } catch {
        // The width simply resets next time.
      }
    },
  });

  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={{ width: nav, breakpoint: 0 }}
      // With nothing open the list takes the whole width: subjects and previews in full.
      aside={{ width: pane.width, breakpoint: 0, collapsed: { desktop: page !== 'inbox' || !somethingOpen, mobile: page !== 'inbox' || !somethingOpen } }}
      resize={resize}
      padding={0}
      transitionDuration={0}
    >
      <AppShell.Header>
        <WorkspaceHeader />
      </AppShell.Header>
      <AppShell.Navbar>
        <ViewNav />
      </AppShell.Navbar>
      {page === 'inbox' ? <InboxPage /> : <WorkspaceMain>{pageContent(page)}</WorkspaceMain>}
      <TriagePickers />
      <EscalateDialog />
      <ViewNameModal />
      <ShortcutSheet commands={commands} />
      <CommandPalette commands={commands} />
      <ImportLayer />
      {/* Over the header, never over the list's rows or the reply box. */}
      <Notifications position="top-center" limit={2} containerWidth={460} className={classes.notices} />
    </AppShell>
  );
}
