/** A verified backup: sound or not, in the core's words, and its rows per table against those recorded. */
import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { dateTimeLabel } from '../../format';
import classes from '../security.module.css';
import { useSecurity } from '../state';

const countFormat = new Intl.NumberFormat();

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
          {result.counts.length > 0 && (
            <div className={classes.tableWrap} style={{ marginTop: 16 }}>
              <Table className={classes.table} verticalSpacing={6} horizontalSpacing="md" data-testid="verify-counts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Table</Table.Th>
                    <Table.Th className={classes.num}>In the backup</Table.Th>
                    <Table.Th className={classes.num}>When it was made</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.counts.map((count) => {
                    const differs = count.expected !== null && count.expected !== count.rows;
                    return (
                      <Table.Tr key={count.table} data-testid="verify-count-row" data-table={count.table} data-differs={differs || undefined}>
                        <Table.Td>{count.table}</Table.Td>
                        <Table.Td className={classes.num} c={differs ? 'red' : undefined} fw={differs ? 600 : undefined}>
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
          )}
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
