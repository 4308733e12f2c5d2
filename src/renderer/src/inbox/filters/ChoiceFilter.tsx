import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { choiceDimensions, type ChoiceKey } from '../model/dimensions';
import { useViews } from '../state/views';
import classes from './filters.module.css';

// Long lists (tags, products) get a search field; short ones stay one glance.
const searchableFrom = 8;

/** The popover body for one multi-choice part of the filter. */
export function ChoiceFilter({ dimension, values, onChange }: { dimension: ChoiceKey; values: readonly string[]; onChange: (values: string[]) => void }) {
  const facets = useViews((s) => s.facets);
  const [search, setSearch] = useState('');
  const spec = choiceDimensions[dimension];
  const options = spec.options(facets);
  const needle = search.trim().toLowerCase();
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle)) : options;
  return (
    <Stack gap={8} w={240}>
      <Text size="xs" c="dimmed">
        {spec.combine === 'all' ? 'Conversations with every chosen tag' : `Any of the chosen ${spec.label.toLowerCase()} values`}
      </Text>
      {options.length >= searchableFrom && (
        <TextInput
          size="xs"
          placeholder={`Find a ${spec.label.toLowerCase()}`}
          aria-label={`Find a ${spec.label.toLowerCase()}`}
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
        />
      )}
      <Checkbox.Group value={[...values]} onChange={onChange} aria-label={spec.label}>
        <div className={classes.options}>
          {shown.map((option, i) => (
            <label key={option.value} className={classes.option}>
              <Checkbox
                size="xs"
                value={option.value}
                label={option.label}
                styles={{ label: { cursor: 'pointer' } }}
                data-autofocus={options.length < searchableFrom && i === 0 ? true : undefined}
              />
              {option.hint && (
                <Text size="xs" c="dimmed">
                  {option.hint}
                </Text>
              )}
            </label>
          ))}
          {shown.length === 0 && (
            <Text size="xs" c="dimmed" px={6} py={4}>
              {options.length === 0 ? 'Nothing to choose from yet.' : 'No match.'}
            </Text>
          )}
        </div>
      </Checkbox.Group>
    </Stack>
  );
}
