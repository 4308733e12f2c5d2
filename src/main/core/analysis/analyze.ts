/**
 * analyze(): sentiment, language, topics and urgency of one item, offline, in microseconds.
 * Only the customer's own message is read (customerMessage: no quoted thread, at most 2,000
 * chars). It is copied once into a typed array and scanned once for words (scan.ts): the
 * stop-word vote and topics look each word up by offsets + hash, with no string per word;
 * sentiment scans the same copy with its own tokens. Word strings and stems for urgency are
 * made only when urgency runs.
 */
import type { LanguageReason, UrgencyLevel } from '../../../shared/contract';
import type { CustomerTier } from '../../../shared/domain';
import { detectLanguage, type LanguageContext } from './language';
import { analyzeSentiment, type SentimentResult } from './sentiment';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { customerMessage, stemAll, stemmerFor, tokenize } from './tokenize';
import { matchTopics } from './topics';
import { finishUrgency, urgencyCues, type UrgencyCues } from './urgency';

export interface Analysis {
  sentiment: SentimentResult;
  /** ISO 639-1, null when unsure. */
  language: string | null;
  languageConfidence: number;
  /** Why this language (or why none): shown beside it in the detail. */
  languageReason: LanguageReason;
  topics: { name: string; matched: string[] }[];
  urgency: { level: UrgencyLevel; score: number; reasons: string[] };
}

export interface AnalyzeInput {
  text: string;
  subject?: string | null;
  customerTier?: CustomerTier | null;
  contactCount?: number;
  receivedAt?: number;
  now?: number;
}

export interface AnalyzeOptions {
  taxonomy?: Taxonomy;
  /** Skip urgency (the bench's "sentiment + language + topics"). */
  urgency?: boolean;
  /** The customer's earlier language and the store's usual one, used only when the text is too weak to tell. */
  languageContext?: LanguageContext;
}

const NO_URGENCY = { level: 'normal' as const, score: 1, reasons: [] as string[] };

export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Analysis {
  return finishAnalysis(analyzeText(input, options), input);
}

/**
 * The part of an analysis that reads only the text, the tier and the taxonomy (no store, no
 * clock): the import runs it in its parse worker and finishes it with finishAnalysis.
 */
export interface TextAnalysis extends Omit<Analysis, 'urgency'> {
  /** Null when urgency is skipped. */
  urgencyCues: UrgencyCues | null;
}

export function analyzeText(input: Pick<AnalyzeInput, 'text' | 'subject' | 'customerTier'>, options: AnalyzeOptions = {}): TextAnalysis {
  const full = input.subject ? `${input.subject}\n${input.text}` : input.text;
  // The customer's own words: quoted earlier messages and very long tails are not read.
  const text = customerMessage(full);
  // Language, sentiment and topics read one shared copy and word scan of the text (scan.ts).
  const lang = detectLanguage(text, undefined, options.languageContext);
  const sentiment = analyzeSentiment(text, { language: lang.language });
  const topics = matchTopics(text, lang.language, options.taxonomy ?? DEFAULT_TAXONOMY);
  const words = options.urgency === false ? null : tokenize(text);
  const urgencyCuesFound =
    words === null ? null : urgencyCues({ words, stems: stemAll(words, stemmerFor(lang.language)), language: lang.language, customerTier: input.customerTier ?? null });
  return { sentiment, language: lang.language, languageConfidence: lang.confidence, languageReason: lang.reason, topics, urgencyCues: urgencyCuesFound };
}

/** Repeated contact, age and sentiment join the text's urgency cues. */
export function finishAnalysis(text: TextAnalysis, input: Pick<AnalyzeInput, 'contactCount' | 'receivedAt' | 'now'>): Analysis {
  const { urgencyCues: cues, ...rest } = text;
  const urgency =
    cues === null
      ? NO_URGENCY
      : finishUrgency(cues, {
          sentiment: text.sentiment,
          ...(input.contactCount !== undefined ? { contactCount: input.contactCount } : {}),
          ...(input.receivedAt !== undefined ? { receivedAt: input.receivedAt } : {}),
          ...(input.now !== undefined ? { now: input.now } : {}),
        });
  return { ...rest, urgency };
}
