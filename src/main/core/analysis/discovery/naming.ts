/**
 * Topic discovery, step three: what a group shares, in words a person reads. A term is
 * distinctive when many members have it and few others do (share × log of the lift); the
 * name is the most distinctive two-word phrase that holds one of the three strongest words,
 * when enough members use it, else the two strongest words. Words are shown as the members wrote them most often, not as stems.
 */
import { contentWords, type Features } from './features';

export interface Description {
  name: string;
  keywords: string[];
  phrases: string[];
  /** Stems of the name and keywords, for matching rejected and existing topics. */
  stems: Set<string>;
  nameStems: string[];
  language: string | null;
}

const MAX_KEYWORDS = 6;
const MAX_PHRASES = 4;
/** Members read for the written forms (most typical first). */
const SURFACE_SAMPLE = 300;
/** At most this many stop words are shown between the two words of a phrase. */
const MAX_GAP = 2;

/** The most frequent key of a count map (ties: alphabetical, so the result is stable). */
function mostFrequent(counts: Map<string, number> | undefined, fallback: string): string {
  let best = fallback;
  let bestCount = 0;
  for (const [k, c] of counts ?? []) if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
  return best;
}

/** The tokenizer splits "don't" into "don" and "t": written back with the apostrophe. */
const CONTRACTED = new Set(['t', 's', 'm', 'd', 'll', 've', 're']);
function written(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) out += out && CONTRACTED.has(t) ? `'${t}` : out ? ` ${t}` : t;
  return out;
}

export function describe(f: Features, docs: readonly { text: string; language: string | null }[], members: readonly number[]): Description {
  const size = members.length;
  const has = new Map<number, number>();
  for (const i of members) for (let p = f.offsets[i] as number; p < (f.offsets[i + 1] as number); p++) has.set(f.terms[p] as number, (has.get(f.terms[p] as number) ?? 0) + 1);
  const scored: { t: number; share: number; score: number }[] = [];
  for (const [t, c] of has) {
    const share = c / size;
    if (share < 0.1 && c < 3) continue;
    const background = (f.df[t] as number) / f.n;
    scored.push({ t, share, score: share * Math.log(Math.max(1.0001, share / background)) });
  }
  scored.sort((a, b) => b.score - a.score || a.t - b.t);
  const words = scored.filter((s) => !f.isPhrase[s.t]).slice(0, MAX_KEYWORDS);
  const phrases = scored.filter((s) => f.isPhrase[s.t] && s.share >= 0.15).slice(0, MAX_PHRASES);

  // Written forms of the chosen stems and phrases, from the most typical members.
  const wanted = new Set([...words, ...phrases].map((s) => f.vocab[s.t] as string));
  const surface = new Map<string, Map<string, number>>();
  const count = (key: string, written: string): void => {
    let m = surface.get(key);
    if (!m) surface.set(key, (m = new Map()));
    m.set(written, (m.get(written) ?? 0) + 1);
  };
  const languages = new Map<string, number>();
  for (const i of members) {
    const language = docs[i]?.language ?? '';
    languages.set(language, (languages.get(language) ?? 0) + 1);
  }
  for (const i of members.slice(0, SURFACE_SAMPLE)) {
    const doc = docs[i] as { text: string; language: string | null };
    const { words: ws, stems, gaps } = contentWords(doc.text, doc.language);
    for (let k = 0; k < stems.length; k++) {
      if (wanted.has(stems[k] as string)) count(stems[k] as string, ws[k] as string);
      if (k > 0) {
        const pair = `${stems[k - 1] as string} ${stems[k] as string}`;
        // With the short words between, as written: "long does it take" reads, "long take" does not.
        const gap = gaps[k] as string[];
        if (wanted.has(pair)) count(pair, written([ws[k - 1] as string, ...(gap.length <= MAX_GAP ? gap : []), ws[k] as string]));
      }
    }
  }
  const asWritten = (s: { t: number }): string => mostFrequent(surface.get(f.vocab[s.t] as string), f.vocab[s.t] as string);
  const keywords = words.map(asWritten);
  const phraseTexts = phrases.map(asWritten);

  const top = words[0];
  // A phrase names the group only when it holds one of its strongest words: a phrase that
  // is merely frequent ("how long") says less than two strong words.
  const strong = new Set(words.slice(0, 3).map((s) => f.vocab[s.t] as string));
  const named = phrases.findIndex((p) => (f.vocab[p.t] as string).split(' ').some((stem) => strong.has(stem)));
  const phrase = phrases[named];
  let name: string;
  let nameTerms: string[];
  if (phrase && (!top || phrase.share >= 0.25 || phrase.score >= 0.5 * top.score)) {
    name = phraseTexts[named] as string;
    nameTerms = (f.vocab[phrase.t] as string).split(' ');
  } else if (top) {
    const second = words[1];
    const useSecond = second !== undefined && second.share >= 0.2;
    name = useSecond ? `${keywords[0] as string} · ${keywords[1] as string}` : (keywords[0] as string);
    nameTerms = useSecond ? [f.vocab[top.t] as string, f.vocab[second.t] as string] : [f.vocab[top.t] as string];
  } else {
    name = '';
    nameTerms = [];
  }
  const stems = new Set<string>(nameTerms);
  for (const s of words) stems.add(f.vocab[s.t] as string);

  let language: string | null = null;
  const [lang, langCount] = [...languages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  if (lang && langCount >= 0.6 * size) language = lang;
  return { name, keywords, phrases: phraseTexts, stems, nameStems: nameTerms, language };
}

/** Stems of every word of some keyword strings (a phrase gives each of its words). */
export function stemsOf(strings: readonly string[], language: string | null): Set<string> {
  const out = new Set<string>();
  for (const s of strings) for (const stem of contentWords(s, language).stems) out.add(stem);
  return out;
}

/** True when a group's stems cover at least half of a rejected proposal's (or the other way round). */
export function matchesRejected(stems: ReadonlySet<string>, rejected: ReadonlySet<string>): boolean {
  if (stems.size === 0 || rejected.size === 0) return false;
  let shared = 0;
  for (const s of rejected) if (stems.has(s)) shared++;
  return shared > 0 && shared >= 0.5 * Math.min(stems.size, rejected.size);
}
