import { Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import type { ImportPreviewInfo } from '../../../../shared/contract';
import { sampleCells, skipColumn, targetLabels, targetOrder, type ColumnChoice } from '../model/mapping';
import classes from '../import.module.css';

interface Props {
  preview: ImportPreviewInfo;
  choices: Record<string, ColumnChoice>;
  onChoose(column: string, target: ColumnChoice): void;
  /**
   * When the direction column holds authors rather than in/out (an author column): the
   * company's values, asked right under that column's choice.
   */
  companyValues?: { value: string; onChange(value: string): void } | null;
}

const skipLabel = 'Don’t import';

/**
 * One row per column of the file: its name, what it holds, and what it becomes. Every
 * column is here: a wide file scrolls, with a scrollbar that stays visible and a fade at
 * the edge while more rows are below.
 */
export function MappingTable({ preview, choices, onChoose, companyValues = null }: Props) {
  const [moreBelow, setMoreBelow] = useState(false);
  const viewportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const update = (): void => setMoreBelow(viewport.scrollTop + viewport.clientHeight < viewport.scrollHeight - 2);
    update();
    viewport.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(viewport);
    if (viewport.firstElementChild) observer.observe(viewport.firstElementChild);
    return () => {
      viewport.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);
  const usedBy = new Map<string, string>();
  for (const [column, target] of Object.entries(choices)) if (target !== skipColumn) usedBy.set(target, column);

  return (
    <div className={classes.tableFrame} data-more-below={moreBelow || undefined} data-testid="mapping-frame">
      <ScrollArea.Autosize mah="clamp(180px, calc(100vh - 440px), 420px)" type="always" offsetScrollbars viewportRef={viewportRef} scrollbarSize={8}>
        <Table verticalSpacing={8} horizontalSpacing="md" stickyHeader layout="fixed" data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Column in the file</Table.Th>
              <Table.Th>Sample values</Table.Th>
              <Table.Th w={28} aria-hidden />
              <Table.Th w={236}>Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.columns.map((column) => {
              const choice = choices[column] ?? skipColumn;
              const samples = sampleCells(preview.sample, column, 3);
              const skipped = choice === skipColumn;
              return (
                <Table.Tr key={column} data-testid="mapping-row" data-column={column} data-target={choice} className={skipped ? classes.skipped : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={550} truncate="end" title={column} className={classes.columnName}>
                      {column}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {samples.length === 0 ? (
                      <Text size="xs" c="dimmed" fs="italic">
                        Empty in the first rows
                      </Text>
                    ) : (
                      <div className={classes.samples}>
                        {samples.map((cell, i) => (
                          <span key={i} className={classes.sample} title={cell.full} data-testid="mapping-sample">
                            {cell.text}
                          </span>
                        ))}
                      </div>
                    )}
                  </Table.Td>
                  <Table.Td px={0}>
                    <IconArrowNarrowRight size={16} stroke={1.5} className={classes.arrow} aria-hidden />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Select
                        size="xs"
                        aria-label={`Import the column “${column}” as`}
                        data={[
                          { value: skipColumn, label: skipLabel },
                          { group: 'Feedback fields', items: targetOrder.map((t) => ({ value: t, label: targetLabels[t] })) },
                        ]}
                        value={choice}
                        allowDeselect={false}
                        maxDropdownHeight={300}
                        onChange={(value) => value && onChoose(column, value as ColumnChoice)}
                        renderOption={({ option }) => {
                          const owner = usedBy.get(option.value);
                          return (
                            <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
                              <span>{option.label}</span>
                              {owner !== undefined && owner !== column && (
                                <Text span size="xs" c="dimmed" truncate="end" maw={110}>
                                  from {owner}
                                </Text>
                              )}
                            </Group>
                          );
                        }}
                        styles={{ input: skipped ? { color: 'var(--mantine-color-dimmed)' } : { fontWeight: 550 } }}
                        data-testid="mapping-select"
                      />
                      {choice === 'direction' && companyValues && (
                        <TextInput
                          size="xs"
                          aria-label={`Values of “${column}” that mean your team wrote the row`}
                          placeholder="Your team, e.g. AppleSupport"
                          title="Values of this column that mean your team wrote the row, separated by commas. Every other value is a customer."
                          value={companyValues.value}
                          onChange={(event) => companyValues.onChange(event.currentTarget.value)}
                          data-testid="import-outbound-values"
                        />
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
