/**
 * The window's security policy as plain data, importable from Node tests. The same CSP
 * is in src/renderer/index.html; the header repeats it so a page cannot drop it by
 * losing the meta tag, and carries frame-ancestors, which only works as a header.
 */
import { isExternalWebUrl, isTrustedSenderUrl } from './sender';

const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as the renderer's meta tag states it. */
export const metaContentSecurityPolicy = directives.join('; ');

export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');

/** What every app:// response carries: the CSP as a header, and no sniffing, opener or referrer. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * app:// is a standard, secure origin that fetch may use, and nothing more: it never
 * bypasses the CSP, registers no service worker and is not open to CORS from other origins.
 */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * Every permission is refused except writing text to the clipboard from our own page:
 * Chromium asks for 'clipboard-sanitized-write' before navigator.clipboard.writeText,
 * and the recovery key's copy button depends on it. Reading the clipboard stays denied.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, devServerUrl?: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(requestingUrl, devServerUrl);
}

/**
 * What this run of the app is. DevTools and the reload menu are for `npm run dev` only:
 * electron-vite's dev server sets ELECTRON_RENDERER_URL, while `npm start` (electron-vite
 * preview) and a packaged app do not, and a packaged app ignores it whatever the
 * environment says. DevTools in a user's app would hand anyone at the keyboard (or a
 * script that can send keys) the page's full power over the core.
 */
export interface RunMode {
  /** The Vite dev server the window loads and trusts, or undefined for the app:// bundle. */
  devServerUrl: string | undefined;
  /** webPreferences.devTools, and the View menu's Reload and Toggle Developer Tools. */
  devTools: boolean;
}

export function runMode(env: { isPackaged: boolean; rendererUrl: string | undefined }): RunMode {
  if (env.isPackaged || !env.rendererUrl) return { devServerUrl: undefined, devTools: false };
  let parsed: URL;
  try {
    parsed = new URL(env.rendererUrl);
  } catch {
    return { devServerUrl: undefined, devTools: false };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { devServerUrl: undefined, devTools: false };
  return { devServerUrl: env.rendererUrl, devTools: true };
}

/**
 * Input that counts as the person acting, as main sees it on the window's web contents
 * (`input-event`): real OS input, which no script in the page can produce.
 */
const gestureInputs: ReadonlySet<string> = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'touchEnd', 'pointerDown', 'pointerUp']);

export function isUserGesture(inputType: string): boolean {
  return gestureInputs.has(inputType);
}

/** How long after a click or key press a link may still ask to open: a click's own navigation comes within milliseconds. */
export const LINK_GESTURE_MS = 2_000;
const MAX_LINK_LENGTH = 2_048;

export type LinkRefusal = 'not-web' | 'credentials' | 'too-long' | 'no-gesture' | 'busy';
export type LinkDecision = { action: 'confirm'; url: string } | { action: 'refuse'; reason: LinkRefusal };

/**
 * Whether a link the window tries to open (window.open, target=_blank, a navigation away)
 * may go to the person's browser: only http(s), only right after they clicked or pressed
 * a key, one at a time, and then only after a confirmation that shows the address. A page
 * that runs script on its own (a compromised renderer) would otherwise open any address,
 * or a file: or custom-scheme handler, with no one asking for it.
 */
export function decideExternalLink(url: string, state: { now: number; lastGestureAt: number | null; confirming: boolean }): LinkDecision {
  if (!isExternalWebUrl(url)) return { action: 'refuse', reason: 'not-web' };
  const parsed = new URL(url);
  // "https://bank.example@evil.example" reads as one host and goes to the other.
  if (parsed.username !== '' || parsed.password !== '') return { action: 'refuse', reason: 'credentials' };
  if (parsed.href.length > MAX_LINK_LENGTH) return { action: 'refuse', reason: 'too-long' };
  if (state.lastGestureAt === null || state.now - state.lastGestureAt < 0 || state.now - state.lastGestureAt > LINK_GESTURE_MS) {
    return { action: 'refuse', reason: 'no-gesture' };
  }
  if (state.confirming) return { action: 'refuse', reason: 'busy' };
  return { action: 'confirm', url: parsed.href };
}

/** The confirmation main shows before a link leaves the app: the whole address, host first. */
export function linkConfirmation(url: string): { message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number } {
  const { host } = new URL(url);
  return {
    message: `Open ${host} in your browser?`,
    // The normalised address: an international host shows as punycode, so look-alike letters cannot pass for another site.
    detail: `${url}\n\nOnly open links you expected. Hearken does not check where they lead.`,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
  };
}

/**
 * Clears the clipboard only if it still holds what was copied (a recovery key), so a
 * person who copied something else since keeps it. Main compares, with Electron's
 * clipboard, which answers even while the window is in the background; the page itself
 * may not read the clipboard.
 */
export async function clearClipboardIf(clipboard: { readText(): Promise<string>; clear(): void }, copied: unknown): Promise<boolean> {
  if (typeof copied !== 'string' || copied.length === 0 || copied.length > 1_000) return false;
  if ((await clipboard.readText()) !== copied) return false;
  clipboard.clear();
  return true;
}
