/**
 * Headless Debian Chromium through playwright-core, for the renderer end-to-end tests.
 * Every page records console errors, uncaught page errors, failed requests and any
 * request that tried to leave 127.0.0.1 (which is aborted, then reported).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HEARKEN_CHROMIUM ?? '/usr/bin/chromium';

/** The repository root (two folders up from test/support). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const resultsDir = join(repoRoot, 'test-results');

/** Headless Debian Chromium that never reaches the network; `extraArgs` for the bench's timing flags. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** Requests that failed, other than ones cut off by navigation or closing the page. */
  failedRequests: string[];
  /** Requests to anything but 127.0.0.1 (all of them are aborted). */
  offHostRequests: string[];
  close(): Promise<void>;
}

export interface OpenPageOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** Schemes that never touch the network. */
const localSchemes = new Set(['data:', 'blob:', 'about:']);

function isLoopback(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (localSchemes.has(url.protocol)) return true;
  return (url.protocol === 'http:' || url.protocol === 'ws:') && url.hostname === '127.0.0.1';
}

/** Opens `url` in a fresh context (1280x800) and starts recording problems. */
export async function openPage(browser: Browser, url: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const offHostRequests: string[] = [];
  let closing = false;

  await context.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (isLoopback(requestUrl)) {
      await route.fallback();
      return;
    }
    offHostRequests.push(`${route.request().method()} ${requestUrl}`);
    await route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    consoleErrors.push(`${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`Uncaught: ${err.stack ?? err.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A page that is closing, or a navigation, cancels its event stream: that is not a fault.
    if (closing || failure === 'net::ERR_ABORTED') return;
    failedRequests.push(`${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });

  await page.goto(url, { waitUntil: 'domcontentloaded' });

  return {
    page,
    context,
    consoleErrors,
    failedRequests,
    offHostRequests,
    async close() {
      closing = true;
      await context.close();
    },
  };
}

/** Writes `test-results/<name>.png` (a viewport screenshot) and returns its path. */
export async function screenshot(page: Page, name: string, opts: { parkMouse?: boolean } = {}): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  if (opts.parkMouse ?? true) {
    // The pointer stays where the last click was: move it to the top edge so no hover
    // state (a highlighted row, an open tooltip) ends up in the picture.
    const width = page.viewportSize()?.width ?? 1280;
    await page.mouse.move(Math.round(width / 2), 1);
    await page
      .locator('[role="tooltip"]')
      .first()
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .catch(() => undefined);
  }
  await settle(page);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * Waits until the page is at rest, so a picture shows what a person would see: fonts
 * loaded, no transition or finite animation still running (a popover fading in, a toast
 * sliding), and two frames painted since. Endless ones (a loader) are not waited for.
 * Polled inside one evaluate: waitForFunction compiles its predicate with eval, which the
 * app's CSP rightly refuses.
 */
export async function settle(page: Page, timeout = 5_000): Promise<void> {
  const running = (await page.evaluate(`(async () => {
    if (document.fonts) await document.fonts.ready;
    const deadline = performance.now() + ${timeout};
    // A frame, or 100 ms when none comes (a page Chromium stopped painting under load must
    // not hang the picture forever; the deadline below still applies).
    const frame = () => new Promise((done) => { requestAnimationFrame(() => done()); setTimeout(done, 100); });
    const moving = () =>
      document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    while (moving().length > 0 && performance.now() < deadline) await frame();
    await frame();
    await frame();
    return moving().map((a) => a.animationName ?? a.transitionProperty ?? a.constructor.name);
  })()`)) as string[];
  if (running.length > 0) throw new Error(`The page was still animating after ${timeout} ms: ${running.join(', ')}`);
}
