/** Targets per priority for each clock, typed as "4h", "30m", "2d"; empty means no target. */
import { Table, Text } from '@mantine/core';
import { priorities, priorityLabels, slaClockKinds, slaClockLabels, type SlaPolicy } from '../../../../shared/escalation/schema';
import classes from '../routing.module.css';
import { DurationField } from './DurationField';

const field = { 'first-response': 'firstResponseMinutes', 'next-response': 'nextResponseMinutes', resolution: 'resolutionMinutes' } as const;
const order = [...priorities].reverse();

interface Props {
  policies: SlaPolicy[];
  changed(policies: SlaPolicy[]): void;
  validity(key: string, ok: boolean): void;
}

export function Policies({ policies, changed, validity }: Props) {
  return (
    <div>
      <Text size="sm" fw={500}>
        Targets
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        Write 30m, 4h, 2d or 1h 30m. A day is 24 hours of the clock above. Empty: no target.
      </Text>
      <Table className={classes.policyTable} verticalSpacing={6} data-testid="sla-policies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Priority</Table.Th>
            {slaClockKinds.map((k) => (
              <Table.Th key={k}>{slaClockLabels[k]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.map((priority) => {
            const policy = policies.find((p) => p.priority === priority);
            if (!policy) return null;
            return (
              <Table.Tr key={priority}>
                <Table.Td fw={500} pt={12}>
                  {priorityLabels[priority]}
                </Table.Td>
                {slaClockKinds.map((k) => (
                  <Table.Td key={k}>
                    <DurationField
                      aria-label={`${priorityLabels[priority]}: ${slaClockLabels[k]}`}
                      minutes={policy[field[k]]}
                      changed={(minutes) => changed(policies.map((p) => (p.priority === priority ? { ...p, [field[k]]: minutes } : p)))}
                      validity={(ok) => validity(`${priority}-${k}`, ok)}
                      data-testid={`sla-${priority}-${k}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
