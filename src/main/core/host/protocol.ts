/**
 * The host protocol: how a core answers across a thread boundary. It is the `Core`
 * interface (invoke, event, close) written as messages, plus what a core asks of its
 * host: a system file dialog (only the thread with the window can show one) and the OS
 * keychain (keytar registers GLib types when it loads, which breaks when a second thread
 * of the same process loads it, so it lives once, in the host's thread).
 *
 * The host also mints file grants (`grant`): its own route, for paths from its dialogs,
 * drops and command line, which no window call can reach (see grants.ts).
 *
 * The same two functions serve every threaded transport: the app's worker under Electron,
 * and the identical worker under plain Node that the e2e bridge and the bench cross. The
 * CLI and unit tests call a `Core` in the same thread, with no messages at all.
 */
import type { EventName, FileGrantPurpose } from '../../../shared/contract';
import { HearkenError, type ErrorCode, type ErrorInfo, type Result } from '../../../shared/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { CallMeta, CoreDialogs, CoreListener, HostCore } from '../types';

/** What a core may ask its host for, and the methods of each. */
export interface HostServices {
  dialogs: CoreDialogs;
  secrets: SecretStore;
}
export type Service = keyof HostServices;
const methods: { [S in Service]: readonly Exclude<keyof HostServices[S], 'name'>[] } = {
  dialogs: ['chooseImportFiles', 'chooseSavePath', 'chooseOpenFile', 'chooseFolder', 'printToPdf'],
  secrets: ['available', 'get', 'set', 'delete'],
};

/** The dialog methods a host's dialogs object answers (a host without a printer has no printToPdf). */
export function dialogMethodsOf(dialogs: CoreDialogs): string[] {
  return methods.dialogs.filter((name) => typeof dialogs[name] === 'function');
}

/** Host → core. */
export type ToCore =
  | { t: 'invoke'; id: number; channel: string; input: unknown; meta?: CallMeta }
  | { t: 'grant'; id: number; path: string; purpose: FileGrantPurpose }
  | { t: 'close'; id: number }
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; message: string; code?: ErrorCode | undefined };

/** Core → host. */
export type FromCore =
  | { t: 'ready' }
  | { t: 'failed'; error: ErrorInfo }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown }
  | { t: 'closed'; id: number }
  | { t: 'ask'; id: number; service: Service; method: string; args: unknown[] };

/** What both ends of a worker_threads channel offer: `Worker`, `parentPort` and `MessagePort` all fit. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  on(event: 'message', listener: (message: In) => void): unknown;
}

/**
 * The core's side of what it asks the host: dialogs and secrets that cross the port. The
 * secrets' name (for `doctor` and messages) is the host store's, passed in at start.
 */
export function hostServices(port: Port<ToCore, FromCore>, secretsName: string, dialogMethods?: readonly string[]): HostServices {
  let next = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.on('message', (message) => {
    if (message.t !== 'answer') return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(message.code ? new HearkenError(message.code, message.message) : new Error(message.message));
  });
  const ask = (service: Service, method: string, args: unknown[]): Promise<never> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ t: 'ask', id, service, method, args });
    });
  // Only the methods the host has: a core checks for an optional one (chooseFolder, printToPdf) by its presence.
  const proxy = <S extends Service>(service: S, only?: readonly string[]): HostServices[S] =>
    Object.fromEntries(
      methods[service].filter((method) => only === undefined || only.includes(String(method))).map((method) => [method, (...args: unknown[]) => ask(service, String(method), args)]),
    ) as unknown as HostServices[S];
  return { dialogs: proxy('dialogs', dialogMethods), secrets: { ...proxy('secrets'), name: secretsName } };
}

export function serveCore(core: HostCore, port: Port<ToCore, FromCore>, onClosed: () => void): void {
  const stopEvents = core.onEvent((name, payload) => port.postMessage({ t: 'event', name, payload }));
  port.on('message', (message) => {
    if (message.t === 'invoke') {
      void core.invoke(message.channel, message.input, message.meta).then((result) => port.postMessage({ t: 'result', id: message.id, result }));
    } else if (message.t === 'grant') {
      void core.grantFile(message.path, message.purpose).then((result) => port.postMessage({ t: 'result', id: message.id, result }));
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
 * The host's side: a `Core` whose calls cross the port. `services` answers what the core
 * asks (Electron's dialogs, the keychain; without dialogs those channels ask for a path,
 * as the CLI's do). `exited` resolves when the thread behind the port is gone.
 */
export function connectCore(port: Port<FromCore, ToCore>, options: { services: Partial<HostServices>; exited: Promise<unknown> }): HostCore {
  let next = 1;
  let stopped = false;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const closing = new Map<number, () => void>();
  const listeners = new Set<CoreListener>();

  const answer = async (id: number, service: Service, method: string, args: unknown[]): Promise<void> => {
    try {
      const target = options.services[service] as Record<string, unknown> | undefined;
      const fn = target && (methods[service] as readonly string[]).includes(method) ? target[method] : undefined;
      if (typeof fn !== 'function') throw new HearkenError('VALIDATION', service === 'dialogs' ? 'File dialogs are not available here; name the file through its grant.' : `The host has no ${service}.`);
      port.postMessage({ t: 'answer', id, ok: true, value: await (fn as (...a: unknown[]) => Promise<unknown>).apply(target, args) });
    } catch (error) {
      const code = error instanceof HearkenError ? error.code : undefined;
      port.postMessage({ t: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error), code });
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
      case 'ask':
        void answer(message.id, message.service, message.method, message.args);
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

  const send = <T>(message: (id: number) => ToCore): Promise<Result<T>> => {
    if (stopped) return Promise.resolve(gone);
    const id = next++;
    return new Promise((resolve) => {
      calls.set(id, resolve as (result: Result<unknown>) => void);
      port.postMessage(message(id));
    });
  };

  return {
    invoke: (channel, input, meta) => send((id) => ({ t: 'invoke', id, channel, input, ...(meta ? { meta } : {}) })),
    grantFile: (path, purpose) => send((id) => ({ t: 'grant', id, path, purpose })),
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
