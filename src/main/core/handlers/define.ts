/**
 * Handlers that say only what they do. A handler file maps channels to `query(fn)` or
 * `mutation(fn)`; the wrappers supply the open store (LOCKED without one), time the call,
 * and log a slow one with the plans of the statements it ran. A mutation's body returns
 * what it changed: the wrapper stores its audit rows in the same transaction, with the
 * caller's actor, and announces its events once that transaction has committed, so no
 * change is stored without its audit row and no window hears of a change that rolled back.
 */
import { performance } from 'node:perf_hooks';
import type { Channel, ChannelOutput, EventName, EventPayload, Handlers, ParsedInput } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import { log, logSettings } from '../log';
import { recordAudit, type AuditEvent } from '../store/audit';
import { explainQueryPlan, recordStatements, type DB } from '../store/db';
import type { CallMeta } from '../types';

/** The contract's handlers, each also told who called (the transport's CallMeta). */
export type CoreHandlers = { [C in Channel]: (input: Parameters<Handlers[C]>[0], call: CallMeta) => ReturnType<Handlers[C]> };

/** The call as a handler body sees it: who asked, and one timestamp for all it stores. */
export interface Call extends CallMeta {
  readonly at: number;
}

/** An audit row without its time and actor, which come from the call. */
export type AuditEntry = Omit<AuditEvent, 'at' | 'actor'>;

/** An event and its payload, pushed after the change commits. */
export type Emitted = { [E in EventName]: readonly [E, EventPayload<E>] }[EventName];

/** What a mutation did. Leave out audit and emit when nothing changed (a delete that found nothing). */
export interface Change<O> {
  result: O;
  audit?: AuditEntry | readonly AuditEntry[] | null;
  emit?: Emitted | readonly Emitted[] | null;
}

/** A handler not yet bound to its core and channel; `defineHandlers` binds it. */
export interface Definition<I, O> {
  bind(ctx: CoreContext, channel: Channel): (input: I, call: CallMeta) => O | Promise<O>;
}

/**
 * Reads the store: `query((db, input) => listViews(db))`. Input and output types come from
 * the channel the query is bound to (NoInfer: the contract decides, not the body).
 */
export function query<I, O>(fn: (db: DB, input: I, call: Call) => NoInfer<O>): Definition<I, O> {
  return {
    bind: (ctx, channel) => (input, meta) => timed(ctx, channel, meta, (db, call) => fn(db, input, call)),
  };
}

/** Changes the store: the body returns its answer, audit rows and events (see Change). */
export function mutation<I, O>(fn: (db: DB, input: I, call: Call) => Change<NoInfer<O>>): Definition<I, O> {
  return {
    bind: (ctx, channel) => (input, meta) => {
      const change = timed(ctx, channel, meta, (db, call) =>
        // IMMEDIATE takes the write lock before the first read, so another connection (the
        // CLI, a job thread) writing meanwhile makes this wait out busy_timeout instead of
        // failing on a stale read snapshot.
        db
          .transaction(() => {
            const done = fn(db, input, call);
            for (const entry of listOf(done.audit)) recordAudit(db, { ...entry, at: call.at, actor: call.actor });
            return done;
          })
          .immediate(),
      );
      for (const [name, payload] of eventsOf(change.emit)) ctx.emit(name, payload as never);
      return change.result;
    },
  };
}

/**
 * Runs an async step first (a file dialog, reading a file) and hands its result to a
 * query or mutation as input. The store work then stays synchronous, one transaction,
 * and its timing leaves out the time a person spent in a dialog. LOCKED is still
 * answered before any dialog opens.
 */
export function prepare<I, P, O>(step: (input: I, call: CallMeta) => Promise<P>, then: Definition<P, O>): Definition<I, O> {
  return {
    bind: (ctx, channel) => {
      const next = then.bind(ctx, channel);
      return async (input, meta) => {
        requireDb(ctx);
        return next(await step(input, meta), meta);
      };
    },
  };
}

/** Binds each definition to the core and to its channel, whose name slow-call lines carry. */
export function defineHandlers<C extends Channel>(ctx: CoreContext, definitions: { [K in C]: Definition<ParsedInput<K>, ChannelOutput<K>> }): Pick<CoreHandlers, C> {
  const bound: Partial<Record<Channel, unknown>> = {};
  for (const channel of Object.keys(definitions) as C[]) bound[channel] = definitions[channel].bind(ctx, channel);
  return bound as Pick<CoreHandlers, C>;
}

/** Saving a named thing (a view, a template, a topic): created or updated, by its id and name. */
export function saved<T extends { id: string; name: string }>(kind: string, input: { id?: string | undefined }, thing: T, emit: Emitted): Change<T> {
  return {
    result: thing,
    audit: { action: `${kind}.${input.id ? 'updated' : 'created'}`, entityType: kind, entityId: thing.id, detail: { name: thing.name } },
    emit,
  };
}

/** Deleting a named thing: audited and announced only when there was one to delete. */
export function deleted(kind: string, id: string, found: boolean, emit: Emitted): Change<{ deleted: boolean }> {
  return found ? { result: { deleted: true }, audit: { action: `${kind}.deleted`, entityType: kind, entityId: id }, emit } : { result: { deleted: false } };
}

function timed<O>(ctx: CoreContext, channel: Channel, meta: CallMeta, body: (db: DB, call: Call) => O): O {
  const db = requireDb(ctx);
  const call: Call = { actor: meta.actor, at: ctx.now() };
  const stop = recordStatements(db);
  const started = performance.now();
  try {
    return body(db, call);
  } finally {
    const ms = performance.now() - started;
    const ran = stop();
    if (ms >= logSettings().slowQueryMs && log.enabled('warn')) deferSlowLog(() => logSlow(db, channel, ms, ran));
    else if (log.enabled('debug')) log.debug('call', { channel, ms: round(ms), actor: call.actor });
  }
}

/**
 * Slow lines are written after the answer has gone, so reading the plans never slows the
 * call they report; a lock or close flushes them while the connection is still open.
 */
const pendingSlowLogs = new Set<() => void>();

function deferSlowLog(write: () => void): void {
  const job = (): void => {
    if (!pendingSlowLogs.delete(job)) return;
    write();
  };
  pendingSlowLogs.add(job);
  setImmediate(job);
}

export function flushSlowLogs(): void {
  for (const job of [...pendingSlowLogs]) job();
}

/** At most this many statements' plans go in one line: enough to find the slow one. */
const MAX_PLANS = 8;

function logSlow(db: DB, channel: Channel, ms: number, ran: ReadonlySet<string>): void {
  const statements: { sql: string; plan: string[] }[] = [];
  for (const sql of ran) {
    if (statements.length === MAX_PLANS) break;
    // SQL text and plans only: values are bound, never part of the text.
    statements.push({ sql: sql.replace(/\s+/g, ' ').trim(), plan: explainQueryPlan(db, sql) });
  }
  log.warn('slow query', { channel, ms: round(ms), statementCount: ran.size, statements });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function listOf(audit: Change<unknown>['audit']): readonly AuditEntry[] {
  if (!audit) return [];
  return isList(audit) ? audit : [audit];
}

function eventsOf(emit: Change<unknown>['emit']): readonly Emitted[] {
  if (!emit) return [];
  // A single event is itself a pair, so tell it from a list by its first element.
  return typeof emit[0] === 'string' ? [emit as Emitted] : (emit as readonly Emitted[]);
}

function isList<T extends object>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
