/**
 * How suggestions are ranked, through suggestions.list on a real store with the shipped
 * templates: generic words do not match, the topic and intent of the message choose the
 * template, weak matches are hidden, and earlier replies are titled by what they answered.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { intentsOf, moodOf } from '../../src/main/core/replies/intents';
import { agreement, coverage, earlierReplyTitle, gist, MIN_SCORE, templateScore } from '../../src/main/core/replies/rank';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { DemoInbox } from '../../src/shared/demo';
import { makeTempCore, type TempCore } from '../support/core';
import { call } from '../helpers/results';

const scratch = mkdtempSync(join(tmpdir(), 'hearken-ranking-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

type Item = { subject: string | null; body: string; reply?: string };

/** A store holding these conversations (those with a reply are answered), by their body. */
async function storeWith(items: Item[]): Promise<{ core: HostCore; ids: Map<string, string> }> {
  const inbox: DemoInbox = {
    version: 1,
    seed: 1,
    customers: [{ key: 'c', name: 'Robin Vale', email: 'robin@example.com', tier: 'standard', language: 'en' }],
    items: items.map((item, i) => ({
      externalId: `x-${i}`,
      channel: 'email',
      customerKey: 'c',
      subject: item.subject,
      product: 'Lumo',
      language: 'en',
      status: item.reply ? 'replied' : 'open',
      sentiment: 'neutral',
      rating: null,
      tags: [],
      messages: [
        { direction: 'in', author: 'Robin Vale', body: item.body, minutesAgo: 100 - i },
        ...(item.reply ? [{ direction: 'out' as const, author: 'Jo', body: item.reply, minutesAgo: 99 - i }] : []),
      ],
    })),
  };
  const file = join(scratch, `inbox-${open.length}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(inbox));
  const temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: file });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'ranking tests passphrase' });
  await call(temp.core, 'demo.load', {});
  const list = await call(temp.core, 'feedback.list', { limit: 100 });
  const ids = new Map(list.items.map((i) => [i.preview.slice(0, 30), i.id]));
  return { core: temp.core, ids: new Map(items.map((item) => [item.body, ids.get(item.body.slice(0, 30))!])) };
}

describe('ranking suggestions', () => {
  it('a generic word like "new" alone matches nothing: "Bug: fixed" is not offered for a warranty complaint', async () => {
    const body = 'My doorbell stopped ringing after two months. I want a new one under the warranty.';
    const alone = 'Is there anything new?';
    const { core, ids } = await storeWith([{ subject: 'Doorbell warranty', body }, { subject: null, body: alone }]);
    const doorbell = await call(core, 'suggestions.list', { feedbackId: ids.get(body)! });
    expect(doorbell.terms).not.toContain('new');
    expect(doorbell.suggestions.map((s) => s.title)).not.toContain('Bug: fixed');
    expect(doorbell.suggestions.every((s) => !/\bnew\b/.test(s.reason))).toBe(true);
    const generic = await call(core, 'suggestions.list', { feedbackId: ids.get(alone)! });
    expect(generic.suggestions).toEqual([]);
  });

  it('ranks the refund template over the bug template for a refund complaint, and says why', async () => {
    const body = 'The app charged me and I still have not got my refund. Where is my money back?';
    const { core, ids } = await storeWith([{ subject: null, body }]);
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: ids.get(body)!, limit: 10 });
    const titles = suggestions.map((s) => s.title);
    const refund = titles.findIndex((t) => t.startsWith('Refund'));
    expect(refund).toBe(0);
    const bug = titles.findIndex((t) => t.startsWith('Bug'));
    expect(bug === -1 || bug > refund).toBe(true);
    expect(suggestions[0]!.reason).toMatch(/same topic: refund/);
    expect(suggestions[0]!.reason).toMatch(/intent: refund request/);
    expect(suggestions.every((s) => s.score >= MIN_SCORE)).toBe(true);
  });

  it('hides weak matches: an earlier reply sharing one everyday word is not shown', async () => {
    const body = 'Your shop page shows the wrong colour for the lamp shade.';
    const { core, ids } = await storeWith([
      { subject: 'Flight seats', body: 'Can I choose seats on my flight to Lisbon with the children?', reply: 'Hi Robin, seats can be chosen in Manage booking.' },
      { subject: null, body },
    ]);
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: ids.get(body)! });
    expect(suggestions.filter((s) => s.kind === 'reply')).toEqual([]);
  });

  it("offers the team's usual reply when three or more recent replies say the same, never a one-off", async () => {
    const dm = (n: string): string => `Sorry to hear that. Please DM us your order number and email address so we can look into this ${n}.`;
    const body = 'Which colour does the lamp shade come in?';
    const { core, ids } = await storeWith([
      { subject: null, body: 'My heater makes a loud rattling noise.', reply: dm('today') },
      { subject: null, body: 'The kettle switch is stuck.', reply: dm('now') },
      { subject: null, body: 'Fridge door seal is torn.', reply: dm('for you') },
      { subject: null, body: 'Toaster burns every slice.', reply: dm('right away') },
      { subject: null, body: 'Can I choose seats on my flight to Lisbon?', reply: 'Seats can be chosen in Manage booking.' },
      { subject: null, body },
    ]);
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: ids.get(body)! });
    const usual = suggestions.filter((s) => s.title.startsWith('Usual reply'));
    expect(usual).toHaveLength(1);
    expect(usual[0]!.text).toMatch(/Please DM us your order number/);
    expect(usual[0]!.reason).toMatch(/usual reply about Lumo: \d+ of the last 5 replies say much the same/);
    expect(suggestions.some((s) => /Manage booking/.test(s.text))).toBe(false);
  });

  it('titles an earlier reply by the topic and subject it answered, or a gist of the message', async () => {
    const answered = 'My parcel never arrived and the tracking has not moved for a week.';
    const asking = 'The parcel tracking is stuck, my order has not arrived.';
    const { core, ids } = await storeWith([
      { subject: null, body: answered, reply: 'Hi Robin, I have asked the courier to trace the parcel.' },
      { subject: null, body: asking },
    ]);
    const { suggestions } = await call(core, 'suggestions.list', { feedbackId: ids.get(asking)! });
    const earlier = suggestions.find((s) => s.kind === 'reply')!;
    expect(earlier.title).toBe('Delivery · My parcel never arrived and the tracking has…');
    expect(earlier.title).not.toMatch(/^Earlier reply/);

    expect(earlierReplyTitle({ subject: 'Order 1234 never arrived', prompt: 'x', topic: 'refund' })).toBe('Refund · Order 1234 never arrived');
    expect(earlierReplyTitle({ subject: null, prompt: '@AmazonHelp hi there, my Kindle will not charge. Help!', topic: null })).toBe('my Kindle will not charge.');
    expect(gist('Hello team,\nWhere is my order? It was due Monday.')).toBe('Where is my order?');
  });
});

describe('fit, without a store', () => {
  it('reads intent and mood from cue phrases, not generic words', () => {
    expect(intentsOf('I want my money back for this')).toEqual(['refund']);
    expect(intentsOf('I forgot my password and cannot log in')).toEqual(['login']);
    expect(intentsOf('new help issue please thanks')).toEqual([]);
    expect(moodOf('How do I change my plan?', 'neutral')).toBe('question');
    expect(moodOf('Why is my order still not here?', 'neutral')).toBe('complaint');
  });

  it('counts agreement among earlier replies by how well each matched, and a template on words alone counts half', () => {
    const a = new Set(['please', 'dm', 'order']);
    const b = new Set(['please', 'dm', 'number']);
    const c = new Set(['seats', 'booking']);
    const [forA, forB, forC] = agreement([
      { words: a, weight: 1 },
      { words: b, weight: 1 },
      { words: c, weight: 1 },
    ]);
    expect(forA).toBeCloseTo(0.25, 5);
    expect(forB).toBeCloseTo(0.25, 5);
    expect(forC).toBe(0);
    expect(templateScore({ sharedTopics: [], sharedIntents: [], keys: 1, body: 0, sameMood: false })).toBeCloseTo(0.175, 5);
    expect(templateScore({ sharedTopics: ['refund'], sharedIntents: [], keys: 1, body: 0, sameMood: false })).toBeCloseTo(0.75, 5);
  });

  it('weights rare words over common ones, and a template with no topic, intent or word scores nothing', () => {
    const query = { stems: new Map([['warranti', 'warranty'], ['ring', 'ringing']]), weights: new Map([['warranti', 6], ['ring', 1]]), language: 'en' };
    expect(coverage('Your warranty covers it', query)).toEqual({ share: 6 / 7, matched: ['warranty'] });
    expect(templateScore({ sharedTopics: [], sharedIntents: [], keys: 0, body: 0, sameMood: false })).toBeLessThan(MIN_SCORE);
    expect(templateScore({ sharedTopics: ['refund'], sharedIntents: ['refund'], keys: 0.2, body: 0, sameMood: false })).toBeGreaterThan(MIN_SCORE);
  });
});
