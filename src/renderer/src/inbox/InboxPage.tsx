/** The inbox page of the workspace: the list in the main area, the open conversation beside it. */
import { AppShell } from '@mantine/core';
import { WorkspaceMain } from '../workspace/layout';
import { DetailPane } from './detail/DetailPane';
import { ListPane } from './list/ListPane';

export function InboxPage() {
  return (
    <>
      <WorkspaceMain>
        <ListPane />
      </WorkspaceMain>
      <AppShell.Aside>
        <DetailPane />
      </AppShell.Aside>
    </>
  );
}
