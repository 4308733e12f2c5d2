/**
 * The window's security policy as plain data, importable from Node tests. The same CSP
 * is in src/renderer/index.html; the header repeats it so a page cannot drop it by
 * losing the meta tag, and carries frame-ancestors, which only works as a header.
 */
import { isTrustedSenderUrl } from './sender';

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

/**
 * Every permission is refused except writing text to the clipboard from our own page:
 * Chromium asks for 'clipboard-sanitized-write' before navigator.clipboard.writeText,
 * and the recovery key's copy button depends on it. Reading the clipboard stays denied.
 */
export function isPermissionGranted(permission: string, requestingUrl: string, devServerUrl?: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(requestingUrl, devServerUrl);
}
