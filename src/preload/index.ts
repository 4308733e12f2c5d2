/**
 * Exposes window.hearken and nothing else. The page never sees ipcRenderer or an IPC
 * event object, only the functions of the contract's HearkenBridge.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventNames, ipcChannels, isChannel, type EventName, type FileGrant, type HearkenBridge } from '../shared/contract';
import type { Result } from '../shared/errors';

const { invoke: invokeChannel, event: eventChannel, drop: dropChannel, clearClipboard: clearClipboardChannel } = ipcChannels;

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

const bridge: HearkenBridge = {
  invoke(channel, input) {
    // Checked here too, so a typo fails fast with the same error shape main would give.
    if (!isChannel(channel)) {
      const refused: Result<unknown> = {
        ok: false,
        error: { code: 'VALIDATION', message: `Unknown channel: ${String(channel)}` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(invokeChannel, channel, input) as Promise<Result<unknown>>;
  },
  on(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
  // A dropped File carries no path in the page (Electron 32 removed File.path); only the
  // preload can ask for it, and it hands the paths straight to main, which has the core
  // mint read grants. The page gets the grants back, never a path. A File the page made
  // up has no path (webUtils answers ''), so it cannot name a file on disk.
  async grantDroppedFiles(files) {
    const paths: string[] = [];
    for (const file of Array.from(files)) {
      try {
        const path = webUtils.getPathForFile(file);
        if (path) paths.push(path);
      } catch {
        // Not a File from a drop or a file input: left out.
      }
    }
    if (paths.length === 0) return { ok: true, value: [] };
    return (await ipcRenderer.invoke(dropChannel, paths)) as Result<FileGrant[]>;
  },
  clearClipboardIf(copied) {
    return ipcRenderer.invoke(clearClipboardChannel, copied) as Promise<void>;
  },
};

contextBridge.exposeInMainWorld('hearken', bridge);
