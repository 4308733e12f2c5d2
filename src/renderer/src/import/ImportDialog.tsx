/** The import dialog: one modal whose body follows the import from file to report. */
import { Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { dialogDismissed } from './flows';
import { useImport, type ImportStage } from './state';
import { MappingStep } from './steps/MappingStep';
import { ProgressStep } from './steps/ProgressStep';
import { ReportStep } from './steps/ReportStep';
import { UnreadableStep } from './steps/UnreadableStep';

function titleOf(stage: ImportStage): string {
  switch (stage.name) {
    case 'reading':
      return 'Import feedback';
    case 'mapping':
      return 'Import feedback: match the columns';
    case 'unreadable':
      return 'Import feedback';
    case 'running':
      return 'Importing…';
    case 'finished':
      return 'Import report';
    case 'idle':
      return 'Import feedback';
  }
}

function Body({ stage }: { stage: ImportStage }) {
  switch (stage.name) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <Stack align="center" py={48} gap="sm" data-testid="import-reading">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Reading {stage.file.name}…
          </Text>
        </Stack>
      );
    case 'mapping':
      // A new preview (another file, or the same file read as another format) starts fresh.
      return (
        <MappingStep
          key={`${stage.preview.grant}|${stage.preview.format}`}
          preview={stage.preview}
          starting={stage.starting}
          error={stage.error}
        />
      );
    case 'unreadable':
      return <UnreadableStep file={stage.file} format={stage.format} error={stage.error} />;
    case 'running':
      return <ProgressStep stage={stage} />;
    case 'finished':
      return <ReportStep stage={stage} />;
  }
}

export function ImportDialog() {
  const stage = useImport((s) => s.stage);
  const open = useImport((s) => s.dialogOpen && s.stage.name !== 'idle');
  const wide = stage.name === 'mapping' || stage.name === 'finished';
  return (
    <Modal
      opened={open}
      onClose={dialogDismissed}
      title={
        <Group gap={8}>
          <Text fw={650} size="md">
            {titleOf(stage)}
          </Text>
        </Group>
      }
      size={wide ? 880 : 620}
      centered
      // A stray click beside the mapping must not throw the agent's choices away.
      closeOnClickOutside={stage.name !== 'mapping'}
      padding="lg"
      data-testid="import-dialog"
    >
      <Body stage={stage} />
    </Modal>
  );
}
