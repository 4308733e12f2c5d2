/**
 * Which pages may talk to the core. Kept free of 'electron' so the rules can be tested
 * under plain Node; ipc.ts and security.ts apply them to real frames and navigations.
 */

export const appScheme = 'app';
export const appHost = 'hearken';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own bundle, served by the app:// protocol handler. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  // URL.origin is "null" for non-special schemes, so compare the parts instead.
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost;
}

/**
 * A page we built: the app:// bundle, or the Vite dev server during development.
 * The dev server is trusted only when main was given its URL (never when packaged).
 */
export function isTrustedSenderUrl(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url)) return true;
  if (!devServerUrl) return false;
  const parsed = parse(url);
  const dev = parse(devServerUrl);
  if (parsed === null || dev === null) return false;
  if (dev.protocol !== 'http:' && dev.protocol !== 'https:') return false;
  return parsed.origin === dev.origin;
}

/** Links a person may open in their own browser; anything else (file:, custom schemes) is dropped. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
}

/** The parts of an IPC event that say who sent it; Electron's IpcMainInvokeEvent has them. */
export interface IpcSender {
  sender: unknown;
  senderFrame: { parent: unknown; frameTreeNodeId: number; url: string } | null;
}

/** The parts of the app's window the check compares against; Electron's BrowserWindow has them. */
export interface SenderWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: { frameTreeNodeId: number } };
}

/**
 * Only the main frame of our own window, showing our own page, may call the core:
 * not an iframe, not another window, not a page it was navigated to.
 */
export function isTrustedSender(event: IpcSender, window: SenderWindow | null, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (frame === null || window === null || window.isDestroyed()) return false;
  const contents = window.webContents;
  if (event.sender !== contents) return false;
  if (frame.parent !== null || frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return false;
  return isTrustedSenderUrl(frame.url, devServerUrl);
}
