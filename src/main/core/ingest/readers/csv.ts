/** The CSV/TSV reader: a header row, any of , ; tab |, mapped through a ColumnMapping. */
import type { ColumnMapping } from '../../../../shared/import';
import { guessDayFirst } from '../../../../shared/import/dates';
import { guessMapping } from '../../../../shared/import/mapping';
import type { ImportPreview, ImportReader } from '../types';
import type { Sniffed } from './decode';
import { readCsvSample, streamCsvRecords, type CsvSample } from './csv-records';
import { fileOrigin, tabularRows, type TabularRecord } from './tabular';

export function sampleRows(header: readonly string[], records: readonly { fields: string[] }[], limit: number): Record<string, string>[] {
  return records.slice(0, limit).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

export function openCsvReader(sniffed: Sniffed, format: 'csv' | 'tsv', options: { timeZone?: string }, sample: CsvSample = readCsvSample(sniffed, format)): ImportReader {
  const { delimiter, header } = sample;
  const guessRows = sampleRows(header, sample.records, 200);
  const guessed = guessMapping(header, guessRows, { timeZone: options.timeZone ?? 'UTC' });
  const index = new Map(header.map((h, i) => [h, i]));
  const width = header.length;

  const dayFirstFor = (mapping: ColumnMapping): boolean => {
    const column = mapping.fields.receivedAt;
    const i = column === undefined ? -1 : header.indexOf(column);
    return guessDayFirst(
      sample.records.map((r) => r.fields[i] ?? ''),
      mapping.timeZone,
    );
  };

  async function* records(onBytes: (n: number) => void, signal?: AbortSignal): AsyncGenerator<TabularRecord<string[]>> {
    for await (const r of streamCsvRecords(sniffed, delimiter, onBytes, signal)) {
      if (r.kind === 'error') yield r;
      else if (r.fields.length > width && r.fields.slice(width).some((f) => f.trim() !== '')) {
        yield { kind: 'error', line: r.line, reason: `the row has ${r.fields.length} fields but the header has ${width}: check the delimiter and the quotes on this line` };
      } else yield { kind: 'record', line: r.line, value: r.fields };
    }
  }

  const table = tabularRows<string[]>({
    format,
    sniffed,
    column: (name) => {
      const i = index.get(name);
      return i === undefined ? () => undefined : (fields) => fields[i];
    },
    sampleValues: (column) => {
      const i = index.get(column);
      return i === undefined ? null : guessRows.map((r) => r[column] ?? '');
    },
    dayFirst: dayFirstFor,
    records,
  });

  return {
    format,
    async preview(): Promise<ImportPreview> {
      return {
        format,
        encoding: sniffed.encoding,
        delimiter,
        columns: header,
        sample: sampleRows(header, sample.records, 20),
        guessedMapping: guessed,
        totalBytes: sniffed.size,
        origin: fileOrigin(format, sniffed),
      };
    },
    rows: ({ mapping = guessed, signal }) => table.rows({ mapping, signal }),
    bytesRead: table.bytesRead,
  };
}
