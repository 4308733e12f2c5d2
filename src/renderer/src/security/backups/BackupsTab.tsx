/** The Backups tab: Back up now and the list, beside the schedule and the folder they go to. */
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDatabasePlus } from '@tabler/icons-react';
import { adviceFor } from '../../common/errors';
import { dateTimeLabel } from '../../format';
import { useNow } from '../../inbox/useNow';
import { backUpNow, loadBackups } from '../flows/backups';
import classes from '../security.module.css';
import { useSecurity } from '../state';
import { BackupTable, sinceLabel } from './BackupTable';
import { RestoreModal } from './RestoreModal';
import { ScheduleSection } from './ScheduleSection';
import { VerifyModal } from './VerifyModal';

function LastBackup() {
  const lastBackupAt = useSecurity((s) => s.list?.lastBackupAt ?? null);
  const creating = useSecurity((s) => s.creating);
  const now = useNow();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" mb="sm">
      <Text size="sm" c="dimmed" data-testid="backup-last">
        {creating
          ? 'Backing up: an encrypted copy of the whole store is being written…'
          : lastBackupAt === null
            ? 'No backup yet.'
            : `Last backup ${sinceLabel(lastBackupAt, now)}, ${dateTimeLabel(lastBackupAt)}.`}
      </Text>
      <Button leftSection={<IconDatabasePlus size={16} />} onClick={() => void backUpNow()} loading={creating} style={{ flexShrink: 0 }} data-testid="backup-now">
        Back up now
      </Button>
    </Group>
  );
}

function FolderSection({ folder }: { folder: string }) {
  return (
    <div className={classes.section}>
      <div className={classes.sectionTitle}>Where backups go</div>
      <Text className={classes.folder} data-testid="backup-folder">
        {folder}
      </Text>
      <Text size="xs" c="dimmed" mt={8}>
        Each backup is encrypted like the store itself: the recovery key opens it on any computer. Copy the folder to another disk to survive this one failing.
      </Text>
    </div>
  );
}

export function BackupsTab() {
  const list = useSecurity((s) => s.list);
  const listError = useSecurity((s) => s.listError);

  if (list === null) {
    return (
      <div className={classes.scroll}>
        {listError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={adviceFor(listError, 'Loading the backups').title} maw={640} data-testid="backup-list-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{adviceFor(listError, 'Loading the backups').message}</Text>
              <Button size="xs" variant="default" onClick={() => void loadBackups()}>
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Loader size="sm" />
        )}
      </div>
    );
  }

  return (
    <div className={classes.scroll} data-testid="backups-tab">
      <div className={classes.grid}>
        <div>
          <LastBackup />
          <BackupTable backups={list.backups} />
        </div>
        <div className={classes.side}>
          <ScheduleSection />
          <FolderSection folder={list.folder} />
        </div>
      </div>
      <VerifyModal />
      <RestoreModal />
    </div>
  );
}
