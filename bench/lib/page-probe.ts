/**
 * Script installed in the page before the app's own scripts: it notes when the first
 * conversation row is painted, records frame times (requestAnimationFrame deltas) and long
 * tasks on request, and watches for a condition (the detail pane showing an item) to be met,
 * timing it from the triggering input event. All times are performance.now() in the page,
 * i.e. milliseconds since navigation start.
 */
import type { Selectors } from './renderer-selectors';

export interface ProbeState {
  firstRowAt: number | null;
  firstRowPaintAt: number | null;
  inputAt: number | null;
  doneAt: number | null;
  donePaintAt: number | null;
  /** requestAnimationFrame intervals (the display rate caps them at ~16.7 ms). */
  frames: number[];
  /** Main-thread time of each frame: from its start to the end of its rendering work. */
  work: number[];
  longTasks: { start: number; duration: number }[];
}

/** Source of a function run in the page (no imports there: plain browser JavaScript). */
export function probeScript(sel: Selectors): string {
  return `(() => {
  const sel = ${JSON.stringify(sel)};
  const state = { firstRowAt: null, firstRowPaintAt: null, inputAt: null, doneAt: null, donePaintAt: null, frames: [], work: [], longTasks: [] };
  // A message posted from a frame's rAF callback runs after that frame's rendering work and
  // after tasks queued before it (React's scheduler uses the same task source), so its time
  // minus the frame's start is the main thread's cost of the frame.
  const channel = new MessageChannel();
  let frameStart = 0;
  channel.port1.onmessage = () => { if (recording) state.work.push(performance.now() - frameStart); };
  let recording = false;
  let watch = null;
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.width > 0 && r.bottom > 0 && r.top < innerHeight; };
  let observing = false;
  const observer = new MutationObserver(() => check());
  const observe = (on) => {
    if (on && !observing) observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    if (!on && observing) observer.disconnect();
    observing = on;
  };
  const check = () => {
    if (state.firstRowAt === null) {
      const row = document.querySelector(sel.row);
      if (row && visible(row)) {
        state.firstRowAt = performance.now();
        requestAnimationFrame(() => { state.firstRowPaintAt = performance.now(); });
      }
    }
    if (watch && state.doneAt === null && watch()) {
      state.doneAt = performance.now();
      watch = null;
      requestAnimationFrame(() => { state.donePaintAt = performance.now(); });
    }
    // Watching costs time on every DOM change: only while there is something to wait for.
    if (state.firstRowAt !== null && watch === null) observe(false);
  };
  observe(true);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long-task API */ }
  const markInput = (e) => { if (watch && state.inputAt === null) state.inputAt = e.timeStamp || performance.now(); };
  addEventListener('keydown', markInput, true);
  addEventListener('mousedown', markInput, true);
  const bench = {
    state,
    /** Arms a watch: done when the detail pane shows item id with this subject. */
    armDetail(id, subject) {
      state.inputAt = null; state.doneAt = null; state.donePaintAt = null;
      const want = subject.replace(/\\s+/g, ' ').trim();
      watch = () => {
        const pane = document.querySelector(sel.detailPane);
        if (!pane || pane.getAttribute(sel.detailOpenId) !== id) return false;
        const s = pane.querySelector(sel.detailSubject);
        return !!s && s.textContent.replace(/\\s+/g, ' ').trim() === want;
      };
      observe(true);
      check();
    },
    startFrames() {
      state.frames = []; state.work = []; state.longTasks = []; recording = true;
      let last = performance.now();
      const tick = (t) => {
        if (!recording) return;
        state.frames.push(t - last); last = t;
        frameStart = t; channel.port2.postMessage(0);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    },
    stopFrames() { recording = false; return { frames: state.frames.slice(), work: state.work.slice(), longTasks: state.longTasks.slice() }; },
    /** The list's scroll container. */
    scroller() {
      const list = document.querySelector(sel.list);
      if (list && list.scrollHeight > list.clientHeight) return list;
      let el = document.querySelector(sel.row);
      while (el && el !== document.body) {
        const s = getComputedStyle(el);
        if ((s.overflowY === 'auto' || s.overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el;
        el = el.parentElement;
      }
      return document.scrollingElement;
    },
  };
  Object.defineProperty(window, '__hearkenBench', { value: bench });
})();`;
}
