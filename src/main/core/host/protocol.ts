/**
 * The host protocol: how a core answers across a thread boundary. It is the `Core`
 * interface (invoke, event, close) written as messages, plus the one thing a core may ask
 * of its host: a system file dialog, which only the process with the window can show.
 *
 * The same two functions serve every threaded transport: the app's worker under Electron,
 * and the identical worker under plain Node that the e2e bridge and the bench cross. The
 * CLI and unit tests call a `Core` in the same thread, with no messages at all.
 */
import type { EventName } from '../../../shared/contract';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { CallMeta, Core, CoreDialogs, CoreListener } from '../types';

export type DialogMethod = keyof CoreDialogs;

/** Host → core. */
export type ToCore =
  | { t: 'invoke'; id: number; channel: string; input: unknown; meta?: CallMeta }
  | { t: 'close'; id: number }
  | { t: 'dialog-answer'; id: number; ok: true; value: unknown }
  | { t: 'dialog-answer'; id: number; ok: false; message: string };

/** Core → host. */
export type FromCore =
  | { t: 'ready' }
  | { t: 'failed'; error: ErrorInfo }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown }
  | { t: 'closed'; id: number }
  | { t: 'dialog'; id: number; method: DialogMethod; args: unknown[] };

/** What both ends of a worker_threads channel offer: `Worker`, `parentPort` and `MessagePort` all fit. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  on(event: 'message', listener: (message: In) => void): unknown;
  off(event: 'message', listener: (message: In) => void): unknown;
}

/**
 * The core's side: answers invoke and close, forwards every event, and gives the core
 * dialogs that ask the host. Returns the dialogs so the core can be created with them
 * before it serves.
 */
export function hostDialogs(port: Port<ToCore, FromCore>): CoreDialogs {
  let next = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.on('message', (message) => {
    if (message.t !== 'dialog-answer') return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.message));
  });
  const ask = <T>(method: DialogMethod, args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ t: 'dialog', id, method, args });
    });
  return {
    chooseImportFiles: () => ask('chooseImportFiles', []),
    chooseSavePath: (defaultName, options) => ask('chooseSavePath', [defaultName, options]),
    chooseOpenFile: (options) => ask('chooseOpenFile', [options]),
  };
}

export function serveCore(core: Core, port: Port<ToCore, FromCore>, onClosed: () => void): void {
  const stopEvents = core.onEvent((name, payload) => port.postMessage({ t: 'event', name, payload }));
  port.on('message', (message) => {
    if (message.t === 'invoke') {
      void core.invoke(message.channel, message.input, message.meta).then((result) => port.postMessage({ t: 'result', id: message.id, result }));
    } else if (message.t === 'close') {
      stopEvents();
      void core.close().finally(() => {
        port.postMessage({ t: 'closed', id: message.id });
        onClosed();
      });
    }
  });
  port.postMessage({ t: 'ready' });
}

/** A core behind a port exits or fails: every call still gets an answer. */
const gone: Result<never> = { ok: false, error: { code: 'INTERNAL', message: "Hearken's core stopped. Restart Hearken; nothing after the last saved change was lost." } };

/**
 * The host's side: a `Core` whose calls cross the port. `dialogs` answers the core's
 * dialog requests (Electron's; the Node arrangement has none, so those channels ask for a
 * path, as the CLI's do). `exited` resolves when the thread behind the port is gone.
 */
export function connectCore(port: Port<FromCore, ToCore>, options: { dialogs?: CoreDialogs | undefined; exited: Promise<unknown> }): Core {
  let next = 1;
  let stopped = false;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const closing = new Map<number, () => void>();
  const listeners = new Set<CoreListener>();

  const answerDialog = async (id: number, method: DialogMethod, args: unknown[]): Promise<void> => {
    try {
      if (!options.dialogs) throw new Error('File dialogs are not available here; pass a path.');
      const fn = options.dialogs[method] as (...a: unknown[]) => Promise<unknown>;
      port.postMessage({ t: 'dialog-answer', id, ok: true, value: await fn.apply(options.dialogs, args) });
    } catch (error) {
      port.postMessage({ t: 'dialog-answer', id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };

  port.on('message', (message) => {
    switch (message.t) {
      case 'result':
        calls.get(message.id)?.(message.result);
        calls.delete(message.id);
        break;
      case 'event':
        for (const listener of listeners) listener(message.name, message.payload);
        break;
      case 'closed':
        closing.get(message.id)?.();
        closing.delete(message.id);
        break;
      case 'dialog':
        void answerDialog(message.id, message.method, message.args);
        break;
      default:
        break;
    }
  });

  void options.exited.then(() => {
    stopped = true;
    for (const answer of calls.values()) answer(gone);
    calls.clear();
    for (const done of closing.values()) done();
    closing.clear();
  });

  return {
    invoke(channel, input, meta) {
      if (stopped) return Promise.resolve(gone);
      const id = next++;
      return new Promise((resolve) => {
        calls.set(id, resolve);
        port.postMessage({ t: 'invoke', id, channel, input, ...(meta ? { meta } : {}) });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (stopped) return Promise.resolve();
      const id = next++;
      return new Promise<void>((resolve) => {
        closing.set(id, resolve);
        port.postMessage({ t: 'close', id });
      });
    },
  };
}
