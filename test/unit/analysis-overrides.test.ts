/**
 * What a person decided wins over local analysis, at the level of the store's functions on
 * an in-memory database: a sentiment set by an agent (source human), by a file (import) or
 * by a model is never replaced by analysis, on import or on re-analysis; a topic an agent
 * removed is not put back; overrides of the analysis are counted for the AI-quality figures.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../src/main/core/analysis/taxonomy';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import { enrichWithAnalysis } from '../../src/main/core/ingest/enrich';
import { sentimentIsLocal } from '../../src/main/core/analysis/item';
import { reanalyzeBatch } from '../../src/main/core/store/analysis-repo';
import { recordAudit } from '../../src/main/core/store/audit';
import { Database, type DB } from '../../src/main/core/store/db';
import { getFeedback } from '../../src/main/core/store/feedback-repo';
import { updateFeedback } from '../../src/main/core/store/feedback-update';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { qualityFigures } from '../../src/main/core/store/quality';
import { seedDefaultTaxonomy } from '../../src/main/core/store/taxonomy-repo';
import type { TagSource } from '../../src/shared/domain';

const NOW = Date.UTC(2026, 5, 1);
const ANGRY = 'Still waiting for my refund, third time I ask. This is unacceptable!!!';

function item(n: number, sentiment: 'positive' | null, source: TagSource | null): NewFeedback {
  return {
    source: 'test',
    externalId: `o-${n}`,
    contentHash: contentHash({ customer: `c${n}`, at: NOW - n, body: ANGRY }),
    channel: 'email',
    customer: null,
    subject: null,
    body: ANGRY,
    product: null,
    language: null,
    status: 'open',
    sentiment,
    sentimentSource: source,
    rating: null,
    receivedAt: NOW - n,
    unread: true,
    tags: [],
    messages: [{ direction: 'in', author: null, body: ANGRY, sentAt: NOW - n }],
  };
}

let db: DB;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  seedDefaultTaxonomy(db, NOW);
});

describe('overrides', () => {
  it('analysis may only replace its own sentiment, or none', () => {
    expect(sentimentIsLocal(null)).toBe(true);
    expect(sentimentIsLocal('local')).toBe(true);
    for (const source of ['human', 'import', 'llm'] as const) expect(sentimentIsLocal(source)).toBe(false);
  });

  it('on import, a sentiment the file gave is kept, without cue words; an item without one is analysed', () => {
    const given = item(1, 'positive', 'import');
    const open = item(2, null, null);
    enrichWithAnalysis([given, open], NOW, DEFAULT_TAXONOMY);
    expect(given).toMatchObject({ sentiment: 'positive', sentimentSource: 'import' });
    expect(given.analysis?.sentimentCues).toBeNull();
    expect(open).toMatchObject({ sentiment: 'negative', sentimentSource: 'local' });
    expect(open.analysis?.sentimentCues?.length).toBeGreaterThan(0);
    // Topics are added beside the file's tags.
    expect(open.tags).toContainEqual({ name: 'refund', source: 'local' });
  });

  it('an agent override is stored as human, survives re-analysis, and is counted once as an override of the analysis', () => {
    const items = [item(1, null, null), item(2, null, null)];
    enrichWithAnalysis(items, NOW, DEFAULT_TAXONOMY);
    const [a, b] = insertFeedbackBatch(db, items, NOW).ids;
    const result = updateFeedback(db, [a!], { sentiment: 'positive' }, NOW);
    expect(result.overrides).toEqual([{ id: a, from: 'negative', fromSource: 'local', to: 'positive' }]);
    for (const o of result.overrides) recordAudit(db, { at: NOW, actor: 'agent', action: 'sentiment.override', entityType: 'feedback', entityId: o.id, detail: o });
    expect(getFeedback(db, a!)).toMatchObject({ sentiment: 'positive', sentimentSource: 'human', sentimentCues: [] });

    // The agent also takes the analysis's topic off item b.
    updateFeedback(db, [b!], { removeTags: ['refund'] }, NOW);
    for (let after: number | null = 0; after !== null; ) after = reanalyzeBatch(db, {}, after, 10, NOW + 1).next;

    expect(getFeedback(db, a!)).toMatchObject({ sentiment: 'positive', sentimentSource: 'human' });
    expect(getFeedback(db, b!)).toMatchObject({ sentiment: 'negative', sentimentSource: 'local' });
    expect(getFeedback(db, b!).tags.map((t) => t.name)).not.toContain('refund');
    expect(getFeedback(db, a!).tags).toContainEqual({ name: 'refund', source: 'local' });
    expect(qualityFigures(db)).toMatchObject({ sentimentOverrides: 1, topicRejections: 1 });

    // Setting the same label again is not a new override.
    expect(updateFeedback(db, [a!], { sentiment: 'positive' }, NOW).overrides).toEqual([]);
  });
});
