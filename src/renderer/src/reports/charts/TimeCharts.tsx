/**
 * The time series: volume by channel, sentiment share, and backlog. A bar opens the items
 * of its bucket (and channel or sentiment); the comparison sits beside as a grey bar or a
 * dashed line, aligned by position in the period.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { channelLabels, type Channel } from '../../../../shared/domain';
import type { FeedbackFilter } from '../../../../shared/contract';
import type { Report } from '../../../../shared/reports/schema';
import { sentimentLabels } from '../../inbox/model/labels';
import { drillDown } from '../flows';
import { bucketRange, narrowed, sideFilter } from '../model/drill';
import { formatCount, formatPercent } from '../model/format';
import { backlogRows, channelsShown, comparisonKey, sentimentRows, sentimentShares, volumeRows } from '../model/series';
import classes from '../reports.module.css';
import { cssColor, Legend } from './Legend';
import { channelColors, comparisonColor, sentimentChartColors } from './palette';

const chartHeight = 240;

/** Recharts hands the clicked bar's row as `payload`; only its index matters here. */
function indexOf(data: unknown): number | null {
  const payload = (data as { payload?: { index?: unknown } } | null)?.payload;
  return typeof payload?.index === 'number' ? payload.index : null;
}

function openBucket(report: Report, index: number, extra: FeedbackFilter, side: 'primary' | 'comparison' = 'primary'): void {
  const figures = side === 'primary' ? report.primary : report.comparison;
  if (!figures) return;
  drillDown(narrowed(sideFilter(figures), { ...bucketRange(figures.series, index, figures), ...extra }));
}

function tickLabel(label: string): string {
  // "2026-11-03" reads as "3 Nov"; weeks and months keep their own short form.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (!m) return label;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

export function VolumeChart({ report }: { report: Report }) {
  const shown = channelsShown(report);
  const comparing = report.comparison !== null;
  const series = [
    ...shown.map((c) => ({ name: c, label: channelLabels[c], color: channelColors[c], stackId: 'primary' })),
    ...(comparing ? [{ name: comparisonKey, label: report.comparison?.label ?? 'Comparison', color: comparisonColor, stackId: 'comparison' }] : []),
  ];
  return (
    <div className={classes.chartClickable} data-testid="volume-chart">
      <Legend entries={series.map((s) => ({ label: s.label, color: s.color }))} />
      <BarChart
        h={chartHeight}
        mt={8}
        data={volumeRows(report)}
        dataKey="label"
        series={series}
        xAxisProps={{ tickFormatter: tickLabel, minTickGap: 12 }}
        valueFormatter={formatCount}
        maxBarWidth={28}
        barProps={(s) => ({
          onClick: (data: unknown) => {
            const index = indexOf(data);
            if (index === null) return;
            if (s.name === comparisonKey) openBucket(report, index, {}, 'comparison');
            else openBucket(report, index, { channel: [s.name as Channel] });
          },
        })}
      />
    </div>
  );
}

export function SentimentChart({ report }: { report: Report }) {
  const keys = (['negative', 'neutral', 'positive', 'unknown'] as const).filter((k) => k !== 'unknown' || report.primary.bySentiment.unknown > 0);
  const series = keys.map((k) => ({ name: k, label: k === 'unknown' ? 'Not analysed' : sentimentLabels[k], color: sentimentChartColors[k] }));
  const sides = report.comparison ? [report.primary, report.comparison] : [];
  return (
    <div className={classes.chartClickable} data-testid="sentiment-chart">
      {sides.length > 0 && (
        <div className={classes.sideShares}>
          {sides.map((side) => (
            <SideShare key={side.label} side={side} />
          ))}
        </div>
      )}
      <Legend entries={series.map((s) => ({ label: s.label, color: s.color }))} />
      <BarChart
        h={report.comparison ? 270 : 320}
        mt={8}
        data={sentimentRows(report.primary)}
        dataKey="label"
        type="percent"
        series={series}
        xAxisProps={{ tickFormatter: tickLabel, minTickGap: 12 }}
        maxBarWidth={28}
        barProps={(s) => ({
          onClick: (data: unknown) => {
            const index = indexOf(data);
            if (index === null) return;
            openBucket(report, index, s.name === 'unknown' ? {} : { sentiment: [s.name as 'negative' | 'neutral' | 'positive'] });
          },
        })}
      />
    </div>
  );
}

/** One side's whole-period sentiment as a strip, with its negative share. */
function SideShare({ side }: { side: Report['primary'] }) {
  const shares = sentimentShares(side);
  return (
    <>
      <Text size="xs" c="dimmed">
        {side.label}
      </Text>
      <div className={classes.shareStrip} role="img" aria-label={`${side.label}: ${shares.map((s) => `${s.key} ${formatPercent(s.share)}`).join(', ')}`}>
        {shares.map((s) => (
          <span key={s.key} style={{ width: `${s.share * 100}%`, background: cssColor(sentimentChartColors[s.key]) }} />
        ))}
      </div>
      <Text size="xs" ta="right" fw={600} c="red.7" title="Negative">
        {formatPercent(side.total > 0 ? side.bySentiment.negative / side.total : null)}
      </Text>
    </>
  );
}

export function BacklogChart({ report }: { report: Report }) {
  const comparing = report.comparison !== null;
  const series = [
    { name: 'backlog', label: report.primary.label, color: 'indigo.6' },
    ...(comparing ? [{ name: 'comparison', label: report.comparison?.label ?? 'Comparison', color: 'gray.6', strokeDasharray: '5 4' }] : []),
  ];
  return (
    <div data-testid="backlog-chart">
      <Legend entries={series.map((s) => ({ label: s.label, color: s.color, dashed: s.name === 'comparison' }))} />
      <LineChart
        h={chartHeight - 40}
        mt={8}
        data={backlogRows(report)}
        dataKey="label"
        series={series}
        xAxisProps={{ tickFormatter: tickLabel, minTickGap: 12 }}
        valueFormatter={formatCount}
        curveType="monotone"
        withDots={false}
      />
    </div>
  );
}
