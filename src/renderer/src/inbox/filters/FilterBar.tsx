import { Button, Menu, Tooltip } from '@mantine/core';
import { IconBookmarkPlus, IconFilterPlus, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { FeedbackFilter } from '../../../../shared/contract';
import {
  activeDimensions,
  choiceDimensions,
  choiceKeys,
  flagDimensions,
  flagKeys,
  receivedLabel,
  valuesLabel,
  withoutDimension,
  type ChoiceKey,
  type DimensionKey,
  type FlagKey,
} from '../model/dimensions';
import { isEmptyFilter, withFilterPart } from '../model/filters';
import { useOverlay } from '../state/overlay';
import { selectFilterModified, useQuery } from '../state/query';
import { useViews } from '../state/views';
import { ChoiceFilter } from './ChoiceFilter';
import { DateFilter } from './DateFilter';
import { FilterChip } from './FilterChip';
import classes from './filters.module.css';

function isChoice(key: DimensionKey): key is ChoiceKey {
  return (choiceKeys as string[]).includes(key);
}

function isFlag(key: DimensionKey): key is FlagKey {
  return (flagKeys as string[]).includes(key);
}

const change = (filter: FeedbackFilter): void => useQuery.getState().filterChanged(filter);

/** Everything the list is narrowed by, as removable chips, plus adding one and saving the set. */
export function FilterBar() {
  const filter = useQuery((s) => s.filter);
  const modified = useQuery(selectFilterModified);
  const customerNames = useQuery((s) => s.customerNames);
  const facets = useViews((s) => s.facets);
  // A part being added shows as a chip with its editor open before it has a value.
  const [editing, setEditing] = useState<DimensionKey | null>(null);

  const shown = activeDimensions(filter);
  if (editing !== null && !shown.includes(editing)) shown.push(editing);
  const addable = ([...choiceKeys, 'received', ...flagKeys] as DimensionKey[]).filter((key) => !shown.includes(key));

  function add(key: DimensionKey): void {
    if (isFlag(key)) change({ ...filter, [key]: true });
    else setEditing(key);
  }

  function chipFor(key: DimensionKey) {
    const opened = editing === key;
    const onOpenChange = (open: boolean): void => setEditing(open ? key : null);
    const onRemove = (): void => {
      setEditing(null);
      change(withoutDimension(filter, key));
    };
    if (isChoice(key)) {
      const values = filter[key] ?? [];
      const spec = choiceDimensions[key];
      return (
        <FilterChip
          key={key}
          name={spec.label}
          value={values.length ? valuesLabel(key, values, facets) : 'any'}
          opened={opened}
          onOpenChange={onOpenChange}
          onRemove={onRemove}
          editor={<ChoiceFilter dimension={key} values={values} onChange={(next) => change(withFilterPart(filter, key, next as never))} />}
        />
      );
    }
    if (isFlag(key)) {
      const on = filter[key] !== false;
      const labels = flagDimensions[key];
      return (
        <FilterChip
          key={key}
          name=""
          value={on ? labels.on : labels.off}
          activateHint={`Show ${on ? labels.off : labels.on} instead`}
          onActivate={() => change({ ...filter, [key]: !on })}
          onRemove={onRemove}
        />
      );
    }
    if (key === 'received') {
      return (
        <FilterChip
          key={key}
          name="Received"
          value={receivedLabel(filter) ?? 'any time'}
          opened={opened}
          onOpenChange={onOpenChange}
          onRemove={onRemove}
          editor={
            <DateFilter
              range={filter}
              onChange={(range) => {
                setEditing(null);
                change({ ...withoutDimension(filter, 'received'), ...range });
              }}
            />
          }
        />
      );
    }
    const name = filter.customerId ? customerNames[filter.customerId] : undefined;
    return <FilterChip key={key} name="Customer" value={name ?? 'one customer'} onRemove={onRemove} />;
  }

  const canSave = !isEmptyFilter(filter);
  return (
    <div className={classes.bar} role="group" aria-label="Filters">
      {shown.map(chipFor)}
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconFilterPlus size={14} />} data-testid="filter-add">
            Filter
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {addable.map((key) => (
            <Menu.Item key={key} onClick={() => add(key)} data-testid={`filter-add-${key}`}>
              {isChoice(key) ? choiceDimensions[key].label : isFlag(key) ? flagDimensions[key].on : 'Received date'}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <div className={classes.spacer} />
      {modified && (
        <Tooltip label="Back to the view's own filters">
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconRestore size={14} />} onClick={() => useQuery.getState().filterReset()} data-testid="filter-reset">
            Reset
          </Button>
        </Tooltip>
      )}
      {modified && canSave && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconBookmarkPlus size={14} />}
          onClick={() => useOverlay.getState().overlayOpened({ kind: 'saveView' })}
          data-testid="save-view"
        >
          Save as view
        </Button>
      )}
    </div>
  );
}
