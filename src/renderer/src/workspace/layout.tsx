/** The workspace's frame, shared by its shell and the pages that fill its main area. */
import { AppShell } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { navCollapsedBelow } from './model/pane-width';
import type { ReactNode } from 'react';

export { conversationPaneWidth, navCollapsedWidth, navWidth } from './model/pane-width';

export const headerHeight = 52;
/** True while the window is narrower than navCollapsedBelow; decided before the first paint. */
export function useNavCollapsed(): boolean {
  return useMediaQuery(`(max-width: ${navCollapsedBelow - 0.02}px)`, window.innerWidth < navCollapsedBelow, { getInitialValueInEffect: false });
}

/** The main area a page fills; the inbox page adds its conversation pane beside it. */
export function WorkspaceMain({ children }: { children: ReactNode }) {
  return (
    <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      {children}
    </AppShell.Main>
  );
}
