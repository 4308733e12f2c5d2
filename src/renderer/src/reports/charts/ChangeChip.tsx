/** A change against the comparison: arrow and sign always, colour as a second cue. */
import { Badge, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import type { Change } from '../model/change';

const toneColors = { better: 'teal', worse: 'red', neutral: 'gray' } as const;

export function ChangeChip({ change, size = 'sm' }: { change: Change | null; size?: 'xs' | 'sm' }) {
  if (!change) return null;
  const Icon = change.direction === 'up' ? IconArrowUpRight : change.direction === 'down' ? IconArrowDownRight : IconMinus;
  return (
    <Tooltip label={change.description} openDelay={300}>
      <Badge
        size={size}
        radius="sm"
        tt="none"
        fw={600}
        variant="light"
        color={toneColors[change.tone]}
        leftSection={<Icon size={size === 'xs' ? 11 : 13} stroke={2.2} aria-hidden />}
        aria-label={change.description}
        data-tone={change.tone}
        data-testid="change-chip"
        style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}
      >
        {change.text}
      </Badge>
    </Tooltip>
  );
}
