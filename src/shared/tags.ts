/**
 * Tags as a row shows them: "bug" beside "bug or crash", or "refund" beside
 * "refund-request", says the same thing twice, so only the more specific name is shown.
 */

/** A tag name's words, lower-cased; punctuation and hyphens separate words. */
function wordsOf(name: string): Set<string> {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // A name of symbols only is compared as itself.
  return new Set(words.length > 0 ? words : [name.trim().toLowerCase()]);
}

function within(inner: Set<string>, outer: Set<string>): boolean {
  if (inner.size > outer.size) return false;
  for (const word of inner) if (!outer.has(word)) return false;
  return true;
}

/** True when every word of one name is a word of the other ("refund" and "refund request"). */
export function tagsOverlap(a: string, b: string): boolean {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  return within(wa, wb) || within(wb, wa);
}

/**
 * The names worth showing, in their order: a name whose words all appear in another name
 * gives way to that more specific one; of two names with the same words, the first stays.
 */
export function distinctTags(names: readonly string[]): string[] {
  const words = names.map(wordsOf);
  return names.filter((_, i) =>
    words.every((other, j) => j === i || !within(words[i]!, other) || (other.size === words[i]!.size && j > i)),
  );
}
