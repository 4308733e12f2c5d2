/**
 * The report's filters, as in the inbox: removable chips with the inbox's own pickers for
 * channel, product, sentiment, language and tags, plus assignee, escalated and VIP.
 */
import { Button, Checkbox, Menu, Stack, Text } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportFilter } from '../../../../shared/reports/schema';
import { ChoiceFilter } from '../../inbox/filters/ChoiceFilter';
import { FilterChip } from '../../inbox/filters/FilterChip';
import { choiceDimensions, valuesLabel, type ChoiceKey } from '../../inbox/model/dimensions';
import { useViews } from '../../inbox/state/views';
import classes from '../reports.module.css';

type ListKey = Exclude<ChoiceKey, 'status'> | 'assignee';
type FlagKey = 'escalated' | 'vip';
type Key = ListKey | FlagKey;

const listKeys: ListKey[] = ['channel', 'product', 'sentiment', 'language', 'tags', 'assignee'];
const flagLabels: Record<FlagKey, { on: string; off: string }> = {
  escalated: { on: 'Escalated', off: 'Not escalated' },
  vip: { on: 'VIP', off: 'Not VIP' },
};

function labelOf(key: Key): string {
  if (key === 'assignee') return 'Assignee';
  if (key === 'escalated' || key === 'vip') return flagLabels[key].on;
  return choiceDimensions[key].label;
}

function AssigneeFilter({ values, onChange }: { values: readonly string[]; onChange: (values: string[]) => void }) {
  const assignees = useViews((s) => s.facets?.assignees ?? []);
  return (
    <Stack gap={8} w={240}>
      <Text size="xs" c="dimmed">
        Items assigned to any of these agents
      </Text>
      <Checkbox.Group value={[...values]} onChange={onChange} aria-label="Assignee">
        <Stack gap={6} mah={260} style={{ overflowY: 'auto' }}>
          {assignees.map((a, i) => (
            <Checkbox key={a} size="xs" value={a} label={a} data-autofocus={i === 0 ? true : undefined} />
          ))}
          {assignees.length === 0 && (
            <Text size="xs" c="dimmed">
              Nobody is assigned anything yet.
            </Text>
          )}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}

export function ScopeFilters({ filter, onChange }: { filter: ReportFilter; onChange: (filter: ReportFilter) => void }) {
  const facets = useViews((s) => s.facets);
  const [editing, setEditing] = useState<Key | null>(null);
  const shown: Key[] = [
    ...listKeys.filter((k) => (filter[k]?.length ?? 0) > 0),
    ...(['escalated', 'vip'] as const).filter((k) => filter[k] !== undefined),
  ];
  if (editing !== null && !shown.includes(editing)) shown.push(editing);
  const addable = ([...listKeys, 'escalated', 'vip'] as Key[]).filter((k) => !shown.includes(k));

  const without = (key: Key): ReportFilter => {
    const next = { ...filter };
    delete next[key];
    return next;
  };

  function chip(key: Key) {
    if (key === 'escalated' || key === 'vip') {
      const on = filter[key] !== false;
      return (
        <FilterChip
          key={key}
          name=""
          value={on ? flagLabels[key].on : flagLabels[key].off}
          activateHint={`Show ${on ? flagLabels[key].off : flagLabels[key].on} instead`}
          onActivate={() => onChange({ ...filter, [key]: !on })}
          onRemove={() => onChange(without(key))}
        />
      );
    }
    const values = filter[key] ?? [];
    const set = (next: string[]): void => onChange(next.length ? { ...filter, [key]: next } : without(key));
    return (
      <FilterChip
        key={key}
        name={labelOf(key)}
        value={values.length === 0 ? 'any' : key === 'assignee' ? (values.length <= 2 ? values.join(', ') : `${values[0]} +${values.length - 1}`) : valuesLabel(key, values, facets)}
        opened={editing === key}
        onOpenChange={(open) => setEditing(open ? key : null)}
        onRemove={() => {
          setEditing(null);
          onChange(without(key));
        }}
        editor={key === 'assignee' ? <AssigneeFilter values={values} onChange={set} /> : <ChoiceFilter dimension={key} values={values} onChange={set} />}
      />
    );
  }

  return (
    <div className={classes.scopeFilters} role="group" aria-label="Report filters">
      {shown.map(chip)}
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconFilterPlus size={14} />} data-testid="report-filter-add">
            Filter
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {addable.map((key) => (
            <Menu.Item
              key={key}
              onClick={() => (key === 'escalated' || key === 'vip' ? onChange({ ...filter, [key]: true }) : setEditing(key))}
              data-testid={`report-filter-add-${key}`}
            >
              {labelOf(key)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </div>
  );
}
