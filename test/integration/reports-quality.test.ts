/**
 * A report's AI-quality figures from a real encrypted store: drafts and suggestions of the
 * scope's items made in the period, override rates by language and channel, and the LLM
 * calls of the period with the budget month's tokens.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/main/core/store/db';
import { filterClause } from '../../src/main/core/store/feedback-repo';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';
import { aiQualityFor } from '../../src/main/core/store/report-quality-repo';
import type { FeedbackFilter } from '../../src/shared/contract';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function openStore(): DB {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-report-quality-'));
  const db = openEncrypted(join(dir, 'store.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
  migrate(db, migrations);
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const from = Date.UTC(2026, 10, 1);
const to = Date.UTC(2026, 10, 16);
const inPeriod = (day: number): number => Date.UTC(2026, 10, day, 12);
const before = Date.UTC(2026, 9, 31, 12);

function seed(db: DB): void {
  const item = db.prepare(
    `INSERT INTO feedback (id, source, content_hash, channel, body, product, language, received_at, updated_at) VALUES (?, 'test', ?, ?, 'body', ?, ?, ?, ?)`,
  );
  const items: [string, string, string, string | null, number][] = [
    ['f0', 'email', 'A', 'en', before],
    ['f1', 'email', 'A', 'en', inPeriod(2)],
    ['f2', 'email', 'A', 'en', inPeriod(3)],
    ['f3', 'chat', 'A', 'de', inPeriod(4)],
    ['f4', 'chat', 'A', null, inPeriod(5)],
    ['f5', 'email', 'B', 'en', inPeriod(6)],
  ];
  for (const [id, channel, product, language, at] of items) item.run(id, `hash-${id}`, channel, product, language, at, at);

  const draft = db.prepare(`INSERT INTO ai_drafts (id, feedback_id, tone, model, state, outcome, edit_distance, created_at) VALUES (?, ?, 'friendly', 'm', 'done', ?, ?, ?)`);
  draft.run('d1', 'f1', 'unchanged', null, inPeriod(2));
  draft.run('d2', 'f1', 'edited', 10, inPeriod(3));
  draft.run('d3', 'f2', 'edited', 60, inPeriod(3));
  draft.run('d4', 'f3', 'edited', 20, inPeriod(4));
  draft.run('d5', 'f4', 'discarded', null, inPeriod(5));
  draft.run('d6', 'f5', 'edited', 100, inPeriod(6));
  // Not counted: undecided, an item outside the scope, made before the period.
  draft.run('d7', 'f2', null, null, inPeriod(7));
  draft.run('d8', 'f0', 'edited', 99, inPeriod(2));
  draft.run('d9', 'f3', 'edited', 5, from - 1);

  const outcome = db.prepare(`INSERT INTO reply_outcomes (id, feedback_id, outcome, created_at) VALUES (?, ?, ?, ?)`);
  outcome.run('r1', 'f1', 'unchanged', inPeriod(2));
  outcome.run('r2', 'f2', 'edited', inPeriod(3));
  outcome.run('r3', 'f3', 'written', inPeriod(4));
  outcome.run('r4', 'f4', 'discarded', inPeriod(5));
  outcome.run('r5', 'f4', 'written', inPeriod(6));
  outcome.run('r6', 'f0', 'unchanged', inPeriod(2));
  outcome.run('r7', 'f1', 'edited', to);

  const audit = db.prepare(`INSERT INTO audit_events (id, at, actor, action, entity_type, entity_id, detail) VALUES (?, ?, 'user', ?, 'feedback', ?, ?)`);
  const override = (fromSource: string): string => JSON.stringify({ from: 'positive', fromSource, to: 'negative' });
  audit.run('a1', inPeriod(2), 'sentiment.override', 'f1', override('local'));
  audit.run('a2', inPeriod(8), 'sentiment.override', 'f1', override('llm'));
  audit.run('a3', inPeriod(4), 'sentiment.override', 'f3', override('llm'));
  // A person's own sentiment changed again, another action, an item outside the scope.
  audit.run('a4', inPeriod(3), 'sentiment.override', 'f2', override('human'));
  audit.run('a5', inPeriod(5), 'feedback.update', 'f4', override('local'));
  audit.run('a6', inPeriod(2), 'sentiment.override', 'f0', override('local'));

  db.prepare(`INSERT INTO tags (id, name, created_at) VALUES ('t1', 'Refunds', 1), ('t2', 'Shipping', 1)`).run();
  const reject = db.prepare(`INSERT INTO feedback_tag_rejections (feedback_id, tag_id, source, created_at) VALUES (?, ?, 'local', 1)`);
  reject.run('f2', 't1');
  reject.run('f2', 't2');
  reject.run('f4', 't1');
  reject.run('f0', 't1');

  const call = db.prepare(
    `INSERT INTO ai_calls (id, at, purpose, host, request, outcome, prompt_tokens, completion_tokens, tokens_estimated, latency_ms) VALUES (?, ?, ?, 'llm.example', '{}', ?, ?, ?, ?, 100)`,
  );
  call.run('c1', inPeriod(2), 'draft', 'ok', 100, 50, 0);
  call.run('c2', inPeriod(3), 'draft', 'failed', null, null, 0);
  call.run('c3', inPeriod(4), 'triage', 'invalid', 30, 10, 0);
  call.run('c4', inPeriod(5), 'triage', 'ok', 40, 20, 1);
  call.run('c5', inPeriod(15), 'summary', 'ok', 200, 100, 0);
  // After the period but in its budget month; before the period, in the month before.
  call.run('c6', inPeriod(20), 'test', 'ok', 5, 5, 0);
  call.run('c7', before, 'triage', 'ok', 1000, 1000, 0);
}

const scope = (extra: FeedbackFilter = {}) => filterClause({ receivedFrom: from, receivedTo: to, ...extra });

describe('aiQualityFor', () => {
  it('counts the scope’s drafts, suggestions and overrides, and the period’s calls', () => {
    const db = openStore();
    seed(db);
    expect(aiQualityFor(db, from, to, scope(), { monthlyBudget: 100_000 })).toEqual({
      // Edited distances 10, 20, 60, 100: nearest-rank median the 2nd, mean 47.5.
      drafts: { unchanged: 1, edited: 4, discarded: 1, medianEditDistance: 20, meanEditDistance: 47.5 },
      suggestions: { unchanged: 1, edited: 1, discarded: 1, written: 2 },
      overrides: {
        byLanguage: [
          { key: 'en', items: 3, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 1 / 3, topicRate: 1 / 3 },
          { key: 'de', items: 1, sentimentOverrides: 1, topicOverrides: 0, sentimentRate: 1, topicRate: 0 },
          { key: 'unknown', items: 1, sentimentOverrides: 0, topicOverrides: 1, sentimentRate: 0, topicRate: 1 },
        ],
        byChannel: [
          { key: 'email', items: 3, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 1 / 3, topicRate: 1 / 3 },
          { key: 'chat', items: 2, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 0.5, topicRate: 0.5 },
        ],
      },
      llm: {
        calls: 5,
        failed: 2,
        promptTokens: 370,
        completionTokens: 180,
        estimatedTokens: 60,
        byPurpose: [
          { purpose: 'draft', calls: 2, tokens: 150 },
          { purpose: 'triage', calls: 2, tokens: 100 },
          { purpose: 'summary', calls: 1, tokens: 300 },
        ],
        monthlyBudget: 100_000,
        usedInBudgetMonth: 560,
        budgetMonth: '2026-11',
      },
    });
  });

  it('narrows drafts, suggestions and overrides by the scope’s filters, never the calls', () => {
    const db = openStore();
    seed(db);
    const q = aiQualityFor(db, from, to, scope({ product: ['A'], channel: ['email'] }), { monthlyBudget: null });
    expect(q.drafts).toEqual({ unchanged: 1, edited: 2, discarded: 0, medianEditDistance: 10, meanEditDistance: 35 });
    expect(q.suggestions).toEqual({ unchanged: 1, edited: 1, discarded: 0, written: 0 });
    expect(q.overrides.byLanguage).toEqual([{ key: 'en', items: 2, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 0.5, topicRate: 0.5 }]);
    expect(q.overrides.byChannel).toEqual([{ key: 'email', items: 2, sentimentOverrides: 1, topicOverrides: 1, sentimentRate: 0.5, topicRate: 0.5 }]);
    expect(q.llm.calls).toBe(5);
    expect(q.llm.monthlyBudget).toBeNull();
  });

  it('counts overrides among the period’s items even when the clause names only filters (as a report passes it)', () => {
    const db = openStore();
    seed(db);
    const withRange = aiQualityFor(db, from, to, scope({ product: ['A'] }), { monthlyBudget: null });
    const filtersOnly = aiQualityFor(db, from, to, filterClause({ product: ['A'] }), { monthlyBudget: null });
    expect(filtersOnly.overrides).toEqual(withRange.overrides);
  });

  it('takes the budget month from the period’s last instant', () => {
    const db = openStore();
    seed(db);
    // A period ending at midnight on 1 November ends in October: only c7 (2000 tokens) is in that month.
    const q = aiQualityFor(db, Date.UTC(2026, 9, 1), from, filterClause({ receivedFrom: Date.UTC(2026, 9, 1), receivedTo: from }), { monthlyBudget: 5000 });
    expect(q.llm).toMatchObject({ calls: 1, failed: 0, promptTokens: 1000, completionTokens: 1000, usedInBudgetMonth: 2000, budgetMonth: '2026-10' });
  });

  it('has zeros and null figures for an empty scope', () => {
    const db = openStore();
    seed(db);
    const q = aiQualityFor(db, from, to, scope({ language: ['fr'] }), { monthlyBudget: null });
    expect(q.drafts).toEqual({ unchanged: 0, edited: 0, discarded: 0, medianEditDistance: null, meanEditDistance: null });
    expect(q.suggestions).toEqual({ unchanged: 0, edited: 0, discarded: 0, written: 0 });
    expect(q.overrides).toEqual({ byLanguage: [], byChannel: [] });
  });
});
