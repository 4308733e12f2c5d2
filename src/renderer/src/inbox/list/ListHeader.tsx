import { ActionIcon, Button, Checkbox, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconArrowsSort, IconCheck, IconChecks, IconDots, IconX } from '@tabler/icons-react';
import type { FeedbackSort } from '../../../../shared/contract';
import { Shortcut } from '../../common/Shortcut';
import { resolve, toggleUnread } from '../flows/triage';
import { conversations } from '../model/labels';
import { useList } from '../state/list';
import { useOverlay, type PickerKind } from '../state/overlay';
import { useQuery } from '../state/query';
import { useSelection } from '../state/selection';
import classes from './list.module.css';

const sortLabels: Record<FeedbackSort, string> = { newest: 'Newest first', oldest: 'Oldest first' };
const noShrink = { flexShrink: 0 };
const barStyle = { height: 40, paddingLeft: 12, paddingRight: 10, borderBottom: '1px solid var(--mantine-color-default-border)', flexShrink: 0 };

function SelectAll() {
  const items = useList((s) => s.items);
  const selected = useSelection((s) => s.selected);
  const all = items.length > 0 && selected.size >= items.length;
  return (
    <Checkbox
      size="xs"
      aria-label={selected.size > 0 ? 'Clear the selection' : 'Select every loaded conversation'}
      checked={all}
      indeterminate={selected.size > 0 && !all}
      onChange={() => (selected.size > 0 ? useSelection.getState().selectionCleared() : useSelection.getState().allToggled(items.map((i) => i.id)))}
    />
  );
}

function openPicker(kind: PickerKind): void {
  useOverlay.getState().overlayOpened({ kind, ids: [...useSelection.getState().selected] });
}

function SelectionBar() {
  const count = useSelection((s) => s.selected.size);
  const total = useList((s) => s.total);
  return (
    <Group gap={6} wrap="nowrap" style={barStyle} role="toolbar" aria-label="Selected conversations" data-testid="selection-bar">
      <SelectAll />
      <Text size="sm" mr={4} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
        <b data-testid="selection-count">{count}</b> selected
        {total !== null && (
          <Text span size="sm" c="dimmed">
            {' '}
            of <span data-testid="feedback-count">{new Intl.NumberFormat().format(total)}</span>
          </Text>
        )}
      </Text>
      <div style={{ flex: 1 }} />
      <Tooltip label={<Group gap={6}>Resolve <Shortcut keys={['a']} /></Group>}>
        <Button size="compact-sm" variant="default" leftSection={<IconChecks size={14} />} onClick={() => void resolve()} style={noShrink} data-testid="bulk-resolve">
          Resolve
        </Button>
      </Tooltip>
      <Button size="compact-sm" variant="default" onClick={() => openPicker('tags')} style={noShrink}>
        Tag
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => openPicker('status')} style={noShrink}>
        Status
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => openPicker('assign')} style={noShrink}>
        Assign
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="More actions for the selection" style={noShrink}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void toggleUnread()} rightSection={<Shortcut keys={['u']} />}>
            Mark unread / read
          </Menu.Item>
          <Menu.Item onClick={() => openPicker('sentiment')} rightSection={<Shortcut keys={['s']} />}>
            Set sentiment…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => useSelection.getState().selectionCleared()} leftSection={<IconX size={14} />} rightSection={<Shortcut keys={['Esc']} />}>
            Clear the selection
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** The list's title row: view name and count, or what to do with the checked rows. */
export function ListHeader({ viewName }: { viewName: string }) {
  const total = useList((s) => s.total);
  const selecting = useSelection((s) => s.selected.size > 0);
  const sort = useQuery((s) => s.sort);
  if (selecting) return <SelectionBar />;
  return (
    <Group gap={10} wrap="nowrap" style={barStyle} className={classes.header}>
      <SelectAll />
      <Text size="sm" fw={650} component="h2" m={0} className={classes.heading} title={viewName}>
        {viewName}
      </Text>
      {total !== null && (
        <Text size="sm" c="dimmed" data-testid="feedback-count" aria-live="polite" className={classes.headerCount}>
          {conversations(total)}
        </Text>
      )}
      <div style={{ flex: 1 }} />
      <Menu position="bottom-end">
        <Menu.Target>
          <Tooltip label={`Order: ${sortLabels[sort]}`} openDelay={400}>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconArrowsSort size={14} />}
              aria-label={`Order: ${sortLabels[sort]}`}
              className={classes.sort}
              style={noShrink}
              data-testid="sort-button"
            >
              {/* A narrow list keeps the icon; the tooltip and the aria-label say the order. */}
              <span className={classes.sortLabel}>{sortLabels[sort]}</span>
            </Button>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(sortLabels) as FeedbackSort[]).map((option) => (
            <Menu.Item
              key={option}
              leftSection={option === sort ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
              onClick={() => useQuery.getState().sortChanged(option)}
            >
              {sortLabels[option]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
