/**
 * `hearken topics suggest`: groups the conversations without a topic (or a view's, or all)
 * by what they share, as the window's "Suggest topics" does, and stores the run so the
 * window shows the same proposals. --json prints each proposal with the external ids of its
 * items, so a script can score the grouping against its own labels.
 */
import type { DiscoveryScope, EventPayload, View } from '../../shared/contract';
import { HearkenError } from '../../shared/errors';
import { printJson } from '../output';
import type { CliSession } from '../session';
import { usageError } from './report';

export interface TopicsSuggestOptions {
  view?: string;
  all?: boolean;
  minSize?: string;
  json?: boolean;
  progress?: boolean;
}

/** What the command will do, checked before any store is opened. */
export interface SuggestPlan {
  scope: { kind: 'untagged' } | { kind: 'all' } | { kind: 'view'; name: string };
  minSize: number | undefined;
}

export function planSuggest(opts: TopicsSuggestOptions): SuggestPlan {
  if (opts.view !== undefined && opts.all) throw usageError('Give --view NAME or --all, not both.');
  let minSize: number | undefined;
  if (opts.minSize !== undefined) {
    minSize = Number(opts.minSize);
    if (!Number.isInteger(minSize) || minSize < 2) throw usageError(`--min-size must be a whole number of 2 or more; not "${opts.minSize}".`);
  }
  const scope: SuggestPlan['scope'] = opts.all ? { kind: 'all' } : opts.view !== undefined ? { kind: 'view', name: opts.view } : { kind: 'untagged' };
  return { scope, minSize };
}

function findView(views: readonly View[], name: string): View {
  const wanted = name.trim().toLowerCase();
  const view = views.find((v) => v.id === name) ?? views.find((v) => v.builtIn && v.id === `builtin:${wanted}`) ?? views.find((v) => v.name.toLowerCase() === wanted);
  if (!view) throw new HearkenError('NOT_FOUND', `No view is called "${name}". Views: ${views.map((v) => v.name).join(', ')}.`);
  return view;
}

type DiscoveryEvent = EventPayload<'topics.discovery'>;

/** Starts the run and waits for its last event; progress on stderr when asked or at a terminal. */
async function runDiscovery(session: CliSession, scope: DiscoveryScope, minSize: number | undefined, showProgress: boolean): Promise<void> {
  // Events are kept from before the call: a tiny store's run may end before the call returns.
  const seen = new Map<string, DiscoveryEvent>();
  let wake: (() => void) | null = null;
  const stop = session.core.onEvent((name, payload) => {
    if (name !== 'topics.discovery') return;
    const p = payload as DiscoveryEvent;
    seen.set(p.jobId, p);
    if (showProgress && p.state === 'running' && p.total > 0) process.stderr.write(`\rGrouping ${p.done} of ${p.total} conversations`);
    wake?.();
  });
  try {
    const { jobId } = await session.call('topics.suggest', { scope, ...(minSize === undefined ? {} : { minSize }) });
    let last = seen.get(jobId);
    while (last === undefined || last.state === 'running') {
      await new Promise<void>((resolve) => {
        wake = () => resolve();
      });
      last = seen.get(jobId);
    }
    if (showProgress) process.stderr.write('\n');
    if (last.state === 'failed') throw new HearkenError('INTERNAL', last.error ?? 'Suggesting topics failed.');
    if (last.state === 'cancelled') throw new HearkenError('LOCKED', 'Suggesting topics was stopped before it finished; nothing was stored. Run the command again.');
  } finally {
    stop();
  }
}

function scopeLabel(scope: DiscoveryScope, viewName: string | null): string {
  if (scope.kind === 'all') return 'all conversations';
  if (scope.kind === 'view') return `the view "${viewName ?? scope.viewId}"`;
  return 'conversations without a topic';
}

export async function topicsSuggest(session: CliSession, plan: SuggestPlan, opts: TopicsSuggestOptions): Promise<void> {
  await session.unlock();
  let scope: DiscoveryScope;
  let viewName: string | null = null;
  if (plan.scope.kind === 'view') {
    const view = findView(await session.call('views.list', {}), plan.scope.name);
    scope = { kind: 'view', viewId: view.id };
    viewName = view.name;
  } else scope = plan.scope;

  await runDiscovery(session, scope, plan.minSize, opts.progress === true || process.stderr.isTTY);
  const { run, proposals } = await session.call('topics.proposals', {});
  if (run === null) throw new HearkenError('INTERNAL', 'The run ended but was not stored. Run the command again.');
  const listed = [];
  for (const p of proposals) {
    const { members } = await session.call('topics.members', { id: p.id });
    listed.push({
      id: p.id,
      name: p.name,
      keywords: p.keywords,
      phrases: p.phrases,
      language: p.language,
      size: p.size,
      externalIds: members.flatMap((m) => (m.externalId === null ? [] : [m.externalId])),
      // Items imported without an id of their own are named by their Hearken id.
      ids: members.flatMap((m) => (m.externalId === null ? [m.id] : [])),
    });
  }

  if (opts.json) {
    printJson({ run: { ...run, at: new Date(run.at).toISOString(), ...(viewName === null ? {} : { viewName }) }, proposals: listed });
    return;
  }
  const out: string[] = [`Grouped ${run.grouped} of ${run.considered} ${scopeLabel(run.scope, viewName)} into ${listed.length} proposed topics (${(run.tookMs / 1000).toFixed(1)} s).`];
  if (listed.length === 0) {
    out.push('No group was large enough to propose. Try --min-size 3, or --all to include conversations that already have a topic.');
  } else {
    const width = Math.min(32, Math.max(5, ...listed.map((p) => p.name.length)));
    out.push('', `${'Topic'.padEnd(width)}  ${'Items'.padStart(6)}  Keywords`);
    for (const p of listed) out.push(`${p.name.slice(0, width).padEnd(width)}  ${String(p.size).padStart(6)}  ${p.keywords.slice(0, 6).join(', ')}`);
    out.push('', 'Accept or reject them in the window: Topics > Suggest topics.');
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
