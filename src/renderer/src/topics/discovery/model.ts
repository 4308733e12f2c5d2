/** Wording for "Suggest topics": scopes, the last run and a job's progress. Pure. */
import type { DiscoveryRun, DiscoveryScope, View } from '../../../../shared/contract';
import { countLabel, dateTimeLabel } from '../../format';

const countFormat = new Intl.NumberFormat();
const countOnly = (n: number): string => countFormat.format(n);

/** The scope menu's value: 'untagged', 'all', or 'view:<id>'. */
export function scopeValue(scope: DiscoveryScope): string {
  return scope.kind === 'view' ? `view:${scope.viewId}` : scope.kind;
}

export function scopeOf(value: string): DiscoveryScope {
  if (value.startsWith('view:')) return { kind: 'view', viewId: value.slice('view:'.length) };
  return value === 'all' ? { kind: 'all' } : { kind: 'untagged' };
}

/** The scopes a run can take: the conversations without a topic, every one, or a view's. */
export function scopeOptions(views: readonly View[] | null): { group: string; items: { value: string; label: string }[] }[] {
  const groups = [
    {
      group: 'Conversations',
      items: [
        { value: 'untagged', label: 'Without a topic' },
        { value: 'all', label: 'All conversations' },
      ],
    },
  ];
  // "All feedback" is the same as all conversations.
  const viewItems = (views ?? []).filter((v) => v.id !== 'builtin:all').map((v) => ({ value: `view:${v.id}`, label: `View: ${v.name}` }));
  if (viewItems.length > 0) groups.push({ group: 'A view', items: viewItems });
  return groups;
}

export function scopeLabel(scope: DiscoveryScope, views: readonly View[] | null): string {
  if (scope.kind === 'untagged') return 'conversations without a topic';
  if (scope.kind === 'all') return 'all conversations';
  const name = views?.find((v) => v.id === scope.viewId)?.name;
  return name ? `conversations in the view “${name}”` : 'conversations in a view';
}

/** "Last run 6 Dec 2026, 09:14 · 980 of 1,240 conversations without a topic grouped · 1.2 s". */
export function runSummary(run: DiscoveryRun, views: readonly View[] | null): string {
  const seconds = run.tookMs < 1000 ? `${run.tookMs} ms` : `${(run.tookMs / 1000).toFixed(1)} s`;
  return `Last run ${dateTimeLabel(run.at)} · ${countOnly(run.grouped)} of ${countOnly(run.considered)} ${scopeLabel(run.scope, views)} grouped · ${seconds}`;
}

/** Progress under the button: "Grouping 4,100 of 12,000 conversations…". */
export function progressLabel(done: number, total: number): string {
  if (total === 0) return 'Reading the conversations…';
  return `Grouping ${countOnly(done)} of ${countLabel(total, 'conversation')}…`;
}
