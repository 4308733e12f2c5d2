/**
 * One keydown listener for the whole inbox. Letters never fire while the agent types in a
 * field or works in a dialog or menu; Esc always means "step back".
 */
import { spotlight } from '@mantine/spotlight';
import { useEffect, useRef } from 'react';
import { stepBack } from '../flows/navigation';
import { pickSuggestionByRank } from '../flows/replies';
import { undoLast } from '../flows/triage';
import { useWorkspace } from '../../stores/workspace';
import { useOverlay } from '../state/overlay';
import { availableOn, type Command } from './commands';
import { focusTarget } from './focus';

const sequenceMs = 1200;

/** "Shift+X" and a Shift+x key press both become "shift+x"; "?" stays "?". */
export function normalizeStep(step: string): string {
  const lower = step.toLowerCase();
  return lower === 'esc' ? 'escape' : lower;
}

function stepOf(event: KeyboardEvent): string {
  const key = event.key.toLowerCase();
  const mod = event.ctrlKey || event.metaKey ? 'mod+' : '';
  const shift = event.shiftKey && /^[a-z]$/.test(key) ? 'shift+' : '';
  return `${mod}${shift}${key}`;
}

/** Inputs that take no typing (a segmented control's radios, a checkbox) leave the keys to the page. */
const choiceInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

function isField(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && choiceInputs.has(target.type)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Dialogs, popovers and menus handle their own keys. */
function inLayer(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="menu"], [role="alertdialog"]') !== null;
}

/** Keys that act on the list only when nothing else has focus (Enter belongs to buttons). */
function listOnly(step: string): boolean {
  return step === 'enter' || step === 'arrowdown' || step === 'arrowup';
}

function focusIsFree(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.getAttribute('role') === 'listbox');
}

export function useShortcuts(commands: Command[]): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  }, [commands]);

  useEffect(() => {
    let pending: string | null = null;
    let pendingTimer: number | undefined;

    function lookup(sequence: string[]): Command | 'prefix' | null {
      const wanted = sequence.join(' ');
      let prefix = false;
      // Each page answers its own keys (j, e, a… act on the list in the inbox, on the queue
      // on the Escalations page) and those that work everywhere.
      const page = useWorkspace.getState().page;
      for (const command of latest.current) {
        if (!availableOn(command, page)) continue;
        for (const keys of command.keys ?? []) {
          const normal = keys.map(normalizeStep).join(' ');
          if (normal === wanted) return command;
          if (normal.startsWith(`${wanted} `)) prefix = true;
        }
      }
      return prefix ? 'prefix' : null;
    }

    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isField(event.target);
      const layered = inLayer(event.target) || useOverlay.getState().overlay !== null;
      if (event.altKey) {
        // Alt+digit picks a suggested reply wherever the agent is in the inbox, the reply box included.
        const digit = /^Digit([1-9])$/.exec(event.code);
        if (digit && !layered && !event.ctrlKey && !event.metaKey && useWorkspace.getState().page === 'inbox' && pickSuggestionByRank(Number(digit[1]))) {
          event.preventDefault();
          focusTarget('reply');
        }
        return;
      }
      const step = stepOf(event);

      if (step === 'mod+k') {
        event.preventDefault();
        spotlight.toggle();
        return;
      }
      if (layered) return;
      if (step === 'escape' && useWorkspace.getState().page !== 'inbox') return;
      if (step === 'escape') {
        if (typing) {
          (event.target as HTMLElement).blur();
          focusTarget('list');
          event.preventDefault();
        } else if (stepBack()) {
          event.preventDefault();
          focusTarget('list');
        }
        return;
      }
      if (typing) return;
      if (step === 'mod+z' && (useWorkspace.getState().page === 'inbox' || useWorkspace.getState().page === 'escalations')) {
        event.preventDefault();
        undoLast();
        return;
      }
      if (event.ctrlKey || event.metaKey) {
        // Chords (Mod+I) are single steps; they never start or continue a sequence.
        const chord = lookup([step]);
        if (chord !== null && chord !== 'prefix') {
          event.preventDefault();
          chord.run();
        }
        return;
      }
      if (listOnly(step) && !focusIsFree(event.target)) return;

      const sequence = pending === null ? [step] : [pending, step];
      window.clearTimeout(pendingTimer);
      pending = null;
      // A key that does not continue a sequence ("g" then "j") still does its own job.
      const found = lookup(sequence) ?? (sequence.length > 1 ? lookup([step]) : null);
      if (found === 'prefix') {
        pending = step;
        pendingTimer = window.setTimeout(() => (pending = null), sequenceMs);
        event.preventDefault();
      } else if (found) {
        event.preventDefault();
        found.run();
      }
    }

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.clearTimeout(pendingTimer);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
