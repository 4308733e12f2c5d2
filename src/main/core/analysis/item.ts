/**
 * Local analysis of one feedback item: what is read from the item, and the form its result
 * is stored in. Both the import (ingest/enrich.ts) and re-analysis (store/analysis-repo.ts)
 * go through here, so a new item and a re-analyzed one get the same answer. What a person
 * decided wins: a sentiment whose source is 'human' (or came with the file, or from the AI
 * model) is kept, and only tags whose source is 'local' are replaced.
 */
import type { LanguageReason, SentimentCueInfo, UrgencyLevel } from '../../../shared/contract';
import type { CustomerTier, Status, TagSource } from '../../../shared/domain';
import { analyzeText, finishAnalysis, type Analysis, type TextAnalysis } from './analyze';
import type { LanguageContext } from './language';
import type { Taxonomy } from './taxonomy';

/** Bumped when the analyzers change enough that stored results should be redone. */
export const ANALYSIS_VERSION = 2;

export interface AnalysisSubject {
  body: string;
  subject: string | null;
  status: Status;
  customerTier: CustomerTier | null;
  receivedAt: number;
  /** The customer's conversations, this one included; unknown while importing. */
  contactCount?: number;
}

/** The analysis columns of a feedback row, written with the row or by re-analysis. */
export interface NewAnalysis {
  /** With a local sentiment only; null when the sentiment came from elsewhere. */
  sentimentScore: number | null;
  sentimentCues: SentimentCueInfo[] | null;
  urgency: UrgencyLevel;
  urgencyReasons: string[];
  /** Why the detected language; the writer stores 'from-file' instead when the file named one. */
  languageReason: LanguageReason;
  analyzedAt: number;
  version: number;
}

/** Analyzes one item with the store's taxonomy. Only an open item is "waiting": its age counts towards urgency. */
export function analyzeItem(item: AnalysisSubject, now: number, taxonomy: Taxonomy, languageContext?: LanguageContext): Analysis {
  return finishItemAnalysis(analyzeItemText(item, taxonomy, languageContext), item, now);
}

/**
 * What analyzeItem reads from the text alone (language, sentiment, topics, the urgency cues):
 * the expensive part, which needs no store, so the import runs it in its parse worker.
 */
export function analyzeItemText(item: Pick<AnalysisSubject, 'body' | 'subject' | 'customerTier'>, taxonomy: Taxonomy, languageContext?: LanguageContext): TextAnalysis {
  return analyzeText({ text: item.body, subject: item.subject, customerTier: item.customerTier }, languageContext ? { taxonomy, languageContext } : { taxonomy });
}

/** The cheap rest of analyzeItem: the contact count, the item's age and the sentiment join its urgency. */
export function finishItemAnalysis(text: TextAnalysis, item: Pick<AnalysisSubject, 'status' | 'receivedAt' | 'contactCount'>, now: number): Analysis {
  return finishAnalysis(text, {
    now,
    ...(item.status === 'open' ? { receivedAt: item.receivedAt } : {}),
    ...(item.contactCount !== undefined ? { contactCount: item.contactCount } : {}),
  });
}

/** The stored form; the score and cues only when the local sentiment is the one kept. */
export function storedAnalysis(analysis: Analysis, now: number, localSentiment: boolean): NewAnalysis {
  return {
    sentimentScore: localSentiment ? analysis.sentiment.score : null,
    sentimentCues: localSentiment ? analysis.sentiment.cues.map((c) => ({ text: c.text, weight: c.weight, kind: c.kind })) : null,
    urgency: analysis.urgency.level,
    urgencyReasons: analysis.urgency.reasons,
    languageReason: analysis.languageReason,
    analyzedAt: now,
    version: ANALYSIS_VERSION,
  };
}

/** "feature-request" from a file and the topic "feature request" are one tag. */
export const tagKey = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, ' ');

/** A sentiment local analysis may replace: none yet, or its own. */
export function sentimentIsLocal(source: TagSource | null): boolean {
  return source === null || source === 'local';
}
