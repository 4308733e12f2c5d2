/**
 * The charts section of the HTML report: which figures of the report each chart draws.
 * The drawing itself is svg.ts's.
 */
import { channelLabels, channels } from '../domain';
import { esc } from './svg-kit';
import { formatDuration, formatInt, formatPercent, shortBucketLabel } from './format';
import type { PeriodFigures, Report, TimeBasis } from './schema';
import { attainmentSvg, barListSvg, lineSvg, reportColors, shareBarsSvg, stackedBarsSvg, type BarRow } from './svg';

const TOP = 10;

function figure(title: string, svg: string, caption?: string): string {
  return `<figure class="chart-block"><h3>${esc(title)}</h3>${svg}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

function countOf(list: { name: string; count: number }[] | undefined, name: string): number | null {
  if (!list) return null;
  return list.find((x) => x.name === name)?.count ?? 0;
}

function named(list: { name: string; count: number }[], against: { name: string; count: number }[] | undefined): BarRow[] {
  return list.slice(0, TOP).map((x) => ({ label: x.name, value: x.count, previous: countOf(against, x.name) }));
}

export interface ChartGroups {
  /** What customers wrote: volume, sentiment, topics, emerging terms. */
  customers: string;
  /** How the team did: times, SLA, backlog, escalations, agents. */
  service: string;
  /** AI quality; empty when no AI was used in either period. */
  ai: string;
}

/** Every chart of the report, in reading order and grouped; `basis` picks the times shown. */
export function chartsHtml(report: Report, basis: TimeBasis): ChartGroups {
  const p = report.primary;
  const c = report.comparison;
  const labels = p.series.labels.map(shortBucketLabel);
  const per = report.scope.granularity;
  let out: string[] = [];
  const groups: ChartGroups = { customers: '', service: '', ai: '' };

  out.push(
    figure(
      `Volume by channel, per ${per}`,
      stackedBarsSvg({
        title: `Items per ${per} by channel`,
        labels,
        series: channels.map((ch) => ({ key: ch, label: channelLabels[ch], color: reportColors.channel[ch], values: p.series.volumeByChannel[ch] ?? [] })),
      }),
    ),
  );

  const s = p.series.sentiment;
  out.push(
    figure(
      `Sentiment share, per ${per}`,
      shareBarsSvg({
        title: `Share of items by sentiment per ${per}`,
        labels,
        series: [
          { key: 'negative', label: 'Negative', color: reportColors.sentiment.negative, values: s.negative },
          { key: 'neutral', label: 'Neutral', color: reportColors.sentiment.neutral, values: s.neutral },
          { key: 'positive', label: 'Positive', color: reportColors.sentiment.positive, values: s.positive },
          { key: 'unknown', label: 'Not analysed', color: reportColors.sentiment.unknown, values: s.unknown },
        ],
      }),
    ),
  );

  out.push(
    figure(
      c ? `Top topics against ${c.label}` : 'Top topics',
      barListSvg({
        title: 'Items per topic',
        rows: named(p.topics, c?.topics),
        currentLabel: p.label,
        ...(c ? { previousLabel: c.label } : {}),
        emptyText: 'No topics in this period',
      }),
      c && p.topics.length > 0 ? 'Bars: this period. Dark marks: the comparison. Changes are in items.' : undefined,
    ),
  );

  if (report.emerging.terms.length > 0) {
    out.push(
      figure(
        'Emerging terms',
        barListSvg({
          title: 'Terms more frequent in the recent items than before',
          rows: report.emerging.terms.slice(0, TOP).map((t) => ({ label: t.term, value: t.recent, previous: t.previous })),
          color: '#fd7e14',
          currentLabel: 'Recent items',
          previousLabel: 'Before',
        }),
        `Read from ${formatInt(report.emerging.sampled.recent)} recent and ${formatInt(report.emerging.sampled.previous)} earlier items.`,
      ),
    );
  }

  groups.customers = out.join('\n');
  out = [];

  out.push(figure('Response times', timesSvg(p, c, basis), `Median and 90th percentile, in ${basis === 'business' ? 'business hours (the SLA calendar)' : 'calendar time'}.`));

  out.push(
    figure(
      'SLA attainment',
      attainmentSvg({
        title: 'SLA outcomes, met against breached',
        rows: [
          { label: `First response, ${p.label}`, ...p.sla.firstResponse },
          ...(c ? [{ label: `First response, ${c.label}`, ...c.sla.firstResponse }] : []),
          { label: `Resolution, ${p.label}`, ...p.sla.resolution },
          ...(c ? [{ label: `Resolution, ${c.label}`, ...c.sla.resolution }] : []),
        ],
      }),
    ),
  );

  out.push(
    figure(
      `Backlog at the end of each ${per}`,
      lineSvg({
        title: `Open items at the end of each ${per}`,
        labels,
        series: [{ key: 'backlog', label: 'Open items', color: reportColors.accent, values: p.series.backlog }],
      }),
    ),
  );

  out.push(
    figure(
      'Escalation reasons',
      barListSvg({
        title: 'Escalated items by reason',
        rows: named(p.escalation.byReason, c?.escalation.byReason),
        color: '#e8590c',
        currentLabel: p.label,
        ...(c ? { previousLabel: c.label } : {}),
        emptyText: 'No escalations in this period',
      }),
    ),
  );

  const agents = p.agents.slice(0, 12);
  out.push(
    figure(
      'Per agent',
      barListSvg({
        title: 'Items assigned per agent',
        rows: agents.map((a) => ({ label: a.agent ?? 'Unassigned', value: a.assigned, text: `${formatInt(a.assigned)} · ${formatInt(a.resolved)} resolved` })),
        color: '#5c7cfa',
        currentLabel: 'Assigned',
        emptyText: 'No items assigned in this period',
      }),
      p.agents.length > agents.length ? `The ${agents.length} agents with most items; all ${p.agents.length} are in the table.` : undefined,
    ),
  );

  groups.service = out.join('\n');
  out = [];

  const drafts = p.ai.drafts;
  if (drafts.unchanged + drafts.edited + drafts.discarded > 0 || (c && c.ai.drafts.unchanged + c.ai.drafts.edited + c.ai.drafts.discarded > 0)) {
    const was = c?.ai.drafts;
    out.push(
      figure(
        'AI drafts: what agents did with them',
        barListSvg({
          title: 'AI drafts by outcome',
          rows: [
            { label: 'Sent unchanged', value: drafts.unchanged, previous: was ? was.unchanged : null },
            { label: 'Edited, then sent', value: drafts.edited, previous: was ? was.edited : null },
            { label: 'Discarded', value: drafts.discarded, previous: was ? was.discarded : null },
          ],
          color: '#7048e8',
          currentLabel: p.label,
          ...(c ? { previousLabel: c.label } : {}),
        }),
        drafts.medianEditDistance !== null ? `Median edit before sending: ${formatInt(drafts.medianEditDistance)} characters.` : undefined,
      ),
    );
  }

  const languages = p.ai.overrides.byLanguage.filter((g) => g.items > 0).slice(0, TOP);
  if (languages.some((g) => g.sentimentOverrides + g.topicOverrides > 0)) {
    out.push(
      figure(
        'Corrections of the analysis, by language',
        barListSvg({
          title: 'Share of items whose sentiment a person corrected, by language',
          // Per mille, so the bars keep the rates' proportions; the text gives the rate itself.
          rows: languages.map((g) => ({
            label: g.key,
            value: Math.round((g.sentimentRate ?? 0) * 1000),
            text: `${formatPercent(g.sentimentRate)} sentiment · ${formatPercent(g.topicRate)} topics`,
          })),
          color: '#ae3ec9',
          valueWidth: 196,
          currentLabel: 'Sentiment corrected',
        }),
        'Unequal rates mean the analysis serves some customers less well than others.',
      ),
    );
  }

  groups.ai = out.join('\n');
  return groups;
}

function timesSvg(p: PeriodFigures, c: PeriodFigures | null, basis: TimeBasis): string {
  const row = (label: string, get: (f: PeriodFigures) => number | null): BarRow => {
    const value = get(p);
    const previous = c ? get(c) : null;
    return { label, value: value ?? 0, previous, text: `${formatDuration(value)}${previous !== null && c ? ` (was ${formatDuration(previous)})` : ''}` };
  };
  const rows = [
    row('First response, median', (f) => f.firstResponse[basis].median),
    row('First response, p90', (f) => f.firstResponse[basis].p90),
    row('Resolution, median', (f) => f.resolution[basis].median),
    row('Resolution, p90', (f) => f.resolution[basis].p90),
  ];
  const any = p.firstResponse[basis].count + p.resolution[basis].count > 0;
  return barListSvg({
    title: 'Response and resolution times',
    rows: any ? rows : [],
    color: '#15aabf',
    valueWidth: c ? 196 : 118,
    currentLabel: p.label,
    ...(c ? { previousLabel: c.label } : {}),
    emptyText: 'No replies or resolutions in this period',
  });
}
