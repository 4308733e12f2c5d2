/**
 * A small keyboard picker in a dialog: type to narrow, arrows to move, Enter to choose,
 * a digit for the numbered choices. Tag, sentiment, status and assignee pickers all use it.
 */
import { Group, Kbd, Modal, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface PickerOption {
  value: string;
  label: string;
  hint?: ReactNode;
  /** Already true of the conversation(s): choosing it again takes it off. */
  checked?: boolean;
  /** Creates a new value rather than picking an existing one. */
  create?: boolean;
  /** A digit that picks this option at once. */
  digit?: string;
  leading?: ReactNode;
}

interface PickerProps {
  title: string;
  placeholder: string;
  options: (query: string) => PickerOption[];
  onPick: (option: PickerOption) => void;
  onClose: () => void;
  testId: string;
  note?: ReactNode;
}

function PickerBody({ placeholder, options, onPick, testId, note }: Omit<PickerProps, 'title' | 'onClose'>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = options(query);
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = shown[current];
      if (option) onPick(option);
    } else if (query === '' && /^\d$/.test(event.key)) {
      const option = shown.find((o) => o.digit === event.key);
      if (option) {
        event.preventDefault();
        onPick(option);
      }
    }
  }

  return (
    <>
      <TextInput
        placeholder={placeholder}
        aria-label={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={shown[current] ? `${listId}-${current}` : undefined}
        aria-autocomplete="list"
        data-autofocus
        data-testid={`${testId}-input`}
        mb={8}
      />
      <div role="listbox" id={listId} aria-label={placeholder} style={{ maxHeight: 320, overflowY: 'auto' }}>
        {shown.map((option, i) => (
          <UnstyledButton
            key={`${option.create ? 'new:' : ''}${option.value}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            tabIndex={-1}
            onMouseMove={() => setActive(i)}
            onClick={() => onPick(option)}
            data-testid={`${testId}-option`}
            data-value={option.value}
            w="100%"
            px={10}
            py={7}
            style={{ borderRadius: 6, background: i === current ? 'var(--hk-accent-soft-strong)' : undefined }}
          >
            <Group gap={10} wrap="nowrap">
              <span style={{ width: 16, display: 'inline-flex', flexShrink: 0, color: 'var(--mantine-primary-color-filled)' }}>
                {option.create ? <IconPlus size={15} /> : option.checked ? <IconCheck size={15} aria-label="applied" /> : null}
              </span>
              {option.leading}
              <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
                {option.label}
              </Text>
              {option.hint !== undefined && (
                <Text size="xs" c="dimmed">
                  {option.hint}
                </Text>
              )}
              {option.digit && <Kbd size="xs">{option.digit}</Kbd>}
            </Group>
          </UnstyledButton>
        ))}
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" px={10} py={8}>
            Nothing matches.
          </Text>
        )}
      </div>
      {note && (
        <Text size="xs" c="dimmed" mt={10}>
          {note}
        </Text>
      )}
    </>
  );
}

export function PickerModal({ title, onClose, ...body }: PickerProps & { opened: boolean }) {
  const { opened, ...rest } = body;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm" yOffset="12vh" data-testid={rest.testId}>
      {opened && <PickerBody {...rest} />}
    </Modal>
  );
}
