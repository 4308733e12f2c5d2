/** One stacked bar of outcomes (drafts, suggestions) with a legend of counts and shares. */
import { Progress, Text } from '@mantine/core';
import { countText, percentText, type SharePart } from '../model-insights';
import classes from './quality.module.css';

export function ShareBar({ parts, total, previous, label, testId }: { parts: SharePart[]; total: number; previous: SharePart[] | null; label: string; testId: string }) {
  return (
    <div className={classes.block} data-testid={testId} data-total={total}>
      <Progress.Root size={14} radius="sm" aria-label={label}>
        {total === 0 ? (
          <Progress.Section value={100} color="gray.3" />
        ) : (
          parts.map((p) => <Progress.Section key={p.key} value={(p.share ?? 0) * 100} color={p.color} aria-label={`${p.label}: ${percentText(p.share)}`} />)
        )}
      </Progress.Root>
      <div className={classes.legend}>
        {parts.map((p) => {
          const before = previous?.find((q) => q.key === p.key);
          return (
            <div key={p.key} style={{ display: 'contents' }} data-testid={`${testId}-${p.key}`}>
              <span className={classes.swatch} style={{ background: `var(--mantine-color-${p.color}-6)` }} />
              <span>{p.label}</span>
              <span className={classes.num}>
                {countText(p.count)} · {percentText(p.share)}
              </span>
              <Text span size="xs" c="dimmed" className={classes.num}>
                {before ? (before.share === null ? `was ${countText(before.count)}` : `was ${countText(before.count)} · ${percentText(before.share)}`) : ''}
              </Text>
            </div>
          );
        })}
      </div>
    </div>
  );
}
