/** The eight figures a team lead reads first; each card opens the items behind it. */
import { Skeleton, Tooltip } from '@mantine/core';
import type { Report } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { keyFigures } from '../model/figures';
import type { TimeBasis } from '../state';
import classes from '../reports.module.css';
import { ChangeChip } from './ChangeChip';

export function KeyFigures({ report, basis }: { report: Report; basis: TimeBasis }) {
  const figures = keyFigures(report, basis);
  const comparing = report.comparison !== null;
  return (
    <div className={classes.figures} role="list" aria-label="Key figures">
      {figures.map((f) => (
        <div key={f.id} role="listitem" className={classes.figureCell}>
          <Tooltip label={`${f.hint}. Opens these items in the inbox.`} openDelay={500} multiline w={240}>
            <button
              type="button"
              className={classes.figure}
              onClick={() => drillDown(f.drill)}
              data-testid={`figure-${f.id}`}
              aria-label={`${f.label}: ${f.value}${f.comparison !== null ? `, comparison ${f.comparison}` : ''}${f.change ? `, ${f.change.description}` : ''}`}
            >
              <span className={classes.figureLabel}>{f.label}</span>
              <span className={classes.figureValue} data-testid="figure-value">
                {f.value}
              </span>
              {f.note !== null && (
                <span className={classes.figureNote} data-testid="figure-note">
                  {f.note}
                </span>
              )}
              <span className={classes.figureFoot}>
                {comparing ? <span data-testid="figure-comparison">vs {f.comparison}</span> : <span />}
                <ChangeChip change={f.change} size="xs" />
              </span>
            </button>
          </Tooltip>
        </div>
      ))}
    </div>
  );
}

export function KeyFiguresSkeleton() {
  return (
    <div className={classes.figures} aria-hidden>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} height={104} radius="md" />
      ))}
    </div>
  );
}
