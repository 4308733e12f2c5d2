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

/** A word as the index stores it (unicode61 with remove_diacritics 2): lower case, no accents. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * FTS5 keeps a prefix index for 3 letters only; a longer prefix ("refu"*) is expanded by
 * merging the lists of every word that starts with it, and a snippet runs that expansion
 * once per row. For snippets of rows already known to match, the prefix term is replaced
 * by the words of those rows that start with it ("refund" OR "refunds"), which are cheap
 * exact lookups and highlight the same words. Returns the query unchanged when it has no
 * long prefix term or none of the texts has such a word.
 */
export function withPrefixExpanded(match: string, texts: Iterable<string | null>, maxWords = 24): string {
  const tail = longPrefixTerm(match);
  if (!tail) return match;
  const { prefix } = tail;
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) {
      const folded = foldWord(word);
      if (folded.startsWith(prefix)) found.add(folded);
      if (found.size >= maxWords) break;
    }
    if (found.size >= maxWords) break;
  }
  if (found.size === 0) return match;
  return `${match.slice(0, tail.index)}(${[...found].map(quote).join(' OR ')})`;
}

/** The trailing prefix term of a MATCH expression when it is longer than the prefix index covers. */
export function longPrefixTerm(match: string): { prefix: string; index: number } | null {
  const tail = /"((?:[^"]|"")+)"\*$/.exec(match);
  if (!tail) return null;
  const prefix = foldWord(tail[1]!.replace(/""/g, '"'));
  return [...prefix].length > MIN_PREFIX ? { prefix, index: tail.index } : null;
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
