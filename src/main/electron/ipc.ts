/**
 * The window's only door to the core. Each call is checked for where it came from
 * before the core validates what it carries.
 */
import { clipboard, ipcMain, type BrowserWindow } from 'electron';
import { ipcChannels, isChannel, type EventName, type EventPayload } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { grantDroppedPaths } from '../core/host/drops';
import type { HostCore } from '../core/types';
import { clearClipboardIf } from './policy';
import { isTrustedSender } from './sender';

const { invoke: invokeChannel, event: eventChannel, drop: dropChannel, clearClipboard: clearClipboardChannel } = ipcChannels;

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

function forward(window: BrowserWindow, name: EventName, payload: unknown): void {
  if (window.isDestroyed()) return;
  window.webContents.send(eventChannel, name, payload);
}

/** A push that starts in the main process (the app menu) rather than in the core. */
export function sendEvent<E extends EventName>(window: BrowserWindow, name: E, payload: EventPayload<E>): void {
  forward(window, name, payload);
}

export function registerIpc(core: HostCore, getWindow: () => BrowserWindow | null, devServerUrl?: string): () => void {
  ipcMain.handle(invokeChannel, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, getWindow(), devServerUrl)) return refuse('Untrusted sender');
    if (!isChannel(channel)) return refuse('Unknown channel');
    try {
      // No call meta: whatever the window sends, it calls as the agent.
      return await core.invoke(channel, input);
    } catch (error) {
      // The core promises never to throw; if it does, the window still gets an answer.
      console.error(`Core failed on ${channel}:`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hearken.' } };
    }
  });

  // The preload's paths for dropped Files (webUtils). The page itself cannot reach this
  // channel, and a File it makes up has no path, so only what a person dropped arrives.
  ipcMain.handle(dropChannel, async (event, paths: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, getWindow(), devServerUrl)) return refuse('Untrusted sender');
    return grantDroppedPaths(core, paths);
  });

  ipcMain.handle(clearClipboardChannel, async (event, copied: unknown): Promise<void> => {
    if (isTrustedSender(event, getWindow(), devServerUrl)) await clearClipboardIf(clipboard, copied);
  });

  const stopForwarding = core.onEvent((name, payload) => {
    const window = getWindow();
    if (window !== null) forward(window, name, payload);
  });

  return () => {
    stopForwarding();
    ipcMain.removeHandler(invokeChannel);
    ipcMain.removeHandler(dropChannel);
    ipcMain.removeHandler(clearClipboardChannel);
  };
}
