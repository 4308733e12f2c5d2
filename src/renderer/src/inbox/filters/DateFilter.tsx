import { Button, Divider, Group, Stack } from '@mantine/core';
import { DatePicker, type DatesRangeValue } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FeedbackFilter } from '../../../../shared/contract';

type Range = Pick<FeedbackFilter, 'receivedFrom' | 'receivedTo'>;

const presets: { label: string; days: number }[] = [
  { label: 'Today', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
];

function toPicker(range: Range): DatesRangeValue<string> {
  const from = range.receivedFrom === undefined ? null : dayjs(range.receivedFrom).format('YYYY-MM-DD');
  const to = range.receivedTo === undefined ? null : dayjs(range.receivedTo).subtract(1, 'day').format('YYYY-MM-DD');
  return [from, to];
}

/** Received-date range: whole local days, the end day included ([from, day after to)). */
export function DateFilter({ range, onChange }: { range: Range; onChange: (range: Range) => void }) {
  const [value, setValue] = useState<DatesRangeValue<string>>(() => toPicker(range));
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Stack gap={4} w={120}>
        {presets.map((preset) => (
          <Button
            key={preset.label}
            size="compact-sm"
            variant="subtle"
            color="gray"
            justify="flex-start"
            onClick={() => onChange({ receivedFrom: dayjs().startOf('day').subtract(preset.days - 1, 'day').valueOf(), receivedTo: undefined })}
          >
            {preset.label}
          </Button>
        ))}
      </Stack>
      <Divider orientation="vertical" />
      <DatePicker
        type="range"
        allowSingleDateInRange
        maxDate={new Date()}
        value={value}
        onChange={(next) => {
          setValue(next);
          const [from, to] = next;
          if (from && to) {
            onChange({ receivedFrom: dayjs(from).startOf('day').valueOf(), receivedTo: dayjs(to).startOf('day').add(1, 'day').valueOf() });
          }
        }}
        aria-label="Received between"
      />
    </Group>
  );
}
