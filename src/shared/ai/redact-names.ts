/**
 * The customer's own names, known from the contact record. The full name and each part of
 * at least three letters are matched as whole words in any case; a part that is also an
 * everyday word ("Will", "Rose", "Mark") is left alone unless the full name appears.
 */
import type { Replace } from './redact-kinds';

/** Parts that read as ordinary words (English and the support domain), and the placeholder kinds themselves. */
const commonWords = new Set(
  `the and for you your our are was were will may can not but all any mark bill rose grace hope joy faith
  june april august summer autumn winter dawn sky ray max art sue pat don jack lou amber ruby pearl
  crystal violet iris lily daisy holly ivy jade gay young king long little small white black brown green
  gray grey rich guy frank earnest sunny honey angel page day days may miles cash love bliss
  mister miss mrs madam sir dear customer support team admin info sales help service user account
  email phone card iban secret name names van von der den del della les mac
  hello thanks thank best regards order refund ticket`.split(/\s+/u),
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A queue of calls for one customer builds the same regex again and again; compiling costs more than matching. */
const compiled = new Map<string, RegExp | null>();

/** One regex for every name of the customer, longest first so the full name wins; null when there is nothing to look for. */
export function compileNames(names: readonly string[] | undefined): RegExp | null {
  if (!names || names.length === 0) return null;
  const key = names.join('\n');
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    if (compiled.size >= 256) compiled.clear();
    matcher = build(names);
    compiled.set(key, matcher);
  }
  return matcher;
}

/** "José" is often typed "Jose"; both spellings are looked for. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function build(names: readonly string[]): RegExp | null {
  const patterns = new Map<string, string>();
  const add = (term: string) => {
    for (const spelling of new Set([term, withoutAccents(term)])) {
      const key = spelling.toLowerCase();
      if (!patterns.has(key)) patterns.set(key, spelling.split(/\s+/u).map(escape).join('\\s+'));
    }
  };
  for (const raw of names) {
    const full = raw.trim().replace(/\s+/gu, ' ');
    if (full.length < 3) continue;
    if (full.includes(' ')) add(full);
    // "Garcia-Lopez" is also written "Garcia"; each part of a double name counts.
    const parts = full.split(/[\s,]+/u).flatMap((part) => (part.includes('-') ? [part, ...part.split('-')] : [part]));
    for (const part of parts) {
      const letters = part.replace(/[^\p{L}]/gu, '');
      if (letters.length >= 3 && !commonWords.has(part.toLowerCase())) add(part);
    }
  }
  if (patterns.size === 0) return null;
  const terms = [...patterns.values()].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${terms.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

export function redactNames(text: string, names: RegExp | null, replace: Replace): string {
  if (names === null) return text;
  return text.replace(names, (value) => replace('name', value));
}
