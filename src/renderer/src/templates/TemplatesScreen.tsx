/**
 * The template library (saved replies): the list on the left, the editor and its live
 * preview on the right. Loads when opened and follows changes made elsewhere; a draft
 * left unsaved is kept when the agent goes back to the inbox.
 */
import { Alert, Button, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconRestore, IconTemplate, IconUpload } from '@tabler/icons-react';
import { useEffect } from 'react';
import { adviceFor } from '../common/errors';
import { useWorkspace } from '../stores/workspace';
import { KbEditor } from '../kb/KbEditor';
import { LibraryTabs } from '../kb/LibraryTabs';
import { useLibraryTab } from '../kb/state';
import { focusField, followLibraryChanges, importTemplateFile, loadAgentName, loadLibrary, saveDraft, switchRequested } from './flows';
import { LibraryDialogs } from './LibraryDialogs';
import { LibraryHeader } from './LibraryHeader';
import { hideDraftKept, notifyDraftKept } from './notices';
import { selectDirty, useTemplates } from './state';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import classes from './templates.module.css';

function useLibrary(): void {
  useEffect(() => {
    hideDraftKept();
    void loadLibrary();
    void loadAgentName();
    const stop = followLibraryChanges();
    return () => {
      stop();
      // Leaving for the inbox with unsaved edits: they stay in the store; say so.
      const s = useTemplates.getState();
      if (useWorkspace.getState().page !== 'templates' && selectDirty(s)) {
        notifyDraftKept(s.draft?.name.trim() ?? '', () => useWorkspace.getState().pageOpened('templates'));
      }
    };
  }, []);
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="menu"], [role="listbox"]') !== null;
}

function useLibraryKeys(): void {
  // Mod+S saves from any field; "/" goes to the search when no field has focus.
  useHotkeys(
    [
      [
        'mod+S',
        (event) => {
          if (inDialog(event.target)) return;
          void saveDraft();
        },
      ],
    ],
    [],
  );
  useHotkeys([['/', () => focusField('search')]]);
}

function LoadingLibrary() {
  return (
    <div className={classes.columns} aria-busy="true" aria-label="Loading templates">
      <Stack gap={0} p="md" style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}>
        {Array.from({ length: 8 }, (_, i) => (
          <Stack key={i} gap={6} py={10}>
            <Skeleton height={12} width="70%" radius="sm" />
            <Skeleton height={9} width="45%" radius="sm" />
          </Stack>
        ))}
      </Stack>
      <Stack p="xl" gap="md">
        <Skeleton height={36} radius="sm" />
        <Skeleton height={240} radius="sm" />
      </Stack>
    </div>
  );
}

function EmptyLibrary() {
  return (
    <EmptyState
      py={72}
      px="md"
      icon={<IconTemplate size={28} stroke={1.5} />}
      title="No reply templates yet"
      description="Templates are the answers your team gives again and again. Hearken suggests them in the composer for conversations on their topics, filled with the customer's name. Write one, import a file from a colleague, or start from the set Hearken ships with."
      data-testid="templates-empty"
    >
      <EmptyState.Actions>
        <Button leftSection={<IconPlus size={16} />} onClick={() => switchRequested({ kind: 'new' })} data-testid="empty-new-template">
          New template
        </Button>
        <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => void importTemplateFile()}>
          Import JSON…
        </Button>
        <Button variant="default" leftSection={<IconRestore size={16} />} onClick={() => useTemplates.getState().confirmationAsked('restoreDefaults')}>
          Restore default templates
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

function LibraryFailed() {
  const error = useTemplates((s) => s.error);
  const advice = error ? adviceFor(error, 'Loading the templates') : null;
  return (
    <Group justify="center" p="xl">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={advice?.title ?? 'Loading the templates failed'} role="alert" maw={520}>
        {advice?.message}
        <Group mt="sm">
          <Button size="compact-sm" variant="default" onClick={() => void loadLibrary()}>
            {advice?.retry ?? 'Try again'}
          </Button>
        </Group>
      </Alert>
    </Group>
  );
}

function LibraryBody() {
  const phase = useTemplates((s) => s.phase);
  const empty = useTemplates((s) => s.templates.length === 0 && s.draft === null);
  const edition = useTemplates((s) => s.edition);
  if (phase === 'loading') return <LoadingLibrary />;
  if (phase === 'failed') return <LibraryFailed />;
  if (empty) return <EmptyLibrary />;
  return (
    <div className={classes.columns}>
      <TemplateList />
      <TemplateEditor key={edition} />
    </div>
  );
}

function TemplateLibrary() {
  useLibrary();
  useLibraryKeys();
  return (
    <section className={classes.screen} aria-labelledby="templates-title" data-testid="templates-screen">
      <LibraryHeader />
      <LibraryBody />
      <LibraryDialogs />
    </section>
  );
}

/** The page: the template library, or the knowledge base beside it (both ground AI drafts). */
export function TemplatesScreen() {
  const tab = useLibraryTab((s) => s.tab);
  return (
    <div className={classes.screen}>
      <LibraryTabs />
      {tab === 'kb' ? <KbEditor /> : <TemplateLibrary />}
    </div>
  );
}
