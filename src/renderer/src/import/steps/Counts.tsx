import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ImportCounts } from '../../../../shared/import';
import { count } from '../model/wording';
import classes from '../import.module.css';

const cells: { key: keyof ImportCounts; label: string; color?: string }[] = [
  { key: 'read', label: 'Rows read' },
  { key: 'imported', label: 'Imported', color: 'teal.8' },
  { key: 'duplicates', label: 'Already in inbox' },
  { key: 'failed', label: 'Could not import', color: 'red.8' },
  { key: 'skipped', label: 'Skipped, not feedback' },
];

/** The numbers an import is judged by, the same in the progress and the report; "skipped" only when some were. */
export function Counts({ counts }: { counts: ImportCounts }) {
  const shown = cells.filter(({ key }) => key !== 'skipped' || (counts.skipped ?? 0) > 0);
  return (
    <SimpleGrid cols={shown.length} spacing="sm" data-testid="import-counts">
      {shown.map(({ key, label, color }) => (
        <Stack key={key} gap={0} className={classes.count} data-testid={`count-${key}`} data-value={counts[key] ?? 0}>
          <Text fz={22} fw={650} lh={1.25} c={(counts[key] ?? 0) > 0 ? color : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {count(counts[key] ?? 0)}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
