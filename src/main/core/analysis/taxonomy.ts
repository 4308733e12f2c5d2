/**
 * The topic taxonomy: editable data. Each topic has keywords (single words, matched on
 * their stem, so "refunds" and "refunded" match "refund") and phrases (several words,
 * matched word by word on stems), plus per-language additions. The base keywords and
 * phrases apply to text in every language (support text mixes in English product words),
 * stemmed with that language's stemmer. The shipped topics live in taxonomies/ (general.ts
 * is the default; starters.ts the ones a new inbox may begin from instead).
 */
import {
  BILLING,
  BUG_OR_CRASH,
  CANCELLATION,
  CARDS_AND_PAYMENTS,
  DELIVERY,
  DOCUMENTATION,
  FEATURE_REQUEST,
  LOGIN_AND_ACCOUNT,
  PERFORMANCE,
  PRAISE,
  PRICING,
  REFUND,
  TRANSFERS,
} from './taxonomies/general';

export interface TopicTerms {
  keywords: string[];
  phrases: string[];
}

export interface TaxonomyTopic extends TopicTerms {
  name: string;
  /** Additions per ISO 639-1 language. */
  languages?: Record<string, TopicTerms>;
}

export type Taxonomy = TaxonomyTopic[];

/** What new stores start with and "Restore defaults" brings back: the 'general' starter. */
export const DEFAULT_TAXONOMY: Taxonomy = [
  BILLING,
  REFUND,
  DELIVERY,
  LOGIN_AND_ACCOUNT,
  CARDS_AND_PAYMENTS,
  TRANSFERS,
  BUG_OR_CRASH,
  PERFORMANCE,
  FEATURE_REQUEST,
  PRICING,
  CANCELLATION,
  PRAISE,
  DOCUMENTATION,
];
