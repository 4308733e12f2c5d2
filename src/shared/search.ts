/**
 * Turns what an agent types in the search box into an FTS5 MATCH expression. Every word
 * must match (AND); "quoted words" match as a phrase; the word being typed matches as a
 * prefix, so results follow the keystrokes. FTS5 syntax in the input (NEAR, column
 * filters, stray quotes or parentheses) is treated as plain text, never as operators.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const MAX_TERMS = 12;
/**
 * The FTS table keeps a prefix index for 3 characters (migration 0006). Shorter words
 * being typed match as whole words: a 2-letter prefix touches a large part of the index.
 */
const MIN_PREFIX = 3;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Words as the unicode61 tokenizer sees them: letters, digits and marks. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  let match: RegExpExecArray | null;
  let lastWasOpenWord = false;
  while ((match = pattern.exec(input)) !== null && parts.length < MAX_TERMS) {
    if (match[1] !== undefined) {
      const phrase = words(match[1]);
      if (phrase.length > 0) parts.push(quote(phrase.join(' ')));
      lastWasOpenWord = false;
    } else if (match[2] !== undefined) {
      for (const word of words(match[2])) {
        if (parts.length >= MAX_TERMS) break;
        parts.push(quote(word));
      }
      lastWasOpenWord = words(match[2]).length > 0;
    }
  }
  if (parts.length === 0) return null;
  // Only the last bare word is still being typed; a trailing space means it is finished.
  // One or two letters match as a word, not a prefix: "re*" would touch most of the index.
  const lastWord = words(input).at(-1) ?? '';
  if (lastWasOpenWord && !/\s$/.test(input) && [...lastWord].length >= MIN_PREFIX) parts[parts.length - 1] += '*';
  return parts.join(' AND ');
}

/** Splits a snippet with highlight markers into plain and highlighted runs. */
export function highlightRuns(snippet: string): { text: string; hit: boolean }[] {
  const runs: { text: string; hit: boolean }[] = [];
  let hit = false;
  let current = '';
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      if (current) runs.push({ text: current, hit });
      current = '';
      hit = ch === HIGHLIGHT_START;
    } else {
      current += ch;
    }
  }
  if (current) runs.push({ text: current, hit });
  return runs;
}
