import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useWorkspace } from '../../stores/workspace';
import { Shortcut } from '../../common/Shortcut';
import { availableOn, type Command, type CommandGroup } from './commands';

const order: CommandGroup[] = ['Escalations', 'Triage', 'Go to a view', 'Move around', 'Select', 'Hearken'];

/** Ctrl/Cmd+K: every command by name, with its key shown so the palette teaches the keys. */
export function CommandPalette({ commands }: { commands: Command[] }) {
  // Each page offers its own commands (the list's in the inbox, the queue's on Escalations) and those that work everywhere.
  const page = useWorkspace((s) => s.page);
  const actions: SpotlightActionGroupData[] = order
    .map((group) => ({
      group,
      actions: commands
        .filter((c) => c.group === group && c.inPalette && availableOn(c, page))
        .map((c) => ({
          id: c.id,
          label: c.label,
          keywords: c.keywords,
          onClick: c.run,
          rightSection: c.keys?.[0] ? <Shortcut keys={c.keys[0]} /> : undefined,
        })),
    }))
    .filter((group) => group.actions.length > 0);

  return (
    <Spotlight
      actions={actions}
      shortcut={null}
      nothingFound="No command matches."
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} />,
        placeholder: 'Type a command or a view…',
        'aria-label': 'Command',
        onKeyDown: (event) => {
          // Enter runs the best match straight away, as in other palettes, without arrowing to it first.
          if (event.key !== 'Enter') return;
          const list = event.currentTarget.closest('[role="dialog"]');
          if (list && !list.querySelector('[data-selected]')) list.querySelector<HTMLButtonElement>('.mantine-Spotlight-action')?.click();
        },
      }}
      styles={{
        action: { padding: '6px 16px', borderRadius: 6 },
        actionLabel: { fontSize: 'var(--mantine-font-size-sm)' },
        actionsGroup: { fontSize: 11, letterSpacing: '0.04em' },
        search: { fontSize: 'var(--mantine-font-size-md)' },
      }}
      data-testid="command-palette"
    />
  );
}
