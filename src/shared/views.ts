import type { FeedbackFilter } from './contract';

/** The views every inbox has; saved views (named filter sets) come after them. */
export const builtInViews: readonly { id: string; name: string; filter: FeedbackFilter }[] = [
  { id: 'builtin:inbox', name: 'Inbox', filter: { status: ['open', 'pending'] } },
  { id: 'builtin:unread', name: 'Unread', filter: { unread: true } },
  { id: 'builtin:vip', name: 'VIP', filter: { vip: true, status: ['open', 'pending'] } },
  { id: 'builtin:escalated', name: 'Escalated', filter: { escalated: true } },
  /** Rules suggest escalating these, and no one has yet. */
  { id: 'builtin:flagged', name: 'Flagged by rules', filter: { flagged: true, escalated: false, status: ['open', 'pending'] } },
  { id: 'builtin:due-soon', name: 'Due soon', filter: { sla: 'due-soon' } },
  { id: 'builtin:breached', name: 'Breached', filter: { sla: 'breached' } },
  { id: 'builtin:replied', name: 'Replied', filter: { status: ['replied'] } },
  { id: 'builtin:done', name: 'Resolved', filter: { status: ['resolved', 'closed'] } },
  { id: 'builtin:all', name: 'All feedback', filter: {} },
];

export function isBuiltInView(id: string): boolean {
  return id.startsWith('builtin:');
}
