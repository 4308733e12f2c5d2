/**
 * Opening a file (or a folder of .eml) for import: which format it is, and the reader that
 * turns it into rows. Every check that can fail on the file as a whole runs here, before
 * the first row, so a wrong file is one clear VALIDATION error and never a stream of bad rows.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { HearkenError } from '../../../../shared/errors';
import { importFormats, type ImportFormat } from '../../../../shared/import';
import { isValidTimeZone } from '../../../../shared/import/dates';
import type { ImportReader } from '../types';
import { readCsvSample } from './csv-records';
import { openCsvReader } from './csv';
import { sniff, type Sniffed } from './decode';
import { looksLikeMailHeaders, openEmailReader, startsLikeMbox } from './email';
import { HELPSCOUT_COLUMNS, openHelpScoutReader } from './helpscout';
import { openJsonReader, readJsonShape } from './json';
import { isZendeskTicket, openZendeskReader } from './zendesk';

export interface OpenImportOptions {
  /** Skip detection and read the file as this format (it is still checked). */
  format?: ImportFormat;
  /** IANA zone for dates without an offset; the mapping's own zone wins in rows(). */
  timeZone?: string;
}


function isHelpScout(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.toLowerCase()));
  return HELPSCOUT_COLUMNS.every((c) => names.has(c.toLowerCase()));
}

/** The format by extension and content; throws the same VALIDATION errors as openImport. */
export async function detectFormat(path: string): Promise<ImportFormat> {
  const info = await statOrThrow(path);
  if (info.isDirectory()) return 'eml';
  return (await detect(path, await sniff(path))).format;
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch {
    throw new HearkenError('NOT_FOUND', `${path} does not exist or cannot be read. Check the path and the file's permissions.`);
  }
}

async function detect(path: string, sniffed: Sniffed, declared?: ImportFormat, timeZone?: string): Promise<{ format: ImportFormat; open: () => ImportReader | Promise<ImportReader> }> {
  const ext = extname(path).toLowerCase();
  const head = sniffed.head.trimStart();
  const wantsTable = declared === 'csv' || declared === 'tsv' || declared === 'helpscout';
  const wantsJson = declared === 'json' || declared === 'ndjson' || declared === 'zendesk';
  const wantsEmail = declared === 'eml' || declared === 'mbox';

  // Mail needs no From:, Subject: or Date: (a bare MIME part is mail): a block of header
  // lines with two mail headers among them, or an mbox "From " line.
  const mbox = startsLikeMbox(head);
  if (wantsEmail || (!wantsTable && !wantsJson && (ext === '.eml' || ext === '.mbox' || ext === '.mbx' || mbox || looksLikeMailHeaders(head)))) {
    const format: ImportFormat = declared === 'eml' || declared === 'mbox' ? declared : mbox || ext === '.mbox' || ext === '.mbx' ? 'mbox' : 'eml';
    return { format, open: () => openEmailReader([path], format, sniffed.size) };
  }
  if (wantsJson || (!wantsTable && (ext === '.json' || ext === '.ndjson' || ext === '.jsonl' || head.startsWith('[') || head.startsWith('{')))) {
    const shape = await readJsonShape(sniffed, ext, declared);
    if (declared === 'zendesk' || (declared === undefined && shape.first !== null && isZendeskTicket(shape.first))) {
      return { format: 'zendesk', open: () => openZendeskReader(sniffed, shape) };
    }
    const format: ImportFormat = shape.kind === 'ndjson' ? 'ndjson' : 'json';
    return { format, open: () => openJsonReader(sniffed, shape, format, { timeZone }) };
  }
  const declaredTable = declared === 'tsv' || (declared === undefined && ext === '.tsv') ? 'tsv' : 'csv';
  const sample = readCsvSample(sniffed, declaredTable);
  if (declared === 'helpscout' || (declared === undefined && isHelpScout(sample.header))) {
    return { format: 'helpscout', open: () => openHelpScoutReader(sniffed, sample) };
  }
  const format = sample.delimiter === '\t' ? 'tsv' : 'csv';
  return { format, open: () => openCsvReader(sniffed, format, { timeZone }, sample) };
}

/**
 * Opens `path` for import: a file of any supported format, or a folder of .eml files
 * (searched recursively). Throws VALIDATION with a message that says what to do when the
 * file is not what it claims to be.
 */
export async function openImport(path: string, options: { format?: ImportFormat | undefined; timeZone?: string | undefined } = {}): Promise<ImportReader> {
  if (options.format !== undefined && !importFormats.includes(options.format)) {
    throw new HearkenError('VALIDATION', `Unknown import format "${String(options.format)}". Use one of: ${importFormats.join(', ')}.`);
  }
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
    throw new HearkenError('VALIDATION', `"${options.timeZone}" is not a time zone. Use an IANA name such as UTC or Europe/Berlin.`);
  }
  const info = await statOrThrow(path);
  if (info.isDirectory()) {
    if (options.format !== undefined && options.format !== 'eml') {
      throw new HearkenError('VALIDATION', `${basename(path)} is a folder; only a folder of .eml files can be imported. Pick the ${options.format} file itself.`);
    }
    return openEmailReader([path], 'eml', 0);
  }
  const sniffed = await sniff(path);
  const { open } = await detect(path, sniffed, options.format, options.timeZone);
  return open();
}
