import { describe, expect, it } from 'vitest';
import { shortBucketLabel } from '../../src/shared/reports/format';
import { attainmentSvg, barListSvg, emptyChart, lineSvg, reportColors, shareBarsSvg, stackedBarsSvg, type TimeSeries } from '../../src/shared/reports/svg';
import { countTicks } from '../../src/shared/reports/svg-kit';

const labels = ['3 Nov', '4 Nov', '5 Nov'];
const series: TimeSeries[] = [
  { key: 'email', label: 'E-mail', color: reportColors.channel.email, values: [2, 0, 4] },
  { key: 'chat', label: 'Chat', color: reportColors.channel.chat, values: [1, 3, 0] },
];

/** The bars (rects with a tooltip) a chart drew, as their tooltips. */
const tips = (svg: string): string[] => [...svg.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => m[1] ?? '');
const heights = (svg: string): number[] => [...svg.matchAll(/<rect [^>]*height="([\d.]+)"[^>]*><title>/g)].map((m) => Number(m[1]));

describe('report charts', () => {
  it('are accessible images with a title and a description', () => {
    for (const svg of [
      stackedBarsSvg({ title: 'Volume', labels, series }),
      shareBarsSvg({ title: 'Share', labels, series }),
      lineSvg({ title: 'Backlog', labels, series: [series[0]!] }),
      barListSvg({ title: 'Topics', rows: [{ label: 'Refunds', value: 3, previous: 1 }] }),
      attainmentSvg({ title: 'SLA', rows: [{ label: 'First response', met: 3, breached: 1 }] }),
      emptyChart('Nothing'),
    ]) {
      expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 640 [\d.]+" width="100%" role="img" aria-label="[^"]+"/);
      expect(svg).toMatch(/<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg).not.toContain('http');
    }
  });

  it('stack counts per bucket, one bar per non-zero value, heights in proportion', () => {
    const svg = stackedBarsSvg({ title: 'Volume', labels, series });
    expect(tips(svg)).toEqual(['3 Nov, E-mail: 2', '3 Nov, Chat: 1', '4 Nov, E-mail: 0', '4 Nov, Chat: 3', '5 Nov, E-mail: 4'].filter((t) => !t.endsWith(': 0')));
    const [a, b, c, d] = heights(svg);
    // Ticks 0..4 (step 1): 2 items are half of 4, and twice 1 (coordinates are kept to a tenth).
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(a! / d!).toBeCloseTo(2 / 4, 2);
    expect(a! / b!).toBeCloseTo(2, 1);
    expect(c! / b!).toBeCloseTo(3, 1);
    expect(svg).toContain('aria-label="Volume. 10 items over 3 periods, stacked by E-mail, Chat."');
  });

  it('show shares of 100 %, and an empty bucket as an empty column', () => {
    const svg = shareBarsSvg({ title: 'Share', labels, series: [{ ...series[0]!, values: [1, 0, 3] }, { ...series[1]!, values: [3, 0, 1] }] });
    expect(tips(svg)).toEqual(['3 Nov, E-mail: 25.0 % (1 of 4)', '3 Nov, Chat: 75.0 % (3 of 4)', '4 Nov: no items', '5 Nov, E-mail: 75.0 % (3 of 4)', '5 Nov, Chat: 25.0 % (1 of 4)']);
    expect(svg).toContain('>100 %</text>');
  });

  it('say so in words when there is nothing to draw', () => {
    expect(stackedBarsSvg({ title: 'Volume', labels, series: series.map((s) => ({ ...s, values: [0, 0, 0] })) })).toContain('>No items in this period</text>');
    expect(stackedBarsSvg({ title: 'Volume', labels: [], series: [] })).toContain('>No items in this period</text>');
    expect(shareBarsSvg({ title: 'Share', labels: [], series: [] })).toContain('No items in this period');
    expect(lineSvg({ title: 'Backlog', labels, series: [{ ...series[0]!, values: [0, 0, 0] }] })).toContain('No items in this period');
    expect(barListSvg({ title: 'Topics', rows: [], emptyText: 'No topics in this period' })).toContain('>No topics in this period</text>');
    expect(attainmentSvg({ title: 'SLA', rows: [{ label: 'First response', met: 0, breached: 0 }] })).toContain('>No SLA outcomes in this period</text>');
  });

  it('escape every text: labels, titles, legends', () => {
    const hostile = '<img src=x onerror="alert(1)">&';
    const svgs = [
      stackedBarsSvg({ title: hostile, labels: [hostile], series: [{ ...series[0]!, label: hostile, values: [1] }] }),
      barListSvg({ title: hostile, rows: [{ label: hostile, value: 2, previous: 1 }], currentLabel: hostile, previousLabel: hostile }),
      attainmentSvg({ title: hostile, rows: [{ label: hostile, met: 1, breached: 1 }] }),
      lineSvg({ title: hostile, labels: [hostile, 'b'], series: [{ ...series[0]!, label: hostile, values: [1, 2] }] }),
      emptyChart(hostile, hostile),
    ];
    for (const svg of svgs) {
      expect(svg).not.toContain('<img');
      expect(svg).not.toMatch(/ onerror="/);
      expect(svg).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    }
  });

  it('thin the axis labels of many buckets so they never crowd', () => {
    const many = Array.from({ length: 240 }, (_, i) => `M${i}`);
    const svg = stackedBarsSvg({ title: 'Twenty years', labels: many, series: [{ ...series[0]!, values: many.map((_, i) => i % 7) }] });
    const shown = [...svg.matchAll(/<text [^>]*>(M\d+)<\/text>/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(4);
    expect(shown.length).toBeLessThanOrEqual(10);
    expect(shown[0]).toBe('M0');
    // 240 bars still drawn, each at least one unit wide.
    expect(tips(svg)).toHaveLength(many.filter((_, i) => i % 7 !== 0).length);
    for (const m of svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*><title>/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(1);
  });

  it('write the change against the comparison with an arrow, and cut long labels with the full text kept', () => {
    const svg = barListSvg({
      title: 'Topics',
      rows: [
        { label: 'Refunds', value: 12, previous: 8 },
        { label: 'Shipping', value: 5, previous: 9 },
        { label: 'Login', value: 4, previous: 4 },
        { label: 'A topic with a very long name that cannot fit in the label column at all', value: 2, previous: 0 },
      ],
      currentLabel: 'This period',
      previousLabel: 'Before',
    });
    expect(svg).toContain('>12  ▲ +4</text>');
    expect(svg).toContain('>5  ▼ −4</text>');
    expect(svg).toContain('>4  ±0</text>');
    expect(svg).toContain('>2  new</text>');
    expect(svg).toContain('<title>A topic with a very long name that cannot fit in the label column at all</title>');
    expect(svg).toMatch(/>A topic with a very long[^<]*…<title>/);
    expect(svg).toContain('>Before</text>');
  });

  it('give SLA attainment as a rate', () => {
    const svg = attainmentSvg({ title: 'SLA', rows: [{ label: 'First response', met: 5, breached: 1 }, { label: 'Resolution', met: 0, breached: 0 }] });
    expect(svg).toContain('>83.3 % met</text>');
    expect(svg).toContain('>no outcomes</text>');
  });

  it('shorten bucket labels for the axis', () => {
    expect(['2026-11-03', '2026-W45', '2026-11', 'other'].map(shortBucketLabel)).toEqual(['3 Nov', 'W45', 'Nov 26', 'other']);
  });
});
