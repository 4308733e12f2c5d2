/**
 * Local analysis of new items before they are stored, so each lands with its sentiment,
 * language, topics and urgency in the same INSERT (no second write per row).
 * What the file said wins: a sentiment, a language or a tag it carried is kept.
 *
 * The import splits the work: preAnalyze (the text: language, sentiment, topics, urgency
 * cues) runs in its parse worker, away from the store; enrichWithAnalysis finishes on the
 * store's thread with what only the store knows (the contact count, and the customer's or
 * the store's language for a text too weak to tell). The result is the same either way.
 */
import type { Taxonomy } from '../analysis/taxonomy';
import type { TextAnalysis } from '../analysis/analyze';
import { analyzeItem, analyzeItemText, finishItemAnalysis, sentimentIsLocal, storedAnalysis, tagKey } from '../analysis/item';
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

/**
 * The parse worker's part of an item's analysis. 'context': the text was too weak to tell
 * its language, so the answer depends on the store (the customer's earlier language, the
 * store's usual one) and the store's thread analyses it whole; such texts are short.
 */
export type PreAnalysis = { kind: 'text'; text: TextAnalysis } | { kind: 'context' } | { kind: 'failed' };

/** The store-free analysis of each item, for enrichWithAnalysis; null for an item already analysed. */
export function preAnalyze(items: readonly NewFeedback[], taxonomy: Taxonomy): (PreAnalysis | null)[] {
  return items.map((item) => {
    if (item.analysis) return null;
    let asked = false;
    const ask = (): null => {
      asked = true;
      return null;
    };
    try {
      const text = analyzeItemText({ body: item.body, subject: item.subject, customerTier: item.customer?.tier ?? null }, taxonomy, { customer: ask, store: ask });
      return asked ? { kind: 'context' } : { kind: 'text', text };
    } catch {
      return { kind: 'failed' };
    }
  });
}

/**
 * `contacts[i]`: which contact item i is for its customer (see contactNumbers), for the
 * repeated-contact cue. `pre`: preAnalyze's answer for these items, when the parse worker
 * ran it; without it each item is analysed here.
 */
export function enrichWithAnalysis(
  items: NewFeedback[],
  now: number,
  taxonomy: Taxonomy,
  contacts: readonly (number | undefined)[] = [],
  language?: ImportLanguageContext,
  pre?: readonly (PreAnalysis | null)[],
): void {
  // A customer's confident language seen earlier in this batch: it is not in the store yet.
  const seen = new Map<string, string>();
  for (const [i, item] of items.entries()) {
    if (item.analysis) continue; // already enriched (a batch retried after a refused row)
    const key = customerKey(item.customer);
    if (key !== null && item.language !== null) seen.set(key, item.language);
    const subject = {
      body: item.body,
      subject: item.subject,
      status: item.status,
      customerTier: item.customer?.tier ?? null,
      receivedAt: item.receivedAt,
      ...(contacts[i] !== undefined ? { contactCount: contacts[i] } : {}),
    };
    const done = pre?.[i];
    if (done?.kind === 'failed') continue;
    let analysis;
    try {
      analysis =
        done?.kind === 'text'
          ? finishItemAnalysis(done.text, subject, now)
          : analyzeItem(subject, now, taxonomy, {
              // Asked only when the text is too weak to tell.
              customer: () => (key !== null ? (seen.get(key) ?? (item.customer && language ? language.customer(item.customer) : null)) : null),
              store: () => language?.store() ?? null,
            });
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
