/**
 * Escalation rules, compiled once and run against every item. A rule is a list of
 * conditions joined by all/any; each condition becomes a closure that tests one field
 * without allocating, so the miss path (most items, most rules) stays cheap. Words that
 * explain a match are built only for matches.
 */
import { channelLabels } from '../domain';
import { languageName } from '../languages';
import { priorities, priorityLabels, type Priority, type RuleCondition, type RuleFlag, type RuleMatch, type RuleSubject } from './schema';

export interface RuleLike {
  id: string;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: { escalateTo: string | null; priority: Priority | null; addTag: string | null };
  autoEscalate: boolean;
}

export interface CompiledRules {
  /** Flags of every enabled rule that matches, in rule order. */
  evaluate(subject: RuleSubject, now: number): RuleFlag[];
  /** True when some enabled rule has an 'sla' condition (its matches change as time passes). */
  readonly timeDependent: boolean;
  readonly size: number;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
const tierNames = { standard: 'Standard', premium: 'Premium', vip: 'VIP' } as const;
const rank: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const languageNames = new Map<string, string>();
/** Intl's names are slow to ask for each match. */
function languageOf(code: string): string {
  let name = languageNames.get(code);
  if (name === undefined) {
    name = languageName(code);
    if (languageNames.size < 500) languageNames.set(code, name);
  }
  return name;
}

/**
 * Keyword conditions share one word index per compiled rule set. Every word of every term
 * is registered once. An item's subject and text are scanned once, without cutting words
 * out: a rolling hash of each word (lowercased code unit by code unit) is looked up, and a
 * registered word found marks itself seen for this item, and every `any` condition it
 * belongs to. A one-word term then holds when its word was seen; a phrase (or a term with
 * symbols, like "c++") runs its own regex only when all its words were seen. So most items
 * never reach a regex, and no condition scans the text again.
 */
class KeywordIndex {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly byHash = new Map<number, number[]>();
  /** A quick filter before the map: the low 16 bits of some word's hash. */
  private readonly hashBits = new Uint8Array(65_536);
  private maxLength = 0;
  private seen: Int32Array = new Int32Array(16);
  /** Per word, the groups (one per `any` keyword condition) it belongs to. */
  private readonly groupsOf: number[][] = [];
  private groupSeen: Int32Array = new Int32Array(16);
  private groupCount = 0;
  private generation = 0;
  private item: RuleSubject | null = null;

  /** The id of a word (a run of word characters). */
  word(raw: string): number {
    let w = '';
    for (let i = 0; i < raw.length; i++) w += String.fromCharCode(lowerUnit(raw, i, raw.charCodeAt(i)) || raw.charCodeAt(i));
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(w, id);
      this.words.push(w);
      let h = 0;
      for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
      const same = this.byHash.get(h);
      if (same === undefined) this.byHash.set(h, [id]);
      else same.push(id);
      this.hashBits[h & 0xffff] = 1;
      this.maxLength = Math.max(this.maxLength, w.length);
      this.groupsOf.push([]);
      this.seen = grow(this.seen, id);
    }
    return id;
  }

  /** A group of words, seen when any of them is. */
  group(ids: readonly number[]): number {
    const g = this.groupCount++;
    this.groupSeen = grow(this.groupSeen, g);
    for (const id of new Set(ids)) this.groupsOf[id]!.push(g);
    return g;
  }

  seenGroup(s: RuleSubject, group: number): boolean {
    if (this.item !== s) this.index(s);
    return this.groupSeen[group] === this.generation;
  }

  seenWord(s: RuleSubject, id: number): boolean {
    if (this.item !== s) this.index(s);
    return this.seen[id] === this.generation;
  }

  /** Forget the item: the next call reads the text again (an object may be edited in place between calls). */
  reset(): void {
    this.item = null;
  }

  private index(s: RuleSubject): void {
    this.item = s;
    this.generation = (this.generation + 1) | 0;
    if (this.generation === 0) {
      this.seen.fill(-1);
      this.groupSeen.fill(-1);
      this.generation = 1;
    }
    if (this.words.length === 0) return;
    if (s.subject !== null) this.scan(s.subject);
    this.scan(s.text);
  }

  private scan(text: string): void {
    const end = text.length;
    let start = -1;
    let h = 0;
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      const lc = c < 128 ? asciiLower[c]! : lowerUnit(text, i, c);
      if (lc !== 0) {
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = (Math.imul(h, 31) + lc) | 0;
      } else if (start >= 0) {
        if (i - start <= this.maxLength && this.hashBits[h & 0xffff] === 1) this.hit(text, start, i, h);
        start = -1;
      }
    }
    if (start >= 0 && end - start <= this.maxLength && this.hashBits[h & 0xffff] === 1) this.hit(text, start, end, h);
  }

  private hit(text: string, start: number, end: number, h: number): void {
    const ids = this.byHash.get(h);
    if (ids === undefined) return;
    for (const id of ids) {
      const w = this.words[id]!;
      if (w.length !== end - start) continue;
      let same = true;
      for (let j = 0; j < w.length && same; j++) {
        const c = text.charCodeAt(start + j);
        same = (c < 128 ? asciiLower[c]! : lowerUnit(text, start + j, c)) === w.charCodeAt(j);
      }
      if (!same) continue;
      this.seen[id] = this.generation;
      for (const g of this.groupsOf[id]!) this.groupSeen[g] = this.generation;
    }
  }
}

function grow(a: Int32Array, index: number): Int32Array {
  if (index < a.length) return a;
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

const wordClass = /^[\p{L}\p{N}\p{M}]$/u;
/** ASCII: letters lowercased, digits as they are, anything else 0 (not part of a word). */
const asciiLower = Uint16Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 0));
/** Beyond ASCII, filled as met: -1 not known yet, 0 not part of a word, else the unit lowercased. */
const unitLower = new Int32Array(65_536).fill(-1);

/** The code unit at i lowercased, or 0 when it is not part of a word (a surrogate pair counts as one character). */
function lowerUnit(text: string, i: number, c: number): number {
  if (c < 128) return asciiLower[c]!;
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(c <= 0xdbff ? i : i - 1) ?? c;
    return wordClass.test(String.fromCodePoint(cp)) ? c : 0;
  }
  let lc = unitLower[c]!;
  if (lc < 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    lc = wordClass.test(ch) ? (lower.length === 1 ? lower.charCodeAt(0) : c) : 0;
    unitLower[c] = lc;
  }
  return lc;
}

/** The runs of word characters in a term. */
function wordsOf(term: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= term.length; i++) {
    const word = i < term.length && lowerUnit(term, i, term.charCodeAt(i)) !== 0;
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(term.slice(start, i));
      start = -1;
    }
  }
  return out;
}

interface CompiledCondition {
  /** Lower runs first in an `all` rule. */
  cost: number;
  test(s: RuleSubject, now: number, k: KeywordIndex): boolean;
  /** Words for a condition that held. */
  because(s: RuleSubject, now: number, k: KeywordIndex): string;
}

const wordChar = /[\p{L}\p{N}\p{M}]/u;
const escapeRegex = (t: string): string => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A term as a pattern: whole words where it starts or ends with a letter or digit, any run of spaces between words. */
function termPattern(term: string): string {
  const body = term
    .trim()
    .split(/\s+/u)
    .map(escapeRegex)
    .join('\\s+');
  const before = wordChar.test(term.trim()[0] ?? '') ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
  const after = wordChar.test(term.trim().at(-1) ?? '') ? '(?![\\p{L}\\p{N}\\p{M}])' : '';
  return `${before}${body}${after}`;
}

const normalizeTerm = (t: string): string => t.normalize('NFC').trim().toLowerCase();
const quote = (t: string): string => `'${t}'`;

/** One term: the words it needs, and for a phrase or a term with symbols, the regex that decides. */
interface Term {
  text: string;
  words: number[];
  regex: RegExp | null;
}

function compileKeywords(c: Extract<RuleCondition, { kind: 'keywords' }>, index: KeywordIndex): CompiledCondition {
  const terms: Term[] = [...new Set(c.terms.map(normalizeTerm).filter((t) => t.length > 0))].map((text) => {
    const words = wordsOf(text);
    const oneWord = words.length === 1 && words[0] === text;
    return { text, words: words.map((w) => index.word(w)), regex: oneWord ? null : new RegExp(termPattern(text), 'iu') };
  });
  const termCount = terms.length;
  const holds = (t: Term, s: RuleSubject, k: KeywordIndex): boolean => {
    for (const id of t.words) if (!k.seenWord(s, id)) return false;
    return t.regex === null || (s.subject !== null && t.regex.test(s.subject)) || t.regex.test(s.text);
  };
  const cost = 10 + termCount;
  if (c.match === 'all') {
    return {
      cost,
      test(s, _now, k) {
        for (let i = 0; i < termCount; i++) if (!holds(terms[i]!, s, k)) return false;
        return true;
      },
      because: () => terms.map((t) => quote(t.text)).join(', '),
    };
  }
  // A term of symbols only has no words to wait for: such a condition always looks further.
  const group = terms.every((t) => t.words.length > 0) ? index.group(terms.flatMap((t) => t.words)) : -1;
  return {
    cost,
    test(s, _now, k) {
      if (group >= 0 && !k.seenGroup(s, group)) return false;
      for (let i = 0; i < termCount; i++) if (holds(terms[i]!, s, k)) return true;
      return false;
    },
    because(s, _now, k) {
      const matched: string[] = [];
      for (const t of terms) if (holds(t, s, k)) matched.push(quote(t.text));
      return matched.join(', ');
    },
  };
}

function compileCondition(c: RuleCondition, index: KeywordIndex): CompiledCondition {
  switch (c.kind) {
    case 'sentiment': {
      const labels = new Set<string>(c.labels);
      const at = c.scoreAtMost;
      return {
        cost: 0,
        test: (s) => s.sentiment !== null && labels.has(s.sentiment) && (at === null || (s.sentimentScore !== null && s.sentimentScore <= at)),
        because: (s) => s.sentiment ?? '',
      };
    }
    case 'keywords':
      return compileKeywords(c, index);
    case 'topic': {
      const topics = new Set(c.topics.map((t) => t.trim().toLowerCase()));
      const find = (s: RuleSubject): string | null => {
        for (const t of s.topics) if (topics.has(t) || topics.has(t.toLowerCase())) return t;
        return null;
      };
      return { cost: 2, test: (s) => find(s) !== null, because: (s) => `topic: ${find(s) ?? ''}` };
    }
    case 'language': {
      const languages = new Set<string>(c.languages);
      const primary = (l: string): string => l.toLowerCase().split(/[-_]/)[0] ?? l;
      return {
        cost: 0,
        test: (s) => s.language !== null && (languages.has(s.language) || (s.language.length > 3 && languages.has(primary(s.language)))),
        because: (s) => `in ${languageOf(primary(s.language ?? ''))}`,
      };
    }
    case 'channel': {
      const set = new Set<string>(c.channels);
      return { cost: 0, test: (s) => set.has(s.channel), because: (s) => `via ${channelLabels[s.channel].toLowerCase()}` };
    }
    case 'product': {
      const products = new Set(c.products.map((p) => p.trim().toLowerCase()));
      return {
        cost: 1,
        test: (s) => s.product !== null && (products.has(s.product) || products.has(s.product.trim().toLowerCase())),
        because: (s) => `product: ${s.product ?? ''}`,
      };
    }
    case 'tier': {
      const set = new Set<string>(c.tiers);
      return { cost: 0, test: (s) => s.tier !== null && set.has(s.tier), because: (s) => (s.tier === null ? '' : tierNames[s.tier]) };
    }
    case 'urgency': {
      const min = rank[c.atLeast];
      return {
        cost: 0,
        test: (s) => s.urgency !== null && rank[s.urgency] >= min,
        because: (s) => (s.urgency === null ? '' : `urgency ${priorityLabels[s.urgency].toLowerCase()}`),
      };
    }
    case 'repeat': {
      const span = c.withinDays * DAY;
      const need = c.contacts;
      const count = (s: RuleSubject): number => {
        const from = s.receivedAt - span;
        let n = 0;
        for (const t of s.contactTimes) if (t >= from && t <= s.receivedAt) n++;
        return n;
      };
      return {
        cost: 3,
        test: (s) => s.contactTimes.length >= need && count(s) >= need,
        because: (s) => `${count(s)} contacts in ${c.withinDays} day${c.withinDays === 1 ? '' : 's'}`,
      };
    }
    case 'sla': {
      const within = c.withinMinutes * MINUTE;
      if (c.state === 'breached') return { cost: 0, test: (s, now) => s.slaDueAt !== null && s.slaDueAt <= now, because: () => 'SLA breached' };
      return {
        cost: 0,
        test: (s, now) => s.slaDueAt !== null && now < s.slaDueAt && s.slaDueAt <= now + within,
        because: () => `SLA due within ${c.withinMinutes} min`,
      };
    }
  }
}

interface CompiledRule {
  test(s: RuleSubject, now: number, k: KeywordIndex): boolean;
  because(s: RuleSubject, now: number, k: KeywordIndex): string[];
}

function compileRule(rule: RuleLike, index: KeywordIndex): CompiledRule {
  const conditions = rule.conditions.map((c) => compileCondition(c, index));
  const n = conditions.length;
  if (n === 0) return { test: () => false, because: () => [] };
  if (rule.match === 'all') {
    // Cheapest first for the test; the explanation keeps the user's order.
    const ordered = [...conditions].sort((a, b) => a.cost - b.cost);
    return {
      test(s, now, k) {
        for (let i = 0; i < n; i++) if (!ordered[i]!.test(s, now, k)) return false;
        return true;
      },
      because: (s, now, k) => conditions.map((c) => c.because(s, now, k)),
    };
  }
  const ordered = [...conditions].sort((a, b) => a.cost - b.cost);
  return {
    test(s, now, k) {
      for (let i = 0; i < n; i++) if (ordered[i]!.test(s, now, k)) return true;
      return false;
    },
    because: (s, now, k) => conditions.filter((c) => c.test(s, now, k)).map((c) => c.because(s, now, k)),
  };
}

function explain(because: readonly string[], actions: RuleLike['actions'], targetName: string | null): string {
  const head = because.join(' + ');
  if (targetName !== null) return `${head} → ${targetName}`;
  if (actions.priority !== null) return `${head} → priority ${priorityLabels[actions.priority]}`;
  if (actions.addTag !== null) return `${head} → tag '${actions.addTag}'`;
  return head;
}

export function compileRules(rules: readonly RuleLike[], targets: readonly { id: string; name: string }[]): CompiledRules {
  const names = new Map(targets.map((t) => [t.id, t.name]));
  const enabled = rules.filter((r) => r.enabled);
  const k = new KeywordIndex();
  const compiled = enabled.map((r) => compileRule(r, k));
  const targetNames = enabled.map((r) => (r.actions.escalateTo === null ? null : (names.get(r.actions.escalateTo) ?? null)));
  const n = enabled.length;
  return {
    size: n,
    timeDependent: enabled.some((r) => r.conditions.some((c) => c.kind === 'sla')),
    evaluate(subject, now) {
      const out: RuleFlag[] = [];
      for (let i = 0; i < n; i++) {
        if (!compiled[i]!.test(subject, now, k)) continue;
        const rule = enabled[i]!;
        const targetName = targetNames[i]!;
        out.push({
          ruleId: rule.id,
          ruleName: rule.name,
          explanation: explain(compiled[i]!.because(subject, now, k), rule.actions, targetName),
          targetId: rule.actions.escalateTo,
          targetName,
          priority: rule.actions.priority,
          addTag: rule.actions.addTag,
          autoEscalate: rule.autoEscalate,
        });
      }
      // A later call may pass an object edited in place: never trust the cache across calls.
      k.reset();
      return out;
    },
  };
}

const compiledOnce = new WeakMap<RuleLike, { rule: CompiledRule; index: KeywordIndex }>();

/** One rule against one item (ignores `enabled`): the match with its explanation, or null. */
export function matchRule(rule: RuleLike, subject: RuleSubject, now: number, targetName: string | null = null): RuleMatch | null {
  let once = compiledOnce.get(rule);
  if (once === undefined) {
    const index = new KeywordIndex();
    once = { rule: compileRule(rule, index), index };
    compiledOnce.set(rule, once);
  }
  const { rule: compiled, index: k } = once;
  k.reset();
  const matched = compiled.test(subject, now, k);
  const because = matched ? compiled.because(subject, now, k) : null;
  k.reset();
  if (because === null) return null;
  return { ruleId: rule.id, ruleName: rule.name, because, explanation: explain(because, rule.actions, targetName) };
}

const orList = (items: readonly string[], joiner = 'or'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)!}`;

/** A condition in words for the editor: "Sentiment is negative (score ≤ -0.5)", "Mentions 'refund' or 'chargeback'". */
export function describeCondition(c: RuleCondition): string {
  switch (c.kind) {
    case 'sentiment':
      return `Sentiment is ${orList(c.labels)}${c.scoreAtMost === null ? '' : ` (score ≤ ${c.scoreAtMost})`}`;
    case 'keywords':
      return `Mentions ${orList(c.terms.map(quote), c.match === 'all' ? 'and' : 'or')}`;
    case 'topic':
      return `Topic is ${orList(c.topics.map(quote))}`;
    case 'language':
      return `Written in ${orList(c.languages.map((l) => languageName(l)))}`;
    case 'channel':
      return `Came via ${orList(c.channels.map((ch) => channelLabels[ch].toLowerCase()))}`;
    case 'product':
      return `Product is ${orList(c.products.map(quote))}`;
    case 'tier':
      return `Customer is ${orList(c.tiers.map((t) => tierNames[t]))}`;
    case 'urgency':
      return c.atLeast === priorities[priorities.length - 1]
        ? `Urgency is ${priorityLabels[c.atLeast]}`
        : `Urgency is ${priorityLabels[c.atLeast]} or higher`;
    case 'repeat':
      return `${c.contacts} or more contacts within ${c.withinDays} day${c.withinDays === 1 ? '' : 's'}`;
    case 'sla':
      return c.state === 'breached' ? 'SLA is breached' : `SLA is due within ${c.withinMinutes} min`;
  }
}

/** What a rule does, in words: "Suggest escalating to Billing · priority High · tag 'legal'". */
export function describeActions(actions: RuleLike['actions'], targetName: string | null): string {
  const parts: string[] = [];
  if (actions.escalateTo !== null) parts.push(`Suggest escalating to ${targetName ?? 'a team that no longer exists'}`);
  if (actions.priority !== null) parts.push(parts.length === 0 ? `Set priority ${priorityLabels[actions.priority]}` : `priority ${priorityLabels[actions.priority]}`);
  if (actions.addTag !== null) parts.push(parts.length === 0 ? `Add tag '${actions.addTag}'` : `tag '${actions.addTag}'`);
  return parts.length === 0 ? 'Does nothing' : parts.join(' · ');
}
