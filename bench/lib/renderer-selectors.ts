/**
 * Where the renderer measure looks in the page. The inbox UI is young: when its markup
 * changes, this is the one place to adjust.
 */
export const selectors = {
  /** A conversation row in the list; its data-id is the item id. */
  row: '[data-testid="feedback-row"]',
  rowId: 'data-id',
  /** The list's scroll container (a virtualised listbox); the nearest scrollable ancestor of a row otherwise. */
  list: '[data-testid="feedback-list"]',
  /** The detail pane, with the open item's id in data-open-id. */
  detailPane: '[data-testid="detail-pane"]',
  detailOpenId: 'data-open-id',
  /** The subject heading inside the detail pane (subject, or the preview when there is none). */
  detailSubject: '[data-testid="detail-subject"]',
  /** The key that moves to the next conversation (and opens it while the detail is open). */
  nextKey: 'j',
} as const;

export type Selectors = typeof selectors;
