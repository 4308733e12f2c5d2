/** The AI in the inbox, without the DOM: the triage beside local values, decisions in words, streamed text, promise highlights. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AiDraft, AiTriage, UnsupportedPromise } from '../../src/shared/ai/schema';
import type { FeedbackDetail } from '../../src/shared/contract';
import {
  compareTriage,
  decisionLine,
  draftingLine,
  draftParts,
  fieldsToAccept,
  mergeStreamText,
  missingTopics,
  promiseLines,
  promiseParts,
  queuedLine,
  withoutMarkers,
  wouldReplace,
} from '../../src/renderer/src/ai/inbox/model';
import { useAiInbox } from '../../src/renderer/src/ai/inbox/state';

const triage = (over: Partial<AiTriage['answer']> = {}, rest: Partial<AiTriage> = {}): AiTriage => ({
  feedbackId: 'f1',
  at: 1_000,
  model: 'gpt-test',
  answer: {
    sentiment: 'negative',
    topics: ['billing'],
    proposedTopics: [],
    urgency: 'high',
    priority: 'high',
    language: 'en',
    summary: 'Charged twice for one order.',
    escalation: null,
    confidence: 'high',
    reason: 'The customer says they were charged twice and is angry.',
    ...over,
  },
  state: 'pending',
  accepted: [],
  decidedAt: null,
  ...rest,
});

type Local = Pick<FeedbackDetail, 'sentiment' | 'tags' | 'priority' | 'urgency' | 'language'>;
const local = (over: Partial<Local> = {}): Local => ({
  sentiment: 'neutral',
  tags: [{ name: 'shipping', source: 'local' }],
  priority: null,
  urgency: { level: 'normal', reasons: [] },
  language: 'en',
  ...over,
});

describe('the triage beside the local values', () => {
  it('says which fields the model reads differently, with both values in words', () => {
    const rows = compareTriage(triage(), local());
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(by.sentiment).toMatchObject({ ai: 'Negative', current: 'Neutral', differs: true });
    expect(by.topics).toMatchObject({ ai: 'billing', current: 'shipping', differs: true });
    // No priority set by a person: local analysis's suggested urgency stands for it.
    expect(by.priority).toMatchObject({ ai: 'High', current: 'Normal', differs: true });
    expect(by.language).toMatchObject({ ai: 'English', current: 'English', differs: false });
    expect(fieldsToAccept(rows)).toEqual(['sentiment', 'topics', 'priority']);
  });

  it('finds nothing to accept when the item already holds the answer', () => {
    const rows = compareTriage(triage(), local({ sentiment: 'negative', tags: [{ name: 'Billing', source: 'human' }], priority: 'high' }));
    expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual([]);
    expect(fieldsToAccept(rows)).toEqual([]);
  });

  it('marks proposed topics as new (two at most) and counts them as a change', () => {
    const rows = compareTriage(triage({ topics: ['billing'], proposedTopics: ['double charge', 'card'] }), local({ tags: [{ name: 'billing', source: 'local' }] }));
    const topics = rows.find((r) => r.field === 'topics')!;
    expect(topics.topics).toEqual([
      { name: 'billing', isNew: false },
      { name: 'double charge', isNew: true },
      { name: 'card', isNew: true },
    ]);
    expect(topics.ai).toBe('billing, double charge (new), card (new)');
    expect(topics.differs).toBe(true);
  });

  it('leaves fields already accepted out of Accept all', () => {
    const rows = compareTriage(triage({}, { accepted: ['sentiment'], state: 'partly' }), local());
    expect(rows.find((r) => r.field === 'sentiment')!.accepted).toBe(true);
    expect(fieldsToAccept(rows)).toEqual(['topics', 'priority']);
  });

  it('does not offer an unknown language over a known one', () => {
    const rows = compareTriage(triage({ language: 'und' }), local({ language: 'de' }));
    expect(rows.find((r) => r.field === 'language')).toMatchObject({ ai: 'Unknown', differs: false });
  });

  it('lists the topics accepting would add, ignoring case', () => {
    expect(missingTopics(triage({ topics: ['Billing', 'refund'] }), ['billing'])).toEqual(['refund']);
  });
});

describe('what a decided triage and a queued one say', () => {
  const now = 10 * 60_000;
  it('reads accepted fields as a sentence with when', () => {
    expect(decisionLine(triage({}, { state: 'partly', accepted: ['sentiment', 'topics'], decidedAt: now - 2 * 60_000 }), now)).toBe('Accepted sentiment and topics · 2 min ago');
    expect(decisionLine(triage({}, { state: 'accepted', accepted: ['sentiment', 'topics', 'priority'], decidedAt: now - 5_000 }), now)).toBe('Accepted sentiment, topics and priority · just now');
    expect(decisionLine(triage({}, { state: 'dismissed', decidedAt: now - 3 * 3_600_000 }), now + 3 * 3_600_000)).toBe('Dismissed · 6 h ago');
    expect(decisionLine(triage(), now)).toBeNull();
  });

  it('counts what was queued and what came from the cache', () => {
    expect(queuedLine({ queued: 12, cached: 3, alreadyQueued: 0 })).toBe('Queued 12, 3 from cache');
    expect(queuedLine({ queued: 1, cached: 0, alreadyQueued: 2 })).toBe('Queued 1, 2 already waiting');
  });
});

describe('streamed draft text', () => {
  it('takes the whole text each piece carries, and never loses text to a late piece', () => {
    let text = '';
    text = mergeStreamText(text, { delta: 'Hello', text: 'Hello' });
    text = mergeStreamText(text, { delta: ' Ada,', text: 'Hello Ada,' });
    expect(text).toBe('Hello Ada,');
    // A piece that arrives after a longer one says less: it is ignored.
    expect(mergeStreamText(text, { delta: 'Hello', text: 'Hello' })).toBe('Hello Ada,');
  });

  it('asks before replacing words the agent wrote, not an earlier AI draft or an empty box', () => {
    expect(wouldReplace('', null)).toBe(false);
    expect(wouldReplace('   ', null)).toBe(false);
    expect(wouldReplace('Hi, I checked your order', null)).toBe(true);
    expect(wouldReplace('Thanks [S1].', 'Thanks [S1].')).toBe(false);
    expect(wouldReplace('Thanks [S1]. Also, hello', 'Thanks [S1].')).toBe(true);
  });

  describe('in the store', () => {
    beforeEach(() => useAiInbox.setState({ runs: {} }));

    it('adopts the draft id of the first piece when pieces outrun the start answer, and ignores other drafts', () => {
      const s = useAiInbox.getState;
      s().draftStarted('f1', 'friendly');
      s().draftProgressed('f1', 'd1', { delta: 'Hi', text: 'Hi' });
      expect(s().runs.f1).toMatchObject({ draftId: 'd1', phase: 'streaming', text: 'Hi' });
      s().draftProgressed('f1', 'd0', { delta: 'Old text from before', text: 'Old text from before' });
      expect(s().runs.f1!.text).toBe('Hi');
      s().draftIdKnown('f1', 'd1');
      s().draftProgressed('f1', 'd1', { delta: ' there', text: 'Hi there' });
      const done: AiDraft = {
        id: 'd1', feedbackId: 'f1', tone: 'friendly', language: 'en', model: 'm', state: 'done', text: 'Hi there [S1].',
        sources: [], cited: ['S1'], unsupportedPromises: [], tokens: 10, tokensEstimated: false, error: null, createdAt: 1,
      };
      s().draftFinished(done);
      expect(s().runs.f1).toMatchObject({ phase: 'done', text: 'Hi there [S1].', draft: done });
      // Pieces after the end change nothing.
      s().draftProgressed('f1', 'd1', { delta: 'x', text: 'Hi there [S1].x' });
      expect(s().runs.f1!.text).toBe('Hi there [S1].');
    });
  });
});

describe('unsupported promises in a draft', () => {
  const text = 'Sorry about that. We will give you a full refund by Friday [S1].';
  const refund: UnsupportedPromise = { kind: 'refund', text: 'give you a full refund', start: text.indexOf('give'), end: text.indexOf('give') + 'give you a full refund'.length };
  const date: UnsupportedPromise = { kind: 'date', text: 'by Friday', start: text.indexOf('by Friday'), end: text.indexOf('by Friday') + 9 };

  it('cuts the text at each promise, in order, dropping overlaps and ranges past the end', () => {
    const parts = promiseParts(text, [date, refund, { kind: 'discount', text: 'x', start: 5, end: 999 }, { ...refund, start: refund.start + 2 }]);
    expect(parts.map((p) => p.kind)).toEqual(['text', 'promise', 'text', 'promise', 'text']);
    expect(parts.filter((p) => p.kind === 'promise').map((p) => p.text)).toEqual(['give you a full refund', 'by Friday']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('shows markers as chips and promises marked, keeping every character', () => {
    const parts = draftParts(text, [refund, date]);
    expect(parts.filter((p) => p.kind === 'cite')).toEqual([{ kind: 'cite', marker: 'S1' }]);
    const marked = parts.filter((p) => p.kind === 'text' && p.promise !== null).map((p) => (p.kind === 'text' ? p.text : ''));
    expect(marked).toEqual(['give you a full refund', 'by Friday']);
    const rebuilt = parts.map((p) => (p.kind === 'cite' ? `[${p.marker}]` : p.text)).join('');
    expect(rebuilt).toBe(text);
  });

  it('places promises after a marker at the right offsets', () => {
    const after = 'See [S2] and [S1]: we will refund you.';
    const at = after.indexOf('refund you');
    const parts = draftParts(after, [{ kind: 'refund', text: 'refund you', start: at, end: at + 10 }]);
    const marked = parts.find((p) => p.kind === 'text' && p.promise !== null);
    expect(marked && marked.kind === 'text' ? marked.text : null).toBe('refund you');
  });

  it('says each promise once, in words', () => {
    expect(promiseLines([refund, refund, date])).toEqual(['Promises a refund (“give you a full refund”): no source supports it', 'Promises a date (“by Friday”): no source supports it']);
  });
});

describe('the reply as sent', () => {
  it('takes the source markers out, keeping the punctuation after them', () => {
    expect(withoutMarkers('We trace it with the carrier [S1]. Refunds take 14 days [S2][S3].\nThanks')).toBe('We trace it with the carrier. Refunds take 14 days.\nThanks');
    expect(withoutMarkers('No markers here.')).toBe('No markers here.');
  });
});

describe('while a draft is on its way', () => {
  it('says which tone, with the right article', () => {
    expect(draftingLine('apologetic', false)).toBe('Writing an apologetic draft…');
    expect(draftingLine('friendly', true)).toBe('Asking the model for a friendly draft…');
  });
});
