/** Words that rose sharply against the comparison (log-likelihood), with counts before and after. */
import { Table, Text } from '@mantine/core';
import type { Report } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { narrowed, sideFilter } from '../model/drill';
import { formatCount } from '../model/format';
import classes from '../reports.module.css';
import { EmptyNote, Section } from './Section';

export function EmergingTerms({ report }: { report: Report }) {
  const terms = report.emerging.terms.slice(0, 10);
  const base = sideFilter(report.primary);
  const open = (term: string): void => drillDown(narrowed(base, { query: base.query ? `${base.query} ${term}` : term }));
  const { sampled } = report.emerging;
  return (
    <Section
      id="emerging"
      title="Emerging terms"
      description={`Words used far more than before · read from ${formatCount(sampled.recent)} recent and ${formatCount(sampled.previous)} earlier items`}
    >
      {terms.length === 0 ? (
        <EmptyNote>No term rose clearly against the comparison.</EmptyNote>
      ) : (
        <Table fz="sm" verticalSpacing={4} highlightOnHover data-testid="emerging-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Term</Table.Th>
              <Table.Th className={classes.num}>Before</Table.Th>
              <Table.Th className={classes.num}>Now</Table.Th>
              <Table.Th className={classes.num}>Rise</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.map((t) => (
              <Table.Tr
                key={t.term}
                className={classes.tableRow}
                tabIndex={0}
                onClick={() => open(t.term)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') open(t.term);
                }}
                aria-label={`${t.term}: ${t.previous} before, ${t.recent} now. Search the inbox for it`}
              >
                <Table.Td>
                  <Text span size="sm" fw={500}>
                    {t.term}
                  </Text>
                </Table.Td>
                <Table.Td className={classes.num}>{formatCount(t.previous)}</Table.Td>
                <Table.Td className={classes.num}>{formatCount(t.recent)}</Table.Td>
                <Table.Td className={classes.num}>{Number.isFinite(t.ratio) ? `×${t.ratio.toFixed(1)}` : 'new'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
