import type { FeedbackSummary } from '../../src/shared/contract';

/** A list row as the core sends it, with only what a test cares about changed. */
export function summary(id: string, patch: Partial<FeedbackSummary> = {}): FeedbackSummary {
  return {
    id,
    channel: 'email',
    subject: null,
    preview: '',
    customer: null,
    product: null,
    language: null,
    status: 'open',
    sentiment: null,
    tags: [],
    escalated: false,
    unread: true,
    messageCount: 1,
    receivedAt: 0,
    priority: null,
    sla: null,
    flag: null,
    snippet: null,
    ...patch,
  };
}
