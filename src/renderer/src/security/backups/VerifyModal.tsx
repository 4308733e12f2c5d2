/** A verified backup: sound or not, in the core's words, and its rows per table against those recorded. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { BackupVerification } from '../../../../shared/contract';
import { dateTimeLabel } from '../../format';
import classes from '../security.module.css';
import { useSecurity } from '../state';

const countFormat = new Intl.NumberFormat();

type TableCount = BackupVerification['counts'][number];
const differs = (c: TableCount): boolean => c.expected !== null && c.expected !== c.rows;

/** Tables whose rows differ from the record first, then by name. */
function ordered(counts: TableCount[]): TableCount[] {
  return [...counts].sort((a, b) => Number(differs(b)) - Number(differs(a)) || a.table.localeCompare(b.table));
}

function countsSummary(counts: TableCount[]): string {
  const off = counts.filter(differs).length;
  const unrecorded = counts.filter((c) => c.expected === null).length;
  const tables = `${counts.length} table${counts.length === 1 ? '' : 's'}`;
  if (off > 0) return `${tables}: ${off} differ from what was recorded when the backup was made.`;
  if (unrecorded === counts.length) return `${tables}. No counts were recorded when the backup was made, so there is nothing to compare.`;
  if (unrecorded > 0) return `${tables}: ${counts.length - unrecorded} with the rows recorded when the backup was made, ${unrecorded} not recorded then.`;
  return `${tables}, each with the rows recorded when the backup was made.`;
}

function CountsTable({ counts }: { counts: TableCount[] }) {
  return (
    <>
      <Text size="sm" c="dimmed" mt="md" mb={6} data-testid="verify-summary">
        {countsSummary(counts)}
      </Text>
      {/* Scrolls by itself, so it takes the focus for the arrow keys. */}
      <div className={`${classes.tableWrap} ${classes.countsScroll}`} tabIndex={0} role="region" aria-label="Rows per table">
        <Table className={classes.table} verticalSpacing={6} horizontalSpacing="md" data-testid="verify-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Table</Table.Th>
              <Table.Th className={classes.num}>In the backup</Table.Th>
              <Table.Th className={classes.num}>When it was made</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered(counts).map((count) => {
              const off = differs(count);
              return (
                <Table.Tr key={count.table} data-testid="verify-count-row" data-table={count.table} data-differs={off || undefined}>
                  <Table.Td>{count.table}</Table.Td>
                  <Table.Td className={classes.num} c={off ? 'red' : undefined} fw={off ? 600 : undefined}>
                    {countFormat.format(count.rows)}
                  </Table.Td>
                  <Table.Td className={classes.num} c="dimmed">
                    {count.expected === null ? 'not recorded' : countFormat.format(count.expected)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}

export function VerifyModal() {
  const verification = useSecurity((s) => s.verification);
  const closed = useSecurity((s) => s.verificationClosed);
  const result = verification?.result;
  return (
    <Modal
      opened={verification !== null}
      onClose={closed}
      title={verification ? `Backup of ${dateTimeLabel(verification.backup.createdAt)}` : ''}
      size="lg"
      centered
      data-testid="verify-modal"
    >
      {result && (
        <>
          <Alert
            color={result.ok ? 'teal' : 'red'}
            variant="light"
            icon={result.ok ? <IconCircleCheck size={16} /> : <IconAlertTriangle size={16} />}
            title={result.ok ? 'The backup is sound' : 'The backup has a problem'}
            data-testid="verify-result"
            data-ok={result.ok}
          >
            <Text size="sm">{result.message}</Text>
            {!result.ok && result.integrity.length > 0 && result.integrity[0] !== 'ok' && (
              <Text size="xs" c="dimmed" mt={6} style={{ overflowWrap: 'anywhere' }}>
                Integrity check: {result.integrity.slice(0, 3).join('; ')}
                {result.integrity.length > 3 ? ` (and ${result.integrity.length - 3} more)` : ''}
              </Text>
            )}
          </Alert>
          {result.counts.length > 0 && <CountsTable counts={result.counts} />}
          <Group justify="flex-end" mt="lg">
            <Button onClick={closed} data-autofocus data-testid="verify-close">
              Close
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
