/** The backup schedule: on or off, how often, how many to keep; saved with its own button. */
import { Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { saveSchedule } from '../flows/backups';
import { scheduleDirty, scheduleSummary } from '../model';
import classes from '../security.module.css';
import { useSecurity } from '../state';

export function ScheduleSection() {
  const form = useSecurity((s) => s.schedule);
  const saved = useSecurity((s) => s.list?.schedule ?? null);
  const errors = useSecurity((s) => s.scheduleErrors);
  const saving = useSecurity((s) => s.scheduleSaving);
  const { scheduleEdited } = useSecurity.getState();
  if (form === null || saved === null) return null;
  const dirty = scheduleDirty(form, saved);
  return (
    <form
      className={classes.section}
      aria-labelledby="backup-schedule-title"
      onSubmit={(e) => {
        e.preventDefault();
        void saveSchedule();
      }}
      data-testid="backup-schedule"
    >
      <div className={classes.sectionTitle} id="backup-schedule-title">
        Schedule
      </div>
      <Stack gap="sm">
        <Switch
          checked={form.enabled}
          onChange={(e) => scheduleEdited({ enabled: e.currentTarget.checked })}
          label="Back up on a schedule"
          description="Backups are made while Hearken is running."
          data-testid="schedule-enabled"
        />
        <Group grow gap="sm" align="flex-start">
          <NumberInput
            label="Every"
            suffix={Number(form.everyHours) === 1 ? ' hour' : ' hours'}
            value={form.everyHours}
            onChange={(v) => scheduleEdited({ everyHours: v })}
            error={errors.everyHours}
            min={1}
            max={24 * 31}
            allowDecimal={false}
            allowNegative={false}
            disabled={!form.enabled}
            data-testid="schedule-every"
          />
          <NumberInput
            label="Keep the last"
            value={form.keep}
            onChange={(v) => scheduleEdited({ keep: v })}
            error={errors.keep}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            data-testid="schedule-keep"
          />
        </Group>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs" c="dimmed" data-testid="schedule-summary">
            {dirty ? 'Unsaved changes.' : scheduleSummary(saved)}
          </Text>
          <Button type="submit" size="xs" disabled={!dirty} loading={saving} style={{ flexShrink: 0 }} data-testid="schedule-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
