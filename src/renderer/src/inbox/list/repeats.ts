/**
 * What a row need not say again: the status its view is named for, and a second line that
 * only repeats the subject. Pure, so the memoised row stays cheap and this stays testable.
 */
import type { FeedbackFilter, FeedbackSummary } from '../../../../shared/contract';
import type { Status } from '../../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightRuns } from '../../../../shared/search';

/**
 * The status every row of the list has, or that the view is named for: a filter on one
 * status (Replied), or on resolved and closed (the Resolved view, where "Closed" still tells
 * a row apart). Null when rows differ in a way worth a label.
 */
export function impliedStatus(filter: FeedbackFilter): Status | null {
  const statuses = filter.status ?? [];
  if (statuses.length === 1) return statuses[0]!;
  if (statuses.length === 2 && statuses.includes('resolved') && statuses.includes('closed')) return 'resolved';
  return null;
}

const marks = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g');
/** What may stand between a subject and the rest of a preview that starts with it. */
const joiner = /^[\s.…!?:;,\-–—]+/;

function collapsed(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Trimmed, one space between words, lower case: two texts a person would read as the same. */
export function normalisedText(text: string): string {
  return collapsed(text).toLowerCase();
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * True when `text` says nothing the title does not: the same words, or a run of them (a
 * snippet cut from the subject, a preview cut short mid-word).
 */
export function addsNothing(title: string, text: string): boolean {
  const said = wordsOf(text.replace(marks, ''));
  if (said.length === 0) return true;
  const titleWords = wordsOf(title);
  const last = said.length - 1;
  for (let start = 0; start + said.length <= titleWords.length; start++) {
    if (said.every((word, i) => (i === last ? titleWords[start + i]!.startsWith(word) : titleWords[start + i] === word))) return true;
  }
  return false;
}

/**
 * A preview without the subject it starts with: "Broken doorbell. It stopped…" under the
 * subject "Broken doorbell" reads "It stopped…"; a preview that is the subject reads "".
 */
export function previewAfter(subject: string, preview: string): string {
  if (addsNothing(subject, preview)) return '';
  const text = collapsed(preview);
  const head = normalisedText(subject);
  if (head === '' || text.slice(0, head.length).toLowerCase() !== head) return text;
  const rest = text.slice(head.length);
  // "Refund" does not end the preview's first word in "Refunded twice".
  if (!joiner.test(rest)) return text;
  return rest.replace(joiner, '');
}

export type SecondLine = { snippet: string; text?: undefined } | { snippet?: undefined; text: string };

export interface Run {
  text: string;
  hit: boolean;
}

/**
 * The title with a search's hits marked, for a hit that was in the title (its snippet is
 * not shown, so the match shows here). The text is the title's own, only split.
 */
export function markedTitle(title: string, snippet: string): Run[] {
  const hits = [...new Set(highlightRuns(snippet).flatMap((run) => (run.hit && run.text.trim() ? [run.text.toLowerCase()] : [])))];
  if (hits.length === 0) return [{ text: title, hit: false }];
  const pattern = new RegExp(`(${hits.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return title
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, hit: hits.includes(part.toLowerCase()) }));
}

/**
 * A row's dimmed second line: the search hit when it shows more than the first line, else
 * what the preview adds to the subject (or, for a row titled by its preview, its product).
 */
export function secondLine(item: Pick<FeedbackSummary, 'subject' | 'preview' | 'snippet' | 'product'>): SecondLine {
  const title = item.subject ?? item.preview;
  if (item.snippet && !addsNothing(title, item.snippet)) return { snippet: item.snippet };
  if (item.subject === null) return { text: item.product ?? '' };
  return { text: previewAfter(item.subject, item.preview) };
}
