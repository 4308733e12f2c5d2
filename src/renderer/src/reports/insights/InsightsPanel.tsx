/**
 * The report's insights as a calm list, worked out on this machine: what moved, what
 * passed the significance test, what is emerging, each with the figures behind it and
 * opening the inbox behind it. Under it, the optional AI-written period summary.
 */
import { Badge, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { Insight } from '../../../../shared/reports/schema';
import { insightBadge, insightFigures, insightKindLabels } from '../model-insights';
import { useReports } from '../state';
import { AiSummary } from './AiSummary';
import classes from './insights.module.css';
import { openDrill } from './open-inbox';

function InsightRow({ insight }: { insight: Insight }) {
  const figures = insightFigures(insight);
  const { color } = insightKindLabels[insight.kind];
  return (
    <li>
      <UnstyledButton
        className={classes.item}
        onClick={() => openDrill(insight.drill)}
        aria-label={`${insight.text}. Open these conversations in the inbox`}
        data-testid="insight-item"
        data-kind={insight.kind}
        data-metric={insight.metric}
      >
        <Badge variant="light" color={color} size="sm" className={classes.badge} data-testid="insight-kind">
          {insightBadge(insight)}
        </Badge>
        <div className={classes.body}>
          <Text size="sm" data-testid="insight-text">
            {insight.text}
          </Text>
          <Text size="xs" c="dimmed" mt={2} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="insight-figures">
            {figures.current}
            {figures.previous && ` · ${figures.previous}`}
          </Text>
        </div>
        <IconChevronRight size={16} className={classes.chevron} aria-hidden />
      </UnstyledButton>
    </li>
  );
}

export function InsightsPanel() {
  const report = useReports((s) => s.report);
  if (report === null) return null;
  const { insights } = report;
  return (
    <section className={classes.panel} aria-labelledby="insights-title" data-testid="insights-panel">
      <div>
        <Title order={3} size="h5" id="insights-title">
          Insights
        </Title>
        <Text size="xs" c="dimmed">
          Worked out on this machine from the period&apos;s figures{report.comparison ? ` against ${report.comparison.label}` : ''}. Click one to see its conversations.
        </Text>
      </div>
      {insights.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="insights-empty">
          Nothing stands out in this period: no change is large enough, or backed by enough conversations, to call out.
        </Text>
      ) : (
        <ul className={classes.list} data-testid="insights-list">
          {insights.map((insight, i) => (
            <InsightRow key={`${insight.metric}-${i}`} insight={insight} />
          ))}
        </ul>
      )}
      <Stack gap={0} mt={4}>
        <AiSummary from={report.scope.from} to={report.scope.to} />
      </Stack>
    </section>
  );
}
