import { fileURLToPath } from 'node:url';
import { contract, isChannel, type EventName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { toErrorInfo } from './errors';
import { FileGrants } from './grants';
import { requireDb, type CoreContext, type StoreSwap } from './context';
import { HearkenError } from '../../shared/errors';
import { log } from './log';
import { draftRunner } from './ai/draft';
import { AiService } from './ai/service';
import { summaryRunner } from './ai/summary';
import { triageRunner } from './ai/triage';
import { aiHandlers } from './handlers/ai';
import { analysisHandlers } from './handlers/analysis';
import { flushSlowLogs } from './handlers/define';
import type { CoreHandlers } from './handlers/define';
import { escalationHandlers, OutboundCalls } from './handlers/escalations';
import { feedbackHandlers } from './handlers/feedback';
import { reevaluateAll, ruleHandlers } from './handlers/rules';
import { slaHandlers } from './handlers/sla';
import { importHandlers } from './handlers/import';
import { kbHandlers } from './handlers/kb';
import { exportHandlers } from './handlers/exports';
import { ReportScheduler } from './reports/scheduler';
import { reportHandlers } from './handlers/reports';
import { profileHandlers } from './handlers/profile';
import { replyHandlers } from './handlers/replies';
import { templateHandlers } from './handlers/templates';
import { taxonomyHandlers } from './handlers/taxonomy';
import { topicDiscoveryHandlers } from './handlers/topic-discovery';
import { storeHandlers } from './handlers/store';
import { backupHandlers } from './handlers/backups';
import { Backups } from './backups/service';
import { BackupScheduler } from './backups/schedule';
import { keyHandlers } from './handlers/keys';
import { viewHandlers } from './handlers/views';
import { storeAccessHandlers } from './handlers/store-access';
import { Imports } from './ingest/imports';
import { InlineRunner } from './jobs/inline-runner';
import { JobService } from './jobs/service';
import { ThreadRunner } from './jobs/thread-runner';
import { StoreAccess } from './secrets/store-access';
import type { DB } from './store/db';
import { sweepSla } from './store/derived';
import { seedEscalationDefaults } from './store/rules-repo';
import { seedSlaSettings } from './store/sla-repo';
import { fillReportTimesOnce } from './store/report-times';
import type { CallMeta, CoreListener, CoreOptions, HostCore } from './types';

const AGENT: CallMeta = { actor: 'agent' };
/** How often, while the store is open, passed SLA deadlines are looked for. */
const SLA_SWEEP_MS = 60_000;

export { toErrorInfo } from './errors';
export type { Actor, CallMeta, Core, CoreDialogs, CoreListener, CoreOptions, HostCore } from './types';


const DEFAULT_DEMO = fileURLToPath(new URL('../../../resources/demo/inbox.json', import.meta.url));

/**
 * The composition root: one core behind every transport (Electron IPC, the CLI, the
 * loopback test bridge). Every input is validated against the contract here, and every
 * output is parsed back through its schema so nothing outside the contract (a key, a
 * file path nobody asked for) can cross to the window.
 */
export function createCore(options: CoreOptions): Promise<HostCore> {
  const listeners = new Set<CoreListener>();
  const ctx: CoreContext = {
    store: new StoreAccess(options.dataDir, options.secrets, options.nativeBinding),
    now: options.clock ?? Date.now,
    appVersion: options.appVersion ?? '0.0.0',
    demoInboxPath: options.demoInboxPath ?? DEFAULT_DEMO,
    db: null,
    undo: new Map(),
    emit(name, payload) {
      for (const listener of listeners) listener(name as EventName, payload);
    },
  };

  const runner = options.jobWorker
    ? new ThreadRunner(options.jobWorker, () => (ctx.db ? ctx.store.connection() : null))
    : new InlineRunner(() => requireDb(ctx), ctx.now);
  const jobs = new JobService(ctx, runner);
  const imports = new Imports(ctx, jobs, { dialogs: options.dialogs, batchSize: options.importBatchSize });
  const grants = new FileGrants();
  // PDF: the host's printer (Electron's printToPDF), else one the CLI found (its Chromium).
  const hostPrinter = options.dialogs?.printToPdf;
  const printToPdf = hostPrinter ? (html: string) => hostPrinter.call(options.dialogs, html) : options.printToPdf;
  const reportScheduler = new ReportScheduler(ctx, () => printToPdf);
  const backups = new Backups(ctx, jobs);
  const backupScheduler = new BackupScheduler(ctx, backups);

  // The shipped teams, rules and SLA settings, once per store; a store that had items before
  // escalation existed gets their deadlines and matches worked out then.
  const seedEscalation = (db: DB): void => {
    try {
      const seeded = seedEscalationDefaults(db, ctx.now());
      seedSlaSettings(db, ctx.now());
      // In steps, after the unlock has answered: a large store stays usable meanwhile.
      if (seeded) {
        void reevaluateAll(ctx).catch((error: unknown) =>
          log.warn('the shipped rules were not applied to every item yet; saving any rule does it', { error: error instanceof Error ? error.message : String(error) }),
        );
      }
    } catch (error) {
      log.warn('the shipped escalation rules were not seeded yet', { error: error instanceof Error ? error.message : String(error) });
    }
  };

  // The SLA sweep: at unlock and every minute while unlocked; stopped before the store closes.
  let sweepTimer: ReturnType<typeof setInterval> | null = null;
  const sweep = (): void => {
    if (!ctx.db) return;
    try {
      const done = sweepSla(ctx.db, ctx.now());
      const ids = [...new Set([...done.breached, ...done.changed])];
      if (ids.length > 0) ctx.emit('feedback.changed', { reason: 'sla', ids });
      if (done.breached.length > 0) ctx.emit('sla.changed', {});
    } catch (error) {
      log.warn('the SLA sweep failed; it runs again in a minute', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const stopSweep = (): void => {
    reportScheduler.stop();
    backupScheduler.stop();
    if (sweepTimer) clearInterval(sweepTimer);
    sweepTimer = null;
  };
  const startSweep = (): void => {
    stopSweep();
    if (!ctx.db) return;
    seedEscalation(ctx.db);
    const db = ctx.db;
    // A store migrated to 0016 gets its reply and resolution times in business hours, in steps.
    void fillReportTimesOnce(db, ctx.now, () => ctx.db === db).catch((error: unknown) =>
      log.warn('report times were not worked out for every item yet; they are at the next unlock', { error: error instanceof Error ? error.message : String(error) }),
    );
    sweep();
    sweepTimer = setInterval(sweep, SLA_SWEEP_MS);
    sweepTimer.unref();
    // The CLI turns scheduled work off: a command must not start what it would cut off on exit.
    if (options.scheduledExports !== false) {
      reportScheduler.start();
      backupScheduler.start();
    }
  };

  // The LLM queue runs in this thread: its calls are network waits, its writes are tiny.
  const ai = new AiService(ctx, { triage: triageRunner, draft: draftRunner, summary: summaryRunner }, options.ai);
  const startAi = async (): Promise<void> => {
    try {
      await ai.start();
    } catch (error) {
      log.warn('the AI queue did not start; it starts at the next unlock', { error: error instanceof Error ? error.message : String(error) });
    }
  };

  const outbound = new OutboundCalls();
  const access = storeAccessHandlers(ctx);
  const swapStore: StoreSwap = async (swap) => {
    const key = ctx.store.openKey();
    if (!ctx.db || !key) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    stopSweep();
    outbound.abort();
    await ai.stop();
    await jobs.close();
    flushSlowLogs();
    ctx.db.close();
    ctx.db = null;
    let next = key;
    try {
      next = (await swap()) ?? key;
    } finally {
      ctx.db = ctx.store.reopen(next);
      recoverJobs();
      startSweep();
      await startAi();
      ctx.emit('store.changed', { state: 'unlocked' });
    }
  };
  const handlers: CoreHandlers = {
    'app.info': () => ({ version: ctx.appVersion, dataDir: options.dataDir, platform: process.platform }),
    ...access,
    // Jobs stop after their batch in flight, and their reports are stored, while the store is still open.
    'store.lock': async (...args: Parameters<typeof access['store.lock']>) => {
      stopSweep();
      outbound.abort();
      await ai.stop();
      await jobs.close();
      flushSlowLogs();
      ctx.store.forgetKey();
      grants.clear();
      return access['store.lock'](...args);
    },
    'store.unlock': async (...args: Parameters<typeof access['store.unlock']>) => {
      const unlocked = await access['store.unlock'](...args);
      recoverJobs();
      startSweep();
      await startAi();
      return unlocked;
    },
    'store.create': async (...args: Parameters<typeof access['store.create']>) => {
      const created = await access['store.create'](...args);
      startSweep();
      await startAi();
      return created;
    },
    ...feedbackHandlers(ctx),
    ...storeHandlers(ctx),
    ...viewHandlers(ctx),
    ...importHandlers(imports, grants),
    ...analysisHandlers(ctx, jobs),
    ...templateHandlers(ctx, grants, options.dialogs),
    ...profileHandlers(ctx),
    ...replyHandlers(ctx),
    ...taxonomyHandlers(ctx),
    ...topicDiscoveryHandlers(ctx, jobs),
    ...escalationHandlers(ctx, grants, options.dialogs, outbound),
    ...ruleHandlers(ctx),
    ...slaHandlers(ctx, grants, options.dialogs),
    ...aiHandlers(ctx, ai, grants, options.dialogs),
    ...kbHandlers(ctx, grants, options.dialogs),
    ...reportHandlers(ctx),
    ...backupHandlers(ctx, grants, swapStore, backups),
    ...keyHandlers(ctx, swapStore),
    ...exportHandlers(ctx, jobs, grants, options.dialogs, { scheduler: reportScheduler, printToPdf }),
  };

  // Jobs that were running when the app last stopped are marked interrupted, and said so.
  const recoverJobs = (): void => {
    const cut = jobs.recover();
    for (const job of cut) log.warn('job interrupted by the last shutdown', { jobId: job.id, kind: job.kind, startedAt: job.startedAt });
    if (options.resumeInterruptedJobs !== false) jobs.resume(cut);
  };

  const core: HostCore = {
    async invoke(channel, input, meta = AGENT): Promise<Result<unknown>> {
      if (!isChannel(channel)) return { ok: false, error: { code: 'VALIDATION', message: `Unknown channel "${String(channel)}".` } };
      const spec = contract[channel];
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        return { ok: false, error: { code: 'VALIDATION', message: `Invalid input for ${channel}${where}: ${issue?.message ?? 'rejected'}` } };
      }
      try {
        const handler = handlers[channel] as (input: unknown, call: CallMeta) => unknown;
        const value = await handler(parsed.data, meta);
        return { ok: true, value: spec.output.parse(value) };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error, options.dataDir) };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    grantFile(path, purpose) {
      try {
        return Promise.resolve({ ok: true, value: grants.mint(path, purpose) });
      } catch (error) {
        return Promise.resolve({ ok: false, error: toErrorInfo(error) });
      }
    },
    async close() {
      stopSweep();
      outbound.abort();
      grants.clear();
      await ai.stop();
      await jobs.close();
      flushSlowLogs();
      listeners.clear();
      ctx.db?.close();
      ctx.db = null;
      ctx.store.forgetKey();
      ctx.undo.clear();
    },
  };
  return Promise.resolve(core);
}
