/**
 * What the report covers: a period preset (or custom days), what it is compared with, and
 * the filters. Every change runs the report again; the choice stays for the session.
 */
import { Select } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar, IconGitCompare } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { channelLabels, channels, type Channel } from '../../../../shared/domain';
import { useViews } from '../../inbox/state/views';
import { runReport } from '../flows';
import { presetIds, presetLabels, type CompareChoice, type PresetId, type ScopeChoice } from '../model/scope';
import { useReports } from '../state';
import classes from '../reports.module.css';
import { ScopeFilters } from './ScopeFilters';

const compareOptions: { value: CompareChoice; label: string }[] = [
  { value: 'none', label: 'No comparison' },
  { value: 'previous', label: 'Previous period' },
  { value: 'year', label: 'Same period last year' },
  { value: 'product', label: 'Product vs product' },
  { value: 'channel', label: 'Channel vs channel' },
];

const channelOptions = channels.map((c) => ({ value: c, label: channelLabels[c] }));

function pickerValue(choice: ScopeChoice): DatesRangeValue<string> {
  if (!choice.custom) return [null, null];
  return [dayjs(choice.custom.first).format('YYYY-MM-DD'), dayjs(choice.custom.last).format('YYYY-MM-DD')];
}

export function ScopeBar() {
  const choice = useReports((s) => s.choice);
  const products = useViews((s) => s.facets?.products ?? []);
  // The custom range runs once both days are chosen; until then the picker holds the half range.
  const [range, setRange] = useState<DatesRangeValue<string>>(() => pickerValue(choice));
  const change = (next: Partial<ScopeChoice>): void => void runReport({ ...choice, ...next });

  return (
    <div className={classes.scopeBar} data-testid="report-scope">
      <Select
        size="xs"
        w={160}
        aria-label="Period"
        leftSection={<IconCalendar size={14} />}
        data={presetIds.map((id) => ({ value: id, label: presetLabels[id] }))}
        value={choice.preset}
        allowDeselect={false}
        onChange={(value) => {
          const preset = value as PresetId;
          if (preset === 'custom' && !choice.custom) {
            // Start the custom range from the current preset's days, so the report stays put.
            useReports.getState().choiceMade({ ...choice, preset });
            return;
          }
          change({ preset });
        }}
        data-testid="report-period"
        comboboxProps={{ withinPortal: true }}
      />
      {choice.preset === 'custom' && (
        <DatePickerInput
          size="xs"
          type="range"
          w={230}
          allowSingleDateInRange
          aria-label="Custom period"
          placeholder="First and last day"
          valueFormat="D MMM YYYY"
          value={range}
          maxDate={new Date()}
          onChange={(next) => {
            setRange(next);
            const [first, last] = next;
            if (first && last) change({ preset: 'custom', custom: { first: dayjs(first).startOf('day').valueOf(), last: dayjs(last).startOf('day').valueOf() } });
          }}
          data-testid="report-custom-range"
        />
      )}
      <Select
        size="xs"
        w={200}
        aria-label="Compare with"
        leftSection={<IconGitCompare size={14} />}
        data={compareOptions}
        value={choice.compare}
        allowDeselect={false}
        onChange={(value) => change({ compare: value as CompareChoice })}
        data-testid="report-compare"
        comboboxProps={{ withinPortal: true }}
      />
      {choice.compare === 'product' &&
        ([0, 1] as const).map((side) => (
          <Select
            key={side}
            size="xs"
            w={170}
            aria-label={side === 0 ? 'Product' : 'Against product'}
            placeholder={side === 0 ? 'Product' : 'Against…'}
            data={products}
            searchable
            value={choice.products[side]}
            onChange={(value) => change({ products: side === 0 ? [value, choice.products[1]] : [choice.products[0], value] })}
            data-testid={`report-product-${side === 0 ? 'a' : 'b'}`}
          />
        ))}
      {choice.compare === 'channel' &&
        ([0, 1] as const).map((side) => (
          <Select
            key={side}
            size="xs"
            w={140}
            aria-label={side === 0 ? 'Channel' : 'Against channel'}
            placeholder={side === 0 ? 'Channel' : 'Against…'}
            data={channelOptions}
            value={choice.channels[side]}
            onChange={(value) => {
              const c = value as Channel | null;
              change({ channels: side === 0 ? [c, choice.channels[1]] : [choice.channels[0], c] });
            }}
            data-testid={`report-channel-${side === 0 ? 'a' : 'b'}`}
          />
        ))}
      <ScopeFilters filter={choice.filter} onChange={(filter) => change({ filter })} />
    </div>
  );
}
