/** The backups, newest first: when, why, how much, and Verify and Restore for each. */
import { Badge, Button, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDatabaseOff, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import type { BackupInfo } from '../../../../shared/contract';
import { ageLabel, countLabel, dateTimeLabel } from '../../format';
import { bytesLabel } from '../../import/model/wording';
import { useNow } from '../../inbox/useNow';
import { verifyBackup } from '../flows/backups';
import { reasonColors, reasonLabels } from '../model';
import classes from '../security.module.css';
import { useSecurity } from '../state';

/** "just now", "5m ago", "3h ago". */
export function sinceLabel(at: number, now: number): string {
  const age = ageLabel(at, now);
  return age === 'now' ? 'just now' : `${age} ago`;
}

function BackupRow({ backup, now }: { backup: BackupInfo; now: number }) {
  const verifying = useSecurity((s) => s.verifying === backup.name);
  const busy = useSecurity((s) => s.verifying !== null || s.restoring);
  return (
    <Table.Tr data-testid="backup-row" data-name={backup.name} data-reason={backup.reason}>
      <Table.Td className={classes.when}>
        <Text size="sm" fw={500}>
          {dateTimeLabel(backup.createdAt)}{' '}
          <Text span size="xs" c="dimmed">
            · {sinceLabel(backup.createdAt, now)}
          </Text>
        </Text>
        <Text className={classes.fileName} title={backup.file} maw={300}>
          {backup.name}
        </Text>
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <Badge variant="light" color={reasonColors[backup.reason]} style={{ textTransform: 'none', minWidth: 'max-content' }} data-testid="backup-reason">
          {reasonLabels[backup.reason]}
        </Badge>
      </Table.Td>
      <Table.Td className={classes.num} data-testid="backup-items">
        {countLabel(backup.items, 'item')}
      </Table.Td>
      <Table.Td className={classes.num}>{bytesLabel(backup.sizeBytes)}</Table.Td>
      <Table.Td>
        <div className={classes.rowActions}>
          <Tooltip label="Open it, check its integrity and compare its counts" withArrow openDelay={400}>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconShieldCheck size={14} />}
              loading={verifying}
              disabled={busy && !verifying}
              onClick={() => void verifyBackup(backup)}
              aria-label={`Verify the backup of ${dateTimeLabel(backup.createdAt)}`}
              data-testid="backup-verify"
            >
              Verify
            </Button>
          </Tooltip>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconRestore size={14} />}
            disabled={busy}
            onClick={() => useSecurity.getState().restoreAskedFor(backup)}
            aria-label={`Restore the backup of ${dateTimeLabel(backup.createdAt)}…`}
            data-testid="backup-restore"
          >
            Restore…
          </Button>
        </div>
      </Table.Td>
    </Table.Tr>
  );
}

export function BackupTable({ backups }: { backups: BackupInfo[] }) {
  const now = useNow();
  if (backups.length === 0) {
    return (
      <div className={`${classes.tableWrap} ${classes.empty}`} data-testid="backup-empty">
        <IconDatabaseOff size={28} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text size="sm" fw={500} mt={6}>
          No backups yet
        </Text>
        <Text size="sm" c="dimmed">
          “Back up now” makes the first; the schedule makes the rest.
        </Text>
      </div>
    );
  }
  return (
    <div className={classes.tableWrap}>
      <Table className={classes.table} verticalSpacing={8} horizontalSpacing="md" highlightOnHover data-testid="backup-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Made</Table.Th>
            <Table.Th className={classes.nowrap}>Why</Table.Th>
            <Table.Th className={classes.num}>Items</Table.Th>
            <Table.Th className={classes.num}>Size</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <BackupRow key={backup.name} backup={backup} now={now} />
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
