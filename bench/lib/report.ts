/**
 * The figures of a run, the printed table, the JSON file and the comparison with an
 * earlier run. A figure is { value, unit, target }: target is a string such as ">= 50000"
 * or "<= 10" (null when the issue sets none); value is null when the measure could not run.
 */
import { readFileSync } from 'node:fs';

export interface Figure {
  value: number | null;
  unit: string;
  target: string | null;
  /** A short note shown in the table (what was measured, why a value is missing). */
  note?: string;
}

export type Figures = Record<string, Figure>;

export interface BenchResult {
  format: 'hearken-bench';
  version: 1;
  items: number;
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  durationS: number;
  machine: Record<string, unknown>;
  versions: Record<string, string | null>;
  settings: Record<string, unknown>;
  notes: string[];
  figures: Figures;
  /** Per-query timings, splits and experiment results behind the figures. */
  details: Record<string, unknown>;
}

export class FigureSet {
  readonly figures: Figures = {};

  set(name: string, value: number | null, unit: string, target: string | null = null, note?: string): void {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Figure names are snake_case: ${name}`);
    const rounded = value === null || !Number.isFinite(value) ? null : Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
    this.figures[name] = { value: rounded, unit, target, ...(note ? { note } : {}) };
  }
}

/** Whether a value meets a target like ">= 50000", "<= 10", "< 16". Null when unknown. */
export function meets(value: number | null, target: string | null): boolean | null {
  if (value === null || target === null) return null;
  const m = /^\s*(<=|>=|<|>)\s*(-?[\d.]+)\s*$/.exec(target);
  if (!m) return null;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<=':
      return value <= limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    default:
      return value > limit;
  }
}

function formatValue(value: number | null): string {
  if (value === null) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(value);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatTable(figures: Figures): string {
  const rows = Object.entries(figures).map(([name, f]) => {
    const ok = meets(f.value, f.target);
    return [name, formatValue(f.value), f.unit, f.target ?? '', ok === null ? '' : ok ? 'ok' : 'MISSED', f.note ?? ''];
  });
  const header = ['figure', 'value', 'unit', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  widths[5] = Math.min(widths[5] as number, 70);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(i === 5 && c.length > 70 ? `${c.slice(0, 69)}…` : c, widths[i] as number, i === 1))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Which way is better for a figure: from its target, else from its unit. */
function higherIsBetter(name: string, f: Figure): boolean {
  if (f.target) return f.target.trim().startsWith('>');
  return /per_s$|_per_s_|items\/s|MB\/s/.test(`${name} ${f.unit}`);
}

export function readResult(file: string): BenchResult {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.figures !== 'object') throw new Error(`${file} is not a bench result (no "figures")`);
  return parsed;
}

/** new/old per figure; a change of more than 10% the wrong way is flagged. */
export function formatComparison(oldRun: BenchResult, newRun: BenchResult): string {
  const names = [...new Set([...Object.keys(newRun.figures), ...Object.keys(oldRun.figures)])];
  const rows = names.map((name) => {
    const a = oldRun.figures[name];
    const b = newRun.figures[name];
    const ratio = a?.value && b?.value !== null && b?.value !== undefined ? b.value / a.value : null;
    let verdict = '';
    if (ratio !== null && b) {
      const better = higherIsBetter(name, b) ? ratio > 1 : ratio < 1;
      if (Math.abs(ratio - 1) > 0.1) verdict = better ? 'better' : 'REGRESSION';
    }
    return [name, formatValue(a?.value ?? null), formatValue(b?.value ?? null), b?.unit ?? a?.unit ?? '', ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`, verdict];
  });
  const header = ['figure', 'old', 'new', 'unit', 'new/old', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] as number, i === 1 || i === 2 || i === 4))
      .join('  ')
      .trimEnd();
  const title = `Compared with ${oldRun.startedAt} (${oldRun.items.toLocaleString('en-US')} items) → ${newRun.startedAt} (${newRun.items.toLocaleString('en-US')} items)`;
  const warn = oldRun.items !== newRun.items ? '\nNote: the two runs used different item counts; ratios compare unlike sizes.' : '';
  return [title + warn, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
