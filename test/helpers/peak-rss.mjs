/**
 * Preloaded into a CLI child (`node --import …/peak-rss.mjs`): on exit, writes the
 * process's peak resident set size in KiB (VmHWM, Linux only) to $HEARKEN_PEAK_RSS_FILE, so
 * a test can hold the real process to a memory bound.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.HEARKEN_PEAK_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
      writeFileSync(out, m ? m[1] : '');
    } catch {
      // No /proc (not Linux): the test has no figure to check.
    }
  });
}
