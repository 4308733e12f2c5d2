/**
 * The CLI's printer: a local Chromium or Chrome driven by playwright-core (a dev dependency,
 * so it is loaded only when a PDF is asked for, and its absence is a clear message, not a
 * crash). The page is our own HTML: scripts are off and every request is refused, so
 * printing reads nothing and sends nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserType } from 'playwright-core';
import { HearkenError } from '../../../shared/errors';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM } from '../../../shared/reports/print';
import type { PrintToPdf } from './seams';

const HOW_ELSE = 'Write the report with --format html and print it from a browser, or install Chromium or Google Chrome (or name one with --chromium PATH).';

function candidates(): string[] {
  const programFiles = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter((x): x is string => !!x);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...programFiles.flatMap((dir) => [join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(dir, 'Chromium', 'Application', 'chrome.exe')]),
  ];
}

/**
 * The browser to print with: `explicit` (--chromium) when it exists, else HEARKEN_CHROMIUM,
 * else the usual install places on Linux, macOS and Windows; null when none is there.
 */
export function findChromium(explicit?: string): string | null {
  if (explicit !== undefined) return existsSync(explicit) ? explicit : null;
  const fromEnv = process.env['HEARKEN_CHROMIUM'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates().find((path) => existsSync(path)) ?? null;
}

async function loadChromium(): Promise<BrowserType> {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    throw new HearkenError('PRINT_UNAVAILABLE', `PDF needs the playwright-core package, which this installation of Hearken does not have. ${HOW_ELSE}`);
  }
}

/**
 * Prints one self-contained page with a browser already running: a fresh context with
 * scripts off and the network refused, A4 with the shared footer. The e2e bridge prints
 * with its own test browser through this too.
 */
export async function printWithBrowser(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    // setContent loads no URL; anything the page might ask for (it asks for nothing) is refused.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const mm = (value: number): string => `${value}mm`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margin: { top: mm(PDF_MARGINS_MM.top), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left), right: mm(PDF_MARGINS_MM.right) },
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}

/**
 * Chromium's sandbox cannot start as root (containers, CI) and is refused on some hosts
 * without user namespaces. The page it prints is our own, with scripts off and no network,
 * so printing without the sandbox then is an acceptable trade; with it is the default.
 */
function needsNoSandbox(): boolean {
  return process.getuid?.() === 0 || process.env['HEARKEN_CHROMIUM_NO_SANDBOX'] === '1';
}

/** A printer on the browser at `executablePath`, started on first use; close() stops it. */
export function chromiumPrinter(executablePath: string): PrintToPdf & { close(): Promise<void> } {
  let starting: Promise<Browser> | null = null;
  const launch = async (): Promise<Browser> => {
    if (!existsSync(executablePath)) throw new HearkenError('PRINT_UNAVAILABLE', `No browser was found at ${executablePath}, so the PDF cannot be printed. ${HOW_ELSE}`);
    const chromium = await loadChromium();
    const base = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions', '--disable-gpu'];
    const start = (noSandbox: boolean) => chromium.launch({ executablePath, headless: true, args: noSandbox ? [...base, '--no-sandbox'] : base });
    try {
      return await start(needsNoSandbox());
    } catch (error) {
      if (!needsNoSandbox() && /sandbox/i.test(String(error))) return start(true);
      throw new HearkenError('PRINT_UNAVAILABLE', `The browser at ${executablePath} did not start, so the PDF cannot be printed (${firstLine(error)}). ${HOW_ELSE}`);
    }
  };
  const print = async (html: string): Promise<Uint8Array> => {
    starting ??= launch();
    let browser: Browser;
    try {
      browser = await starting;
    } catch (error) {
      starting = null;
      throw error;
    }
    return printWithBrowser(browser, html);
  };
  return Object.assign(print, {
    async close(): Promise<void> {
      const running = starting;
      starting = null;
      if (running) await running.then((b) => b.close()).catch(() => undefined);
    },
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
