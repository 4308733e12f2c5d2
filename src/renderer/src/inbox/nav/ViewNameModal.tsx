import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toErrorInfo } from '../../api';
import { renameView, saveCurrentAsView } from '../flows/views';
import { activeDimensions } from '../model/dimensions';
import { conversations } from '../model/labels';
import { useList } from '../state/list';
import { useOverlay } from '../state/overlay';
import { useQuery } from '../state/query';
import { useViews } from '../state/views';

function NameForm({ initial, submitLabel, summary, onSubmit }: { initial: string; submitLabel: string; summary?: string; onSubmit: (name: string) => Promise<void> }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useOverlay((s) => s.overlayClosed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the view a name.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(trimmed);
      close();
    } catch (caught) {
      setError(toErrorInfo(caught).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={80}
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
          data-testid="view-name"
        />
        {summary && (
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="view-name-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Naming the current filters as a new view, or renaming a saved one. */
export function ViewNameModal() {
  const overlay = useOverlay((s) => s.overlay);
  const close = useOverlay((s) => s.overlayClosed);
  const views = useViews((s) => s.views);
  const filter = useQuery((s) => s.filter);
  const total = useList((s) => s.total);
  const opened = overlay?.kind === 'saveView' || overlay?.kind === 'renameView';
  const renaming = overlay?.kind === 'renameView' ? views?.find((v) => v.id === overlay.viewId) : undefined;

  const parts = activeDimensions(filter).length + (filter.query?.trim() ? 1 : 0);
  const summary = `Saves ${parts === 1 ? 'this filter' : `these ${parts} filters`}${filter.query?.trim() ? ', search included' : ''}. It shows ${conversations(total ?? 0)} now and stays up to date.`;

  return (
    <Modal opened={opened} onClose={close} title={renaming ? 'Rename view' : 'Save as view'} size="sm" data-testid="view-name-modal">
      {renaming ? (
        <NameForm key={renaming.id} initial={renaming.name} submitLabel="Rename" onSubmit={(name) => renameView(renaming, name)} />
      ) : (
        <NameForm key="new" initial={filter.query?.trim() ?? ''} submitLabel="Save view" summary={summary} onSubmit={async (name) => void (await saveCurrentAsView(name))} />
      )}
    </Modal>
  );
}
