import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/shared/reports/cells';
import { reportTables } from '../../src/shared/reports/tables';
import { sheetName, writeReportCsv, writeReportXlsx } from '../../src/main/core/reports/table-files';
import { FIXTURE_FROM, sampleReport } from '../support/report-fixture';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearken-tables-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const names = reportTables(sampleReport(), 'business').map((t) => t.name);

describe('report tables as CSV', () => {
  it('one file per table, with a BOM, units in the headers, formula-safe text', async () => {
    const files = await writeReportCsv(sampleReport(), 'business', join(dir, 'out'));
    expect(files).toEqual(names.map((n) => join(dir, 'out', `${n}.csv`)));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(names.map((n) => `${n}.csv`).sort());

    const summary = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    expect(summary.charCodeAt(0)).toBe(0xfeff);
    expect(summary.slice(1).split('\r\n')).toEqual([
      'Figure,2–4 Nov 2026,Previous period,Change,"Change (relative, %)"',
      'Items,10,8,2,25',
      'Negative share (%),40,25,15,60',
      'Escalation rate (%),20,12.5,7.5,60',
      '"Median first response (business hours, minutes)",60,90,-30,-33.33',
      '"Median resolution (business hours, minutes)",240,300,-60,-20',
      '"SLA attainment, first response (%)",83.33,60,23.33,38.89',
      '"SLA attainment, resolution (%)",75,,,',
      'Backlog at start,4,3,1,33.33',
      'Backlog at end,4,4,0,0',
      'Repeat contact rate (%),20,12.5,7.5,60',
      '',
    ]);

    const reasons = readFileSync(join(dir, 'out', 'escalation-by-reason.csv'), 'utf8').slice(1).split('\r\n');
    expect(reasons[0]).toBe('Reason,2–4 Nov 2026: items,2–4 Nov 2026: share (%),Previous period: items,Previous period: share (%),Change in share (%)');
    expect(reasons[2]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",1,50,0,0,50`);

    const volume = readFileSync(join(dir, 'out', 'volume-by-channel.csv'), 'utf8').slice(1).split('\r\n');
    expect(volume[1]).toBe('2026-11-02,2026-11-02,2,1,0,0,1,4,1,2026-10-30,4,0');

    const repeat = readFileSync(join(dir, 'out', 'repeat-customers.csv'), 'utf8').slice(1).split('\r\n');
    expect(repeat.slice(1, 3)).toEqual(['Zoë Müller,c1,3,2', "'+Bob Stone,c2,2,"]);

    const insights = readFileSync(join(dir, 'out', 'insights.csv'), 'utf8').slice(1).split('\r\n');
    expect(insights[2]).toBe("note,'@social spiked on 2 Nov,channel:social,1,10,,,");
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    const csv = tableCsv(
      { name: 't', title: 'T', columns: [{ key: 'a', header: 'A, b', type: 'text' }], rows: [{ a: 'say "hi"' }, { a: 'two\nlines' }, { a: null }] },
      'UTC',
    );
    expect(csv).toBe('"A, b"\r\n"say ""hi"""\r\n"two\nlines"\r\n\r\n');
  });

  it('times follow the chosen basis', async () => {
    await writeReportCsv(sampleReport(), 'calendar', dir);
    const rt = readFileSync(join(dir, 'response-times.csv'), 'utf8').slice(1).split('\r\n');
    expect(rt[0]).toBe(
      'Measure,Counted in,Count,Median (minutes),90th percentile (minutes),Mean (minutes),Previous period: count,Previous period: median (minutes),Previous period: 90th percentile (minutes),Previous period: mean (minutes),Change in median (minutes)',
    );
    expect(rt[1]).toBe('First response,Calendar time,6,90,1440,333.33,5,120,1500,416.67,-30');
  });
});

describe('report tables as XLSX', () => {
  it('one sheet per table with typed cells, a bold frozen header and a filter', async () => {
    const path = join(dir, 'report.xlsx');
    await writeReportXlsx(sampleReport(), 'business', path);
    expect(readdirSync(dir)).toEqual(['report.xlsx']);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(names.map(sheetName));

    const summary = book.getWorksheet('summary')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.getRow(1).font?.bold).toBe(true);
    expect(summary.autoFilter).toBeTruthy();
    expect(summary.getRow(1).values).toEqual([undefined, 'Figure', '2–4 Nov 2026', 'Previous period', 'Change', 'Change (relative)']);
    expect(summary.getCell('A2').value).toBe('Items');
    expect(summary.getCell('B2').value).toBe(10);
    expect(summary.getCell('B3').value).toBe(0.4);
    expect(summary.getCell('B3').numFmt).toBe('0.0%');
    expect(summary.getCell('A5').value).toBe('Median first response (business hours, hours)');
    expect(summary.getCell('B5').value).toBe(1);
    expect(summary.getCell('C5').value).toBe(1.5);
    expect(summary.getCell('B5').numFmt).toBe('0.00');
    expect(summary.getCell('B7').value).toBe(5 / 6);
    expect(summary.getCell('C8').value).toBeNull();

    const volume = book.getWorksheet('volume-by-channel')!;
    const start = volume.getCell('B2').value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(volume.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(new Date(FIXTURE_FROM).toISOString()).toBe('2026-11-01T23:00:00.000Z');

    const reasons = book.getWorksheet('escalation-by-reason')!;
    const formula = reasons.getCell('A3');
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=HYPERLINK("http://evil.example","click")');

    const times = book.getWorksheet('response-times')!;
    expect(times.getCell('D1').value).toBe('Median (hours)');
    expect(times.getCell('D2').value).toBe(1);
    for (const w of book.worksheets) {
      for (let c = 1; c <= w.columnCount; c++) {
        const width = w.getColumn(c).width ?? 0;
        expect(width, `${w.name} column ${c}`).toBeGreaterThanOrEqual(10);
        expect(width).toBeLessThanOrEqual(60);
      }
    }
  });
});
