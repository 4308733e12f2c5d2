/**
 * The inbox in Chromium with 100,000 items: the built renderer (out/renderer) served by
 * the loopback test bridge, window.hearken wired to a real, unlocked core. Measured in the
 * page: first paint of a conversation row after navigation starts, frame times while the
 * virtualised list is scrolled with the mouse wheel over thousands of rows, and the time
 * from a click on a row (or the "next" key) until the detail pane shows that item.
 *
 * Chromium runs with vsync and the frame-rate limit off, so a requestAnimationFrame delta
 * is the time the frame took, not the 16.7 ms display interval.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { startBridge, type Bridge } from '../../test/support/bridge-server';
import { launchBrowser } from '../../test/support/browser';
import type { Core } from '../../src/main/core/index';
import { invokeOk, openWorkerCore, readGrant, repoRoot, type BenchContext } from '../lib/context';
import { writeImportCsv } from './import';
import { batch, benchGenerator } from '../lib/items';
import { profilePage } from '../lib/page-profile';
import { probeScript, type ProbeState } from '../lib/page-probe';
import { selectors } from '../lib/renderer-selectors';
import { median, p95 } from '../lib/stats';
import { createStore, openStoreDb, type BenchStore } from '../lib/stores';

export const UI_ITEMS = 100_000;
const DURING_IMPORT_ROWS = 100_000;
const SCROLL_ROWS = 3000;
const WHEEL_STEP_PX = 400;
const UI_TIMEOUT = 60_000;

/** Page-side code is plain JavaScript source (the Node tsconfig has no DOM types). */
const B = 'window.__hearkenBench';
const js = JSON.stringify;

function evaluate<T>(page: Page, source: string): Promise<T> {
  return page.evaluate(source) as Promise<T>;
}

/**
 * Waits until a page expression is true. Polled from here, not with waitForFunction: the
 * app's CSP forbids string evaluation in the page. The times themselves are taken in the page.
 */
async function waitUntil(page: Page, source: string, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await evaluate<boolean>(page, `Boolean(${source})`))) {
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${source}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function uiStore(ctx: BenchContext): Promise<BenchStore> {
  if (ctx.main && ctx.n === UI_ITEMS) return ctx.main;
  const t0 = performance.now();
  const store = await createStore(join(ctx.workDir, 'ui'), ctx.access);
  ctx.stores.push(store);
  const db = openStoreDb(store);
  const gen = benchGenerator(UI_ITEMS, { handles: 0 });
  for (let from = 0; from < UI_ITEMS; from += ctx.args.batchSize) insertFeedbackBatch(db, batch(gen, from, Math.min(UI_ITEMS, from + ctx.args.batchSize)), gen.end);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  ctx.log(`  built a ${UI_ITEMS.toLocaleString('en-US')}-item store for the renderer in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return store;
}

function launch(): Promise<Browser> {
  // Frames are timed, so Chromium must not cap or throttle them.
  return launchBrowser(['--disable-gpu-vsync', '--disable-frame-rate-limit', '--disable-renderer-backgrounding', '--disable-background-timer-throttling']);
}

interface CallRecord {
  channel: string;
  /** Epoch ms. */
  start: number;
  ms: number;
}

/** The page's view of the core, recording every call's channel, start and duration. */
function recording(core: Core, calls: CallRecord[]): Core {
  return {
    async invoke(channel, input) {
      const start = performance.timeOrigin + performance.now();
      const t0 = performance.now();
      const result = await core.invoke(channel, input);
      calls.push({ channel, start, ms: performance.now() - t0 });
      return result;
    },
    onEvent: (listener) => core.onEvent(listener),
    close: () => core.close(),
  };
}

/** Calls that started between two epoch times, relative to `origin`. */
function timeline(calls: readonly CallRecord[], origin: number, until: number): string[] {
  return calls.filter((c) => c.start >= origin && c.start <= until).map((c) => `${(c.start - origin).toFixed(0)} ms: ${c.channel} took ${c.ms.toFixed(1)} ms`);
}

function state(page: Page): Promise<ProbeState> {
  return evaluate<ProbeState>(page, `${B}.state`);
}

/** Arms the watch, performs the input, waits for the detail to show; ms from input to paint. */
async function timeToDetail(page: Page, core: Core, id: string, act: () => Promise<void>): Promise<{ ms: number; inputEpoch: number }> {
  const detail = await invokeOk<{ subject: string | null; preview: string }>(core, 'feedback.get', { id });
  await evaluate(page, `${B}.armDetail(${js(id)}, ${js(detail.subject ?? detail.preview)})`);
  await act();
  await waitUntil(page, `${B}.state.donePaintAt !== null`, 10_000);
  const s = await state(page);
  if (s.inputAt === null || s.donePaintAt === null) throw new Error('the input or the paint was not seen');
  const origin = await evaluate<number>(page, 'performance.timeOrigin');
  return { ms: s.donePaintAt - s.inputAt, inputEpoch: origin + s.inputAt };
}

export async function measureRenderer(ctx: BenchContext): Promise<void> {
  const rendererDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const store = await uiStore(ctx);
  // Behind the host protocol, as in the app: the window's calls cross the worker boundary.
  const core = await openWorkerCore(store, ctx.access);
  let bridge: Bridge | null = null;
  let browser: Browser | null = null;
  const errors: string[] = [];
  const details: Record<string, unknown> = { items: UI_ITEMS, selectors };
  ctx.details.renderer = details;
  try {
    const calls: CallRecord[] = [];
    bridge = await startBridge({ core: recording(core, calls), rendererDir });
    browser = await launch();
    const url = `${bridge.url}#token=${bridge.token}`;
    const reps = ctx.args.quick ? 3 : 5;

    // First paint: navigation start (the core is already unlocked) to the first row painted.
    const paints: number[] = [];
    let page: Page | null = null;
    for (let r = 0; r < reps; r++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce', locale: 'en-US', timezoneId: 'UTC' });
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('response', (res) => {
        if (res.status() >= 400) errors.push(`HTTP ${res.status()} for ${new URL(res.url()).pathname}`);
      });
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await p.addInitScript(probeScript(selectors));
      await p.goto(url, { waitUntil: 'commit' });
      await waitUntil(p, `${B}.state.firstRowPaintAt !== null`, UI_TIMEOUT);
      const painted = (await state(p)).firstRowPaintAt as number;
      paints.push(painted);
      // What the page asked the core for before its first row, and how long each call took.
      const origin = await evaluate<number>(p, 'performance.timeOrigin');
      details.firstPaintCalls = timeline(calls, origin, origin + painted);
      if (r < reps - 1) await context.close();
      else page = p;
    }
    ctx.figures.set('renderer_first_paint_ms', median(paints), 'ms', '<= 1000', `navigation start to first row painted, core unlocked, median of ${reps}`);
    details.firstPaintMs = paints;
    if (!page) return;
    await page.waitForTimeout(500);

    // Frame rate check: idle frames show whether rAF is capped at the display rate.
    type Frames = { frames: number[]; work: number[]; longTasks: { start: number; duration: number }[] };
    await evaluate(page, `${B}.startFrames()`);
    await page.waitForTimeout(500);
    const idle = await evaluate<Frames>(page, `${B}.stopFrames()`);
    details.idle = { frameIntervalMedianMs: median(idle.frames), frameWorkMedianMs: median(idle.work) };

    // Scroll the list with the wheel, one step per frame, over SCROLL_ROWS rows.
    const list = page.locator(selectors.list).first();
    const box = (await list.count()) > 0 ? await list.boundingBox() : await page.locator(selectors.row).first().boundingBox();
    if (!box) throw new Error('no list to scroll');
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    const rowHeight = await evaluate<number>(page, `document.querySelector(${js(selectors.row)})?.getBoundingClientRect().height ?? 0`);
    const scrollTop = `${B}.scroller()?.scrollTop ?? 0`;
    const top0 = await evaluate<number>(page, scrollTop);
    const steps = Math.ceil((SCROLL_ROWS * Math.max(rowHeight, 40)) / WHEEL_STEP_PX);
    await evaluate(page, `${B}.startFrames()`);
    const s0 = performance.now();
    // About one wheel event per frame, as a fast trackpad or mouse-wheel fling sends them.
    for (let k = 0; k < steps; k++) {
      await page.mouse.wheel(0, WHEEL_STEP_PX);
      await page.waitForTimeout(12);
    }
    const scrollWallMs = performance.now() - s0;
    const scrolled = await evaluate<Frames>(page, `${B}.stopFrames()`);
    const top1 = await evaluate<number>(page, scrollTop);
    const rowsScrolled = rowHeight > 0 ? (top1 - top0) / rowHeight : 0;
    const frames = scrolled.frames;
    const work = scrolled.work;
    // A frame interval well over the display's is a dropped frame.
    const interval = median(idle.frames);
    const dropped = frames.filter((f) => f > interval * 1.5).length;
    ctx.figures.set(
      'renderer_scroll_frame_p95_ms',
      work.length ? p95(work) : null,
      'ms',
      '< 16',
      `main-thread time per frame, ${Math.round(rowsScrolled).toLocaleString('en-US')} rows by wheel, ${work.length} frames`,
    );
    ctx.figures.set('renderer_scroll_frame_max_ms', work.length ? Math.max(...work) : null, 'ms', null, 'slowest frame while scrolling');
    ctx.figures.set('renderer_scroll_dropped_frames_pct', frames.length ? (100 * dropped) / frames.length : null, '%', null, `rAF intervals over 1.5x the idle interval (${interval.toFixed(1)} ms)`);
    ctx.figures.set('renderer_scroll_long_tasks', scrolled.longTasks.length, 'count', null, 'main-thread tasks over 50 ms while scrolling');
    details.scroll = {
      steps,
      stepPx: WHEEL_STEP_PX,
      rowHeight,
      rowsScrolled,
      wallMs: scrollWallMs,
      frames: frames.length,
      intervalMedianMs: median(frames),
      intervalP95Ms: p95(frames),
      droppedFrames: dropped,
      workMedianMs: median(work),
      workP95Ms: p95(work),
      workOver16: work.filter((f) => f > 16).length,
      longTasks: scrolled.longTasks,
    };
    // Missed: where the frames go. A second, shorter scroll under the CPU profiler (not
    // part of the figures above).
    if (work.length && p95(work) >= 16) {
      const p = page;
      details.scrollProfile = await profilePage(p, async () => {
        for (let k = 0; k < 150; k++) {
          await p.mouse.wheel(0, WHEEL_STEP_PX);
          await p.waitForTimeout(12);
        }
      });
    }
    if (rowsScrolled < SCROLL_ROWS * 0.5) ctx.notes.push(`renderer: the list scrolled only ${Math.round(rowsScrolled)} rows (wanted ${SCROLL_ROWS}); the UI may not load more rows while scrolling`);

    // Selection to detail: back to the top, click rows, then the "next" key.
    await evaluate(page, `{ const s = ${B}.scroller(); if (s) s.scrollTop = 0; }`);
    await page.waitForTimeout(500);
    const ids = await evaluate<string[]>(
      page,
      `[...document.querySelectorAll(${js(selectors.row)})]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })
        .map((el) => el.getAttribute(${js(selectors.rowId)}) ?? '')
        .filter(Boolean)`,
    );
    const clicks: number[] = [];
    const keys: number[] = [];
    try {
      // For a slow one, which core calls the page made after the input, and when.
      const slow: string[][] = [];
      for (const id of ids.slice(1, 11)) {
        const p = page;
        const t = await timeToDetail(p, core, id, () => p.click(`${selectors.row}[${selectors.rowId}="${id}"]`));
        clicks.push(t.ms);
        if (t.ms > 50) slow.push([`click: ${t.ms.toFixed(0)} ms`, ...timeline(calls, t.inputEpoch, t.inputEpoch + t.ms)]);
      }
      for (let k = 0; k < 12; k++) {
        const p = page;
        const next = await evaluate<string | null>(
          p,
          `(() => {
            const active = document.querySelector(${js(`${selectors.row}[data-active]`)});
            const pos = Number(active?.getAttribute('aria-posinset') ?? '0');
            return document.querySelector(${js(selectors.row)} + '[aria-posinset="' + (pos + 1) + '"]')?.getAttribute(${js(selectors.rowId)}) ?? null;
          })()`,
        );
        if (!next) break;
        const t = await timeToDetail(p, core, next, () => p.keyboard.press(selectors.nextKey));
        keys.push(t.ms);
        if (t.ms > 50) slow.push([`${selectors.nextKey}: ${t.ms.toFixed(0)} ms`, ...timeline(calls, t.inputEpoch, t.inputEpoch + t.ms)]);
      }
      details.slowSelections = slow;
      if (keys.length && p95([...clicks, ...keys]) > 50) {
        const p = page;
        details.selectionProfile = await profilePage(p, async () => {
          for (let k = 0; k < 10; k++) {
            await p.keyboard.press(selectors.nextKey);
            await p.waitForTimeout(150);
          }
        });
      }
    } catch (error) {
      ctx.notes.push(`renderer: selection to detail could not be measured (${(error as Error).message.split('\n')[0]}); check bench/lib/renderer-selectors.ts against the UI`);
    }
    ctx.figures.set('renderer_select_to_detail_ms', clicks.length ? median(clicks) : null, 'ms', '<= 50', `click on a row until its subject is painted in the detail, median of ${clicks.length}`);
    ctx.figures.set('renderer_select_to_detail_p95_ms', clicks.length ? p95(clicks) : null, 'ms', '<= 50');
    ctx.figures.set('renderer_next_key_to_detail_ms', keys.length ? median(keys) : null, 'ms', '<= 50', `"${selectors.nextKey}" with the detail open, median of ${keys.length}`);
    details.selectMs = clicks;
    details.nextKeyMs = keys;

    // Selection to detail while an import of 100,000 rows runs on the job thread.
    const file = join(ctx.workDir, 'renderer-import.csv');
    await writeImportCsv(file, DURING_IMPORT_ROWS, 'renderer');
    const during: number[] = [];
    const slowDuring: string[][] = [];
    let ended = false;
    let importId: string | null = null;
    const stop = core.onEvent((name, payload) => {
      const p = payload as { importId?: string; state?: string };
      if (name === 'import.progress' && p.importId === importId && p.state !== 'running') ended = true;
    });
    importId = (await invokeOk<{ importId: string }>(core, 'import.start', { grant: await readGrant(core, file) })).importId;
    const p = page;
    for (let k = 0; !ended && during.length < 60; k++) {
      const visible = await evaluate<string[]>(
        p,
        `[...document.querySelectorAll(${js(selectors.row)})]
          .filter((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && !el.hasAttribute('data-active'); })
          .map((el) => el.getAttribute(${js(selectors.rowId)}) ?? '')
          .filter(Boolean)`,
      );
      const id = visible[k % Math.max(1, visible.length)];
      if (!id) continue;
      try {
        const t = await timeToDetail(p, core, id, () => p.click(`${selectors.row}[${selectors.rowId}="${id}"]`, { timeout: 2_000 }));
        during.push(t.ms);
        // For a slow one, which core calls the page made after the click, and when.
        if (t.ms > 100 && slowDuring.length < 10) slowDuring.push([`click: ${t.ms.toFixed(0)} ms`, ...timeline(calls, t.inputEpoch, t.inputEpoch + t.ms)]);
      } catch {
        // The list refreshed under the pointer (new rows arrived): pick another row.
      }
    }
    stop();
    ctx.figures.set(
      'renderer_select_to_detail_during_import_p95_ms',
      during.length ? p95(during) : null,
      'ms',
      '<= 100',
      `click on a row until its subject is painted, while ${DURING_IMPORT_ROWS.toLocaleString('en-US')} rows import on the job thread; ${during.length} clicks`,
    );
    details.selectDuringImportMs = during;
    details.slowSelectionsDuringImport = slowDuring;
  } finally {
    details.pageErrors = errors.slice(0, 20);
    if (errors.length) ctx.notes.push(`renderer: ${errors.length} console/page errors (first: ${errors[0]?.slice(0, 120)})`);
    await browser?.close().catch(() => undefined);
    await bridge?.close().catch(() => undefined);
    await core.close();
  }
}
