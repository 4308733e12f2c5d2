import { call, toErrorInfo } from '../api';
import { useInbox } from './inbox';

const pageSize = 100;

export async function refreshInbox(): Promise<void> {
  const generation = useInbox.getState().refreshStarted();
  try {
    const [page, count] = await Promise.all([
      call('feedback.list', { limit: pageSize }),
      call('feedback.count', {}),
    ]);
    useInbox.getState().firstPageLoaded(generation, page, count.total);
  } catch (error) {
    useInbox.getState().pageFailed(generation, toErrorInfo(error));
  }
}

export async function loadMoreFeedback(): Promise<void> {
  const { nextCursor, generation, phase, morePageRequested } = useInbox.getState();
  if (nextCursor === null || phase === 'loading' || phase === 'loadingMore') return;
  morePageRequested();
  try {
    const page = await call('feedback.list', { cursor: nextCursor, limit: pageSize });
    useInbox.getState().morePageLoaded(generation, page);
  } catch (error) {
    useInbox.getState().pageFailed(generation, toErrorInfo(error));
  }
}
