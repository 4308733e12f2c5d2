/**
 * Searching bytes for secrets in every form they could be written in: as typed, without
 * dashes, in any case, UTF-16, hex, base64 and base64url, and a key's raw bytes. A test
 * lists the secrets once; every output it collects goes through `leaksIn`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecoveryKey } from '../../src/main/core/secrets/key-material';
import type { DB } from '../../src/main/core/store/db';

export type Secret =
  /** A passphrase or an API key: text a person typed or pasted. */
  | { label: string; kind: 'text'; value: string }
  /** A recovery key as shown ("ABCD-EFGH-…"); its 20 bytes are searched too. */
  | { label: string; kind: 'recovery'; value: string }
  /** Raw key bytes: the database key and the keys derived from it. */
  | { label: string; kind: 'key'; value: Buffer };

export interface Needle {
  label: string;
  bytes: Buffer;
  /** ASCII case does not matter (hex, base32, text); base64 and raw bytes are exact. */
  fold: boolean;
}

function bytesForms(label: string, bytes: Buffer): Needle[] {
  return [
    { label: `${label} (raw bytes)`, bytes, fold: false },
    { label: `${label} (hex)`, bytes: Buffer.from(bytes.toString('hex')), fold: true },
    { label: `${label} (base64)`, bytes: Buffer.from(bytes.toString('base64').replace(/=+$/, '')), fold: false },
    { label: `${label} (base64url)`, bytes: Buffer.from(bytes.toString('base64url')), fold: false },
  ];
}

function textForms(label: string, text: string): Needle[] {
  const forms = new Map<string, string>([
    ['as typed', text],
    ['URL-encoded', encodeURIComponent(text)],
    ['form-encoded', encodeURIComponent(text).replace(/%20/g, '+')],
    ['JSON-escaped', JSON.stringify(text).slice(1, -1)],
  ]);
  const needles: Needle[] = [];
  const seen = new Set<string>();
  for (const [form, value] of forms) {
    if (seen.has(value)) continue;
    seen.add(value);
    needles.push({ label: `${label} (${form})`, bytes: Buffer.from(value.toLowerCase()), fold: true });
    needles.push({ label: `${label} (${form}, UTF-16)`, bytes: Buffer.from(value.toLowerCase(), 'utf16le'), fold: true });
  }
  return [...needles, ...bytesForms(`${label} UTF-8`, Buffer.from(text, 'utf8')).filter((n) => !n.label.endsWith('(raw bytes)'))];
}

export function needlesOf(secrets: readonly Secret[]): Needle[] {
  return secrets.flatMap((s): Needle[] => {
    if (s.kind === 'key') return bytesForms(s.label, s.value);
    if (s.kind === 'text') return textForms(s.label, s.value);
    return [...textForms(s.label, s.value), ...textForms(`${s.label} without dashes`, s.value.replaceAll('-', '')), ...bytesForms(`${s.label} bytes`, parseRecoveryKey(s.value))];
  });
}

/** A copy with A-Z turned to a-z, byte by byte (so UTF-16 text folds too). */
function foldAscii(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) if (out[i]! >= 0x41 && out[i]! <= 0x5a) out[i]! += 0x20;
  return out;
}

/** The labels of the needles found in what. */
export function leaksIn(what: Buffer | string, needles: readonly Needle[]): string[] {
  const exact = typeof what === 'string' ? Buffer.from(what, 'utf8') : what;
  const folded = foldAscii(exact);
  return needles.filter((n) => (n.fold ? folded : exact).includes(n.bytes)).map((n) => n.label);
}

/** Every file under dir, at any depth. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file's bytes searched; `{ file: labels }` for the files that hold a secret. */
export function leaksInFiles(files: readonly string[], needles: readonly Needle[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of files) {
    const labels = leaksIn(readFileSync(file), needles);
    if (labels.length > 0) found[file] = labels;
  }
  return found;
}

/** Every row of every table of an open store (FTS shadow tables included), as text and bytes. */
export function leaksInDatabase(db: DB, needles: readonly Needle[]): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
  const found: Record<string, string[]> = {};
  for (const table of tables) {
    const chunks: Buffer[] = [];
    for (const row of db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) chunks.push(value, Buffer.from([0]));
        else if (value !== null) chunks.push(Buffer.from(`${String(value)}\u0000`));
      }
    }
    const labels = leaksIn(Buffer.concat(chunks), needles);
    if (labels.length > 0) found[table] = labels;
  }
  return found;
}
