/**
 * The wording and sums of the Reports view's insights, AI-quality and export panels, and
 * the tiny Markdown reader the AI summary is shown through.
 */
import { describe, expect, it } from 'vitest';
import type { AiQuality, Insight, OverrideGroup } from '../../src/shared/reports/schema';
import { parseInline, parseMarkdown } from '../../src/renderer/src/reports/insights/markdown';
import {
  budgetUse,
  clearlyAbove,
  draftParts,
  drillFilter,
  editDistanceText,
  figureRows,
  groupDrill,
  insightBadge,
  insightFigures,
  ofBase,
  overallRates,
  overrideRows,
  percentText,
  pValueText,
  suggestionParts,
} from '../../src/renderer/src/reports/model-insights';

const insight = (over: Partial<Insight> = {}): Insight => ({
  kind: 'significant',
  text: 'Refund questions rose from 1.8% to 5.0% of items (p = 0.004)',
  metric: 'topic:Refunds',
  current: { count: 12, base: 240 },
  previous: { count: 4, base: 220 },
  pValue: 0.0042,
  drill: { tags: ['Refunds'], receivedFrom: 1000, receivedTo: 2000 },
  ...over,
});

const group = (key: string, items: number, sentimentOverrides: number, topicOverrides: number): OverrideGroup => ({
  key,
  items,
  sentimentOverrides,
  topicOverrides,
  sentimentRate: items === 0 ? null : sentimentOverrides / items,
  topicRate: items === 0 ? null : topicOverrides / items,
});

const llm = (over: Partial<AiQuality['llm']> = {}): AiQuality['llm'] => ({
  calls: 10,
  failed: 1,
  promptTokens: 3000,
  completionTokens: 1200,
  estimatedTokens: 0,
  byPurpose: [],
  monthlyBudget: 100_000,
  usedInBudgetMonth: 25_000,
  budgetMonth: '2026-11',
  ...over,
});

describe('numbers as a report prints them', () => {
  it('writes shares with one decimal, whole ends bare, and a dash without a base', () => {
    expect(percentText(0.05)).toBe('5.0%');
    expect(percentText(1 / 3)).toBe('33.3%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
    expect(ofBase(12, 240)).toBe('12 of 240 (5.0%)');
    expect(ofBase(1234, 5000)).toBe('1,234 of 5,000 (24.7%)');
    expect(ofBase(0, 0)).toBe('0 of 0 (—)');
  });

  it('prints adjusted p-values the way papers do', () => {
    expect(pValueText(0.0004)).toBe('p < 0.001');
    expect(pValueText(0.0042)).toBe('p = 0.004');
    expect(pValueText(0.031)).toBe('p = 0.03');
  });

  it('edit distances are characters', () => {
    expect(editDistanceText(null)).toBe('—');
    expect(editDistanceText(1)).toBe('1 character');
    expect(editDistanceText(42.4)).toBe('42 characters');
  });
});

describe('insights', () => {
  it('badges a significant change with its p-value and the others by kind', () => {
    expect(insightBadge(insight())).toBe('Significant · p = 0.004');
    expect(insightBadge(insight({ kind: 'mover', pValue: null }))).toBe('Mover');
    expect(insightBadge(insight({ kind: 'emerging', pValue: null }))).toBe('Emerging');
    expect(insightBadge(insight({ kind: 'note', pValue: null }))).toBe('Note');
  });

  it('shows the figures behind each side', () => {
    expect(insightFigures(insight())).toEqual({ current: 'Now 12 of 240 (5.0%)', previous: 'Before 4 of 220 (1.8%)' });
    expect(insightFigures(insight({ previous: null }))).toEqual({ current: 'Now 12 of 240 (5.0%)', previous: null });
  });

  it('turns a drill-down into an inbox filter, dropping what the inbox does not know', () => {
    expect(drillFilter({ tags: ['Refunds'], receivedFrom: 1000, receivedTo: 2000 })).toEqual({ tags: ['Refunds'], receivedFrom: 1000, receivedTo: 2000 });
    expect(drillFilter({ channel: ['chat'], comingSoon: true })).toEqual({ channel: ['chat'] });
    // One bad value does not lose the period.
    expect(drillFilter({ channel: ['fax'], receivedFrom: 5 })).toEqual({ receivedFrom: 5 });
    expect(groupDrill({ receivedFrom: 5, receivedTo: 9, language: ['en'] }, 'language', 'de')).toEqual({ receivedFrom: 5, receivedTo: 9, language: ['de'] });
    expect(groupDrill({ receivedFrom: 5 }, 'channel', 'email')).toEqual({ receivedFrom: 5, channel: ['email'] });
  });
});

describe('AI quality', () => {
  it('splits drafts into unchanged, edited and discarded shares', () => {
    const { total, parts } = draftParts({ unchanged: 6, edited: 3, discarded: 1, medianEditDistance: 12, meanEditDistance: 20 });
    expect(total).toBe(10);
    expect(parts.map((p) => [p.key, p.count, p.share])).toEqual([
      ['unchanged', 6, 0.6],
      ['edited', 3, 0.3],
      ['discarded', 1, 0.1],
    ]);
    expect(draftParts({ unchanged: 0, edited: 0, discarded: 0, medianEditDistance: null, meanEditDistance: null }).parts.every((p) => p.share === null)).toBe(true);
  });

  it('counts replies written from scratch among the suggestion outcomes', () => {
    const { total, parts } = suggestionParts({ unchanged: 2, edited: 1, discarded: 0, written: 1 });
    expect(total).toBe(4);
    expect(parts.map((p) => p.share)).toEqual([0.5, 0.25, 0, 0.25]);
  });

  it('pools the overall override rate over the items, not the groups', () => {
    expect(overallRates([group('en', 90, 9, 0), group('de', 10, 5, 1)])).toEqual({ items: 100, sentiment: 0.14, topic: 0.01 });
    expect(overallRates([])).toEqual({ items: 0, sentiment: null, topic: null });
  });

  it('flags a group only when it is clearly above the overall rate, with enough items', () => {
    expect(clearlyAbove(0.3, 40, 0.1)).toBe(true);
    // Five points above, but not half as much again.
    expect(clearlyAbove(0.5, 40, 0.45)).toBe(false);
    // Half as much again, but under five points.
    expect(clearlyAbove(0.03, 400, 0.01)).toBe(false);
    // Too few items to tell.
    expect(clearlyAbove(0.5, 19, 0.1)).toBe(false);
    expect(clearlyAbove(null, 40, 0.1)).toBe(false);
  });

  it('orders groups by size, flags the outlier and carries the comparison rate', () => {
    const rows = overrideRows([group('en', 200, 10, 4), group('fr', 30, 9, 0), group('de', 50, 3, 1)], [group('fr', 20, 2, 0)]);
    expect(rows.map((r) => r.key)).toEqual(['en', 'de', 'fr']);
    // Overall sentiment: 22 / 280 = 7.9%; French 30% is clearly above it.
    expect(rows.map((r) => r.sentimentFlag)).toEqual([false, false, true]);
    expect(rows.map((r) => r.topicFlag)).toEqual([false, false, false]);
    expect(rows[2]!.previous).toEqual({ sentimentRate: 0.1, topicRate: 0 });
    expect(rows[0]!.previous).toEqual({ sentimentRate: null, topicRate: null });
    expect(overrideRows([group('en', 5, 1, 0)], null)[0]!.previous).toBeNull();
  });

  it('measures the month against the budget, or says none is set', () => {
    expect(budgetUse(llm())).toEqual({ percent: 25, label: '25,000 of 100,000 tokens used in 2026-11 (25.0%)', color: 'blue' });
    expect(budgetUse(llm({ usedInBudgetMonth: 85_000 })).color).toBe('orange');
    expect(budgetUse(llm({ usedInBudgetMonth: 130_000 }))).toEqual({ percent: 100, label: '130,000 of 100,000 tokens used in 2026-11 (130.0%)', color: 'red' });
    expect(budgetUse(llm({ monthlyBudget: null }))).toEqual({ percent: null, label: '25,000 tokens used in 2026-11; no budget set', color: 'gray' });
  });

  it('lays out the figures a summary was given beside the period before', () => {
    const figures = {
      items: 1234,
      'sentiment.negative': 54,
      slaBreaches: 3,
      'previous.items': 98,
      'previous.sentiment.negative': 36,
      'previous.sentiment.unknown': 2,
      'previous.slaBreaches': 0,
      'channel.email': 75,
      'topic.Refunds & returns': 12,
      negativeShare: 0.12345,
    };
    expect(figureRows(figures)).toEqual({
      withPrevious: true,
      rows: [
        { label: 'Items', value: '1,234', previous: '98' },
        { label: 'Sentiment: negative', value: '54', previous: '36' },
        { label: 'SLA breaches', value: '3', previous: '0' },
        { label: 'Sentiment: unknown', value: null, previous: '2' },
        { label: 'Channel: email', value: '75', previous: null },
        { label: 'Topic: Refunds & returns', value: '12', previous: null },
        { label: 'Negative share', value: '0.123', previous: null },
      ],
    });
    expect(figureRows({ items: 5 }).withPrevious).toBe(false);
  });
});

describe('the AI summary Markdown', () => {
  it('reads headings, lists, paragraphs, bold and italic', () => {
    const blocks = parseMarkdown('## What happened\n\nVolume rose **18%**, mostly *chat*.\nRefunds led.\n\n- Refunds up\n- Delivery\n  delays grew\n\n1. Check refunds\n2. Staff chat');
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, inline: [{ text: 'What happened' }] },
      { kind: 'paragraph', inline: [{ text: 'Volume rose ' }, { text: '18%', strong: true }, { text: ', mostly ' }, { text: 'chat', em: true }, { text: '. Refunds led.' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Refunds up' }], [{ text: 'Delivery delays grew' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'Check refunds' }], [{ text: 'Staff chat' }]] },
    ]);
  });

  it('keeps links, images and tags as the characters they are', () => {
    const text = '<img src=x onerror=alert(1)> [click](https://example.com) ![i](http://x/y.png)';
    expect(parseMarkdown(text)).toEqual([{ kind: 'paragraph', inline: [{ text }] }]);
    expect(parseInline('2 * 3 * 4')).toEqual([{ text: '2 * 3 * 4' }]);
  });
});
