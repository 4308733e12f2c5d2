/** Repeat contacts: how many items came from a customer who wrote in the week before, and who. */
import { Text } from '@mantine/core';
import type { Report } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { changeOf } from '../model/change';
import { sideFilter } from '../model/drill';
import { formatCount, formatPercent } from '../model/format';
import classes from '../reports.module.css';
import { ChangeChip } from './ChangeChip';
import { EmptyNote, Section } from './Section';

export function RepeatSection({ report }: { report: Report }) {
  const { primary: p, comparison: c } = report;
  const top = p.repeat.topCustomers.slice(0, 6);
  const max = Math.max(1, ...top.map((t) => t.count));
  const base = sideFilter(p);
  return (
    <Section id="repeat" title="Repeat contacts" description="Items from a customer who had written in the 7 days before">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10, flexWrap: 'wrap' }}>
        <span className={classes.big} data-testid="repeat-rate">
          {formatPercent(p.repeat.rate)}
        </span>
        <Text size="sm" c="dimmed">
          {formatCount(p.repeat.repeatItems)} items from {formatCount(p.repeat.customers)} customers
        </Text>
        <ChangeChip change={c ? changeOf(p.repeat.rate, c.repeat.rate, 'points', 'lower') : null} size="xs" />
      </div>
      {top.length === 0 ? (
        <EmptyNote>No customer wrote more than once.</EmptyNote>
      ) : (
        <>
          <Text size="xs" fw={600} c="dimmed">
            Customers with the most items
          </Text>
          <ul className={classes.rows} data-testid="repeat-customers">
            {top.map((t) => (
              <li key={t.customerId}>
                <button
                  type="button"
                  className={classes.row}
                  onClick={() => drillDown({ ...base, customerId: t.customerId }, { id: t.customerId, name: t.name })}
                  aria-label={`${t.name}: ${t.count} items. Open in the inbox`}
                  data-testid="repeat-customer"
                >
                  <span className={classes.rowName} title={t.name}>
                    {t.name}
                  </span>
                  <span className={classes.bars} aria-hidden>
                    <span className={classes.bar} style={{ width: `${(t.count / max) * 100}%`, background: 'var(--mantine-color-grape-5)' }} />
                  </span>
                  <span className={classes.rowNumbers}>{formatCount(t.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
