/**
 * First-response and resolution times (business hours from the SLA calendar, or calendar
 * time), and SLA attainment. Both sides side by side: median, 90th percentile and mean.
 */
import { BarChart } from '@mantine/charts';
import { Progress, SegmentedControl, Text } from '@mantine/core';
import type { Distribution, Report, SlaAttainment } from '../../../../shared/reports/schema';
import { drillDown } from '../flows';
import { changeOf } from '../model/change';
import { sideFilter } from '../model/drill';
import { formatCount, formatDuration, formatPercent } from '../model/format';
import { useReports, type TimeBasis } from '../state';
import classes from '../reports.module.css';
import { ChangeChip } from './ChangeChip';
import { Legend } from './Legend';
import { comparisonColor } from './palette';
import { Section } from './Section';

function TimeBasisToggle() {
  const basis = useReports((s) => s.timeBasis);
  return (
    <SegmentedControl
      size="xs"
      value={basis}
      onChange={(v) => useReports.getState().timeBasisChosen(v as TimeBasis)}
      data={[
        { value: 'business', label: 'Business hours' },
        { value: 'calendar', label: 'Calendar time' },
      ]}
      aria-label="Count times in business hours or calendar time"
      data-testid="time-basis"
    />
  );
}

const hour = 3_600_000;

/** Hours on the axis, so its ticks fall on round numbers; the tooltip says the duration. */
function DistributionChart({ name, current, previous, labels }: { name: string; current: Distribution; previous: Distribution | null; labels: [string, string] }) {
  const inHours = (ms: number | null): number => (ms ?? 0) / hour;
  const rows = [
    { stat: 'Median', current: inHours(current.median), comparison: inHours(previous?.median ?? null) },
    { stat: '90th percentile', current: inHours(current.p90), comparison: inHours(previous?.p90 ?? null) },
  ];
  const series = [{ name: 'current', label: labels[0], color: 'indigo.6' }, ...(previous ? [{ name: 'comparison', label: labels[1], color: comparisonColor }] : [])];
  return (
    <div data-testid={`times-${name}`}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10, flexWrap: 'wrap' }}>
        <Text size="sm" fw={600}>
          {name === 'first-response' ? 'First response' : 'Resolution'}
        </Text>
        <span className={classes.big} data-testid="times-median">
          {formatDuration(current.median)}
        </span>
        <Text size="xs" c="dimmed">
          median · 90% within {formatDuration(current.p90)} · {formatCount(current.count)} items
        </Text>
        <ChangeChip change={previous ? changeOf(current.median, previous.median, 'duration', 'lower') : null} size="xs" />
      </div>
      {current.count === 0 && (!previous || previous.count === 0) ? (
        <Text size="sm" c="dimmed" py={8}>
          {name === 'first-response' ? 'No replies yet in this period.' : 'Nothing resolved in this period.'}
        </Text>
      ) : (
        <>
          <BarChart
            h={120}
            mt={6}
            data={rows}
            dataKey="stat"
            orientation="vertical"
            series={series}
            valueFormatter={(v) => formatDuration(v * hour)}
            xAxisProps={{ tickFormatter: (v: number) => (v === 0 ? '0' : `${Math.round(v * 10) / 10}h`) }}
            yAxisProps={{ width: 100 }}
            maxBarWidth={14}
            gridAxis="y"
          />
          {previous && <Legend entries={series.map((s) => ({ label: s.label, color: s.color }))} />}
        </>
      )}
    </div>
  );
}

function SlaRow({ label, current, previous }: { label: string; current: SlaAttainment; previous: SlaAttainment | null }) {
  const total = current.met + current.breached;
  return (
    <div data-testid="sla-row">
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8 }}>
        <Text size="sm">{label}</Text>
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Text size="sm" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatPercent(current.rate)}
          </Text>
          <ChangeChip change={previous ? changeOf(current.rate, previous.rate, 'points', 'higher') : null} size="xs" />
        </span>
      </div>
      <Progress.Root size={10} mt={4} aria-label={`${label}: ${current.met} met, ${current.breached} breached`}>
        <Progress.Section value={total > 0 ? (current.met / total) * 100 : 0} color="teal.6" />
        <Progress.Section value={total > 0 ? (current.breached / total) * 100 : 0} color="red.5" />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={2}>
        {total === 0 ? 'No SLA targets ran out in this period' : `${formatCount(current.met)} met · ${formatCount(current.breached)} breached`}
        {previous && previous.met + previous.breached > 0 && ` · ${formatPercent(previous.rate)} before`}
      </Text>
    </div>
  );
}

export function TimesSection({ report }: { report: Report }) {
  const basis = useReports((s) => s.timeBasis);
  const { primary: p, comparison: c } = report;
  const labels: [string, string] = [p.label, c?.label ?? ''];
  return (
    <Section
      id="times"
      title="Response and resolution times"
      description={basis === 'business' ? 'In business hours of the SLA calendar' : 'In calendar time, nights and weekends included'}
      controls={<TimeBasisToggle />}
      onOpen={() => drillDown(sideFilter(p))}
      wide
    >
      <div className={classes.stats}>
        <DistributionChart name="first-response" current={p.firstResponse[basis]} previous={c ? c.firstResponse[basis] : null} labels={labels} />
        <DistributionChart name="resolution" current={p.resolution[basis]} previous={c ? c.resolution[basis] : null} labels={labels} />
      </div>
    </Section>
  );
}

export function SlaSection({ report }: { report: Report }) {
  const { primary: p, comparison: c } = report;
  return (
    <Section id="sla" title="SLA attainment" description="Targets met before their deadline, of those that ran out in the period">
      <SlaRow label="First response" current={p.sla.firstResponse} previous={c?.sla.firstResponse ?? null} />
      <SlaRow label="Resolution" current={p.sla.resolution} previous={c?.sla.resolution ?? null} />
    </Section>
  );
}
