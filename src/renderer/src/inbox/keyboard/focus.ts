/**
 * Named places keyboard commands move focus to (the search box, the list, the reply), so a
 * shortcut does not need to know which component renders them.
 */
export type FocusTarget = 'search' | 'list' | 'reply';

const targets = new Map<FocusTarget, HTMLElement>();

export function registerFocusTarget(name: FocusTarget, element: HTMLElement | null): void {
  if (element) targets.set(name, element);
  else targets.delete(name);
}

/** Focuses a target, waiting a few frames for it to mount (the reply box appears with the detail). */
export function focusTarget(name: FocusTarget, framesLeft = 10): void {
  const element = targets.get(name);
  if (element && element.isConnected) {
    if (document.activeElement !== element) element.focus({ preventScroll: true });
    if (name === 'search' && element instanceof HTMLInputElement) element.select();
    return;
  }
  if (framesLeft > 0) window.requestAnimationFrame(() => focusTarget(name, framesLeft - 1));
}
