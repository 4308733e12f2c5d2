/**
 * Step one: what the file is and how its columns become feedback. The guessed mapping comes
 * preselected (the mapping saved from the last import of the same layout wins).
 */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ImportPreviewInfo } from '../../../../shared/contract';
import { channelLabels, channels, type Channel } from '../../../../shared/domain';
import type { ErrorInfo } from '../../../../shared/errors';
import { adviceFor } from '../../common/errors';
import { dialogDismissed, startImport } from '../flows';
import { ORIGIN_MAX } from '../../../../shared/import';
import { chooseTarget, choicesFromMapping, directionNeedsValues, isTabular, mappingFromChoices, mappingProblem, sampleValues, targetLabels, type ColumnChoice } from '../model/mapping';
import { localTimeZone, timeZoneOptions } from '../model/time-zones';
import { fixedFormatSummaries, formatLabels } from '../model/wording';
import { FileSummary } from './FileSummary';
import { MappingTable } from './MappingTable';
import classes from '../import.module.css';

const columnCount = (n: number): string => (n === 1 ? '1 column' : `${n} columns`);

const channelOptions = channels.map((c) => ({ value: c, label: channelLabels[c] }));

function FixedFormatSummary({ preview }: { preview: ImportPreviewInfo }) {
  const summary = fixedFormatSummaries[preview.format];
  const first = preview.sample[0];
  return (
    <Stack gap="sm" data-testid="fixed-format-summary">
      <Text size="sm">
        {summary?.lead ?? `${formatLabels[preview.format]} files map themselves: there is nothing to match up.`}
      </Text>
      {summary && (
        <div className={classes.tableFrame}>
          <Table verticalSpacing={6} horizontalSpacing="md" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="45%">In the file</Table.Th>
                <Table.Th>Becomes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.fields.map(([from, to]) => (
                <Table.Tr key={from}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {from}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{to}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {first && preview.columns.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          First item:{' '}
          {preview.columns
            .slice(0, 4)
            .map((c) => sampleValues([first], c, 1, 60)[0])
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

function StartError({ error }: { error: ErrorInfo }) {
  const advice = adviceFor(error, 'Starting the import');
  return (
    <Alert color="red" variant="light" title={advice.title} icon={<IconAlertCircle size={18} />} role="alert" data-testid="import-start-error">
      {advice.message}
    </Alert>
  );
}

export function MappingStep({ preview, starting, error }: { preview: ImportPreviewInfo; starting: boolean; error: ErrorInfo | null }) {
  const tabular = isTabular(preview.format);
  const proposed = preview.savedMapping ?? preview.guessedMapping;
  const [choices, setChoices] = useState<Record<string, ColumnChoice>>(() => choicesFromMapping(preview.columns, proposed));
  const [timeZone, setTimeZone] = useState<string>(() => preview.savedMapping?.timeZone ?? localTimeZone());
  const [defaultChannel, setDefaultChannel] = useState<Channel>(() => proposed?.defaultChannel ?? 'email');
  // The origin is the person's statement about the file's system, so only a saved one comes back.
  const [origin, setOrigin] = useState<string>(() => preview.savedMapping?.origin ?? '');
  const [outboundValues, setOutboundValues] = useState<string>(() => proposed?.outboundValues?.join(', ') ?? '');
  const [displacedNote, setDisplacedNote] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(), []);

  const extras = { origin, outboundValues };
  const problem = tabular ? mappingProblem(choices, preview, extras) : null;
  const datesMapped = Object.values(choices).includes('receivedAt');
  const asksCompanyValues = Object.values(choices).includes('direction') && (outboundValues.trim() !== '' || directionNeedsValues(choices, preview.sample));

  function choose(column: string, target: ColumnChoice): void {
    const { choices: next, displaced } = chooseTarget(choices, column, target);
    setChoices(next);
    setDisplacedNote(displaced && target !== 'skip' ? `“${displaced}” is no longer imported: ${targetLabels[target]} now comes from “${column}”.` : null);
  }

  function submit(): void {
    if (problem) return;
    void startImport(tabular ? mappingFromChoices(choices, timeZone, defaultChannel, extras) : null);
  }

  return (
    <Stack gap="md" data-testid="import-mapping">
      <FileSummary preview={preview} />
      {tabular ? (
        <>
          {preview.savedMapping ? (
            <Alert variant="light" color="indigo" icon={<IconHistory size={18} />} py={8} data-testid="saved-mapping-note">
              <Text size="sm">Using the mapping from your last import of this layout.</Text>
            </Alert>
          ) : (
            <Group justify="space-between" align="baseline" wrap="nowrap" gap="md">
              <Text size="sm" c="dimmed" data-testid="guessed-mapping-note">
                {preview.guessedMapping
                  ? 'Columns were matched by their names. Check each match and change any that is wrong.'
                  : 'Choose what each column holds. Columns set to “Don’t import” are left out.'}
              </Text>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="mapping-column-count">
                {columnCount(preview.columns.length)}
              </Text>
            </Group>
          )}
          <MappingTable
            preview={preview}
            choices={choices}
            onChoose={choose}
            companyValues={asksCompanyValues ? { value: outboundValues, onChange: setOutboundValues } : null}
          />
          {displacedNote && (
            <Text size="xs" c="dimmed" role="status" mt={-8}>
              {displacedNote}
            </Text>
          )}
          <Group grow align="flex-start" gap="md">
            <Select
              label="Dates without a time zone are in"
              description={datesMapped ? 'Dates that carry their own offset keep it.' : 'Used once a column is imported as the date.'}
              data={zones}
              value={timeZone}
              onChange={(value) => value && setTimeZone(value)}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches."
              maxDropdownHeight={260}
              data-testid="import-time-zone"
            />
            <Select
              label="Channel for rows that don’t say"
              description="Rows with a channel column keep their own."
              data={channelOptions}
              value={defaultChannel}
              onChange={(value) => value && setDefaultChannel(value as Channel)}
              allowDeselect={false}
              data-testid="import-default-channel"
            />
            <TextInput
              label="Origin"
              description="IDs only match rows from the same origin."
              placeholder="This file"
              value={origin}
              maxLength={ORIGIN_MAX}
              onChange={(event) => setOrigin(event.currentTarget.value)}
              title="Name the system the file comes from (e.g. Typeform NPS) when its IDs are unique across its exports. Left empty, only this file (renamed or copied) counts as the same."
              data-testid="import-origin"
            />
          </Group>

        </>
      ) : (
        <FixedFormatSummary preview={preview} />
      )}
      {error && <StartError error={error} />}
      <Group justify="space-between" wrap="nowrap" className={classes.footer}>
        {problem ? (
          <Group gap={6} wrap="nowrap" c="orange.8" data-testid="mapping-problem">
            <IconAlertCircle size={16} style={{ flexShrink: 0 }} />
            <Text size="sm" c="inherit">
              {problem}
            </Text>
          </Group>
        ) : (
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconInfoCircle size={16} style={{ flexShrink: 0 }} />
            <Text size="sm" c="inherit">
              Rows already in your inbox are skipped, so importing again is safe.
            </Text>
          </Group>
        )}
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" onClick={dialogDismissed}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={problem !== null} loading={starting} data-testid="import-start" data-autofocus>
            Import
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
