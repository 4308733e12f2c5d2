/**
 * A CPU profile of the page (Chrome DevTools Protocol) around an action, reduced to the
 * functions with the most self time: where a renderer target is missed, what the main thread
 * was doing. The bundle is minified, so names are short; the URL and line still locate them.
 */
import type { Page } from 'playwright-core';

export interface HotFunction {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

export async function profilePage(page: Page, action: () => Promise<void>, top = 12): Promise<{ totalMs: number; hot: HotFunction[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await action();
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const deltas = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'}\t${f.url ? `${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const hot = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => {
        const [fn, where] = key.split('\t');
        return { fn: fn ?? '', where: where ?? '', selfMs: Math.round(ms * 10) / 10, share: Math.round((1000 * ms) / Math.max(total, 1)) / 10 };
      });
    return { totalMs: Math.round(total), hot };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
