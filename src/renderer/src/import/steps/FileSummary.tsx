import { Badge, Button, Group, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconHeadset, IconJson, IconMail, IconRefresh } from '@tabler/icons-react';
import type { ImportPreviewInfo } from '../../../../shared/contract';
import { importFormats, type ImportFormat } from '../../../../shared/import';
import { chooseAnotherFile, previewFile } from '../flows';
import type { ChosenFile } from '../state';
import { estimateRows, isTabular } from '../model/mapping';
import { bytesLabel, delimiterLabel, encodingLabel, formatLabels, roughCount } from '../model/wording';

const formatOptions = importFormats.map((f) => ({ value: f, label: formatLabels[f] }));

function FormatIcon({ format }: { format: ImportFormat }) {
  const props = { size: 20, stroke: 1.6 } as const;
  if (format === 'eml' || format === 'mbox') return <IconMail {...props} />;
  if (format === 'json' || format === 'ndjson') return <IconJson {...props} />;
  if (isTabular(format)) return <IconFileSpreadsheet {...props} />;
  return <IconHeadset {...props} />;
}

/** "Read as": when the guess was wrong, the agent says what the file is and it is read again. */
export function FormatSelect({ file, format, label = 'Read as' }: { file: ChosenFile; format: ImportFormat | null; label?: string }) {
  return (
    <Select
      size="xs"
      w={210}
      label={label}
      data={formatOptions}
      value={format}
      placeholder="Choose a format"
      allowDeselect={false}
      onChange={(value) => value && value !== format && void previewFile(file, value as ImportFormat)}
      comboboxProps={{ withinPortal: true }}
      data-testid="import-format"
    />
  );
}

/** The file at the top of the mapping step: its name and what Hearken made of it. */
export function FileSummary({ preview }: { preview: ImportPreviewInfo }) {
  const rows = estimateRows(preview);
  const details = [
    encodingLabel(preview.encoding),
    delimiterLabel(preview.delimiter),
    bytesLabel(preview.totalBytes),
    rows === null ? null : `about ${roughCount(rows)} ${rows === 1 ? 'row' : 'rows'}`,
  ].filter((d): d is string => d !== null);
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon size={42} radius="md" variant="light">
          <FormatIcon format={preview.format} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={8} wrap="nowrap">
            <Text fw={650} truncate="end" data-testid="import-file-name" title={preview.fileName}>
              {preview.fileName}
            </Text>
            <Badge variant="default" radius="sm" style={{ flexShrink: 0 }} data-testid="import-detected-format">
              {formatLabels[preview.format]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" data-testid="import-file-details">
            {details.join(' · ')}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" wrap="nowrap" align="flex-end" style={{ flexShrink: 0 }}>
        <FormatSelect file={{ grant: preview.grant, name: preview.fileName }} format={preview.format} />
        <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => void chooseAnotherFile()} data-testid="import-choose-another">
          Another file…
        </Button>
      </Group>
    </Group>
  );
}
