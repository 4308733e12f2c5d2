/**
 * Horizontal bars for a ranked list, both sides in each row: the period as a solid bar,
 * the comparison as a thin grey bar under it. Every row is a button that opens its items.
 */
import { Text } from '@mantine/core';
import type { ComparedRow } from '../model/rankings';
import { formatCount, formatPercent } from '../model/format';
import classes from '../reports.module.css';
import { ChangeChip } from './ChangeChip';
import { EmptyNote } from './Section';

interface Props {
  rows: ComparedRow[];
  comparing: boolean;
  /** What a row is, for its label: "topic", "reason". */
  noun: string;
  empty: string;
  onOpen: (row: ComparedRow) => void;
  testId: string;
  color?: string;
}

export function ComparedBars({ rows, comparing, noun, empty, onOpen, testId, color }: Props) {
  if (rows.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.count, r.before ?? 0)));
  return (
    <ul className={classes.rows} data-testid={testId}>
      {rows.map((row) => (
        <li key={row.name}>
          <button
            type="button"
            className={classes.row}
            onClick={() => onOpen(row)}
            data-testid={`${testId}-row`}
            data-name={row.name}
            aria-label={`${noun} ${row.name}: ${row.count}${row.share !== null ? ` (${formatPercent(row.share)})` : ''}${comparing ? `, comparison ${row.before ?? 0}` : ''}${row.change ? `, ${row.change.description}` : ''}. Open in the inbox`}
          >
            <span className={classes.rowName} title={row.name}>
              {row.name}
            </span>
            <span className={classes.bars} aria-hidden>
              <span className={classes.bar} style={{ width: `${(row.count / max) * 100}%`, background: color }} />
              {comparing && <span className={classes.barBefore} style={{ width: `${((row.before ?? 0) / max) * 100}%` }} />}
            </span>
            <span className={classes.rowNumbers}>
              <span className={classes.rowCount}>
                <Text span size="xs" fw={600}>
                  {formatCount(row.count)}
                </Text>
                {comparing && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    / {formatCount(row.before ?? 0)}
                  </Text>
                )}
              </span>
              {comparing && (
                <span className={classes.rowChange}>
                  <ChangeChip change={row.change} size="xs" />
                </span>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
