import { describe, expect, it } from 'vitest';
import type { SentimentResult } from '../../src/main/core/analysis/sentiment';
import { stemAll, stemmerFor, tokenize } from '../../src/main/core/analysis/tokenize';
import { assessUrgency, type UrgencyInput } from '../../src/main/core/analysis/urgency';

const neutral: SentimentResult = { label: 'neutral', score: 0, cues: [] };
function urgency(text: string, extra: Partial<UrgencyInput> = {}, language = 'en') {
  const words = tokenize(text);
  return assessUrgency({ words, stems: stemAll(words, stemmerFor(language)), language, sentiment: neutral, ...extra });
}

describe('assessUrgency', () => {
  it('is normal with no cues and low for plain praise', () => {
    expect(urgency('How do I export a report?')).toEqual({ level: 'normal', score: 1, reasons: [] });
    expect(urgency('Great app', { sentiment: { label: 'positive', score: 0.8, cues: [] } }).level).toBe('low');
  });

  it('flags a legal threat', () => {
    const u = urgency('My lawyer will contact you');
    expect(u.level).toBe('urgent');
    expect(u.reasons).toEqual(['legal threat: “lawyer”']);
    expect(urgency('I will file a chargeback').reasons[0]).toMatch(/^legal threat/);
    expect(urgency('I am contacting consumer protection').reasons).toEqual(['legal threat: “consumer protection”']);
  });

  it('flags churn, safety and outages', () => {
    expect(urgency('Please cancel my subscription, I am switching to another tool').reasons).toEqual(['churn risk: “cancel my subscription”, “switching to”']);
    expect(urgency('The charger started to smoke').level).toBe('urgent');
    expect(urgency('The charger started to smoke').reasons).toEqual(['safety: “smoke”']);
    expect(urgency('The site is down and not working for anyone').reasons).toEqual(['outage: “is down”, “not working for anyone”']);
    expect(urgency('Please scroll down the page').reasons).toEqual([]);
    expect(urgency('Ich habe meinen Anwalt eingeschaltet', {}, 'de').reasons[0]).toMatch(/^legal threat/);
  });

  it('adds VIP tier, repeated contact, age and negative sentiment', () => {
    const now = Date.UTC(2025, 5, 10);
    const u = urgency('Where is my order?', {
      customerTier: 'vip',
      contactCount: 3,
      receivedAt: now - 3 * 86_400_000 - 60_000,
      now,
      sentiment: { label: 'negative', score: -0.4, cues: [] },
    });
    expect(u.reasons).toEqual(['VIP customer', 'contacted 3 times', 'waiting 3 days', 'negative sentiment']);
    expect(u.level).toBe('urgent');
    expect(urgency('Where is my order?', { receivedAt: now - 47 * 3_600_000, now }).reasons).toEqual([]);
    expect(urgency('Where is my order?', { contactCount: 2 }).reasons).toEqual([]);
  });
});
