/**
 * `hearken report` and `hearken export` as a script runs them: a PDF printed by the local
 * Chromium; the numbers of --json found again, exactly, in the HTML (data-value), the XLSX
 * cells and the CSV files (summary, topics, volume); the conversation rows as many as the
 * store holds; and usage mistakes answered with exit 2 and a line saying what to write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src/shared/domain';
import type { PeriodFigures, Report } from '../../src/shared/reports/schema';
import { expectNoStackTrace } from '../helpers/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hearken-cli-reports-'));
const dataDir = join(dir, 'inbox');
const env = { ...process.env, HK_PASS: 'correct horse battery staple', HEARKEN_NO_KEYCHAIN: '1' };
const CHROMIUM = '/usr/bin/chromium';

function hearken(args: string[]) {
  const run = spawnSync(process.execPath, ['bin/hearken.mjs', ...args, '--data-dir', dataDir, '--passphrase-env', 'HK_PASS'], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  expectNoStackTrace({ status: run.status, stdout: run.stdout, stderr: run.stderr });
  return run;
}

// The demo inbox is dated relative to today: the last 60 days hold most of it, the 60 before the rest.
const day = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const PERIOD = ['--from', day(60), '--to', day(0), '--time-zone', 'UTC', '--compare', 'previous'];

let report: Report;

beforeAll(() => {
  expect(hearken(['init']).status).toBe(0);
  expect(hearken(['demo']).status).toBe(0);
  const run = hearken(['report', ...PERIOD, '--json', '--format', 'html', '--out', join(dir, 'report.html')]);
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(run.stdout) as Report;
  expect(report.comparison).not.toBeNull();
  expect(report.primary.total).toBeGreaterThan(100);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = string | number | null;

/** What every file must carry, read from --json alone (not through the tables code). */
function expected(r: Report) {
  const p = r.primary;
  const c = r.comparison!;
  const basis = r.businessHours ? 'business' : 'calendar';
  const share = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  const summaryOf = (f: PeriodFigures): { value: number | null; kind: 'int' | 'percent' | 'duration' }[] => [
    { value: f.total, kind: 'int' },
    { value: share(f.bySentiment.negative, f.total), kind: 'percent' },
    { value: f.escalation.rate, kind: 'percent' },
    { value: f.firstResponse[basis].median, kind: 'duration' },
    { value: f.resolution[basis].median, kind: 'duration' },
    { value: f.sla.firstResponse.rate, kind: 'percent' },
    { value: f.sla.resolution.rate, kind: 'percent' },
    { value: f.backlog.atStart, kind: 'int' },
    { value: f.backlog.atEnd, kind: 'int' },
    { value: f.repeat.rate, kind: 'percent' },
  ];
  const topics = new Map<string, [number, number]>();
  for (const t of p.topics) topics.set(t.name, [t.count, 0]);
  for (const t of c.topics) topics.set(t.name, [topics.get(t.name)?.[0] ?? 0, t.count]);
  const volume = p.series.labels.map((label, i) => {
    const perChannel = channels.map((ch) => p.series.volumeByChannel[ch]![i]!);
    return { label, counts: [...perChannel, perChannel.reduce((a, b) => a + b, 0), p.series.escalated[i]!] };
  });
  return { primary: summaryOf(p), comparison: summaryOf(c), topics, volume };
}

/** Cells of one table as each file holds them: rows of cells, header row left out. */
type Rows = Cell[][];

function htmlTable(html: string, name: string): Rows {
  const section = new RegExp(`<section[^>]*data-table="${name}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  expect(section, `table ${name} in the HTML`).not.toBeNull();
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(section![1]!)![1]!;
  const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/data-value="([^"]*)"/g)].map((m) => JSON.parse(unescape(m[1]!)) as Cell));
}

/** RFC 4180, enough for our own files: quoted cells, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV units: shares in percent and times in minutes, to two decimals; counts as they are. */
function csvOf(value: number | null, kind: 'int' | 'percent' | 'duration'): string {
  if (value === null) return '';
  const round2 = (x: number): string => {
    const r = Math.round(x * 100) / 100;
    return String(r === 0 ? 0 : r);
  };
  if (kind === 'percent') return round2(value * 100);
  if (kind === 'duration') return round2(value / 60_000);
  return String(value);
}

/** XLSX units: full numbers; times in hours. */
function xlsxOf(value: number | null, kind: 'int' | 'percent' | 'duration'): number | null {
  if (value === null) return null;
  return kind === 'duration' ? value / 3_600_000 : value;
}

async function xlsxTables(path: string): Promise<Map<string, Rows>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const tables = new Map<string, Rows>();
  book.eachSheet((sheet) => {
    const rows: Rows = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(values.map((v) => (v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : (v as string | number))));
    });
    tables.set(sheet.name, rows);
  });
  return tables;
}

describe('hearken report: the same numbers in every format', () => {
  it('the HTML carries --json’s summary, topics and volume exactly', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const want = expected(report);
    const summary = htmlTable(html, 'summary');
    expect(summary.map((r) => r[1])).toEqual(want.primary.map((f) => f.value));
    expect(summary.map((r) => r[2])).toEqual(want.comparison.map((f) => f.value));
    const topics = new Map(htmlTable(html, 'topics').map((r) => [r[0] as string, [r[1], r[3]]]));
    expect(topics).toEqual(want.topics);
    const volume = htmlTable(html, 'volume-by-channel');
    expect(volume.map((r) => ({ label: r[0], counts: r.slice(2, 2 + channels.length + 2) }))).toEqual(want.volume);
  });

  it('the XLSX cells carry them too (times in hours)', async () => {
    const out = join(dir, 'report.xlsx');
    const run = hearken(['report', ...PERIOD, '--format', 'xlsx', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote the report (XLSX) to ${out}.\n`);
    const want = expected(report);
    const tables = await xlsxTables(out);
    const summary = tables.get('summary')!;
    expect(summary.map((r) => r[1] ?? null)).toEqual(want.primary.map((f) => xlsxOf(f.value, f.kind)));
    expect(summary.map((r) => r[2] ?? null)).toEqual(want.comparison.map((f) => xlsxOf(f.value, f.kind)));
    expect(new Map(tables.get('topics')!.map((r) => [r[0] as string, [r[1], r[3]]]))).toEqual(want.topics);
    const volume = tables.get('volume-by-channel')!;
    expect(volume.map((r) => ({ label: r[0], counts: r.slice(2, 2 + channels.length + 2) }))).toEqual(want.volume);
  }, 120_000);

  it('the CSV folder carries them too (shares in %, times in minutes, to two decimals)', () => {
    const out = join(dir, 'csv');
    const run = hearken(['report', ...PERIOD, '--format', 'csv', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['summary.csv', 'topics.csv', 'volume-by-channel.csv']));
    const want = expected(report);
    const summary = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8')).slice(1);
    expect(summary.map((r) => r[1])).toEqual(want.primary.map((f) => csvOf(f.value, f.kind)));
    expect(summary.map((r) => r[2])).toEqual(want.comparison.map((f) => csvOf(f.value, f.kind)));
    const topics = parseCsv(readFileSync(join(out, 'topics.csv'), 'utf8')).slice(1);
    expect(new Map(topics.map((r) => [r[0]!, [Number(r[1]), Number(r[3])]]))).toEqual(want.topics);
    const volume = parseCsv(readFileSync(join(out, 'volume-by-channel.csv'), 'utf8')).slice(1);
    expect(volume.map((r) => ({ label: r[0], counts: r.slice(2, 2 + channels.length + 2).map(Number) }))).toEqual(want.volume);
  }, 120_000);

  it('without --out or --json, a readable summary with the same totals', () => {
    const run = hearken(['report', ...PERIOD]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Report ${report.primary.label}, against ${report.comparison!.label} (UTC)`);
    expect(run.stdout).toMatch(new RegExp(`Items\\s+${report.primary.total.toLocaleString('en-GB')}\\s+\\(${report.comparison!.total.toLocaleString('en-GB')}\\)`));
  }, 120_000);
});

describe('hearken report --format pdf', () => {
  it.skipIf(!existsSync(CHROMIUM))('prints a PDF with the local Chromium', () => {
    const out = join(dir, 'weekly.pdf');
    const run = hearken(['report', ...PERIOD, '--format', 'pdf', '--chromium', CHROMIUM, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 180_000);

  it('without a browser: exit 1, and says HTML writes the same report', () => {
    const run = hearken(['report', ...PERIOD, '--format', 'pdf', '--chromium', join(dir, 'no-such-chrome'), '--out', join(dir, 'x.pdf')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('hearken: No Chromium or Chrome found for PDF. Install one or pass --chromium PATH; --format html writes the same report.\n');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('hearken report: usage mistakes exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['--from', '2026-02-30', '--to', '2026-03-31'], /--from "2026-02-30" is not a date; write it as YYYY-MM-DD/],
    [['--from', '1.11.2026', '--to', '2026-11-30'], /--from "1\.11\.2026" is not a date/],
    [['--from', '2026-11-30', '--to', '2026-11-01'], /--to \(2026-11-01\) is before --from \(2026-11-30\)/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--compare', 'sideways'], /--compare "sideways" is not a comparison; use previous, year, product:A,B or channel:A,B/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--compare', 'channel:email,fax'], /"fax" is not a channel/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--compare', 'product:Lumo'], /is not a comparison/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--format', 'docx', '--out', 'x.docx'], /--format must be one of html, pdf, csv, xlsx/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--format', 'html'], /--format html needs --out/],
    [['--from', '2026-11-01', '--to', '2026-11-30', '--time-zone', 'Mars/Olympus'], /"Mars\/Olympus" is not a time zone/],
    [['--to', '2026-11-30'], /required option '--from <date>'/],
  ];
  it.each(cases)('report %j', (args, message) => {
    const run = hearken(['report', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('hearken export', () => {
  it('writes one CSV row per conversation: as many as the store holds', () => {
    const stats = JSON.parse(hearken(['stats', '--json']).stdout) as { total: number };
    const out = join(dir, 'rows.csv');
    const run = hearken(['export', '--format', 'csv', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ path: out, view: 'All feedback', format: 'csv', count: stats.total });
    expect(parseCsv(readFileSync(out, 'utf8')).filter((r) => r.length > 1)).toHaveLength(stats.total + 1);
  }, 120_000);

  it('a view by name: JSON lines, as many as the view counts', () => {
    const listed = JSON.parse(hearken(['list', '--view', 'inbox', '--json', '--limit', '1']).stdout) as { total: number };
    const out = join(dir, 'inbox.jsonl');
    const run = hearken(['export', '--view', 'inbox', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${listed.total} conversations (Inbox) to ${out}.\n`);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(listed.total);
  }, 120_000);

  it('a view that does not exist names those that do (exit 1); a format it cannot write is a usage error (exit 2)', () => {
    const missing = hearken(['export', '--view', 'Nope', '--format', 'csv', '--out', join(dir, 'n.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No view is called "Nope"\. Views: Inbox, /);
    const bad = hearken(['export', '--format', 'pdf', '--out', join(dir, 'n.pdf')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('hearken: --format must be one of csv, xlsx, jsonl; not "pdf".\n');
  }, 120_000);
});
