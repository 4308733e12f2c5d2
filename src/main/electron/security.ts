/**
 * What the window may do beyond showing our own page: nothing, except opening plain
 * web links in the person's own browser and copying text to the clipboard.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isPermissionGranted } from './policy';
import { isExternalWebUrl, isTrustedSenderUrl } from './sender';

export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl),
  );
}

function openInBrowser(url: string): void {
  if (!isExternalWebUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn('Could not open link in the browser:', error);
  });
}

function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
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
