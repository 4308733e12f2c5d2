/**
 * Local analysis of new items before they are stored, so each lands with its sentiment,
 * language, topics and urgency in the same INSERT (no second write per row).
 * What the file said wins: a sentiment, a language or a tag it carried is kept.
 */
import type { Taxonomy } from '../analysis/taxonomy';
import { analyzeItem, sentimentIsLocal, storedAnalysis, tagKey } from '../analysis/item';
import { confidentLanguageReasons, type LanguageReason } from '../../../shared/contract';
import type { NewCustomer, NewFeedback } from './types';

/** Where a short text's language can come from when the text cannot tell (store/analysis-repo.ts importLanguageContext). */
export interface ImportLanguageContext {
  /** The customer's most recent confident language in the store. */
  customer(customer: NewCustomer): string | null;
  /** The store's usual language. */
  store(): string | null;
}

const CONFIDENT: ReadonlySet<LanguageReason> = new Set(confidentLanguageReasons);
const customerKey = (c: NewCustomer | null): string | null => (c ? (c.email?.toLowerCase() ?? `name:${c.name}`) : null);

/** `contacts[i]`: which contact item i is for its customer (see contactNumbers), for the repeated-contact cue. */
export function enrichWithAnalysis(
  items: NewFeedback[],
  now: number,
  taxonomy: Taxonomy,
  contacts: readonly (number | undefined)[] = [],
  language?: ImportLanguageContext,
): void {
  // A customer's confident language seen earlier in this batch: it is not in the store yet.
  const seen = new Map<string, string>();
  for (const [i, item] of items.entries()) {
    if (item.analysis) continue; // already enriched (a batch retried after a refused row)
    const key = customerKey(item.customer);
    if (key !== null && item.language !== null) seen.set(key, item.language);
    let analysis;
    try {
      analysis = analyzeItem(
        {
          body: item.body,
          subject: item.subject,
          status: item.status,
          customerTier: item.customer?.tier ?? null,
          receivedAt: item.receivedAt,
          ...(contacts[i] !== undefined ? { contactCount: contacts[i] } : {}),
        },
        now,
        taxonomy,
        {
          // Asked only when the text is too weak to tell.
          customer: () => (key !== null ? (seen.get(key) ?? (item.customer && language ? language.customer(item.customer) : null)) : null),
          store: () => language?.store() ?? null,
        },
      );
    } catch {
      // An analyser failure must not cost the item: it is stored unanalysed, and a
      // re-analysis can try again.
      continue;
    }
    const local = item.sentiment === null && sentimentIsLocal(item.sentimentSource);
    if (local) {
      item.sentiment = analysis.sentiment.label;
      item.sentimentSource = 'local';
    }
    const fromFile = item.language !== null;
    if (!fromFile) item.language = analysis.language;
    if (key !== null && !fromFile && analysis.language !== null && CONFIDENT.has(analysis.languageReason)) seen.set(key, analysis.language);
    for (const topic of analysis.topics) {
      const name = tagKey(topic.name);
      if (!item.tags.some((t) => tagKey(t.name) === name)) item.tags.push({ name: topic.name, source: 'local' });
    }
    item.analysis = storedAnalysis(analysis, now, local);
    if (fromFile) item.analysis.languageReason = 'from-file';
  }
}
