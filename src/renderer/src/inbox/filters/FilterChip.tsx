import { Popover, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './filters.module.css';

interface ChipProps {
  name: string;
  value: string;
  /** The popover body that edits this part; without one, clicking the chip calls onActivate. */
  editor?: ReactNode;
  opened?: boolean;
  onOpenChange?: (opened: boolean) => void;
  onActivate?: () => void;
  activateHint?: string;
  onRemove: () => void;
}

/** One part of the filter: "Status Open, Pending ×". Click edits it, × removes it. */
export function FilterChip({ name, value, editor, opened = false, onOpenChange, onActivate, activateHint, onRemove }: ChipProps) {
  const label = (
    <button
      type="button"
      className={classes.chipLabel}
      onClick={() => (editor ? onOpenChange?.(!opened) : onActivate?.())}
      aria-label={`${name}: ${value}. ${editor ? 'Change' : (activateHint ?? '')}`}
      aria-haspopup={editor ? 'dialog' : undefined}
      aria-expanded={editor ? opened : undefined}
    >
      {name && <span>{name}</span>}
      <strong>{value}</strong>
    </button>
  );
  return (
    <span className={classes.chip} data-testid="filter-chip">
      {editor ? (
        <Popover opened={opened} onChange={onOpenChange} position="bottom-start" shadow="md" trapFocus returnFocus withinPortal>
          <Popover.Target>{label}</Popover.Target>
          <Popover.Dropdown>{editor}</Popover.Dropdown>
        </Popover>
      ) : activateHint ? (
        <Tooltip label={activateHint} openDelay={400}>
          {label}
        </Tooltip>
      ) : (
        label
      )}
      <button type="button" className={classes.chipRemove} onClick={onRemove} aria-label={`Remove the ${name || value} filter`}>
        <IconX size={12} />
      </button>
    </span>
  );
}
