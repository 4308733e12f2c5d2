/**
 * How well a template or an earlier reply fits a conversation, on one scale from 0 to 1
 * for both, so that one threshold (with one relative to the best, in suggest.ts) can hide
 * the weak ones. No database here: suggest.ts
 * gathers the candidates and the term counts, this file weighs them.
 *
 * - Words: the share of the conversation's content words (stems) the candidate covers,
 *   each weighted by its rarity among the customer messages the team has answered (idf).
 *   Stop words and generic words ("new", "help", "issue") are not terms at all.
 * - Topic: the conversation's topics (local analysis, plus the topics its intent implies)
 *   against a template's topics, or against the topics of the message an earlier reply
 *   answered.
 * - Intent: refund request, delivery status, login problem, bug report, cancellation,
 *   thanks (intents.ts), read from the message and from a template's keywords.
 */
import { customerMessage, stemmerFor, tokenize } from '../analysis/tokenize';
import { intentLabels, type Intent, type Mood } from './intents';

/**
 * Below this a suggestion is not shown. Chosen on the earlier (development) part of the
 * evaluation data, never on the part it is reported on (docs/analysis.md, Suggestions evaluation).
 */
export const MIN_SCORE = 0.15;

/** A term's weight from how many answered messages hold it (counted up to `cap`): rare words tell most. */
export function termWeight(df: number, cap: number): number {
  return Math.log(1 + cap / (1 + Math.min(Math.max(df, 1), cap)));
}

export interface WeightedQuery {
  /** Stem → the customer's word for it. */
  stems: ReadonlyMap<string, string>;
  /** Stem → weight (termWeight); a stem missing here weighs 1. */
  weights: ReadonlyMap<string, number>;
  language: string | null;
}

/**
 * The weighted share of the conversation's terms that occur in `text` in some form, and
 * the words matched, most telling first.
 */
export function coverage(text: string, query: WeightedQuery): { share: number; matched: string[] } {
  const stemmer = stemmerFor(query.language);
  const present = new Set(tokenize(text).map((w) => stemmer.stem(w)));
  let total = 0;
  let covered = 0;
  const matched: [string, number][] = [];
  for (const [stem, word] of query.stems) {
    const w = query.weights.get(stem) ?? 1;
    total += w;
    if (present.has(stem)) {
      covered += w;
      matched.push([word, w]);
    }
  }
  matched.sort((a, b) => b[1] - a[1]);
  return { share: total > 0 ? covered / total : 0, matched: matched.map(([word]) => word) };
}

export interface TemplateFit {
  sharedTopics: readonly string[];
  sharedIntents: readonly Intent[];
  /** Coverage of the conversation by the template's name, keywords and topics. */
  keys: number;
  /** Coverage by its body. */
  body: number;
  sameMood: boolean;
}

/**
 * A template is chosen for what it is about: its topics and intent first, then the words
 * of its name and keywords; its body (everyday words) adds a little.
 */
export function templateScore(fit: TemplateFit): number {
  const about = fit.sharedTopics.length > 0 || fit.sharedIntents.length > 0;
  const words = 0.35 * fit.keys + 0.1 * fit.body + (fit.sameMood ? 0.05 : 0);
  // Without a shared topic or intent, shared words alone count half: a template must not
  // come before the team's earlier replies on words it happens to contain.
  return Math.min(1, (fit.sharedTopics.length > 0 ? 0.4 : 0) + (fit.sharedIntents.length > 0 ? 0.25 : 0) + (about ? words : words / 2));
}

export interface ReplyFit {
  /** Coverage of the conversation by the message the earlier reply answered (0..1: against the conversation's own weight). */
  words: number;
  /** Its bm25 score over the best candidate's (0..1): bm25's own lexical evidence, length and repeats included. */
  bm25: number;
  /** How much the reply agrees with the other candidates' replies (0..1, see `agreement`). */
  agreement: number;
  sharedTopics: readonly string[];
  sharedIntents: readonly Intent[];
}

/**
 * An earlier reply fits when the message it answered reads like this one (bm25 and the
 * idf-weighted coverage, the main part), when it says what the team usually answers to
 * such messages (agreement), and when it was about the same topic and intent (boosts).
 */
export function replyScore(fit: ReplyFit): number {
  const lexical = 0.5 * fit.words + 0.5 * fit.bm25;
  return Math.min(1, 0.4 * lexical + 0.6 * fit.agreement + (fit.sharedTopics.length > 0 ? 0.1 : 0) + (fit.sharedIntents.length > 0 ? 0.1 : 0));
}

/** Word-set overlap (Jaccard). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/**
 * For each candidate reply, how much the other candidates (weighted by how well the
 * messages they answered match) say the same thing: the team's usual answer to messages
 * like this one rises, a one-off falls. 0..1; 0 with fewer than two candidates.
 */
export function agreement(replies: readonly { words: ReadonlySet<string>; weight: number }[]): number[] {
  return replies.map((r, i) => {
    let sum = 0;
    let total = 0;
    replies.forEach((o, j) => {
      if (j === i) return;
      sum += o.weight * overlap(r.words, o.words);
      total += o.weight;
    });
    return total > 0 ? sum / total : 0;
  });
}

/** "same topic: refund · intent: refund request · a question too · mentions: order, arrived" */
export function fitReasons(fit: { sharedTopics: readonly string[]; sharedIntents: readonly Intent[]; matched: readonly string[]; mood?: Mood | null }): string[] {
  return [
    fit.sharedTopics.length > 0 ? `same topic: ${fit.sharedTopics.join(', ')}` : null,
    fit.sharedIntents.length > 0 ? `intent: ${fit.sharedIntents.map((i) => intentLabels[i]).join(', ')}` : null,
    fit.mood ? `answers a ${fit.mood}` : null,
    fit.matched.length > 0 ? `mentions: ${fit.matched.slice(0, 4).join(', ')}` : null,
  ].filter((r): r is string => r !== null);
}

const GIST_CHARS = 48;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

/**
 * A few words that say what a customer message was about: its first sentence without
 * handles, links or greeting, clipped at a word.
 */
export function gist(message: string): string {
  const own = customerMessage(message)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?:^|\s)[@#][\p{L}\p{N}_]+/gu, ' ')
    .replace(/^\s*(?:hi|hello|hey|dear|hallo|bonjour|hola)\b[^,.!?\n]*[,.!\n]\s*/iu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = own.split(/(?<=[.!?])\s|\n/u).find((s) => /[\p{L}\p{N}]/u.test(s)) ?? own;
  return clip(sentence.trim(), GIST_CHARS);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The title of an earlier reply: the topic of the message it answered and that message's
 * subject ("Refund · Order 1234 never arrived"), or, without a subject, its gist.
 */
export function earlierReplyTitle(answered: { subject: string | null; prompt: string; topic: string | null }): string {
  const about = clip(answered.subject?.trim() || gist(answered.prompt), GIST_CHARS * 2) || 'a customer message';
  return answered.topic ? `${capitalise(answered.topic)} · ${about}` : about;
}
