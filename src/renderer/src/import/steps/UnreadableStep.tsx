/** A file Hearken cannot read as what it seems to be: say why, and offer the ways on. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileAlert } from '@tabler/icons-react';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ImportFormat } from '../../../../shared/import';
import { chooseAnotherFile, dialogDismissed } from '../flows';
import type { ChosenFile } from '../state';
import { FormatSelect } from './FileSummary';
import classes from '../import.module.css';

export function UnreadableStep({ file, format, error }: { file: ChosenFile; format?: ImportFormat; error: ErrorInfo }) {
  const title = error.code === 'NOT_FOUND' ? 'The file is no longer there' : 'This file can’t be imported';
  return (
    <Stack gap="md" data-testid="import-unreadable">
      <Alert color="red" variant="light" icon={<IconFileAlert size={20} />} title={title} role="alert">
        <Stack gap={4}>
          <Text size="sm" fw={600} truncate="end" title={file.name} data-testid="import-unreadable-file">
            {file.name}
          </Text>
          <Text size="sm" data-testid="import-error-message">
            {error.message}
          </Text>
        </Stack>
      </Alert>
      <Text size="sm" c="dimmed">
        Hearken reads CSV and TSV with a header row, JSON arrays and NDJSON, e-mail (.eml files, folders of them, mbox), Zendesk ticket exports and Help
        Scout conversation CSVs (other helpdesk CSVs import as CSV with a column mapping). If the file is one of these but was taken for another, say which:
      </Text>
      <FormatSelect file={file} format={format ?? null} label="Read the file as" />
      <Group justify="flex-end" gap="sm" className={classes.footer}>
        <Button variant="default" onClick={dialogDismissed}>
          Cancel
        </Button>
        <Button onClick={() => void chooseAnotherFile()} data-testid="import-choose-another" data-autofocus>
          Choose another file…
        </Button>
      </Group>
    </Stack>
  );
}
