import { Alert, Button, EmptyState } from '@mantine/core';
import { IconFileImport, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import type { ErrorInfo } from '../../../../shared/errors';
import { toErrorInfo } from '../../api';
import { importRequested } from '../../import/flows';
import { loadDemo } from '../../stores/session-flows';
import { StarterCard } from '../../topics/starter/StarterCard';
import { adviceFor } from '../../common/errors';
import { reloadList } from '../flows/list';
import { loadFacets, loadViews } from '../flows/views';

/** Loads the demo inbox, from the empty state or the command palette. */
export async function loadDemoInbox(): Promise<void> {
  await loadDemo();
  // The core announces feedback.changed too; reloading here does not depend on it.
  await Promise.all([reloadList(), loadViews(), loadFacets()]);
}

/** The store holds nothing at all: say how to fill it. */
export function EmptyInbox() {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      await loadDemoInbox();
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setLoading(false);
    }
  }

  const advice = error ? adviceFor(error, 'Loading the demo inbox') : null;
  return (
    <EmptyState
      py={64}
      px="md"
      icon={<IconInbox size={28} stroke={1.5} />}
      title="Your inbox is empty"
      description="Import feedback from your support tools (CSV, JSON, e-mail or a helpdesk export), or explore Hearken with a demo inbox of realistic conversations. You can also drop a file anywhere on this window."
    >
      {advice && (
        <Alert color="red" title={advice.title} role="alert" maw={420}>
          {advice.message}
        </Alert>
      )}
      <EmptyState.Actions>
        <Button leftSection={<IconFileImport size={16} />} onClick={() => void importRequested()} data-testid="empty-import">
          Import a file…
        </Button>
        <Button variant="default" onClick={() => void load()} loading={loading} data-testid="demo-load">
          {advice?.retry ? 'Retry loading the demo inbox' : 'Load demo inbox'}
        </Button>
      </EmptyState.Actions>
      <StarterCard variant="notice" />
    </EmptyState>
  );
}
