import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/main/core/analysis/analyze';
import { detectLanguage, scriptLanguage } from '../../src/main/core/analysis/language';
import { analyzeSentiment } from '../../src/main/core/analysis/sentiment';
import { customerMessage, MESSAGE_MAX_CHARS } from '../../src/main/core/analysis/tokenize';
import { matchTopics } from '../../src/main/core/analysis/topics';

const label = (text: string): string => analyzeSentiment(text).label;
const cue = (text: string, cueText: string): { weight: number; kind: string } | undefined =>
  analyzeSentiment(text).cues.find((c) => c.text.toLowerCase() === cueText.toLowerCase());

describe('sentiment: inquiries', () => {
  it('a question that only mentions a problem leans neutral', () => {
    expect(label('Will flights be cancelled today?')).toBe('neutral');
    expect(label('Any update on my refund?')).toBe('neutral');
    // The same problem stated, or asked with an explicit complaint or "?!", stays negative.
    expect(label('My flight was cancelled.')).toBe('negative');
    expect(label('Where is my refund?')).toBe('negative');
    expect(label('Why was my flight cancelled?!')).toBe('negative');
    expect(label('Why is my order still not here?')).toBe('negative');
  });

  it('thanks in a message that asks something is courtesy', () => {
    expect(label('Any news on my order? Thanks')).toBe('neutral');
    expect(cue('Any news on my order? Thanks', 'thanks')?.kind).toBe('courtesy');
    expect(label('Thanks, the fix works')).toBe('positive');
  });
});

describe('sentiment: sarcasm', () => {
  it('praise phrases in a complaint count against', () => {
    expect(label('Thanks a lot!! Still waiting for my refund')).toBe('negative');
    expect(cue('Thanks a lot!! Still waiting for my refund', 'thanks a lot')?.weight).toBeLessThan(0);
    expect(label('Great job, still no refund after 3 weeks')).toBe('negative');
    expect(label('Thanks a lot for your help!')).toBe('positive');
    expect(label('Great job on the new release')).toBe('positive');
  });

  it('praise beside a thumbs-down or eye-roll emoji is sarcasm', () => {
    expect(label('Great service 👎')).toBe('negative');
    expect(label('Wonderful update 🙄')).toBe('negative');
    expect(label('Great service 👍')).toBe('positive');
  });
});

describe('sentiment: informal praise', () => {
  it('reads elongated words and "-in" forms', () => {
    expect(label('soooo gooood')).toBe('positive');
    expect(label('lovin the new app')).toBe('positive');
    expect(label('yaaaay')).toBe('positive');
    expect(label('sooo')).toBe('neutral');
  });

  it('reads slang and "can\'t wait"', () => {
    expect(label('stoked about the update')).toBe('positive');
    expect(label("can't wait for the new release!")).toBe('positive');
    expect(label("can't log in")).toBe('negative');
  });
});

describe('sentiment: context cues', () => {
  it('"?!" counts only beside something negative', () => {
    expect(label('I will be back Friday! Will you be around?!')).toBe('neutral');
    expect(cue('I will be back Friday! Will you be around?!', '?!')).toBeUndefined();
    expect(label('The app keeps crashing, are you kidding?!')).toBe('negative');
    expect(cue('The app keeps crashing, are you kidding?!', '?!')?.weight).toBeLessThan(0);
  });

  it('a bare negation weighs less beside praise', () => {
    const alone = cue("I don't have the file", "don't");
    const withPraise = cue("Love the app, I don't have the file", "don't");
    expect(alone?.weight).toBe(-1);
    expect(withPraise?.weight).toBe(-0.5);
  });
});

describe('analysis: bounded work', () => {
  it("reads the customer's message, not the quoted thread", () => {
    const text = 'My invoice is wrong.\n\nOn 2024-06-04, Rin, Support Team wrote:\n> Hello, this is fixed. Great news, enjoy!';
    expect(customerMessage(text)).toBe('My invoice is wrong.\n\n');
    expect(customerMessage('Hi\n> quoted')).toBe('Hi');
    expect(customerMessage('> only a quote')).toBe('> only a quote');
    expect(customerMessage('x'.repeat(MESSAGE_MAX_CHARS + 10)).length).toBe(MESSAGE_MAX_CHARS);
    expect(analyze({ text }, { urgency: false }).sentiment.label).toBe('negative');
  });

  it('kana decide Japanese without eld', () => {
    expect(scriptLanguage('ログインできません。パスワードをリセットしても届きません')?.language).toBe('ja');
    expect(scriptLanguage('Cannot log in since the update')).toBeNull();
    expect(detectLanguage('ログインできません。パスワードをリセットしても届きません').method).toBe('script');
  });

  it('topics match on the shared words (stems looked up once, digits not stemmed)', () => {
    const t = matchTopics('I was charged twice and want refunds for order 12345', 'en');
    expect(t.map((x) => x.name)).toEqual(expect.arrayContaining(['billing', 'refund']));
    expect(t.find((x) => x.name === 'refund')?.matched).toContain('refunds');
  });
});

describe('sentiment: why-questions and greetings', () => {
  it('"why am I / why has / why haven\'t" asks for an account of a failure, like "why is"', () => {
    expect(label('Why am I still being charged for the old plan?')).toBe('negative');
    expect(cue('Why has my account been locked?', 'why has')?.kind).toBe('complaint');
    expect(label("Why haven't you replied to my ticket?")).toBe('negative');
    expect(label('How do I change my plan?')).toBe('neutral');
  });

  it('a greeting is courtesy, not praise', () => {
    expect(cue('Greetings, I cannot log in to the dashboard', 'greetings')?.kind).toBe('courtesy');
    expect(label('Greetings. Is there a desktop version?')).toBe('neutral');
    expect(label('Hi there, can I export my data as CSV?')).toBe('neutral');
  });
});
