/**
 * The recovery key's clipboard in this window: written with the page's clipboard API,
 * cleared a minute later by main where the bridge offers it (Electron compares and
 * clears even while the window is in the background, and the page never reads the
 * clipboard), else by the page itself.
 */
import { clearIfUnchanged, secretClipboard } from './model';

export const recoveryKeyClipboard = secretClipboard({
  write: (text) => navigator.clipboard.writeText(text),
  clearIf: async (copied) => {
    const bridge = window.hearken;
    if (bridge?.clearClipboardIf) await bridge.clearClipboardIf(copied);
    else await clearIfUnchanged(navigator.clipboard, copied);
  },
  schedule: (fn, ms) => {
    const timer = window.setTimeout(fn, ms);
    return () => window.clearTimeout(timer);
  },
});
