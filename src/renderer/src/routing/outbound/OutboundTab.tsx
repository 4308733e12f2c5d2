/** "What left this machine": every webhook call, newest first, with exactly what was sent. */
import { Badge, Collapse, Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure } from '../../common/notify';
import { dateTimeLabel } from '../../format';
import type { OutboundEntry } from '../../../../shared/escalation/schema';
import { latencyLabel, outcomeLabel, payloadSize } from '../model/outbound';
import classes from '../routing.module.css';

function Entry({ entry }: { entry: OutboundEntry }) {
  const [open, setOpen] = useState(false);
  const failed = entry.outcome === 'failed';
  return (
    <li style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid="outbound-entry">
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} w="100%" py={10} px={4}>
        <Group gap="md" wrap="nowrap">
          <IconChevronRight size={14} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms', flexShrink: 0 }} />
          <Text size="sm" w={170} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
            {dateTimeLabel(entry.at)}
          </Text>
          <Text size="sm" fw={600} w={150} className={classes.ellipsis} style={{ flexShrink: 0 }}>
            {entry.target}
          </Text>
          <Text size="sm" c="dimmed" className={classes.ellipsis} style={{ flex: 1 }} ff="monospace">
            {entry.host}
          </Text>
          <Badge variant="light" color={failed ? 'red' : 'teal'} style={{ flexShrink: 0, textTransform: 'none' }} maw={260} data-testid="outbound-outcome">
            {outcomeLabel(entry)}
          </Badge>
          <Text size="xs" c="dimmed" w={64} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
            {latencyLabel(entry.latencyMs)}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap={4} pb={12} pl={34} pr={4}>
          <Text size="xs" c="dimmed">
            POST to {entry.host}, {payloadSize(entry.payload)}, exactly as sent:
          </Text>
          <pre className={classes.payload} data-testid="outbound-payload">
            {entry.payload}
          </pre>
        </Stack>
      </Collapse>
    </li>
  );
}

/** Reads the log; an answer overtaken by a newer read is dropped. A failure is a toast with Retry. */
async function readLog(generation: { current: number }, loaded: (entries: OutboundEntry[]) => void): Promise<void> {
  const mine = ++generation.current;
  try {
    const { entries } = await call('outbound.list', { limit: 200 });
    if (mine === generation.current) loaded(entries);
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the outbound log', () => void readLog(generation, loaded));
  }
}

export function OutboundTab() {
  const [entries, setEntries] = useState<OutboundEntry[] | null>(null);
  const generation = useRef(0);
  const load = useCallback(() => void readLog(generation, setEntries), []);
  useEffect(() => {
    load();
    return onEvent('outbound.sent', load);
  }, [load]);

  return (
    <div className={classes.scroll}>
      <Stack gap="md" maw={1080}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="teal" radius="xl" size={32}>
            <IconShieldCheck size={18} />
          </ThemeIcon>
          <div>
            <Text fw={600}>What left this machine</Text>
            <Text size="sm" c="dimmed">
              Hearken sends nothing unless a team’s webhook is switched on. Each call is listed here with exactly what was sent.
            </Text>
          </div>
        </Group>
        {entries !== null && entries.length === 0 ? (
          <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="outbound-empty">
            Nothing has been sent. No team has sent a webhook yet.
          </Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, borderBottom: '1px solid var(--mantine-color-default-border)' }} aria-label="Outbound calls">
            {(entries ?? []).map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </ul>
        )}
      </Stack>
    </div>
  );
}
