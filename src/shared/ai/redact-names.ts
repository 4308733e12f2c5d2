/**
 * The customer's own names, known from the contact record. The full name and each part of
 * at least three letters are matched as whole words in any case; a part that is also an
 * everyday word ("Will", "Rose", "Mark") is left alone unless the full name appears.
 *
 * Every call has its own customer, so nothing here compiles a regex per name (V8 compiles
 * a regex on first use, which costs more than redacting the whole message): the lowercased
 * text is searched with indexOf for each name, and word boundaries are checked by hand.
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

const wordChar = /[\p{L}\p{M}\p{N}_]/u;
const space = /\s/u;
const apostrophes = /['’]/u;
const nonAscii = /[^ -~\s]/u;

/** A name in lowercase, cut at the spaces in it (any run of white space matches one). */
type NameTerm = readonly string[];

export interface NameMatcher {
  terms: readonly NameTerm[];
}

/** "José" is often typed "Jose"; both spellings are looked for. */
function withoutAccents(text: string): string {
  return nonAscii.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}

const compiled = new Map<string, NameMatcher | null>();

/** The lookup for a customer's names; null when there is nothing to look for. Cached, since a queue runs many calls for one customer. */
export function compileNames(names: readonly string[] | undefined): NameMatcher | null {
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

/** Letters in a name part: all but its apostrophes, dots and hyphens. */
function lettersIn(part: string): number {
  let n = part.length;
  for (let i = 0; i < part.length; i++) if ("'’.-".includes(part[i] as string)) n--;
  return n;
}

function build(names: readonly string[]): NameMatcher | null {
  const terms = new Map<string, NameTerm>();
  const add = (term: string) => {
    for (const spelling of [term, withoutAccents(term)]) {
      const lower = spelling.toLowerCase();
      // Lowercasing that changes the length (rare letters) would shift every index below.
      if (lower.length === spelling.length && !terms.has(lower)) terms.set(lower, lower.split(' '));
    }
  };
  for (const raw of names) {
    const full = raw.trim().replace(/\s+/g, ' ');
    if (full.length < 3) continue;
    if (full.includes(' ')) add(full);
    // "Garcia-Lopez" is also written "Garcia"; each part of a double name counts.
    const parts = full.split(/[ ,]+/).flatMap((part) => (part.includes('-') ? [part, ...part.split('-')] : [part]));
    for (const part of parts) {
      if (lettersIn(part) >= 3 && !commonWords.has(part.toLowerCase())) add(part);
    }
  }
  return terms.size === 0 ? null : { terms: [...terms.values()] };
}

function isWordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return wordChar.test(text[at] as string);
}

/** The end of `term` written at `at` in the lowercased text, as whole words; else -1. */
function matchAt(lower: string, at: number, term: NameTerm): number {
  if (isWordAt(lower, at - 1)) return -1;
  let end = at;
  for (let k = 0; k < term.length; k++) {
    if (k > 0) {
      const start = end;
      while (end < lower.length && space.test(lower[end] as string)) end++;
      if (end === start) return -1;
    }
    const word = term[k] as string;
    // The customer may type a curly apostrophe where the record has a straight one.
    if (!lower.startsWith(word, end) && !(word.includes("'") && lower.startsWith(word.replace(/'/gu, '’'), end))) return -1;
    end += word.length;
  }
  return isWordAt(lower, end) ? -1 : end;
}

export function redactNames(text: string, names: NameMatcher | null, replace: Replace): string {
  if (names === null) return text;
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return text.replace(/\S+/gu, (chunk) => redactNames(chunk, names, replace));
  const found: [number, number][] = [];
  for (const term of names.terms) {
    // Searched for: the longest stretch of the first word without an apostrophe, which may be curly in the text.
    const first = term[0] as string;
    let head = first;
    let offset = 0;
    if (apostrophes.test(first)) {
      let from = 0;
      head = '';
      for (const piece of first.split(apostrophes)) {
        if (piece.length > head.length) [head, offset] = [piece, from];
        from += piece.length + 1;
      }
    }
    // A first word of apostrophes only ("' Maria" in a contact record) leaves nothing to search for; indexOf('') would find it forever.
    if (head === '') continue;
    for (let hit = lower.indexOf(head); hit >= 0; hit = lower.indexOf(head, hit + 1)) {
      const end = hit >= offset ? matchAt(lower, hit - offset, term) : -1;
      if (end > 0) found.push([hit - offset, end]);
    }
  }
  if (found.length === 0) return text;
  // Leftmost first, and at one place the longest (the full name over its first part).
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let last = 0;
  for (const [start, end] of found) {
    if (start < last) continue;
    out += text.slice(last, start) + replace('name', text.slice(start, end));
    last = end;
  }
  return out + text.slice(last);
}
