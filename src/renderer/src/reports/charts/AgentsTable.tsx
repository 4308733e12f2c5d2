/** Per agent: a sortable table; a row opens that agent's items of the period. */
import { Table, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { Report } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { narrowed, sideFilter } from '../model/drill';
import { formatCount, formatDuration } from '../model/format';
import { agentRows, sortAgents, type AgentColumn, type AgentRow } from '../model/rankings';
import type { TimeBasis } from '../state';
import classes from '../reports.module.css';
import { EmptyNote, Section } from './Section';

const columns: { key: AgentColumn; label: string; numeric: boolean }[] = [
  { key: 'agent', label: 'Agent', numeric: false },
  { key: 'assigned', label: 'Assigned', numeric: true },
  { key: 'responded', label: 'Replied', numeric: true },
  { key: 'resolved', label: 'Resolved', numeric: true },
  { key: 'escalated', label: 'Escalated', numeric: true },
  { key: 'negative', label: 'Negative', numeric: true },
  { key: 'firstResponse', label: 'First response', numeric: true },
  { key: 'resolution', label: 'Resolution', numeric: true },
];

function cell(row: AgentRow, key: AgentColumn): string {
  if (key === 'agent') return row.name;
  if (key === 'firstResponse' || key === 'resolution') return formatDuration(row[key]);
  return formatCount(row[key]);
}

export function AgentsTable({ report, basis }: { report: Report; basis: TimeBasis }) {
  const [sort, setSort] = useState<{ column: AgentColumn; descending: boolean }>({ column: 'assigned', descending: true });
  const rows = sortAgents(agentRows(report.primary, basis), sort.column, sort.descending);
  const base = sideFilter(report.primary);
  const open = (row: AgentRow): void => {
    if (row.agent !== null) drillDown(narrowed(base, { assignee: [row.agent] }));
  };
  return (
    <Section id="agents" title="Per agent" description={`Medians in ${basis === 'business' ? 'business hours' : 'calendar time'}; a row opens the agent's items`} wide>
      {rows.length === 0 ? (
        <EmptyNote>No items were assigned in this period.</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover fz="sm" verticalSpacing={6} data-testid="agents-table">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => {
                  const active = sort.column === c.key;
                  return (
                    <Table.Th key={c.key} className={c.numeric ? classes.num : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                      <button
                        type="button"
                        className={classes.sortButton}
                        onClick={() => setSort({ column: c.key, descending: active ? !sort.descending : c.numeric })}
                      >
                        {c.label}
                        {active && (sort.descending ? <IconArrowDown size={12} aria-hidden /> : <IconArrowUp size={12} aria-hidden />)}
                      </button>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.name}
                  className={row.agent !== null ? classes.tableRow : undefined}
                  tabIndex={row.agent !== null ? 0 : undefined}
                  onClick={() => open(row)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') open(row);
                  }}
                  data-testid="agent-row"
                  aria-label={row.agent !== null ? `${row.name}: open the agent's items in the inbox` : undefined}
                >
                  {columns.map((c) => (
                    <Table.Td key={c.key} className={c.numeric ? classes.num : undefined}>
                      {c.key === 'agent' && row.agent === null ? (
                        <Text span size="sm" c="dimmed">
                          Unassigned
                        </Text>
                      ) : (
                        cell(row, c.key)
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
