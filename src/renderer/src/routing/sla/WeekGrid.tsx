/** When the team works: Monday to Sunday, each day any number of periods ("Closed" when none). */
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import type { BusinessPeriod } from '../../../../shared/escalation/schema';
import { copyMondayToWeekdays, nextPeriod, weekdayNames } from '../model/sla-week';
import classes from '../routing.module.css';

interface Props {
  week: BusinessPeriod[][];
  changed(week: BusinessPeriod[][]): void;
  disabled?: boolean;
}

export function WeekGrid({ week, changed, disabled = false }: Props) {
  const dayChanged = (i: number, day: BusinessPeriod[]) => changed(week.map((d, j) => (j === i ? day : d)));
  return (
    <div>
      <Group justify="space-between" mb={8}>
        <Text size="sm" fw={500}>
          Working hours
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconCopy size={13} />} onClick={() => changed(copyMondayToWeekdays(week))} disabled={disabled} data-testid="sla-copy-monday">
          Copy Monday to weekdays
        </Button>
      </Group>
      <div className={classes.weekGrid} data-testid="sla-week">
        {week.map((day, i) => {
          const next = nextPeriod(day);
          return (
            <div key={weekdayNames[i]} className={classes.weekDay} data-testid="sla-day" data-day={weekdayNames[i]}>
              <div className={classes.weekName}>{weekdayNames[i]}</div>
              <div className={classes.periods}>
                {day.length === 0 && (
                  <Text size="sm" c="dimmed" w={64}>
                    Closed
                  </Text>
                )}
                {day.map((p, k) => (
                  <div key={k} className={classes.period} data-testid="sla-period">
                    <TimeInput
                      size="xs"
                      w={92}
                      value={p.start}
                      onChange={(e) => dayChanged(i, day.map((x, m) => (m === k ? { ...x, start: e.currentTarget.value } : x)))}
                      aria-label={`${weekdayNames[i]} period ${k + 1} starts`}
                      disabled={disabled}
                    />
                    <Text size="xs" c="dimmed">
                      –
                    </Text>
                    <TimeInput
                      size="xs"
                      w={92}
                      value={p.end === '24:00' ? '23:59' : p.end}
                      onChange={(e) => dayChanged(i, day.map((x, m) => (m === k ? { ...x, end: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value } : x)))}
                      aria-label={`${weekdayNames[i]} period ${k + 1} ends`}
                      disabled={disabled}
                    />
                    <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => dayChanged(i, day.filter((_, m) => m !== k))} aria-label={`Remove ${weekdayNames[i]} period ${k + 1}`} disabled={disabled}>
                      <IconX size={13} />
                    </ActionIcon>
                  </div>
                ))}
                <Tooltip label={next === null ? 'The day is full' : `Add ${next.start}–${next.end}`} openDelay={300}>
                  <ActionIcon
                    size="sm"
                    variant="light"
                    onClick={() => next && dayChanged(i, [...day, next])}
                    disabled={disabled || next === null || day.length >= 8}
                    aria-label={`Add a period on ${weekdayNames[i]}`}
                    data-testid="sla-add-period"
                  >
                    <IconPlus size={13} />
                  </ActionIcon>
                </Tooltip>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
