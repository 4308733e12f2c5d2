/**
 * The window's security settings, checked under plain Node: the Electron-facing files
 * keep their decisions in electron-free modules precisely so these tests can run here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../src/main/electron/app-files';
import { contentSecurityPolicy, isPermissionGranted, metaContentSecurityPolicy } from '../../src/main/electron/policy';
import { appEntryUrl, isExternalWebUrl, isTrustedSenderUrl } from '../../src/main/electron/sender';
import { mainWindowOptions } from '../../src/main/electron/window-options';

const repoRoot = resolve(import.meta.dirname, '../..');
const devUrl = 'http://localhost:5173';

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences;

  it('isolates and sandboxes the renderer', () => {
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.webviewTag).toBe(false);
    expect(prefs?.spellcheck).toBe(false);
  });

  it('loads the CommonJS preload and waits to be shown', () => {
    expect(prefs?.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(960);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
  });
});

describe('isTrustedSenderUrl', () => {
  it('accepts our own bundle and, when given, the dev server', () => {
    expect(isTrustedSenderUrl(appEntryUrl)).toBe(true);
    expect(isTrustedSenderUrl('app://hearken/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://hearken/assets/index.js', devUrl)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/', devUrl)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/src/main.tsx?t=1', devUrl)).toBe(true);
  });

  it('rejects every other origin', () => {
    expect(isTrustedSenderUrl('https://evil.example')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example', devUrl)).toBe(false);
    expect(isTrustedSenderUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedSenderUrl('file:///app/out/renderer/index.html', devUrl)).toBe(false);
    expect(isTrustedSenderUrl('app://other/')).toBe(false);
    expect(isTrustedSenderUrl('app://hearken.evil.example/index.html')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl('')).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });

  it('trusts the dev server only when told about it, and only on its exact origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5174/', devUrl)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', devUrl)).toBe(false);
    expect(isTrustedSenderUrl('file:///x', 'file:///x')).toBe(false);
  });
});

describe('external links and permissions', () => {
  it('opens only http(s) links outside the app', () => {
    expect(isExternalWebUrl('https://example.com/help')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://server/share')).toBe(false);
  });

  it('grants clipboard writes to our own page and nothing else', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://hearken')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(isPermissionGranted(permission, 'app://hearken/index.html')).toBe(false);
    }
  });
});

describe('app:// file resolution', () => {
  const root = '/app/out/renderer';

  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://hearken/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://hearken/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://hearken/assets/index-abc.js?v=1')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('refuses anything that escapes it or names another host', () => {
    expect(resolveAppFile(root, 'app://hearken/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // URL parsing already folds encoded dot segments; whatever is left must stay inside.
    for (const url of ['app://hearken/assets/%2e%2e/%2e%2e/%2e%2e/secret', 'app://hearken/../../secret']) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(`${root}${sep}`)).toBe(true);
    }
    expect(resolveAppFile(root, 'app://hearken/%5C..%5Csecret')).toBeNull();
    expect(resolveAppFile(root, 'app://hearken/a%00.html')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
  });
});

function cspOf(html: string): string | null {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/iu.exec(html);
  return match?.[1] ?? null;
}

function expectStrictCsp(html: string): void {
  const csp = cspOf(html);
  expect(csp).not.toBeNull();
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toBe(metaContentSecurityPolicy);
  // No remote code or fonts, and no inline scripts the CSP would have to allow.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/iu);
  expect(html).not.toMatch(/(?:src|href)="https?:/iu);
}

describe('renderer Content-Security-Policy', () => {
  it('is sent as a header too, with the header-only frame-ancestors', () => {
    expect(contentSecurityPolicy.startsWith(metaContentSecurityPolicy)).toBe(true);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  it('is set by the source index.html', () => {
    expectStrictCsp(readFileSync(join(repoRoot, 'src/renderer/index.html'), 'utf8'));
  });

  const built = join(repoRoot, 'out/renderer/index.html');
  // This suite builds nothing; it checks the last `electron-vite build`. `npm test` builds
  // first, so under CI the built file must be there and this always runs.
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  it.runIf(ci || existsSync(built))('survives the build in out/renderer/index.html', () => {
    expect(existsSync(built), `${built} is missing: run npm run build`).toBe(true);
    expectStrictCsp(readFileSync(built, 'utf8'));
  });
});
