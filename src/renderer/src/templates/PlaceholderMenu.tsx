import { Button, Menu, Text } from '@mantine/core';
import { IconBraces, IconChevronDown } from '@tabler/icons-react';
import { placeholderName } from '../../../shared/template-words';
import { placeholderToken, type PlaceholderInfo } from './model';
import classes from './templates.module.css';

/** "Insert placeholder": each one by the name its chip shows, with an example; the exact text it inserts is its title. */
export function PlaceholderMenu({ placeholders, onInsert }: { placeholders: readonly PlaceholderInfo[]; onInsert: (key: string) => void }) {
  return (
    <Menu position="bottom-end" width={380} returnFocus={false}>
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
        {placeholders.map((p) => {
          const token = placeholderToken(p.key);
          return (
            <Menu.Item key={p.key} onClick={() => onInsert(p.key)} title={token.text} data-testid="placeholder-option" data-key={p.key}>
              <span className={classes.menuItemBody}>
                <span className={classes.menuChip}>{placeholderName(p.key) ?? p.label}</span>
                <Text span size="xs" c="dimmed">
                  e.g. {p.example}
                  {token.fallback !== null && <>, or “{token.fallback}” when unknown</>}
                </Text>
              </span>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
