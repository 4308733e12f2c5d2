/**
 * Source markers in a draft. The model cites as [S1]; models also write [S1, S2], 【S1】 or
 * [s1], and sometimes a marker that names no source. Hearken keeps only markers that name a
 * retrieved source, in one form, so the window can turn each into a link to what it cites.
 */

// Any bracket style models use, around one or more S-numbers separated by commas and the like.
const GROUP = /[ \t]?[[【［〔]\s*([Ss]\s?\d{1,3}(?:(?:\s*[,;、，/&]\s*|\s+)(?:and\s+)?[Ss]\s?\d{1,3})*)\s*[\]】］〕]/g;
const ONE = /[Ss]\s?(\d{1,3})/g;

export interface ResolvedCitations {
  /** The text with known markers as [S1] and unknown ones removed. */
  text: string;
  /** Known markers, in order of first citation. */
  cited: string[];
  /** Markers that named no source, removed from the text. */
  unknown: string[];
}

export function resolveCitations(text: string, markers: readonly string[]): ResolvedCitations {
  const known = new Set(markers);
  const cited: string[] = [];
  const unknown: string[] = [];
  const note = (list: string[], marker: string): void => {
    if (!list.includes(marker)) list.push(marker);
  };
  const replaced = text.replace(GROUP, (whole, group: string) => {
    const kept: string[] = [];
    for (const m of group.matchAll(ONE)) {
      const marker = `S${Number(m[1])}`;
      if (known.has(marker)) {
        note(cited, marker);
        if (!kept.includes(marker)) kept.push(marker);
      } else note(unknown, marker);
    }
    if (kept.length === 0) return '';
    const space = /^[ \t]/.test(whole) ? ' ' : '';
    return space + kept.map((k) => `[${k}]`).join('');
  });
  // A marker repeated back to back ([S1] [S1]) says nothing more.
  const deduped = replaced.replace(/\[(S\d+)\](\s*\[\1\])+/g, '[$1]');
  return { text: deduped, cited, unknown };
}

export type CitationSegment = { kind: 'text'; text: string } | { kind: 'cite'; marker: string };

/** The text cut into plain runs and [S1] markers, for the window to show markers as chips. */
export function citationSegments(text: string): CitationSegment[] {
  const segments: CitationSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(/\[(S\d{1,3})\]/g)) {
    const at = m.index;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    segments.push({ kind: 'cite', marker: m[1] ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
