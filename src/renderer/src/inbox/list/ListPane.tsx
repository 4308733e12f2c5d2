import { Alert, Box, Text } from '@mantine/core';
import { useSession } from '../../stores/session';
import { FilterBar } from '../filters/FilterBar';
import { reloadList } from '../flows/list';
import { isEmptyFilter } from '../model/filters';
import { conversations } from '../model/labels';
import { useList } from '../state/list';
import { selectFilterModified, useQuery } from '../state/query';
import { selectStoreEmpty, useViews } from '../state/views';
import { EmptyInbox } from './EmptyInbox';
import { FeedbackList } from './FeedbackList';
import { ListHeader } from './ListHeader';
import { ListError, LoadingRows, NoMatches } from './ListStates';

function DemoNotice() {
  const demoResult = useSession((state) => state.demoResult);
  const dismiss = useSession((state) => state.demoNoticeDismissed);
  if (demoResult === null) return null;
  const message =
    demoResult.imported > 0
      ? `Loaded ${conversations(demoResult.imported)} into a demo inbox.`
      : 'The demo inbox was already loaded; nothing new was added.';
  return (
    <Alert color="gray" variant="light" withCloseButton closeButtonLabel="Dismiss" onClose={dismiss} radius={0} py={6} styles={{ body: { justifyContent: 'center' } }}>
      <Text size="sm" span data-testid="demo-result">
        {message}
      </Text>
    </Alert>
  );
}

export function useViewName(): string {
  const viewId = useQuery((s) => s.viewId);
  return useViews((s) => s.views?.find((v) => v.id === viewId)?.name) ?? (viewId === 'builtin:all' ? 'All feedback' : 'Inbox');
}

function ListBody() {
  const phase = useList((s) => s.phase);
  const hasItems = useList((s) => s.items.length > 0);
  const total = useList((s) => s.total);
  const error = useList((s) => s.error);
  const storeEmpty = useViews(selectStoreEmpty);
  const filter = useQuery((s) => s.filter);
  const modified = useQuery(selectFilterModified);
  const viewName = useViewName();

  if (!hasItems) {
    if (phase === 'failed' && error) return <ListError error={error} onRetry={() => void reloadList()} />;
    if (phase !== 'ready' || total === null) return <LoadingRows />;
    if (storeEmpty || (isEmptyFilter(filter) && total === 0)) return <EmptyInbox />;
    return <NoMatches searching={modified && Boolean(filter.query?.trim())} modified={modified} onClear={() => useQuery.getState().filterReset()} />;
  }
  return (
    <>
      {phase === 'failed' && error && <ListError error={error} onRetry={() => void reloadList()} />}
      <FeedbackList label={`${viewName} conversations`} />
    </>
  );
}

/** The middle pane: filters, the title row, then the list or what stands in for it. */
export function ListPane() {
  const viewName = useViewName();
  return (
    <Box component="section" aria-label="Conversations" style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <FilterBar />
      <ListHeader viewName={viewName} />
      <DemoNotice />
      <ListBody />
    </Box>
  );
}
