/** Days the SLA clocks do not run: added by hand or read from an iCalendar file. */
import { ActionIcon, Alert, Button, Group, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconFileImport, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Holiday } from '../../../../shared/escalation/schema';
import { sortedHolidays } from '../model/sla-week';

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

interface Props {
  holidays: Holiday[];
  changed(holidays: Holiday[]): void;
  importRequested(): void;
  importing: boolean;
  importNotice: string | null;
}

export function Holidays({ holidays, changed, importRequested, importing, importNotice }: Props) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    changed(sortedHolidays([...holidays, { date, name: name.trim() }]));
    setDate('');
    setName('');
  };
  return (
    <div>
      <Group justify="space-between" mb={8}>
        <Text size="sm" fw={500}>
          Holidays{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            ({holidays.length})
          </Text>
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconFileImport size={13} />} onClick={importRequested} loading={importing} data-testid="sla-import-ical">
          Import iCal…
        </Button>
      </Group>
      {importNotice && (
        <Alert color="teal" variant="light" mb={8} py={6} data-testid="sla-import-notice">
          <Text size="sm">{importNotice}</Text>
        </Alert>
      )}
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed" mb={8}>
          No holidays. The clocks run on every working day.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={220} type="auto" mb={8}>
          <Table verticalSpacing={4} data-testid="sla-holidays">
            <Table.Tbody>
              {holidays.map((h) => (
                <Table.Tr key={h.date}>
                  <Table.Td w={150} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {dateFormat.format(new Date(`${h.date}T00:00:00Z`))}
                  </Table.Td>
                  <Table.Td>{h.name || <Text span c="dimmed" size="sm">Holiday</Text>}</Table.Td>
                  <Table.Td w={36}>
                    <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => changed(holidays.filter((x) => x.date !== h.date))} aria-label={`Remove ${h.name || h.date}`}>
                      <IconX size={13} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <Group gap={6} wrap="nowrap">
        <TextInput size="xs" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} aria-label="Holiday date" w={150} leftSection={<IconCalendarPlus size={13} />} />
        <TextInput
          size="xs"
          placeholder="Name, e.g. Boxing Day"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          aria-label="Holiday name"
          style={{ flex: 1 }}
        />
        <Button size="xs" variant="default" leftSection={<IconPlus size={13} />} onClick={add} disabled={date === ''}>
          Add
        </Button>
      </Group>
    </div>
  );
}
