/**
 * Local analysis of new items before they are stored, so each lands with its sentiment,
 * language, topics and urgency in the same INSERT (no second write per row).
 * What the file said wins: a sentiment, a language or a tag it carried is kept.
 */
import type { Taxonomy } from '../analysis/taxonomy';
import { analyzeItem, sentimentIsLocal, storedAnalysis, tagKey } from '../analysis/item';
import type { NewFeedback } from './types';

/** `contacts[i]`: which contact item i is for its customer (see contactNumbers), for the repeated-contact cue. */
export function enrichWithAnalysis(items: NewFeedback[], now: number, taxonomy: Taxonomy, contacts: readonly (number | undefined)[] = []): void {
  for (const [i, item] of items.entries()) {
    if (item.analysis) continue; // already enriched (a batch retried after a refused row)
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
    if (item.language === null) item.language = analysis.language;
    for (const topic of analysis.topics) {
      const name = tagKey(topic.name);
      if (!item.tags.some((t) => tagKey(t.name) === name)) item.tags.push({ name: topic.name, source: 'local' });
    }
    item.analysis = storedAnalysis(analysis, now, local);
  }
}
