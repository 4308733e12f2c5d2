/** The workspace's frame, shared by its shell and the pages that fill its main area. */
import { AppShell } from '@mantine/core';
import type { ReactNode } from 'react';

export const headerHeight = 52;
export const navWidth = 232;
export const asideWidth = 540;

/** The main area a page fills; the inbox page adds its conversation pane beside it. */
export function WorkspaceMain({ children }: { children: ReactNode }) {
  return (
    <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      {children}
    </AppShell.Main>
  );
}
