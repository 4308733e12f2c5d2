/**
 * "Suggest topics": runs discovery as a `discover` job (jobs/kinds/discovery.ts) with
 * `topics.discovery` as it goes, lists the latest run's proposals, and accepts or rejects
 * one. One run at a time: asking again while one runs answers with the running job.
 */
import type { AnalysisState, DiscoveryScope } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import type { JobService } from '../jobs/service';
import { recordAudit } from '../store/audit';
import { acceptProposal, latestProposals, proposalMembers, rejectProposal, viewFilter } from '../store/topic-proposals-repo';
import { defineHandlers, mutation, query, type CoreHandlers, type Emitted } from './define';

const PROPOSALS_CHANGED: Emitted = ['topics.proposals.changed', {}];
/** A `feedback.changed` names the tagged items up to this many; past it, the window reads again. */
const MAX_NAMED_IDS = 200;

function startDiscovery(ctx: CoreContext, jobs: JobService, scope: DiscoveryScope, minSize: number | undefined): string {
  const db = requireDb(ctx);
  // A view deleted since it was chosen is answered now, not as a failed job.
  if (scope.kind === 'view') viewFilter(db, scope.viewId);
  let done = 0;
  let total = 0;
  const progress = (jobId: string, state: AnalysisState, error: string | null = null): void =>
    ctx.emit('topics.discovery', { jobId, state, done, total: Math.max(total, done), error });
  const job = jobs.start(
    'discover',
    { scope, minSize },
    {
      actor: 'system',
      describe: { scope, ...(minSize === undefined ? {} : { minSize }) },
      changedReason: 'analysis',
      onProgress: (p) => {
        done = p.done;
        total = p.total;
        progress(job.id, 'running');
      },
    },
  );
  progress(job.id, 'running');
  void job.done.then((outcome) => {
    const state: AnalysisState = outcome.ok ? outcome.result.state : 'failed';
    if (outcome.ok && outcome.result.state === 'done') {
      done = total = outcome.result.considered;
      if (ctx.db?.open) {
        recordAudit(ctx.db, {
          at: ctx.now(),
          actor: 'system',
          action: 'topics.suggested',
          detail: { scope, considered: outcome.result.considered, proposals: outcome.result.proposals },
        });
      }
      ctx.emit('topics.proposals.changed', {});
    }
    progress(job.id, state, outcome.ok ? null : `Suggesting topics stopped: ${outcome.error.message}`);
  });
  return job.id;
}

export function topicDiscoveryHandlers(ctx: CoreContext, jobs: JobService) {
  let runningId: string | null = null;
  const running = (): string | null => (runningId !== null && jobs.running(runningId) ? runningId : null);

  const suggest: CoreHandlers['topics.suggest'] = ({ scope, minSize }) => {
    const current = running();
    if (current !== null) return { jobId: current };
    runningId = startDiscovery(ctx, jobs, scope, minSize);
    return { jobId: runningId };
  };

  return {
    'topics.suggest': suggest,
    ...defineHandlers(ctx, {
      'topics.proposals': query((db) => {
        const { run, proposals } = latestProposals(db);
        return { proposals, run: run && { at: run.at, scope: run.scope, considered: run.considered, grouped: run.grouped, tookMs: run.tookMs }, running: running() !== null };
      }),
      'topics.members': query((db, { id }) => ({ members: proposalMembers(db, id) })),
      'topics.accept': mutation((db, input, { at }) => {
        const { topic, tagged, ids } = acceptProposal(db, input, at);
        return {
          result: { topic, tagged },
          audit: { action: 'topics.proposal.accepted', entityType: 'topic', entityId: topic.id, detail: { proposal: input.id, name: topic.name, tagged } },
          emit: [
            ['taxonomy.changed', {}],
            ['feedback.changed', ids.length <= MAX_NAMED_IDS ? { reason: 'update', ids } : { reason: 'update' }],
            PROPOSALS_CHANGED,
          ],
        };
      }),
      'topics.reject': mutation((db, { id }, { at }) => {
        const rejected = rejectProposal(db, id, at);
        if (!rejected) return { result: { rejected } };
        return { result: { rejected }, audit: { action: 'topics.proposal.rejected', entityType: 'topic_proposal', entityId: id }, emit: PROPOSALS_CHANGED };
      }),
    }),
  };
}
