/**
 * The recovery key on the clipboard: copied for the person to paste into their password
 * manager, then cleared a minute later, so it does not sit there for the next paste into
 * a chat or a web form. Only if the clipboard still holds the key: whatever the person
 * copied since is theirs and stays. Pure: the clipboard and the clock are passed in.
 */

/** How long a copied recovery key stays on the clipboard. */
export const SECRET_CLIPBOARD_MS = 60_000;

export interface SecretClipboardPorts {
  write(text: string): Promise<void>;
  /** Clears the clipboard if it still holds exactly `copied` (see clearIfUnchanged). */
  clearIf(copied: string): Promise<void>;
  /** The clock: runs `fn` after `ms`; the answer cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export interface SecretClipboard {
  /** Puts `text` on the clipboard and clears it after SECRET_CLIPBOARD_MS unless replaced. */
  copy(text: string): Promise<void>;
  /** Whether a clear is still to come. */
  pending(): boolean;
}

export function secretClipboard(ports: SecretClipboardPorts, holdMs = SECRET_CLIPBOARD_MS): SecretClipboard {
  let pending: { text: string; cancel: () => void } | null = null;
  return {
    async copy(text) {
      await ports.write(text);
      // A second copy starts the minute again; one clear, for the latest copy.
      pending?.cancel();
      const entry = {
        text,
        cancel: ports.schedule(() => {
          if (pending === entry) pending = null;
          ports.clearIf(text).catch(() => {
            // A clipboard that cannot be read or cleared now (the window lost focus in a
            // browser) is left as it is; there is nothing better to do with it.
          });
        }, holdMs),
      };
      pending = entry;
    },
    pending: () => pending !== null,
  };
}

/**
 * The comparison itself, for a host that lets the page read the clipboard (a browser).
 * Electron's main does the same with its own clipboard (policy.ts clearClipboardIf), so
 * the page there never reads the clipboard.
 */
export async function clearIfUnchanged(clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> }, copied: string): Promise<boolean> {
  if ((await clipboard.readText()) !== copied) return false;
  await clipboard.writeText('');
  return true;
}
