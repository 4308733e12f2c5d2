/**
 * The recovery key leaves the clipboard a minute after it was copied, unless the person
 * copied something else since; a fake clock and clipboard drive the window's model.
 */
import { describe, expect, it } from 'vitest';
import { clearIfUnchanged, SECRET_CLIPBOARD_MS, secretClipboard } from '../../src/renderer/src/screens/model';

const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

/** A clipboard and a clock the test moves by hand. */
function harness() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const board = { text: 'before', reads: 0 };
  const clipboard = {
    readText: () => {
      board.reads++;
      return Promise.resolve(board.text);
    },
    writeText: (text: string) => {
      board.text = text;
      return Promise.resolve();
    },
  };
  const model = secretClipboard({
    write: (text) => clipboard.writeText(text),
    clearIf: async (copied) => {
      await clearIfUnchanged(clipboard, copied);
    },
    schedule: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
  });
  const advance = async (ms: number): Promise<void> => {
    now += ms;
    for (const due of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== due);
      due.fn();
    }
    // Let the clear's read and write settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { board, model, advance, timers: () => timers.length };
}

describe('the recovery key on the clipboard', () => {
  it('is there for a minute, then cleared', async () => {
    const h = harness();
    await h.model.copy(KEY);
    expect(h.board.text).toBe(KEY);
    await h.advance(SECRET_CLIPBOARD_MS - 1);
    expect(h.board.text).toBe(KEY);
    expect(h.model.pending()).toBe(true);
    await h.advance(1);
    expect(h.board.text).toBe('');
    expect(h.model.pending()).toBe(false);
  });

  it('is not cleared over something the person copied since', async () => {
    const h = harness();
    await h.model.copy(KEY);
    await h.advance(20_000);
    h.board.text = 'a tracking number the agent copied';
    await h.advance(SECRET_CLIPBOARD_MS);
    expect(h.board.text).toBe('a tracking number the agent copied');
    expect(h.board.reads).toBe(1);
    expect(h.timers()).toBe(0);
  });

  it('copied again, stays a full minute from the last copy, and is cleared once', async () => {
    const h = harness();
    await h.model.copy(KEY);
    await h.advance(50_000);
    await h.model.copy(KEY);
    await h.advance(50_000);
    expect(h.board.text).toBe(KEY);
    expect(h.timers()).toBe(1);
    await h.advance(10_000);
    expect(h.board.text).toBe('');
    expect(h.board.reads).toBe(1);
  });
});
