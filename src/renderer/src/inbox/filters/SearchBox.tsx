import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { focusTarget, registerFocusTarget } from '../keyboard/focus';
import { useWorkspace } from '../../stores/workspace';
import { useQuery } from '../state/query';

const debounceMs = 150;

/** Searches as the agent types; Enter or ↓ goes to the results, Esc back to the list. */
export function SearchBox() {
  const applied = useQuery((s) => s.filter.query ?? '');
  const [text, setText] = useState(applied);
  const [sent, setSent] = useState(applied);
  const send = useDebouncedCallback((query: string) => {
    setSent(query);
    useQuery.getState().searchChanged(query);
  }, debounceMs);

  // A view opened or filters reset elsewhere: show the search that now applies.
  if (applied.trim() !== sent.trim()) {
    setSent(applied);
    setText(applied);
  }

  const setInput = useCallback((node: HTMLInputElement | null) => registerFocusTarget('search', node), []);
  // "/" reaches this box from the inbox only (the template library keeps it for its own search).
  const slashWorks = useWorkspace((s) => s.page === 'inbox');

  return (
    <TextInput
      ref={setInput}
      w="100%"
      maw={520}
      size="sm"
      radius="md"
      placeholder="Search conversations, customers, words…"
      aria-label="Search conversations"
      leftSection={<IconSearch size={16} />}
      rightSectionWidth={text ? 32 : 36}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear the search"
            onClick={() => {
              setText('');
              send('');
              send.flush();
            }}
          />
        ) : slashWorks ? (
          <Kbd size="xs">/</Kbd>
        ) : null
      }
      rightSectionPointerEvents={text ? 'auto' : 'none'}
      value={text}
      onChange={(event) => {
        // It searches conversations: typing here from another page brings the inbox back.
        if (useWorkspace.getState().page !== 'inbox') useWorkspace.getState().pageOpened('inbox');
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          send.flush();
          focusTarget('list');
        }
      }}
      data-testid="search-input"
    />
  );
}
