/** How the inbox shares the window between the list and the open conversation (pure). */

export const navWidth = 232;
/** Below this window width the nav shows icons only (labels on hover and in the palette). */
export const navCollapsedBelow = 1200;
export const navCollapsedWidth = 60;

/** The list never gets narrower than this: the customer, the subject and the sentiment fit. */
export const listMinWidth = 400;
/** The conversation pane never gets narrower than this: a message reads in full lines. */
export const paneMinWidth = 420;
/** Share of the room beside the nav the conversation pane takes until the agent drags it. */
const paneShare = 0.52;

export interface PaneWidth {
  width: number;
  min: number;
  max: number;
}

/**
 * The conversation pane's width: the agent's chosen width (or a share of the room beside
 * the nav), kept within what leaves the list its minimum at this window size.
 */
export function conversationPaneWidth(windowWidth: number, nav: number, chosen: number | null): PaneWidth {
  const room = Math.max(0, windowWidth - nav);
  const max = Math.max(paneMinWidth, room - listMinWidth);
  const min = Math.min(paneMinWidth, max);
  const wanted = chosen ?? Math.round(room * paneShare);
  return { width: Math.min(max, Math.max(min, wanted)), min, max };
}
