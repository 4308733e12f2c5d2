/**
 * `import <file|folder>`: the app's import from a terminal, through the same core channels
 * (import.preview, import.start, import.report). It prints the mapping it uses and the
 * origin the rows' ids dedupe within (docs/import-mapping.md). Exit codes: 0 when the file
 * was read (even with some failed rows: the summary says so), 2 when it could not be read
 * as the format at all, when the mapping fits none of its first rows, or when every row
 * failed, 1 for a problem with the store, 130 after Ctrl+C (committed batches stay;
 * running the same import again completes it).
 */
import { readFileSync } from 'node:fs';
import type { EventPayload, ImportReport } from '../../shared/contract';
import { HearkenError, isHearkenError } from '../../shared/errors';
import { columnMappingSchema, importFormats, mappingTargets, namedOriginSource, ORIGIN_MAX, tabularFormats, targetLabels, type ColumnMapping, type ImportFormat } from '../../shared/import';
import type { CliSession } from '../session';

export interface ImportOptions {
  format?: string;
  mapping?: string;
  timeZone?: string;
  origin?: string;
  json?: boolean;
  progress?: boolean;
}

/** Exit code for a file that is not what it claims (or a bad --format / --mapping). */
const UNREADABLE = 2;
const INTERRUPTED = 130;

function parseFormat(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  if (!(importFormats as readonly string[]).includes(value)) throw new HearkenError('VALIDATION', `--format is one of ${importFormats.join(', ')} (got "${value}").`);
  return value as ImportFormat;
}

function readMapping(file: string | undefined): ColumnMapping | undefined {
  if (file === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HearkenError('VALIDATION', `The mapping file ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HearkenError('VALIDATION', `The mapping file ${file} is not a column mapping${issue?.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue?.message ?? 'rejected'}`);
  }
  return parsed.data;
}

function checkTimeZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new HearkenError('VALIDATION', `--time-zone needs an IANA zone such as UTC or Europe/Berlin (got "${zone}").`);
  }
  return zone;
}

/** `--origin ""` means the file itself; any other value names the origin. */
function checkOrigin(origin: string | undefined): string | null | undefined {
  if (origin === undefined) return undefined;
  const name = origin.trim();
  if (name === '') return null;
  if (name.length > ORIGIN_MAX) throw new HearkenError('VALIDATION', `--origin is at most ${ORIGIN_MAX} characters (got ${name.length}).`);
  return name;
}

/** Where the mapping came from, for the line above it. */
type MappingSource = 'file' | 'saved' | 'guessed';

interface Chosen {
  mapping: ColumnMapping | null;
  from: MappingSource | null;
  /** The origin's name, null when the file is its own origin. */
  originName: string | null;
  /** The source ids dedupe within; null for formats with their own (e-mail, helpdesk). */
  originId: string | null;
}

function mappingLines({ mapping, from, originName, originId }: Chosen, fileName: string): string {
  if (!mapping) return '';
  const heading = { file: 'Mapping (from --mapping):', saved: 'Mapping (saved from the last import of these columns):', guessed: 'Mapping (guessed from the column names and values):' }[from ?? 'guessed'];
  const rows = mappingTargets.flatMap((t) => (mapping.fields[t] !== undefined ? [[targetLabels[t], mapping.fields[t]]] : []));
  const width = Math.max(...rows.map(([label]) => label!.length));
  const lines = [heading, ...rows.map(([label, column]) => `  ${label!.padEnd(width)} ← ${column}`)];
  if (mapping.outboundValues?.length) lines.push(`  Company's values of the direction column: ${mapping.outboundValues.join(', ')}`);
  lines.push(`  Dates without an offset in ${mapping.timeZone}; rows without a channel: ${mapping.defaultChannel}`);
  lines.push(originName !== null ? `Origin: ${originName} (ids already imported under this name are skipped)` : `Origin: this file (${originId ?? 'its content'}): a renamed or copied ${fileName} adds nothing again`);
  return `${lines.join('\n')}\n`;
}

const n = (value: number): string => value.toLocaleString('en-US');

function progressLine(p: EventPayload<'import.progress'>): string {
  const pct = p.totalBytes > 0 ? ` · ${Math.floor((p.bytesRead / p.totalBytes) * 100)}%` : '';
  const eta = p.etaMs !== null ? ` · ETA ${Math.ceil(p.etaMs / 1000)} s` : '';
  const { counts } = p;
  return `${n(counts.read)} read · ${n(counts.imported)} imported · ${n(counts.duplicates)} already there · ${n(counts.failed)} failed · ${n(p.rowsPerS)} rows/s${pct}${eta}`;
}

function summary(report: ImportReport): string {
  const { counts } = report;
  const head =
    report.state === 'cancelled'
      ? `Import of ${report.fileName} stopped: ${n(counts.imported)} of ${n(counts.read)} rows read so far were added; run the same import again to complete it.`
      : `Imported ${report.fileName} (${report.format}): ${n(counts.read)} rows read, ${n(counts.imported)} added, ${n(counts.duplicates)} already in the inbox, ${n(counts.failed)} failed (${n(report.rowsPerS)} rows/s).`;
  const lines = [head];
  if (counts.failed > 0) {
    lines.push(`${n(counts.failed)} ${counts.failed === 1 ? 'row' : 'rows'} could not be imported (the others were not affected):`);
    for (const p of report.problems.filter((x) => x.kind === 'failed').slice(0, 20)) lines.push(`  line ${p.line}: ${p.reason}`);
  }
  const skipped = counts.skipped ?? 0;
  if (skipped > 0) {
    lines.push(`${n(skipped)} ${skipped === 1 ? 'row was' : 'rows were'} skipped as not customer feedback:`);
    for (const p of report.problems.filter((x) => x.kind === 'skipped').slice(0, 20)) lines.push(`  line ${p.line}: ${p.reason}`);
  }
  const notes = report.problems.filter((x) => x.kind === 'note');
  for (const p of notes.slice(0, 10)) lines.push(`  note, line ${p.line}: ${p.reason}`);
  return `${lines.join('\n')}\n`;
}

export async function importFile(session: CliSession, path: string, opts: ImportOptions): Promise<void> {
  let format: ImportFormat | undefined;
  let mapping: ColumnMapping | undefined;
  let timeZone: string | undefined;
  let origin: string | null | undefined;
  try {
    format = parseFormat(opts.format);
    mapping = readMapping(opts.mapping);
    timeZone = checkTimeZone(opts.timeZone);
    origin = checkOrigin(opts.origin);
  } catch (error) {
    return fail(error, UNREADABLE);
  }
  await session.unlock();

  // Events are collected from before the start: a small file may finish before start answers.
  const finals = new Map<string, EventPayload<'import.progress'>>();
  let importId: string | null = null;
  let settle: (() => void) | null = null;
  const showProgress = !opts.json && (process.stderr.isTTY || opts.progress === true);
  const unsubscribe = session.core.onEvent((name, payload) => {
    if (name !== 'import.progress') return;
    const p = payload as EventPayload<'import.progress'>;
    if (p.state !== 'running') {
      finals.set(p.importId, p);
      if (p.importId === importId) settle?.();
    } else if (showProgress && (importId === null || p.importId === importId)) {
      process.stderr.write(process.stderr.isTTY ? `\r\x1b[2K${progressLine(p)}` : `${progressLine(p)}\n`);
    }
  });

  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted || importId === null) process.exit(INTERRUPTED);
    interrupted = true;
    process.stderr.write('\nStopping after the batch being written (Ctrl+C again to quit at once)…\n');
    void session.core.invoke('import.cancel', { importId });
  };
  process.on('SIGINT', onSigint);
  try {
    const grant = await session.grant(path, 'read');
    const preview = await session.call('import.preview', { grant, ...(format ? { format } : {}) });
    const chosen: Chosen = { mapping: null, from: null, originName: null, originId: null };
    if (tabularFormats.includes(preview.format)) {
      chosen.from = mapping ? 'file' : preview.savedMapping ? 'saved' : 'guessed';
      mapping ??= preview.savedMapping ?? preview.guessedMapping ?? undefined;
      if (mapping && timeZone !== undefined) mapping = { ...mapping, timeZone };
      if (mapping && origin !== undefined) {
        const { origin: _previous, ...rest } = mapping;
        mapping = origin === null ? rest : { ...rest, origin };
      }
      chosen.mapping = mapping ?? null;
      chosen.originName = mapping?.origin?.trim() || null;
      chosen.originId = chosen.originName !== null ? namedOriginSource(chosen.originName) : (preview.origin ?? null);
      if (!opts.json) process.stdout.write(mappingLines(chosen, preview.fileName));
    }
    const started = await session.call('import.start', { grant, ...(format ? { format } : {}), ...(mapping ? { mapping } : {}) });
    importId = started.importId;
    if (!finals.has(importId)) await new Promise<void>((resolve) => (settle = resolve));
    const report = await session.call('import.report', { importId });
    if (showProgress && process.stderr.isTTY) process.stderr.write('\n');

    if (report.state === 'failed') {
      const code = report.error?.code === 'VALIDATION' ? UNREADABLE : 1;
      const kept = report.counts.imported > 0 ? ` (${n(report.counts.imported)} rows before the problem were added)` : '';
      process.stderr.write(`hearken: ${report.error?.message ?? 'the import failed'}${kept} [${report.error?.code ?? 'INTERNAL'}]\n`);
      process.exitCode = code;
      if (opts.json) process.stdout.write(countsJson(report, chosen));
      return;
    }
    if (opts.json) process.stdout.write(countsJson(report, chosen));
    else process.stdout.write(summary(report));
    if (report.state === 'cancelled') process.exitCode = INTERRUPTED;
    else if (report.counts.read > 0 && report.counts.failed === report.counts.read) {
      // Nothing of the file landed: a wrong mapping or the wrong file, not a partial success.
      process.stderr.write(
        `hearken: none of the ${n(report.counts.read)} rows of ${report.fileName} could be imported${opts.json ? '' : ' (the reasons are listed above)'}. Check the mapping (--mapping, docs/import-mapping.md) or the file. [VALIDATION]\n`,
      );
      process.exitCode = UNREADABLE;
    }
  } catch (error) {
    // The file is missing or not what it claims (or the mapping does not fit it): exit 2.
    if (isHearkenError(error) && (error.code === 'VALIDATION' || error.code === 'NOT_FOUND')) return fail(error, UNREADABLE);
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    unsubscribe();
  }
}

function countsJson({ counts: { read, imported, duplicates, failed, skipped } }: ImportReport, chosen: Chosen): string {
  const origin = chosen.mapping ? { name: chosen.originName, id: chosen.originId } : null;
  return `${JSON.stringify({ read, imported, duplicates, failed, ...(skipped ? { skipped } : {}), mapping: chosen.mapping, origin })}\n`;
}

function fail(error: unknown, code: number): void {
  if (!isHearkenError(error)) throw error;
  process.stderr.write(`hearken: ${error.message} [${error.code}]\n`);
  process.exitCode = code;
}
