import { Kbd } from '@mantine/core';
import { Fragment } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Names a key the way this machine's keyboard prints it. */
export function keyName(key: string): string {
  if (key === 'Mod') return isMac ? '⌘' : 'Ctrl';
  if (key === 'Shift') return isMac ? '⇧' : 'Shift';
  if (key === 'Alt') return isMac ? '⌥' : 'Alt';
  if (key === 'Enter') return isMac ? '↩' : 'Enter';
  if (key === 'ArrowDown') return '↓';
  if (key === 'ArrowUp') return '↑';
  return key;
}

/** A key sequence: `["g", "i"]` reads "g then i"; `["Mod+K"]` reads as one chord. */
export function Shortcut({ keys, size = 'xs' }: { keys: readonly string[]; size?: 'xs' | 'sm' }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      {keys.map((step, i) => (
        <Fragment key={`${step}-${i}`}>
          {i > 0 && <span style={{ fontSize: 11, color: 'var(--mantine-color-dimmed)' }}>then</span>}
          {step.split('+').map((part, j) => (
            <Kbd key={`${part}-${j}`} size={size}>
              {keyName(part)}
            </Kbd>
          ))}
        </Fragment>
      ))}
    </span>
  );
}
