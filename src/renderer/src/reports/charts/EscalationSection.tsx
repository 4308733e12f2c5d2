/** Escalation: the rate against the comparison, and escalations by team and by reason. */
import { Text } from '@mantine/core';
import type { Report } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { changeOf } from '../model/change';
import { narrowed, sideFilter } from '../model/drill';
import { formatCount, formatPercent } from '../model/format';
import { escalationReasonRows } from '../model/rankings';
import classes from '../reports.module.css';
import { ChangeChip } from './ChangeChip';
import { ComparedBars } from './ComparedBars';
import { Section } from './Section';

export function EscalationSection({ report }: { report: Report }) {
  const { primary: p, comparison: c } = report;
  const escalatedFilter = narrowed(sideFilter(p), { escalated: true });
  const comparing = c !== null;
  return (
    <Section
      id="escalation"
      title="Escalations"
      description="Items escalated at any time, by team and by reason (rule name, or the reason a person wrote)"
      onOpen={() => drillDown(escalatedFilter)}
      wide
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10 }}>
        <span className={classes.big} data-testid="escalation-rate">
          {formatPercent(p.escalation.rate)}
        </span>
        <Text size="sm" c="dimmed">
          {formatCount(p.escalation.escalated)} of {formatCount(p.total)} items
          {c && ` · ${formatPercent(c.escalation.rate)} in ${c.label}`}
        </Text>
        <ChangeChip change={c ? changeOf(p.escalation.rate, c.escalation.rate, 'points', 'lower') : null} />
      </div>
      <div className={classes.stats}>
        <div>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            By team
          </Text>
          <ComparedBars
            rows={escalationReasonRows(report, 'byTarget')}
            comparing={comparing}
            noun="Team"
            empty="No escalations in this period."
            testId="escalation-targets"
            color="var(--mantine-color-orange-6)"
            onOpen={() => drillDown(escalatedFilter)}
          />
        </div>
        <div>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            By reason
          </Text>
          <ComparedBars
            rows={escalationReasonRows(report, 'byReason')}
            comparing={comparing}
            noun="Reason"
            empty="No escalations in this period."
            testId="escalation-reasons"
            color="var(--mantine-color-orange-6)"
            onOpen={() => drillDown(escalatedFilter)}
          />
        </div>
      </div>
    </Section>
  );
}
