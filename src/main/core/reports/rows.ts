/**
 * Writes the per-conversation rows as CSV, XLSX or JSONL. The file is built under a
 * temporary name beside the target, flushed and renamed when whole: a cancel, a crash or
 * a full disk never leaves half an export under the name the person chose.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { HearkenError } from '../../../shared/errors';
import { localClock, type LocalClock } from '../../../shared/reports/local-time';
import type { RowFormat } from '../../../shared/reports/schema';
import { syncDirectory } from '../files';
import { conversationRows, type ConversationRowReader } from '../store/conversation-rows';
import { csvHeaderLine, csvLine, jsonLine, rowColumns, xlsxCells, xlsxHeader, XLSX_NUM_FMT, type RowColumn } from './row-columns';
import type { WriteConversationRows } from './seams';
import { BOM } from './table-files';

/** Thrown when the signal ends an export; the temporary file is already gone. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** Excel's last row is 1,048,576; one goes to the header. */
export const XLSX_MAX_ROWS = 1_048_575;

interface Run {
  reader: ConversationRowReader;
  columns: RowColumn[];
  clock: LocalClock;
  signal: AbortSignal | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
}

export const writeConversationRows: WriteConversationRows = async (db, filter, format, path, options = {}) => {
  const timeZone = options.timeZone ?? 'UTC';
  const run: Run = {
    reader: conversationRows(db, filter, options.now ?? Date.now()),
    columns: rowColumns(timeZone),
    clock: localClock(timeZone),
    signal: options.signal,
    onProgress: options.onProgress,
  };
  if (format === 'xlsx' && run.reader.total > XLSX_MAX_ROWS) {
    throw new HearkenError('VALIDATION', `A spreadsheet holds at most ${XLSX_MAX_ROWS.toLocaleString('en')} rows and this view has ${run.reader.total.toLocaleString('en')}. Export CSV or JSONL, or narrow the view.`);
  }
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const count = format === 'xlsx' ? await writeXlsx(run, tmp) : await writeText(run, format, tmp);
    await flush(tmp);
    await rename(tmp, path);
    syncDirectory(dirname(path));
    return count;
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
};

/** Between batches: the job's other work and a cancel get a turn. */
async function nextBatch(run: Run): Promise<ReturnType<ConversationRowReader['next']>> {
  await yieldToEventLoop();
  if (run.signal?.aborted) throw new ExportCancelled();
  return run.reader.next();
}

async function writeText(run: Run, format: Exclude<RowFormat, 'xlsx'>, tmp: string): Promise<number> {
  const file: FileHandle = await open(tmp, 'wx', 0o600);
  let done = 0;
  try {
    if (process.platform !== 'win32') await file.chmod(0o600);
    // Excel reads a CSV as UTF-8 only after a byte-order mark.
    if (format === 'csv') await file.write(`${BOM}${csvHeaderLine(run.columns)}\r\n`);
    for (let batch = await nextBatch(run); batch !== null; batch = await nextBatch(run)) {
      let chunk = '';
      if (format === 'csv') for (const row of batch) chunk += `${csvLine(run.columns, row, run.clock)}\r\n`;
      else for (const row of batch) chunk += `${jsonLine(run.columns, row)}\n`;
      await file.write(chunk);
      done += batch.length;
      run.onProgress?.(done, run.reader.total);
    }
  } finally {
    await file.close();
  }
  return done;
}

async function writeXlsx(run: Run, tmp: string): Promise<number> {
  const stream = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Hearken';
  const sheet = book.addWorksheet('conversations', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = run.columns.map((c) => ({
    key: c.key,
    width: c.kind === 'time' ? 18 : c.key === 'body' || c.key === 'subject' ? 50 : Math.min(40, Math.max(10, xlsxHeader(c).length + 2)),
    style: XLSX_NUM_FMT[c.kind] === undefined ? {} : { numFmt: XLSX_NUM_FMT[c.kind]! },
  }));
  const header = sheet.addRow(run.columns.map(xlsxHeader));
  header.font = { bold: true };
  header.commit();
  let done = 0;
  let failure: unknown = null;
  try {
    for (let batch = await nextBatch(run); batch !== null; batch = await nextBatch(run)) {
      for (const row of batch) sheet.addRow(xlsxCells(run.columns, row, run.clock)).commit();
      done += batch.length;
      run.onProgress?.(done, run.reader.total);
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + done, column: run.columns.length } };
  } catch (error) {
    failure = error;
  }
  // The zip is closed either way, so the stream lets go of the temporary file before it is removed.
  sheet.commit();
  await book.commit();
  if (failure !== null) throw failure;
  return done;
}

async function flush(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

