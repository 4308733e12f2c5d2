/**
 * The pieces every report chart is drawn with: escaping, the frame with its accessible
 * name, a count axis with round ticks, and the legend. Charts are strings of SVG so the
 * HTML export carries them inline, with nothing to fetch and no script to run.
 */
import type { Channel } from '../domain';
import { formatInt } from './format';

/**
 * The app's palette (Mantine's shades in theme.ts and inbox/model/labels.ts): indigo is the
 * brand, sentiment is red / gray / teal as in the inbox. Every hue is also told in words
 * (legend, labels), so colour is never the only cue.
 */
export const reportColors = {
  ink: '#212529',
  text: '#343a40',
  muted: '#5c636a',
  axis: '#adb5bd',
  grid: '#e9ecef',
  faint: '#f1f3f5',
  accent: '#4c6ef5',
  compare: '#343a40',
  met: '#12b886',
  breached: '#fa5252',
  channel: { email: '#4c6ef5', chat: '#15aabf', survey: '#845ef7', review: '#fd7e14', social: '#e64980' } satisfies Record<Channel, string>,
  sentiment: { negative: '#fa5252', neutral: '#adb5bd', positive: '#12b886', unknown: '#dee2e6' },
} as const;

/** The drawing width; the SVG scales to its box, and at A4 print width 1 unit is about 1 CSS px. */
export const CHART_WIDTH = 640;
export const FONT = 11;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for XML content and attribute values alike. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** A number as an SVG coordinate: short, and never "NaN". */
export function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

/** A rough width of text at the chart's font size, for legends and truncation. */
export function textWidth(text: string, size = FONT): number {
  return text.length * size * 0.56;
}

/** Cuts a label to fit `maxWidth`, with an ellipsis; the full text stays in the element's <title>. */
export function fit(text: string, maxWidth: number, size = FONT): string {
  const max = Math.max(3, Math.floor(maxWidth / (size * 0.56)));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface Frame {
  title: string;
  /** A sentence saying what the chart shows, read by screen readers. */
  description: string;
  height: number;
}

/**
 * The outer <svg>: role img, the accessible name, and a viewBox that scales to the page.
 * No xmlns: the charts live inline in HTML, which needs none, and the export stays free of URLs.
 */
export function frame({ title, description, height }: Frame, body: string): string {
  const label = esc(`${title}. ${description}`);
  return (
    `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${n(height)}" width="100%" role="img" aria-label="${label}" ` +
    `font-size="${FONT}" fill="${reportColors.text}"><title>${esc(title)}</title><desc>${esc(description)}</desc>${body}</svg>`
  );
}

/** A chart with nothing to draw says so in words, in the space the chart would take. */
export function emptyChart(title: string, text = 'No items in this period', height = 84): string {
  const w = CHART_WIDTH;
  return frame(
    { title, description: text, height },
    `<rect x="1" y="1" width="${w - 2}" height="${height - 2}" rx="6" fill="${reportColors.faint}" stroke="${reportColors.grid}"/>` +
      `<text x="${w / 2}" y="${height / 2 + 4}" text-anchor="middle" font-size="12" fill="${reportColors.muted}">${esc(text)}</text>`,
  );
}

/** Round ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten (whole numbers for counts). */
export function countTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = Math.max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
  return ticks;
}

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Horizontal grid lines with their labels at the left of the plot. */
export function yAxis(plot: Plot, ticks: number[], label: (t: number) => string = formatInt): string {
  const top = ticks[ticks.length - 1] ?? 1;
  return ticks
    .map((t) => {
      const y = plot.top + plot.height - (t / top) * plot.height;
      const line = `<line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(y)}" y2="${n(y)}" stroke="${t === 0 ? reportColors.axis : reportColors.grid}" stroke-width="1"/>`;
      return `${line}<text x="${n(plot.left - 6)}" y="${n(y + 3.5)}" text-anchor="end" fill="${reportColors.muted}">${esc(label(t))}</text>`;
    })
    .join('');
}

/**
 * Bucket labels under the plot, thinned to every k-th so they never collide; the first and
 * last are anchored inward so they stay inside the drawing.
 */
export function xLabels(plot: Plot, labels: string[], centre: (i: number) => number): string {
  const slots = Math.max(1, Math.floor(plot.width / 62));
  const every = Math.max(1, Math.ceil(labels.length / slots));
  const y = plot.top + plot.height + 15;
  let out = '';
  for (let i = 0; i < labels.length; i += every) {
    const x = centre(i);
    const anchor = labels.length > 1 && i === 0 && x - plot.left < 24 ? 'start' : 'middle';
    out += `<text x="${n(anchor === 'start' ? Math.max(plot.left, x - 4) : x)}" y="${n(y)}" text-anchor="${anchor}" fill="${reportColors.muted}">${esc(labels[i] ?? '')}</text>`;
  }
  return out;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A short line instead of a square: a comparison marker or a line series. */
  mark?: 'square' | 'line' | 'tick';
}

/** A row of swatches and names at the top left, wrapping when it runs out of width; returns the SVG and its height. */
export function legend(entries: LegendEntry[], x0 = 0, y0 = 0, width = CHART_WIDTH): { svg: string; height: number } {
  let x = x0;
  let y = y0 + 9;
  let svg = '';
  for (const entry of entries) {
    const w = 16 + textWidth(entry.label) + 16;
    if (x + w > x0 + width && x > x0) {
      x = x0;
      y += 16;
    }
    const swatch =
      entry.mark === 'line'
        ? `<line x1="${n(x)}" x2="${n(x + 11)}" y1="${n(y - 4)}" y2="${n(y - 4)}" stroke="${entry.color}" stroke-width="2.5" stroke-linecap="round"/>`
        : entry.mark === 'tick'
          ? `<rect x="${n(x + 4)}" y="${n(y - 10)}" width="2.5" height="12" fill="${entry.color}"/>`
          : `<rect x="${n(x)}" y="${n(y - 9)}" width="10" height="10" rx="2" fill="${entry.color}"/>`;
    svg += `${swatch}<text x="${n(x + 16)}" y="${n(y)}" fill="${reportColors.text}">${esc(entry.label)}</text>`;
    x += w;
  }
  return { svg, height: y - y0 + 8 };
}
