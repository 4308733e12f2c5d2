/** Escalation rules: the semantics of each condition, the explanations, and the speed of the compiled form. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRules, defaultTargets } from '../../src/shared/escalation/defaults';
import { compileRules, describeActions, describeCondition, matchRule, type RuleLike } from '../../src/shared/escalation/rules';
import { ruleInputSchema, type RuleCondition, type RuleSubject } from '../../src/shared/escalation/schema';

const NOW = Date.UTC(2026, 2, 10, 12);
const DAY = 86_400_000;

function subject(over: Partial<RuleSubject> = {}): RuleSubject {
  return {
    subject: null,
    text: 'Hello, I have a question.',
    sentiment: 'neutral',
    sentimentScore: 0,
    topics: [],
    language: 'en',
    channel: 'email',
    product: null,
    tier: 'standard',
    urgency: 'normal',
    contactTimes: [NOW - DAY],
    receivedAt: NOW - DAY,
    slaDueAt: null,
    ...over,
  };
}

let n = 0;
function rule(conditions: RuleCondition[], over: Partial<RuleLike> = {}): RuleLike {
  n++;
  return {
    id: `r${n}`,
    name: `Rule ${n}`,
    enabled: true,
    match: 'all',
    conditions,
    actions: { escalateTo: 't-billing', priority: null, addTag: null },
    autoEscalate: false,
    ...over,
  };
}

const targets = [{ id: 't-billing', name: 'Billing' }];
const kw = (terms: string[], match: 'any' | 'all' = 'any'): RuleCondition => ({ kind: 'keywords', terms, match });
const holds = (c: RuleCondition, s: RuleSubject, now = NOW): boolean => matchRule(rule([c]), s, now) !== null;

describe('keywords', () => {
  it('match whole words and phrases, in any case, over subject and text', () => {
    expect(holds(kw(['refund']), subject({ text: 'I want a REFUND now' }))).toBe(true);
    expect(holds(kw(['refund']), subject({ subject: 'Refund?', text: 'see subject' }))).toBe(true);
    expect(holds(kw(['refund']), subject({ text: 'refunded already' }))).toBe(false);
    expect(holds(kw(['refund']), subject({ text: 'nonrefund policy' }))).toBe(false);
    expect(holds(kw(['legal action']), subject({ text: 'we will take LEGAL   action.' }))).toBe(true);
    expect(holds(kw(['legal action']), subject({ text: 'legal actions' }))).toBe(false);
  });

  it('are Unicode-aware: accents are letters, not boundaries', () => {
    expect(holds(kw(['reembolso']), subject({ text: 'Quiero un reembolso, por favor' }))).toBe(true);
    expect(holds(kw(['Rückerstattung']), subject({ text: 'BITTE UM RÜCKERSTATTUNG!' }))).toBe(true);
    expect(holds(kw(['rückerstattung']), subject({ text: 'Teilrückerstattung' }))).toBe(false);
    expect(holds(kw(['café']), subject({ text: 'cafés' }))).toBe(false);
    expect(holds(kw(['caf']), subject({ text: 'café' }))).toBe(false);
  });

  it('treat regex characters literally', () => {
    expect(holds(kw(['c++']), subject({ text: 'the c++ SDK crashes' }))).toBe(true);
    expect(holds(kw(['a.b']), subject({ text: 'axb' }))).toBe(false);
  });

  it("with match 'all' need every term", () => {
    expect(holds(kw(['refund', 'lawyer'], 'all'), subject({ text: 'refund or my lawyer calls' }))).toBe(true);
    expect(holds(kw(['refund', 'lawyer'], 'all'), subject({ text: 'refund please' }))).toBe(false);
  });

  it('name the terms that matched', () => {
    const m = matchRule(rule([kw(['refund', 'chargeback', 'money back'])]), subject({ text: 'A chargeback or a refund.' }), NOW, 'Billing');
    expect(m?.because).toEqual(["'refund', 'chargeback'"]);
  });
});

describe('keywords, the fast path against a plain regex', () => {
  /** The reference: each term as one whole-word, any-case regex over subject and text. */
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const reference = (terms: string[], match: 'any' | 'all', s: RuleSubject): boolean => {
    const hit = (term: string) => {
      const t = term.normalize('NFC').trim().toLowerCase();
      const w = /[\p{L}\p{N}\p{M}]/u;
      const re = new RegExp(`${w.test(t[0]!) ? '(?<![\\p{L}\\p{N}\\p{M}])' : ''}${t.split(/\s+/).map(escape).join('\\s+')}${w.test(t.at(-1)!) ? '(?![\\p{L}\\p{N}\\p{M}])' : ''}`, 'iu');
      return (s.subject !== null && re.test(s.subject)) || re.test(s.text);
    };
    return match === 'all' ? terms.every(hit) : terms.some(hit);
  };
  const vocabulary = ['refund', 'Refund', 'REFUND', 'refunds', 'reembolso', 'Rückerstattung', 'rückerstattung', 'e-mail', 'mail', 'money', 'back', 'c++', 'c', '2fa', 'é', 'café', 'legal', 'action'];
  const glue = [' ', '  ', ', ', '. ', '\n', '-', '', '!', '/'];
  const text = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...glue)), { maxLength: 8 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
  const term = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('money back', 'legal action', 'e-mail', 'c++', 'back refund', 'café'));

  it('agrees with the reference for any terms and text', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 4 }), fc.constantFrom('any' as const, 'all' as const), fc.option(text), text, (terms, match, subj, body) => {
        const s = subject({ subject: subj, text: body });
        const compiled = compileRules([rule([kw(terms, match)], { id: 'k' })], targets);
        expect(compiled.evaluate(s, NOW).length === 1).toBe(reference(terms, match, s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('conditions on fields', () => {
  it('never match an item missing the field', () => {
    const s = subject({ language: null, sentiment: null, sentimentScore: null, product: null, tier: null, urgency: null, slaDueAt: null, contactTimes: [] });
    const conditions: RuleCondition[] = [
      { kind: 'language', languages: ['en'] },
      { kind: 'sentiment', labels: ['negative', 'neutral', 'positive'], scoreAtMost: null },
      { kind: 'product', products: ['x'] },
      { kind: 'tier', tiers: ['standard', 'premium', 'vip'] },
      { kind: 'urgency', atLeast: 'low' },
      { kind: 'sla', state: 'breached', withinMinutes: 60 },
      { kind: 'sla', state: 'due-soon', withinMinutes: 60 },
      { kind: 'repeat', contacts: 2, withinDays: 365 },
    ];
    for (const c of conditions) expect(holds(c, s), c.kind).toBe(false);
    // Property: for any of these conditions, an 'all' rule with it never matches the bare item.
    fc.assert(fc.property(fc.subarray(conditions, { minLength: 1 }), (cs) => matchRule(rule(cs), s, NOW) === null));
  });

  it("adding a condition to an 'any' rule never loses a match (and to an 'all' rule never gains one)", () => {
    const conditions: RuleCondition[] = [
      { kind: 'tier', tiers: ['vip'] },
      { kind: 'sentiment', labels: ['negative'], scoreAtMost: null },
      kw(['refund', 'chargeback']),
      kw(['broken', 'refund'], 'all'),
      { kind: 'channel', channels: ['chat'] },
      { kind: 'urgency', atLeast: 'high' },
      { kind: 'topic', topics: ['billing'] },
      { kind: 'language', languages: ['es'] },
      { kind: 'repeat', contacts: 2, withinDays: 7 },
      { kind: 'sla', state: 'breached', withinMinutes: 60 },
    ];
    const items = fc.record({
      tier: fc.constantFrom('vip' as const, 'standard' as const, null),
      sentiment: fc.constantFrom('negative' as const, 'neutral' as const, null),
      text: fc.array(fc.constantFrom('refund', 'broken', 'chargeback', 'hello', 'thanks'), { maxLength: 4 }).map((w) => w.join(' ')),
      channel: fc.constantFrom('chat' as const, 'email' as const),
      urgency: fc.constantFrom('high' as const, 'low' as const, null),
      topics: fc.subarray(['billing', 'shipping']),
      language: fc.constantFrom('es', 'en', null),
      contactTimes: fc.constantFrom([NOW], [NOW - DAY, NOW], []),
      slaDueAt: fc.constantFrom(null, NOW - 1, NOW + DAY),
    });
    fc.assert(
      fc.property(fc.subarray(conditions, { minLength: 1 }), fc.constantFrom(...conditions), items, (cs, extra, over) => {
        const s = subject(over);
        const anyBefore = matchRule(rule(cs, { match: 'any' }), s, NOW) !== null;
        const anyAfter = matchRule(rule([...cs, extra], { match: 'any' }), s, NOW) !== null;
        if (anyBefore) expect(anyAfter).toBe(true);
        const allBefore = matchRule(rule(cs, { match: 'all' }), s, NOW) !== null;
        const allAfter = matchRule(rule([...cs, extra], { match: 'all' }), s, NOW) !== null;
        if (allAfter) expect(allBefore).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('sentiment: label and optional score bound', () => {
    const c: RuleCondition = { kind: 'sentiment', labels: ['negative'], scoreAtMost: -0.5 };
    expect(holds(c, subject({ sentiment: 'negative', sentimentScore: -0.7 }))).toBe(true);
    expect(holds(c, subject({ sentiment: 'negative', sentimentScore: -0.2 }))).toBe(false);
    expect(holds(c, subject({ sentiment: 'negative', sentimentScore: null }))).toBe(false);
    expect(holds({ ...c, scoreAtMost: null }, subject({ sentiment: 'negative', sentimentScore: null }))).toBe(true);
  });

  it('topic, product, language, channel, tier, urgency', () => {
    expect(holds({ kind: 'topic', topics: ['Billing'] }, subject({ topics: ['shipping', 'billing'] }))).toBe(true);
    expect(holds({ kind: 'topic', topics: ['billing'] }, subject({ topics: ['BILLING'] }))).toBe(true);
    expect(holds({ kind: 'topic', topics: ['billing'] }, subject({ topics: ['billing issue'] }))).toBe(false);
    expect(holds({ kind: 'product', products: ['acme cam'] }, subject({ product: 'Acme Cam' }))).toBe(true);
    expect(holds({ kind: 'product', products: ['acme cam'] }, subject({ product: 'Acme Cam Pro' }))).toBe(false);
    expect(holds({ kind: 'language', languages: ['de', 'fr'] }, subject({ language: 'de' }))).toBe(true);
    expect(holds({ kind: 'language', languages: ['de'] }, subject({ language: 'en' }))).toBe(false);
    expect(holds({ kind: 'channel', channels: ['chat'] }, subject({ channel: 'chat' }))).toBe(true);
    expect(holds({ kind: 'channel', channels: ['chat'] }, subject({ channel: 'email' }))).toBe(false);
    expect(holds({ kind: 'tier', tiers: ['vip'] }, subject({ tier: 'vip' }))).toBe(true);
    expect(holds({ kind: 'tier', tiers: ['vip'] }, subject({ tier: 'premium' }))).toBe(false);
    expect(holds({ kind: 'urgency', atLeast: 'high' }, subject({ urgency: 'urgent' }))).toBe(true);
    expect(holds({ kind: 'urgency', atLeast: 'high' }, subject({ urgency: 'high' }))).toBe(true);
    expect(holds({ kind: 'urgency', atLeast: 'high' }, subject({ urgency: 'normal' }))).toBe(false);
  });

  it('repeat counts contacts in the window before the item, the item included', () => {
    const c: RuleCondition = { kind: 'repeat', contacts: 3, withinDays: 7 };
    const at = NOW;
    expect(holds(c, subject({ receivedAt: at, contactTimes: [at - 7 * DAY, at - DAY, at] }))).toBe(true);
    expect(holds(c, subject({ receivedAt: at, contactTimes: [at - 7 * DAY - 1, at - DAY, at] }))).toBe(false);
    // Later contacts do not count for an earlier item.
    expect(holds(c, subject({ receivedAt: at, contactTimes: [at, at + 1, at + 2] }))).toBe(false);
  });

  it('sla: breached at or after the deadline; due soon strictly before it, within the window', () => {
    const breached: RuleCondition = { kind: 'sla', state: 'breached', withinMinutes: 60 };
    const soon: RuleCondition = { kind: 'sla', state: 'due-soon', withinMinutes: 60 };
    expect(holds(breached, subject({ slaDueAt: NOW }))).toBe(true);
    expect(holds(breached, subject({ slaDueAt: NOW + 1 }))).toBe(false);
    expect(holds(soon, subject({ slaDueAt: NOW }))).toBe(false);
    expect(holds(soon, subject({ slaDueAt: NOW + 60 * 60_000 }))).toBe(true);
    expect(holds(soon, subject({ slaDueAt: NOW + 60 * 60_000 + 1 }))).toBe(false);
  });
});

describe('explanations and flags', () => {
  const vipRefund = rule([{ kind: 'tier', tiers: ['vip'] }, { kind: 'sentiment', labels: ['negative'], scoreAtMost: null }, kw(['refund'])], {
    id: 'vip-refund',
    name: 'VIP refund',
  });
  const angryVip = subject({ tier: 'vip', sentiment: 'negative', sentimentScore: -0.8, text: 'I want a refund.' });

  it('joins the parts in the rule’s order and names the target', () => {
    expect(matchRule(vipRefund, angryVip, NOW, 'Billing')?.explanation).toBe("VIP + negative + 'refund' → Billing");
  });

  it('for an any-rule names only the parts that held', () => {
    const r = rule([{ kind: 'language', languages: ['de'] }, { kind: 'channel', channels: ['chat'] }, { kind: 'urgency', atLeast: 'urgent' }], {
      match: 'any',
      actions: { escalateTo: null, priority: 'urgent', addTag: null },
    });
    expect(matchRule(r, subject({ language: 'de', channel: 'email', urgency: 'urgent' }), NOW)?.explanation).toBe('in German + urgency urgent → priority Urgent');
    expect(matchRule(r, subject({ language: 'en', channel: 'email', urgency: 'high' }), NOW)).toBeNull();
  });

  it('words each kind of part', () => {
    const r = rule(
      [
        { kind: 'topic', topics: ['billing'] },
        { kind: 'channel', channels: ['chat'] },
        { kind: 'product', products: ['acme cam'] },
        { kind: 'repeat', contacts: 3, withinDays: 7 },
        { kind: 'sla', state: 'due-soon', withinMinutes: 60 },
        { kind: 'tier', tiers: ['premium'] },
      ],
      { actions: { escalateTo: null, priority: null, addTag: 'legal' } },
    );
    const s = subject({ topics: ['billing'], channel: 'chat', product: 'Acme Cam', receivedAt: NOW, contactTimes: [NOW - 2 * DAY, NOW - DAY, NOW], slaDueAt: NOW + 1000, tier: 'premium' });
    expect(matchRule(r, s, NOW)?.explanation).toBe("topic: billing + via chat + product: Acme Cam + 3 contacts in 7 days + SLA due within 60 min + Premium → tag 'legal'");
  });

  it('evaluates enabled rules only, in rule order; an unknown target keeps its id with no name', () => {
    const off = rule([{ kind: 'tier', tiers: ['vip'] }], { enabled: false });
    const lost = rule([{ kind: 'tier', tiers: ['vip'] }], { id: 'lost', actions: { escalateTo: 't-gone', priority: 'high', addTag: null }, autoEscalate: true });
    const compiled = compileRules([off, vipRefund, lost], targets);
    expect(compiled.size).toBe(2);
    expect(compiled.timeDependent).toBe(false);
    const flags = compiled.evaluate(angryVip, NOW);
    expect(flags.map((f) => f.ruleId)).toEqual(['vip-refund', 'lost']);
    expect(flags[0]).toEqual({
      ruleId: 'vip-refund',
      ruleName: 'VIP refund',
      explanation: "VIP + negative + 'refund' → Billing",
      targetId: 't-billing',
      targetName: 'Billing',
      priority: null,
      addTag: null,
      autoEscalate: false,
    });
    expect(flags[1]).toMatchObject({ targetId: 't-gone', targetName: null, priority: 'high', autoEscalate: true, explanation: 'VIP → priority High' });
    expect(compiled.evaluate(subject(), NOW)).toEqual([]);
  });

  it('is time-dependent when an enabled rule reads the SLA', () => {
    const sla = rule([{ kind: 'sla', state: 'breached', withinMinutes: 60 }]);
    expect(compileRules([sla], targets).timeDependent).toBe(true);
    expect(compileRules([{ ...sla, enabled: false }], targets).timeDependent).toBe(false);
  });

  it('compiled evaluation agrees with matchRule one rule at a time', () => {
    const conditions: RuleCondition[] = [
      { kind: 'tier', tiers: ['vip'] },
      { kind: 'sentiment', labels: ['negative'], scoreAtMost: -0.3 },
      kw(['refund', 'reembolso']),
      kw(['broken', 'refund'], 'all'),
      { kind: 'channel', channels: ['chat', 'social'] },
      { kind: 'urgency', atLeast: 'high' },
      { kind: 'topic', topics: ['billing'] },
    ];
    const rules = fc.array(
      fc.record({ cs: fc.subarray(conditions, { minLength: 1 }), match: fc.constantFrom('all' as const, 'any' as const), enabled: fc.boolean() }),
      { maxLength: 5 },
    );
    const subjects = fc.record({
      tier: fc.constantFrom('vip' as const, 'standard' as const, null),
      sentiment: fc.constantFrom('negative' as const, 'positive' as const, null),
      sentimentScore: fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
      text: fc.array(fc.constantFrom('refund', 'Reembolso', 'broken', 'refunds', 'hello', ','), { maxLength: 5 }).map((w) => w.join(' ')),
      channel: fc.constantFrom('chat' as const, 'email' as const),
      urgency: fc.constantFrom('high' as const, 'low' as const, null),
      topics: fc.subarray(['billing', 'shipping']),
    });
    fc.assert(
      fc.property(rules, fc.array(subjects, { minLength: 1, maxLength: 4 }), (rs, ss) => {
        const list = rs.map((r, i) => rule(r.cs, { id: `p${i}`, match: r.match, enabled: r.enabled }));
        const compiled = compileRules(list, targets);
        for (const over of ss) {
          const s = subject(over);
          const expected = list.filter((r) => r.enabled).flatMap((r) => matchRule(r, s, NOW, 'Billing') ?? []);
          const got = compiled.evaluate(s, NOW);
          expect(got.map((f) => [f.ruleId, f.explanation])).toEqual(expected.map((m) => [m.ruleId, m.explanation]));
        }
      }),
    );
  });
});

describe('words for the editor', () => {
  it('describes conditions', () => {
    expect(describeCondition({ kind: 'sentiment', labels: ['negative'], scoreAtMost: -0.5 })).toBe('Sentiment is negative (score ≤ -0.5)');
    expect(describeCondition(kw(['refund', 'chargeback']))).toBe("Mentions 'refund' or 'chargeback'");
    expect(describeCondition(kw(['a', 'b', 'c'], 'all'))).toBe("Mentions 'a', 'b' and 'c'");
    expect(describeCondition({ kind: 'tier', tiers: ['vip'] })).toBe('Customer is VIP');
    expect(describeCondition({ kind: 'language', languages: ['de'] })).toBe('Written in German');
    expect(describeCondition({ kind: 'urgency', atLeast: 'high' })).toBe('Urgency is High or higher');
    expect(describeCondition({ kind: 'repeat', contacts: 3, withinDays: 7 })).toBe('3 or more contacts within 7 days');
    expect(describeCondition({ kind: 'sla', state: 'due-soon', withinMinutes: 30 })).toBe('SLA is due within 30 min');
  });

  it('describes actions', () => {
    expect(describeActions({ escalateTo: 't', priority: 'high', addTag: 'legal' }, 'Billing')).toBe("Suggest escalating to Billing · priority High · tag 'legal'");
    expect(describeActions({ escalateTo: null, priority: 'urgent', addTag: null }, null)).toBe('Set priority Urgent');
    expect(describeActions({ escalateTo: null, priority: null, addTag: 'x' }, null)).toBe("Add tag 'x'");
  });
});

describe('the shipped rules', () => {
  it('are valid rule definitions naming shipped targets', () => {
    expect(defaultRules.length).toBeGreaterThanOrEqual(6);
    const keys = new Set(defaultTargets.map((t) => t.key));
    for (const { rule: r } of defaultRules) {
      expect(ruleInputSchema.parse(r)).toEqual(r);
      if (r.actions.escalateTo !== null) expect(keys.has(r.actions.escalateTo), r.name).toBe(true);
      expect(r.autoEscalate).toBe(false);
    }
    expect(new Set(defaultRules.map((r) => r.key)).size).toBe(defaultRules.length);
  });

  it('flag a legal threat in Spanish and a VIP refund', () => {
    const compiled = compileRules(
      defaultRules.map(({ key, rule: r }) => ({ ...r, id: key })),
      defaultTargets.map((t) => ({ id: t.key, name: t.name })),
    );
    const legal = compiled.evaluate(subject({ language: 'es', text: 'Hablaré con mi abogado si no me devuelven el dinero.' }), NOW);
    expect(legal.map((f) => f.targetName)).toContain('Legal');
    const refund = compiled.evaluate(subject({ tier: 'vip', text: 'I need my money back.' }), NOW);
    expect(refund.map((f) => f.targetName)).toContain('Billing');
    expect(compiled.evaluate(subject(), NOW)).toEqual([]);
  });
});
