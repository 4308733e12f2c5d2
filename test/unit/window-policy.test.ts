/**
 * What the window may reach beyond its page, decided in plain functions (policy.ts) that
 * main applies: which links open and how, when DevTools exist, and when the clipboard
 * is cleared behind the recovery key.
 */
import { describe, expect, it } from 'vitest';
import { clearClipboardIf, decideExternalLink, isUserGesture, LINK_GESTURE_MS, linkConfirmation, runMode } from '../../src/main/electron/policy';
import { mainWindowOptions } from '../../src/main/electron/window-options';

const NOW = 1_700_000_000_000;
const clicked = { now: NOW, lastGestureAt: NOW - 50, confirming: false };

describe('external links', () => {
  it('ask to open http(s) right after a click, with the normalised address', () => {
    expect(decideExternalLink('https://example.com/help?q=1', clicked)).toEqual({ action: 'confirm', url: 'https://example.com/help?q=1' });
    expect(decideExternalLink('http://EXAMPLE.com', clicked)).toEqual({ action: 'confirm', url: 'http://example.com/' });
    // A look-alike international host is shown as what it is.
    expect(decideExternalLink('https://exаmple.com/', clicked)).toEqual({ action: 'confirm', url: 'https://xn--exmple-4nf.com/' });
  });

  it('never open another scheme', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://hearken/index.html', 'mailto:a@example.com', 'ms-settings:', 'not a url']) {
      expect(decideExternalLink(url, clicked), url).toEqual({ action: 'refuse', reason: 'not-web' });
    }
  });

  it('never open without a click or key press just before, and one at a time', () => {
    expect(decideExternalLink('https://example.com', { ...clicked, lastGestureAt: null })).toEqual({ action: 'refuse', reason: 'no-gesture' });
    expect(decideExternalLink('https://example.com', { ...clicked, lastGestureAt: NOW - LINK_GESTURE_MS - 1 })).toEqual({ action: 'refuse', reason: 'no-gesture' });
    expect(decideExternalLink('https://example.com', { ...clicked, lastGestureAt: NOW - LINK_GESTURE_MS })).toMatchObject({ action: 'confirm' });
    expect(decideExternalLink('https://example.com', { ...clicked, lastGestureAt: NOW + 1_000 })).toEqual({ action: 'refuse', reason: 'no-gesture' });
    expect(decideExternalLink('https://example.com', { ...clicked, confirming: true })).toEqual({ action: 'refuse', reason: 'busy' });
  });

  it('refuse addresses that hide where they go, and absurdly long ones', () => {
    expect(decideExternalLink('https://bank.example@evil.example/', clicked)).toEqual({ action: 'refuse', reason: 'credentials' });
    expect(decideExternalLink('https://user:pass@example.com/', clicked)).toEqual({ action: 'refuse', reason: 'credentials' });
    expect(decideExternalLink(`https://example.com/${'a'.repeat(3_000)}`, clicked)).toEqual({ action: 'refuse', reason: 'too-long' });
  });

  it('are confirmed with the whole address, Cancel first and by default', () => {
    const box = linkConfirmation('https://xn--exmple-4nf.com/path?x=1');
    expect(box.message).toBe('Open xn--exmple-4nf.com in your browser?');
    expect(box.detail).toContain('https://xn--exmple-4nf.com/path?x=1');
    expect(box.buttons).toEqual(['Cancel', 'Open in browser']);
    expect([box.defaultId, box.cancelId]).toEqual([0, 0]);
  });

  it('count only real pointer and key presses as the person acting', () => {
    for (const type of ['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap', 'pointerDown']) expect(isUserGesture(type), type).toBe(true);
    for (const type of ['mouseMove', 'mouseEnter', 'mouseWheel', 'keyUp', 'char', 'gestureScrollBegin', 'undefined']) expect(isUserGesture(type), type).toBe(false);
  });
});

describe('DevTools and the reload menu', () => {
  it('exist only under `npm run dev`, where electron-vite sets the dev server URL', () => {
    expect(runMode({ isPackaged: false, rendererUrl: 'http://localhost:5173' })).toEqual({ devServerUrl: 'http://localhost:5173', devTools: true });
  });

  it('do not exist under `npm start` (electron-vite preview sets no URL) or in a packaged app, whatever the environment says', () => {
    expect(runMode({ isPackaged: false, rendererUrl: undefined })).toEqual({ devServerUrl: undefined, devTools: false });
    expect(runMode({ isPackaged: false, rendererUrl: '' })).toEqual({ devServerUrl: undefined, devTools: false });
    expect(runMode({ isPackaged: true, rendererUrl: 'http://localhost:5173' })).toEqual({ devServerUrl: undefined, devTools: false });
    expect(runMode({ isPackaged: false, rendererUrl: 'file:///tmp/evil/index.html' })).toEqual({ devServerUrl: undefined, devTools: false });
    expect(runMode({ isPackaged: false, rendererUrl: 'not a url' })).toEqual({ devServerUrl: undefined, devTools: false });
  });

  it('are off in the window unless the run mode turns them on', () => {
    expect(mainWindowOptions('/p.cjs').webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', { devTools: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('clearing the clipboard behind the recovery key', () => {
  const clipboardHolding = (text: string) => {
    const board = {
      text,
      cleared: 0,
      readText: () => Promise.resolve(board.text),
      clear: () => {
        board.text = '';
        board.cleared++;
      },
    };
    return board;
  };

  it('clears it when it still holds exactly what was copied', async () => {
    const board = clipboardHolding('ABCD-EFGH-JKMN');
    expect(await clearClipboardIf(board, 'ABCD-EFGH-JKMN')).toBe(true);
    expect(board).toMatchObject({ text: '', cleared: 1 });
  });

  it('leaves something else the person copied since, and refuses nonsense', async () => {
    const board = clipboardHolding('my own note');
    expect(await clearClipboardIf(board, 'ABCD-EFGH-JKMN')).toBe(false);
    for (const copied of ['', 42, null, undefined, 'x'.repeat(1_001)]) expect(await clearClipboardIf(clipboardHolding(''), copied)).toBe(false);
    expect(board).toMatchObject({ text: 'my own note', cleared: 0 });
  });
});
