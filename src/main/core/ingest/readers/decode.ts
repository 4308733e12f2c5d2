/**
 * Looks at the start of a file (encoding, binary or not) and opens it as a stream of text,
 * counting the bytes read for progress. UTF-8 passes through as bytes (the parsers decode
 * it themselves, which is the fast path); every other encoding goes through iconv-lite.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { HearkenError } from '../../../../shared/errors';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Sniffed {
  path: string;
  size: number;
  mtimeMs: number;
  encoding: TextEncoding;
  bomLength: number;
  /** The first SAMPLE_BYTES decoded (without the BOM). */
  head: string;
  /** True when `head` is the whole file. */
  complete: boolean;
}

/** How much of a file is read up front for detection, validation and the preview. */
export const SAMPLE_BYTES = 1 << 20;

const magic: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel/Word file (.xlsx, .docx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel or Word file (.xls, .doc)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

export function binaryFileError(path: string, what = 'binary data, not text'): HearkenError {
  return new HearkenError(
    'VALIDATION',
    `${basename(path)} is not a text file: it looks like ${what}. Export the feedback as CSV (UTF-8), JSON or e-mail (.eml/.mbox) and import that file instead.`,
  );
}

export function emptyFileError(path: string): HearkenError {
  return new HearkenError('VALIDATION', `${basename(path)} is empty: there is nothing to import. Check that the export finished and pick the exported file.`);
}

/** A UTF-16 file without a BOM shows up as text with a zero byte in every other position. */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.7 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.7 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Reads the start of `path` and decides how to decode it; throws for binary files and empty ones. */
export async function sniff(path: string): Promise<Sniffed> {
  const info = await stat(path);
  const handle = await open(path, 'r');
  let buf: Buffer;
  try {
    const want = Math.min(info.size, SAMPLE_BYTES);
    buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    buf = buf.subarray(0, got);
  } finally {
    await handle.close();
  }
  const complete = buf.length >= info.size;
  const base = { path, size: info.size, mtimeMs: info.mtimeMs, complete };
  if (buf.length === 0) throw emptyFileError(path);
  let encoding: TextEncoding;
  let bomLength = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8-bom';
    bomLength = 3;
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    bomLength = 2;
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    bomLength = 2;
  } else {
    const wide = utf16WithoutBom(buf);
    if (wide) encoding = wide;
    else {
      for (const m of magic) if (m.bytes.every((b, i) => buf[i] === b)) throw binaryFileError(path, m.what);
      if (looksBinary(buf)) throw binaryFileError(path);
      // The sample may end inside a character: a cut UTF-8 sequence is at most 3 bytes.
      let end = buf.length;
      if (!complete) while (end > buf.length - 3 && end > 0 && (buf[end - 1]! & 0xc0) === 0x80) end--;
      if (!complete && end > 0 && buf[end - 1]! >= 0xc0) end--;
      encoding = isUtf8(buf.subarray(0, end)) ? 'utf-8' : 'windows-1252';
    }
  }
  const body = buf.subarray(bomLength);
  const head = decodeBuffer(body, encoding, complete);
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && looksBinary(Buffer.from(head, 'utf8'))) throw binaryFileError(path);
  if (head.trim() === '') throw emptyFileError(path);
  return { ...base, encoding, bomLength, head };
}

function iconvName(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

function decodeBuffer(buf: Buffer, encoding: TextEncoding, complete: boolean): string {
  let text = iconv.decode(buf, iconvName(encoding), { stripBOM: false });
  // A partial sample may end inside a character; drop the replacement char it produced.
  if (!complete && text.endsWith('\ufffd')) text = text.slice(0, -1);
  return text;
}

/** True when the stream yields bytes that the parser should decode as UTF-8 itself. */
export function isUtf8Encoding(encoding: TextEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/**
 * Opens the file after its BOM: UTF-8 as Buffers, anything else decoded to strings.
 * `onBytes` hears every chunk of the file as it is read.
 */
export function openText(sniffed: Sniffed, onBytes: (n: number) => void, start = sniffed.bomLength): Readable {
  const file = createReadStream(sniffed.path, { start, highWaterMark: 256 * 1024 });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  file.on('error', (e) => counter.destroy(e));
  const counted = file.pipe(counter);
  if (start > 0) onBytes(start);
  if (isUtf8Encoding(sniffed.encoding)) return counted;
  const decoder = iconv.decodeStream(iconvName(sniffed.encoding), { stripBOM: false }) as unknown as Transform;
  counted.on('error', (e) => decoder.destroy(e));
  return counted.pipe(decoder);
}
