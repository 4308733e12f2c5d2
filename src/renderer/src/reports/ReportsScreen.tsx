/**
 * Reports for team leads: the scope bar, the key figures against a comparison, insights,
 * then the charts (volume, sentiment, topics, emerging terms, escalations, times, SLA,
 * backlog, agents, repeat contacts, AI quality). Every figure opens the inbox behind it.
 */
import { Alert, Button, Group, Loader, Skeleton, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { ErrorInfo } from '../../../shared/errors';
import type { Report } from '../../../shared/reports/schema';
import { adviceFor } from '../common/errors';
import { AgentsTable } from './charts/AgentsTable';
import { ComparedBars } from './charts/ComparedBars';
import { EmergingTerms } from './charts/EmergingTerms';
import { EscalationSection } from './charts/EscalationSection';
import { KeyFigures, KeyFiguresSkeleton } from './charts/KeyFigures';
import { RepeatSection } from './charts/RepeatSection';
import { Section } from './charts/Section';
import { BacklogChart, SentimentChart, VolumeChart } from './charts/TimeCharts';
import { SlaSection, TimesSection } from './charts/TimesSection';
import { ExportMenu } from './export/ExportMenu';
import { drillDown, runReport } from './flows';
import { InsightsPanel } from './insights/InsightsPanel';
import { narrowed, sideFilter } from './model/drill';
import { periodLabel, reportHeadline } from './model/format';
import { presetLabels } from './model/scope';
import { topicRows } from './model/rankings';
import { AiQualityPanel } from './quality/AiQualityPanel';
import { ScopeBar } from './scope/ScopeBar';
import { useReports } from './state';
import classes from './reports.module.css';

function ReportBody({ report }: { report: Report }) {
  const basis = useReports((s) => s.timeBasis);
  const { primary: p, comparison: c } = report;
  const comparing = c !== null;
  const base = sideFilter(p);
  return (
    <>
      <KeyFigures report={report} basis={basis} />
      <InsightsPanel />
      <div className={classes.grid}>
        <Section id="volume" title="Volume by channel" description={comparing ? `Grey bars: ${c.label}` : 'Items received per period'} onOpen={() => drillDown(base)} wide>
          <VolumeChart report={report} />
        </Section>
        <Section id="sentiment" title="Sentiment share" description="Share of items by sentiment in each period" onOpen={() => drillDown(narrowed(base, { sentiment: ['negative'] }))}>
          <SentimentChart report={report} />
        </Section>
        <Section id="topics" title="Top topics" description={comparing ? `Solid: this period · grey: ${c.label} · change in share of items` : 'Items per topic tag'}>
          <ComparedBars
            rows={topicRows(report)}
            comparing={comparing}
            noun="Topic"
            empty="No topic tags in this period."
            testId="topics"
            onOpen={(row) => drillDown(narrowed(base, { tags: [row.name] }))}
          />
        </Section>
        <EscalationSection report={report} />
        <TimesSection report={report} />
        <SlaSection report={report} />
        <Section id="backlog" title="Backlog" description="Items open at the end of each period" onOpen={() => drillDown(narrowed({ ...base, receivedFrom: undefined }, { status: ['open', 'pending', 'replied'] }))}>
          <BacklogChart report={report} />
        </Section>
        <EmergingTerms report={report} />
        <RepeatSection report={report} />
        <AgentsTable report={report} basis={basis} />
      </div>
      <AiQualityPanel />
    </>
  );
}

function LoadingBody() {
  return (
    <div aria-busy="true" aria-label="Loading the report" style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="report-loading">
      <KeyFiguresSkeleton />
      <div className={classes.grid}>
        <Skeleton className={classes.wide} height={300} radius="md" />
        <Skeleton height={300} radius="md" />
        <Skeleton height={300} radius="md" />
      </div>
    </div>
  );
}

function ReportError({ error }: { error: ErrorInfo }) {
  const advice = adviceFor(error, 'Making the report');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={advice.title} data-testid="report-error">
      <Text size="sm">{advice.message}</Text>
      {advice.retry && (
        <>
          <Text size="sm" c="dimmed" mt={4}>
            Try again in a moment; if it keeps failing, choose a shorter period or fewer filters.
          </Text>
          <Button size="xs" mt={10} variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void runReport()} data-testid="report-retry">
            {advice.retry}
          </Button>
        </>
      )}
    </Alert>
  );
}

function EmptyBody({ period, filtered }: { period: string; filtered: boolean }) {
  return (
    <div className={classes.state} data-testid="report-empty">
      <IconChartBar size={36} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden />
      <Title order={3} size="h5">
        No items in this period
      </Title>
      <Text size="sm" c="dimmed" maw={420}>
        Nothing was received {period}
        {filtered ? ' that matches these filters' : ''}. Choose a longer period, such as Last 12 months{filtered ? ', or remove a filter' : ''}.
      </Text>
    </div>
  );
}

export function ReportsScreen() {
  const report = useReports((s) => s.report);
  const loading = useReports((s) => s.loading);
  const error = useReports((s) => s.error);
  const preset = useReports((s) => s.choice.preset);

  // Opening the page runs the last scope again: the store may have changed since.
  useEffect(() => {
    void runReport();
  }, []);

  const empty = report !== null && report.primary.total === 0 && (report.comparison?.total ?? 0) === 0;
  const zone = report?.scope.timeZone;
  return (
    <section className={classes.screen} aria-label="Reports" data-testid="reports-screen">
      <header className={classes.header}>
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4">
            Reports
          </Title>
          <Text size="sm" c="dimmed" className={classes.period} data-testid="report-period-label">
            {report ? reportHeadline(report) : presetLabels[preset]}
          </Text>
        </div>
        <Group gap={8} wrap="nowrap">
          {loading && report && <Loader size="xs" aria-label="Updating the report" />}
          <ExportMenu />
        </Group>
      </header>
      <ScopeBar />
      <div className={classes.scroll}>
        <div className={classes.content} data-stale={loading && report ? true : undefined} data-testid="report-content" data-ready={!loading && report ? true : undefined}>
          {error && <ReportError error={error} />}
          {!report && !error && <LoadingBody />}
          {report &&
            (empty ? (
              <EmptyBody period={`in ${periodLabel(report.primary.from, report.primary.to, zone)}`} filtered={Object.keys(report.scope.filter).length > 0} />
            ) : (
              <ReportBody report={report} />
            ))}
        </div>
      </div>
    </section>
  );
}
