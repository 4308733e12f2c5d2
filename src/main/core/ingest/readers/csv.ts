/** The CSV/TSV reader: a header row, any of , ; tab |, mapped through a ColumnMapping. */
import type { ColumnMapping } from '../../../../shared/import';
import { guessDayFirst } from '../../../../shared/import/dates';
import { guessMapping } from '../../../../shared/import/mapping';
import type { ImportPreview, ImportReader, ImportRow } from '../types';
import type { Sniffed } from './decode';
import { readCsvSample, streamCsvRecords, type CsvSample } from './csv-records';
import { createRowMapper } from './tabular';

export const CSV_SOURCE = 'csv';

export function sampleRows(header: readonly string[], records: readonly { fields: string[] }[], limit: number): Record<string, string>[] {
  return records.slice(0, limit).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
}

export function openCsvReader(sniffed: Sniffed, format: 'csv' | 'tsv', options: { timeZone?: string }, sample: CsvSample = readCsvSample(sniffed, format)): ImportReader {
  const { delimiter, header } = sample;
  const guessRows = sampleRows(header, sample.records, 200);
  const guessed = guessMapping(header, guessRows, { timeZone: options.timeZone ?? 'UTC' });
  let bytes = 0;

  const dayFirstFor = (mapping: ColumnMapping): boolean => {
    const column = mapping.fields.receivedAt;
    const index = column === undefined ? -1 : header.indexOf(column);
    return guessDayFirst(
      sample.records.map((r) => r.fields[index] ?? ''),
      mapping.timeZone,
    );
  };

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
      };
    },
    async *rows({ mapping = guessed, signal }): AsyncGenerator<ImportRow> {
      bytes = 0;
      const index = new Map(header.map((h, i) => [h, i]));
      const mapRow = createRowMapper<string[]>(mapping, {
        source: CSV_SOURCE,
        column: (name) => {
          const i = index.get(name);
          return i === undefined ? () => undefined : (fields) => fields[i];
        },
        dayFirst: dayFirstFor(mapping),
        fileTime: Math.round(sniffed.mtimeMs),
      });
      const width = header.length;
      for await (const r of streamCsvRecords(sniffed, delimiter, (n) => (bytes += n), signal)) {
        if (r.kind === 'error') {
          yield r;
          continue;
        }
        if (r.fields.length > width && r.fields.slice(width).some((f) => f.trim() !== '')) {
          yield { kind: 'error', line: r.line, reason: `the row has ${r.fields.length} fields but the header has ${width}: check the delimiter and the quotes on this line` };
          continue;
        }
        yield mapRow(r.fields, r.line);
      }
    },
    bytesRead: () => bytes,
  };
}
