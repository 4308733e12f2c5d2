/** The conversation open in the right-hand pane. */
import { create } from 'zustand';
import type { FeedbackChange, FeedbackDetail } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';

interface DetailState {
  openId: string | null;
  detail: FeedbackDetail | null;
  loading: boolean;
  error: ErrorInfo | null;
  feedbackOpened(id: string): void;
  detailLoaded(id: string, detail: FeedbackDetail): void;
  detailFailed(id: string, error: ErrorInfo): void;
  detailClosed(): void;
  detailChanged(ids: readonly string[], change: FeedbackChange): void;
}

export const useDetail = create<DetailState>()((set, get) => ({
  openId: null,
  detail: null,
  loading: false,
  error: null,
  // The previous conversation stays until the next one arrives (the pane shows it inert,
  // then a skeleton if the wait grows): tearing it down first would render the pane twice.
  feedbackOpened: (id) => set({ openId: id, loading: true, error: null }),
  detailLoaded: (id, detail) => {
    if (get().openId !== id) return;
    set({ detail, loading: false, error: null });
  },
  detailFailed: (id, error) => {
    if (get().openId !== id) return;
    // A failed open shows its error, not the conversation that was open before.
    set({ loading: false, error, detail: get().detail?.id === id ? get().detail : null });
  },
  detailClosed: () => set({ openId: null, detail: null, loading: false, error: null }),
  detailChanged: (ids, change) => {
    const detail = get().detail;
    if (!detail || !ids.includes(detail.id)) return;
    let tags = detail.tags.filter((t) => !change.removeTags?.includes(t.name));
    for (const name of change.addTags ?? []) if (!tags.some((t) => t.name === name)) tags = [...tags, { name, source: 'human' }];
    set({
      detail: {
        ...detail,
        status: change.status ?? detail.status,
        unread: change.unread ?? detail.unread,
        assignee: change.assignee !== undefined ? change.assignee : detail.assignee,
        sentiment: change.sentiment ?? detail.sentiment,
        sentimentSource: change.sentiment ? 'human' : detail.sentimentSource,
        tags: tags.sort((a, b) => a.name.localeCompare(b.name)),
      },
    });
  },
}));
