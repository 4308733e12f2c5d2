import { fileURLToPath } from 'node:url';
import { contract, isChannel, type EventName, type Handlers } from '../../shared/contract';
import { HearkenError, type ErrorInfo, type Result } from '../../shared/errors';
import type { CoreContext } from './context';
import { AnalysisJobs, analysisHandlers } from './handlers/analysis';
import { feedbackHandlers } from './handlers/feedback';
import { importHandlers } from './handlers/import';
import { replyHandlers } from './handlers/replies';
import { taxonomyHandlers } from './handlers/taxonomy';
import { storeHandlers } from './handlers/store';
import { viewHandlers } from './handlers/views';
import { storeAccessHandlers } from './handlers/store-access';
import { Imports, type OpenImport } from './ingest/imports';
import { openImport as openReader } from './ingest/readers';
import { StoreAccess } from './secrets/store-access';
import type { CallMeta, Core, CoreListener, CoreOptions } from './types';

const AGENT: CallMeta = { actor: 'agent' };

export type { Actor, CallMeta, Core, CoreDialogs, CoreListener, CoreOptions } from './types';

const openImport: OpenImport = (path, { format, timeZone }) => openReader(path, { ...(format ? { format } : {}), ...(timeZone ? { timeZone } : {}) });

const DEFAULT_DEMO = fileURLToPath(new URL('../../../resources/demo/inbox.json', import.meta.url));

/**
 * The composition root: one core behind every transport (Electron IPC, the CLI, the
 * loopback test bridge). Every input is validated against the contract here, and every
 * output is parsed back through its schema so nothing outside the contract (a key, a
 * file path nobody asked for) can cross to the window.
 */
export function createCore(options: CoreOptions): Promise<Core> {
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

  const imports = new Imports(ctx, {
    open: openImport,
    dialogs: options.dialogs,
    batchSize: options.importBatchSize,
    onItemsImported: options.onItemsImported,
  });

  const analysis = new AnalysisJobs(ctx);
  const access = storeAccessHandlers(ctx);
  const handlers: Handlers = {
    'app.info': () => ({ version: ctx.appVersion, dataDir: options.dataDir, platform: process.platform }),
    ...access,
    // Running imports stop, and their reports are stored, while the store is still open.
    'store.lock': (input) => {
      imports.stopAll();
      analysis.stopAll();
      return access['store.lock'](input);
    },
    ...feedbackHandlers(ctx),
    ...storeHandlers(ctx),
    ...viewHandlers(ctx),
    ...importHandlers(imports),
    ...analysisHandlers(analysis),
    ...replyHandlers(ctx, options.dialogs),
    ...taxonomyHandlers(ctx),
  };

  const core: Core = {
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
        return { ok: false, error: toErrorInfo(error) };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      imports.stopAll();
      analysis.stopAll();
      listeners.clear();
      ctx.db?.close();
      ctx.db = null;
      ctx.undo.clear();
      return Promise.resolve();
    },
  };
  return Promise.resolve(core);
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof HearkenError) return error.toInfo();
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'DATABASE_LOCKED', message: 'The store is busy in another program (another Hearken window or a CLI command). Try again in a moment.' };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { code: 'CORRUPT_DATABASE', message: 'The store is damaged. Hearken stopped before changing it; run `doctor`, then restore a backup.' };
  }
  return { code: 'INTERNAL', message: `Hearken's core failed: ${error instanceof Error ? error.message : String(error)}` };
}
