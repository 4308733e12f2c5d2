/**
 * What the window may do beyond showing our own page: nothing, except opening plain web
 * links in the person's own browser, right after they clicked and once they confirmed the
 * address, and copying text to the clipboard. The decisions are in policy.ts.
 */
import { app, BrowserWindow, dialog, shell, type MessageBoxOptions, type Session, type WebContents } from 'electron';
import { decideExternalLink, isPermissionGranted, isUserGesture, linkConfirmation } from './policy';
import { isTrustedSenderUrl } from './sender';

export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl),
  );
}

function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  // Main sees the window's real input; a script in the page cannot produce it.
  let lastGestureAt: number | null = null;
  let confirming = false;
  contents.on('input-event', (_event, input) => {
    if (isUserGesture(input.type)) lastGestureAt = Date.now();
  });

  const openInBrowser = (url: string): void => {
    const decision = decideExternalLink(url, { now: Date.now(), lastGestureAt, confirming });
    if (decision.action === 'refuse') {
      // The reason only: an address can carry a customer's data.
      console.warn(`A link was not opened (${decision.reason}).`);
      return;
    }
    // One click, one link: a page cannot queue a second confirmation on the same gesture.
    lastGestureAt = null;
    confirming = true;
    const options: MessageBoxOptions = { type: 'question', noLink: true, ...linkConfirmation(decision.url) };
    const owner = BrowserWindow.fromWebContents(contents);
    (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options))
      .then(({ response }) => (response === 1 ? shell.openExternal(decision.url) : undefined))
      .catch((error: unknown) => console.warn('Could not open the link in the browser:', error))
      .finally(() => {
        confirming = false;
      });
  };

  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  const stayOnApp = (event: { preventDefault(): void }, url: string): void => {
    if (isTrustedSenderUrl(url, devServerUrl)) return;
    event.preventDefault();
    openInBrowser(url);
  };
  contents.on('will-navigate', (event) => stayOnApp(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedSenderUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedSenderUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies to every web contents ever created, so a future window cannot forget it. */
export function hardenAllWebContents(devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
}
