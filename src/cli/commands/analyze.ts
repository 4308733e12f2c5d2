/**
 * `analyze`: reads JSON lines {"id","text"} on stdin and writes, per line,
 * {"id","sentiment":{"label","score"},"language","topics":[names]}. Streaming, line by line;
 * a bad line gives {"id":null,"error":"..."} and the run goes on (exit 0). Needs no store:
 * nothing is opened or unlocked.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { analyze } from '../../main/core/analysis/analyze';

export interface AnalyzeCliOptions {
  /** Accepted for scripts written when it was required; JSON lines are the only format. */
  jsonl?: boolean;
}

function analyzeLine(line: string, lineNumber: number): string | null {
  if (line.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    // The parser's message quotes the line; the answer says what is wrong, not what it read.
    return JSON.stringify({ id: null, error: `line ${lineNumber} is not JSON: each line must be one JSON object {"id","text"}` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return JSON.stringify({ id: null, error: 'each line must be a JSON object {"id","text"}' });
  const { id, text, subject } = parsed as { id?: unknown; text?: unknown; subject?: unknown };
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (typeof text !== 'string') return JSON.stringify({ id: safeId, error: '"text" must be a string' });
  const a = analyze({ text, subject: typeof subject === 'string' ? subject : null }, { urgency: false });
  return JSON.stringify({ id: safeId, sentiment: { label: a.sentiment.label, score: a.sentiment.score }, language: a.language, topics: a.topics.map((t) => t.name) });
}

export async function analyzeCommand(_opts: AnalyzeCliOptions): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let chunk = '';
  let lineNumber = 0;
  for await (const line of rl) {
    const out = analyzeLine(line, ++lineNumber);
    if (out === null) continue;
    chunk += `${out}\n`;
    if (chunk.length >= 1 << 16) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      chunk = '';
    }
  }
  if (chunk) process.stdout.write(chunk);
}
