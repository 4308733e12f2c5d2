import { Button, Menu, Text } from '@mantine/core';
import { IconBraces, IconChevronDown } from '@tabler/icons-react';
import { placeholderToken, type PlaceholderInfo } from './model';
import classes from './templates.module.css';

/** "Insert placeholder": each one with what it becomes and the exact text it inserts. */
export function PlaceholderMenu({ placeholders, onInsert }: { placeholders: readonly PlaceholderInfo[]; onInsert: (key: string) => void }) {
  return (
    <Menu position="bottom-end" width={330} returnFocus={false}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconBraces size={14} />}
          rightSection={<IconChevronDown size={12} />}
          data-testid="placeholder-menu"
        >
          Insert placeholder
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Filled in for each conversation</Menu.Label>
        {placeholders.map((p) => (
          <Menu.Item key={p.key} onClick={() => onInsert(p.key)} data-testid="placeholder-option" data-key={p.key}>
            <span className={classes.menuItemBody}>
              <Text size="sm" span>
                {p.label}{' '}
                <Text span size="xs" c="dimmed">
                  e.g. {p.example}
                </Text>
              </Text>
              <span>
                <span className={classes.menuToken}>{placeholderToken(p.key).text}</span>
              </span>
            </span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
