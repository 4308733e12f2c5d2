import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationPaneWidth, listMinWidth, navCollapsedBelow, navCollapsedWidth, navWidth, paneMinWidth } from '../../src/renderer/src/workspace/model/pane-width';

describe('the conversation pane width', () => {
  it('takes about half the room beside the nav until the agent drags it', () => {
    expect(conversationPaneWidth(1440, 232, null).width).toBe(628);
    expect(conversationPaneWidth(1024, 60, null).width).toBe(501);
  });

  it('keeps a width the agent chose when the window has room for it', () => {
    expect(conversationPaneWidth(1440, 232, 700).width).toBe(700);
  });

  it('gives way to the list when the window shrinks below the chosen width', () => {
    const pane = conversationPaneWidth(1024, 60, 900);
    expect(pane.width).toBe(1024 - 60 - listMinWidth);
    expect(pane.max).toBe(pane.width);
  });

  it('leaves the list its minimum and the pane its own at every window from 960 px', () => {
    fc.assert(
      fc.property(fc.integer({ min: 960, max: 4000 }), fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }), (window, chosen) => {
        // The nav is icons only below 1200 px.
        const nav = window < navCollapsedBelow ? navCollapsedWidth : navWidth;
        const pane = conversationPaneWidth(window, nav, chosen);
        expect(pane.width).toBeGreaterThanOrEqual(paneMinWidth);
        expect(window - nav - pane.width).toBeGreaterThanOrEqual(listMinWidth);
        expect(pane.min).toBeLessThanOrEqual(pane.width);
        expect(pane.width).toBeLessThanOrEqual(pane.max);
      }),
    );
  });
});
