/**
 * Generates the demo inbox that a first run offers to load (resources/demo/inbox.json).
 *
 *   npx tsx scripts/generate-demo.ts
 *
 * The output is fully determined by the seed: the synthetic generator's seeded PRNG
 * (src/shared/synthetic/rng.ts) combines a library of hand-written, per-language message
 * fragments into ~360 feedback items for "Lumo", a fictional smart-home company. Four angry repeat contacts are scripted by hand.
 * Every name, e-mail address, phone number and order number is fictional.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { demoInboxSchema, type DemoCustomer, type DemoInbox, type DemoItem } from '../src/shared/demo';
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status } from '../src/shared/domain';
import { KITS } from './demo/kits';
import { NOTES, POSITIVE_NOTES, VIP_NOTES } from './demo/notes';
import { REPEAT_CONTACTS } from './demo/repeat-contacts';
import { Rng } from '../src/shared/synthetic/rng';
import { at, pad } from './demo/util';
import { SCENARIOS } from './demo/scenarios';
import {
  APP_VERSIONS,
  CHANNEL_PATTERNS,
  CHANNEL_WEIGHTS,
  FIRMWARE,
  FULL_PATTERNS,
  LANGUAGE_QUOTA,
  SENTIMENT_SHARE,
  SOCIAL_TAILS,
  VIP_LANGUAGES,
  type Step,
} from './demo/shape';
import {
  BELL,
  HUB,
  INFO_GROUP,
  KIND_EN,
  type Lang,
  type LangKit,
  type Product,
  type ReplyCat,
  type Scenario,
  type Variant,
} from './demo/types';

export const DEFAULT_SEED = 20250611;

type DemoMessage = DemoItem['messages'][number];

type Vars = Record<string, string>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`unknown placeholder {${key}} in "${template}"`);
    return value;
  });
}

const MINUTES_PER_DAY = 24 * 60;
const SPAN_DAYS = 90;

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

type CustomerKind = 'contact' | 'handle' | 'reviewer';

interface CustomerDraft {
  ref: number;
  name: string;
  first: string;
  email: string | null;
  tier: CustomerTier;
  language: Lang;
  kind: CustomerKind;
}

interface ItemDraft {
  order: number;
  lang: Lang;
  sentiment: Sentiment;
  channel: Channel;
  scenario: Scenario;
  product: Product;
  t0: number;
  vars: Vars;
  agent: string;
  customer: CustomerDraft | null;
}

interface Built {
  order: number;
  customer: CustomerDraft;
  item: Omit<DemoItem, 'externalId' | 'customerKey'>;
}

function variantOf(scenario: Scenario, lang: Lang): Variant | undefined {
  return scenario.text[lang];
}

function canRender(scenario: Scenario, lang: Lang, channel: Channel): boolean {
  const v = variantOf(scenario, lang);
  if (!v || !scenario.channels.includes(channel)) return false;
  if (channel === 'email') return Boolean(v.long && v.subj);
  return Boolean(v.short || v.long);
}

function firstNameOf(fullName: string): string {
  return fullName.split(' ')[0] ?? fullName;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const EMOJI = /\p{Extended_Pictographic}/u;
const CLOSING_THANKS = /thank|danke|dank |merci|gracias|agrade|valeu|obrigad/i;

function makeVars(rng: Rng, lang: Lang, product: Product): Vars {
  const kit = KITS[lang];
  const fw = rng.range(0, FIRMWARE.length - 2);
  const app = rng.range(0, APP_VERSIONS.length - 2);
  const serialPrefix = product === BELL ? 'LD3' : product === HUB ? 'LH1' : 'LC2';
  return {
    product,
    kind: KIND_EN[product],
    order: `LM-${rng.range(100000, 999999)}`,
    days: String(rng.range(3, 14)),
    n: String(rng.range(2, 11)),
    hours: String(rng.range(2, 4)),
    ticket: `#${rng.range(40000, 49999)}`,
    amount: kit.amount,
    amountUp: kit.amountUp,
    phone: kit.phone(rng),
    agent: firstNameOf(rng.pick(kit.agents)),
    fw: at(FIRMWARE, fw),
    fwnext: at(FIRMWARE, fw + 1),
    appv: at(APP_VERSIONS, app),
    appvnext: at(APP_VERSIONS, app + 1),
    serial: `${serialPrefix}-${rng.range(0x1000, 0xffff).toString(16).toUpperCase()}-${pad(rng.range(0, 9999), 4)}`,
    article: String(rng.range(1000, 9999)),
    n4: String(rng.range(1000, 9999)),
  };
}

/** One alternative per slot; empty alternatives drop the slot. */
function compose(rng: Rng, slots: string[][], opts: { paragraphs: boolean; maxSlots?: number }): string {
  const pieces = slots
    .slice(0, opts.maxSlots ?? slots.length)
    .map((alternatives) => rng.pick(alternatives))
    .filter((piece) => piece !== '');
  let text = '';
  pieces.forEach((piece, i) => {
    if (i > 0) text += opts.paragraphs && rng.chance(0.35) ? '\n\n' : ' ';
    text += piece;
  });
  return text;
}

function renderFirst(rng: Rng, d: ItemDraft, customer: CustomerDraft): { subject: string | null; body: string } {
  const v = variantOf(d.scenario, d.lang);
  if (!v) throw new Error(`scenario ${d.scenario.id} has no ${d.lang} text`);
  const kit = KITS[d.lang];
  const vars = d.vars;
  switch (d.channel) {
    case 'email': {
      if (!v.long || !v.subj) throw new Error(`scenario ${d.scenario.id} cannot be an e-mail`);
      const greet = rng.pick(kit.greet);
      const core = compose(rng, v.long, { paragraphs: true });
      // No "Thanks," sign-off under a closing line that already thanks.
      const sign = CLOSING_THANKS.test(core.slice(-40)) ? '' : rng.pick(d.sentiment === 'positive' ? kit.signPositive : kit.signNegative);
      const name = rng.chance(0.6) ? customer.first : customer.name;
      const body = `${greet ? `${greet}\n\n` : ''}${core}\n\n${sign ? `${sign}\n` : ''}${name}`;
      let subject = fill(rng.pick(v.subj), vars);
      if (d.lang === 'en' && rng.chance(0.1)) subject = subject.toLowerCase();
      return { subject, body: fill(body, vars) };
    }
    case 'chat': {
      const useShort = v.short && (!v.long || rng.chance(0.55));
      let text = useShort && v.short ? rng.pick(v.short) : compose(rng, v.long ?? [], { paragraphs: false, maxSlots: 2 });
      if (rng.chance(0.25)) text = rng.pick(kit.chatHello) + text;
      return { subject: null, body: fill(text, vars) };
    }
    case 'social': {
      let text = v.short ? rng.pick(v.short) : rng.pick(at(v.long ?? [], 0));
      if (!text.includes('@LumoHome') && rng.chance(0.3)) text = `@LumoHome ${text}`;
      if (!EMOJI.test(text) && rng.chance(0.4)) text = `${text} ${rng.pick(SOCIAL_TAILS[d.sentiment])}`;
      return { subject: null, body: fill(text, vars) };
    }
    case 'review': {
      const useLong = v.long && (!v.short || rng.chance(0.65));
      const text = useLong && v.long ? compose(rng, v.long, { paragraphs: false }) : rng.pick(v.short ?? []);
      return { subject: null, body: fill(text, vars) };
    }
    case 'survey': {
      const text = v.short ? rng.pick(v.short) : rng.pick(at(v.long ?? [], 0));
      return { subject: null, body: fill(text, vars) };
    }
  }
}

function ratingFor(rng: Rng, channel: Channel, sentiment: Sentiment): number | null {
  if (channel !== 'review' && channel !== 'survey') return null;
  if (sentiment === 'negative') return rng.weighted([
    [1, 3],
    [2, 2],
  ]);
  if (sentiment === 'neutral') return 3;
  return rng.weighted([
    [5, 3],
    [4, 2],
  ]);
}

function threadChance(t0: number, channel: Channel): number {
  const base = t0 < 45 ? 0.05 : t0 < 360 ? 0.2 : t0 < MINUTES_PER_DAY ? 0.32 : 0.41;
  const factor = channel === 'review' ? 0.6 : channel === 'survey' ? 0.7 : channel === 'social' ? 0.9 : 1;
  return base * factor;
}

function gapFor(rng: Rng, channel: Channel, step: Step, agentHasReplied: boolean): number {
  const r = rng.next();
  const isAgent = step === 'ask' || step === 'answer' || step === 'resolve' || step === 'thanks';
  if (step === 'note') return channel === 'chat' ? rng.range(1, 15) : rng.range(3, 120);
  switch (channel) {
    case 'chat':
      return isAgent ? (agentHasReplied ? rng.range(1, 6) : rng.range(1, 12)) : rng.range(1, 6);
    case 'email':
      return isAgent ? (agentHasReplied ? 30 : 20) + Math.floor(r * r * 1800) : 25 + Math.floor(r * r * 2200);
    case 'social':
      return isAgent ? rng.range(10, 240) : rng.range(5, 180);
    case 'review':
      return rng.range(120, 4000);
    case 'survey':
      return rng.range(60, 2000);
  }
}

function agentSignName(lang: Lang, agent: string): string {
  return lang === 'en' || lang === 'pt' ? firstNameOf(agent) : agent;
}

function initials(name: string): string {
  return name
    .split(' ')
    .map((part) => part[0] ?? '')
    .join('');
}

/** "Tried that, still broken" only follows advice that can be tried. */
const TRYABLE: ReadonlySet<ReplyCat> = new Set<ReplyCat>(['billing', 'device', 'app', 'login', 'delivery']);

function fitsCategory(steps: readonly Step[], cat: ReplyCat, sentiment: Sentiment, kit: LangKit): boolean {
  return steps.every((step) => {
    if (step === 'ask' || step === 'answer' || step === 'resolve') return kit.replies[cat][step].length > 0;
    if (step === 'still') return TRYABLE.has(cat);
    if (step === 'cthanks') return !(cat === 'feedback' && sentiment === 'negative');
    return true;
  });
}

function buildThread(
  rng: Rng,
  d: ItemDraft,
  customer: CustomerDraft,
): { messages: DemoMessage[]; status: Status } {
  const kit = KITS[d.lang];
  const cat = d.scenario.cat;
  // Untouched items stay open, except older ones that need no answer (public posts, surveys,
  // praise), which the team has closed without replying.
  const noThread = (): { messages: DemoMessage[]; status: Status } => {
    const publicOrSurvey = d.channel === 'social' || d.channel === 'review' || d.channel === 'survey';
    const closeChance = publicOrSurvey
      ? { positive: 0.75, neutral: 0.5, negative: 0.25 }[d.sentiment]
      : d.sentiment === 'positive'
        ? 0.5
        : 0;
    const closed = d.t0 > 7 * MINUTES_PER_DAY && rng.chance(closeChance);
    return { messages: [], status: closed ? 'closed' : 'open' };
  };
  if (!rng.chance(threadChance(d.t0, d.channel))) return noThread();

  const table = CHANNEL_PATTERNS[d.channel]?.[d.sentiment] ?? FULL_PATTERNS[d.sentiment];
  const usable = table.filter(([steps]) => fitsCategory(steps, cat, d.sentiment, kit));
  if (usable.length === 0) return noThread();
  let steps = rng.weighted(usable);
  const vipNote = customer.tier === 'vip' && steps.length < 4 && rng.chance(0.6);
  if (vipNote) steps = ['note', ...steps];

  const vars: Vars = { ...d.vars, first: customer.first, full: customer.name };
  const messages: DemoMessage[] = [];
  let cursor = d.t0;
  let status: Status = 'open';
  let agentHasReplied = false;
  let notesOnly = true;
  let askIndex = 0;

  for (const [index, step] of steps.entries()) {
    const gap = gapFor(rng, d.channel, step, agentHasReplied);
    if (cursor - gap < 0) break;
    cursor -= gap;
    let direction: MessageDirection;
    let author: string;
    let body: string;
    switch (step) {
      case 'ask':
      case 'answer':
      case 'resolve':
      case 'thanks': {
        const pool = step === 'thanks' ? kit.thanks : kit.replies[cat][step];
        const choice = rng.range(0, pool.length - 1);
        if (step === 'ask') askIndex = choice;
        const text = fill(at(pool, choice), vars);
        direction = 'out';
        author = d.agent;
        if (d.channel === 'email') {
          const greet = fill(rng.pick(kit.agentGreet), vars);
          const sign = fill(rng.pick(kit.agentSign), { agent: agentSignName(d.lang, d.agent) });
          body = `${greet}\n\n${text}\n\n${sign}`;
        } else if (d.channel === 'social') {
          body = `${text} ^${initials(d.agent)}`;
        } else {
          body = text;
        }
        agentHasReplied = true;
        status = step === 'ask' ? 'pending' : step === 'answer' ? 'replied' : step === 'resolve' ? 'resolved' : 'closed';
        break;
      }
      case 'info':
      case 'cthanks':
      case 'still': {
        // An answer matches the question asked: ask alternative i pairs with info alternative i.
        const info = kit.custInfo[INFO_GROUP[cat]];
        const text = fill(
          step === 'info' ? at(info, askIndex % info.length) : rng.pick(step === 'cthanks' ? kit.custThanks : kit.custStill),
          vars,
        );
        direction = 'in';
        author = customer.name;
        body = d.channel === 'email' ? `${text}\n\n${customer.first}` : text;
        status = step === 'cthanks' ? (status === 'resolved' ? 'closed' : 'resolved') : 'open';
        break;
      }
      case 'note': {
        const pool = vipNote && index === 0 ? VIP_NOTES : d.sentiment === 'positive' ? POSITIVE_NOTES : NOTES[cat];
        direction = 'note';
        author = d.agent;
        body = fill(rng.pick(pool), vars);
        break;
      }
    }
    if (step !== 'note') notesOnly = false;
    messages.push({ direction, author, body, minutesAgo: cursor });
  }
  if (messages.length === 0) return noThread();
  if (notesOnly && d.sentiment === 'positive') status = 'closed';
  return { messages, status };
}

class CustomerFactory {
  private readonly names = new Set<string>();
  private readonly emails = new Set<string>();
  private next = 0;
  readonly all: CustomerDraft[] = [];

  constructor(private readonly rng: Rng) {}

  reserve(name: string, email: string | null): void {
    this.names.add(name);
    if (email) this.emails.add(email);
  }

  add(draft: Omit<CustomerDraft, 'ref'>): CustomerDraft {
    const customer = { ...draft, ref: this.next++ };
    this.all.push(customer);
    return customer;
  }

  create(lang: Lang, kind: CustomerKind, tier: CustomerTier): CustomerDraft {
    const kit = KITS[lang];
    const rng = this.rng;
    for (;;) {
      const first = rng.pick(kit.firstNames);
      const last = rng.pick(kit.lastNames);
      const full = `${first} ${last}`;
      if (this.names.has(full)) continue;
      const f = slug(first);
      const l = slug(last);
      let name = full;
      let email: string | null = null;
      if (kind === 'contact') {
        const domain = rng.weighted([
          ['example.com', 6],
          ['example.org', 2],
          ['example.net', 2],
        ] as const);
        const local = rng.weighted([
          [`${f}.${l}`, 5],
          [`${f}${l.slice(0, 1)}${rng.range(10, 99)}`, 2],
          [`${f.slice(0, 1)}${l}`, 2],
        ] as const);
        email = `${local}@${domain}`;
        if (this.emails.has(email)) continue;
      } else if (kind === 'handle') {
        name = rng.weighted([
          [`@${f}_${l.slice(0, 1)}${rng.range(1, 99)}`, 3],
          [`@${f}${l}`, 2],
          [`@${l}.${f}`, 1],
        ] as const);
        if (this.names.has(name)) continue;
      } else {
        name = `${first} ${last.slice(0, 1)}.`;
        if (this.names.has(name)) continue;
      }
      this.names.add(full);
      this.names.add(name);
      if (email) this.emails.add(email);
      return this.add({ name, first, email, tier, language: lang, kind });
    }
  }
}

function kindFor(channel: Channel): CustomerKind {
  return channel === 'social' ? 'handle' : channel === 'review' ? 'reviewer' : 'contact';
}

/** Builds the whole demo inbox from a seed; the same seed always gives the same inbox. */
export function generateDemoInbox(seed: number): DemoInbox {
  const rng = new Rng(seed);

  // 1. What each generated item is about.
  const specs: { lang: Lang; sentiment: Sentiment }[] = [];
  for (const [lang, quota] of Object.entries(LANGUAGE_QUOTA) as [Lang, number][]) {
    const negative = Math.round(quota * SENTIMENT_SHARE.negative);
    const neutral = Math.round(quota * SENTIMENT_SHARE.neutral);
    for (let i = 0; i < quota; i++) {
      const sentiment: Sentiment = i < negative ? 'negative' : i < negative + neutral ? 'neutral' : 'positive';
      specs.push({ lang, sentiment });
    }
  }
  rng.shuffle(specs);

  // Stratified arrival times over 90 days, denser towards now.
  const span = SPAN_DAYS * MINUTES_PER_DAY - 30;
  const times = specs.map((_, i) => Math.max(1, Math.floor(span * ((i + rng.next()) / specs.length) ** 1.7)));

  const uses = new Map<string, number>();
  const drafts: ItemDraft[] = specs.map(({ lang, sentiment }, order) => {
    const feasible = CHANNEL_WEIGHTS.filter(([channel]) =>
      SCENARIOS.some((s) => s.sentiment === sentiment && canRender(s, lang, channel)),
    );
    const channel = rng.weighted(feasible);
    const candidates = SCENARIOS.filter((s) => s.sentiment === sentiment && canRender(s, lang, channel));
    const scenario = rng.weighted(
      candidates.map((s) => [s, (s.weight ?? 1) / (1 + (uses.get(`${lang}:${s.id}`) ?? 0))] as const),
    );
    uses.set(`${lang}:${scenario.id}`, (uses.get(`${lang}:${scenario.id}`) ?? 0) + 1);
    const product = rng.pick(variantOf(scenario, lang)?.products ?? scenario.products);
    return {
      order,
      lang,
      sentiment,
      channel,
      scenario,
      product,
      t0: at(times, order),
      vars: makeVars(rng, lang, product),
      agent: rng.pick(KITS[lang].agents),
      customer: null,
    };
  });

  // 2. Who wrote them: a few VIPs with several items, some returning customers, mostly new ones.
  const customers = new CustomerFactory(rng);
  for (const c of REPEAT_CONTACTS) customers.reserve(c.name, c.email);
  for (const lang of VIP_LANGUAGES) {
    const vip = customers.create(lang, 'contact', 'vip');
    const candidates = rng.shuffle(
      drafts.filter((d) => d.lang === lang && (d.channel === 'email' || d.channel === 'chat') && d.customer === null),
    );
    for (const d of candidates.slice(0, rng.range(2, 3))) d.customer = vip;
  }
  const returning: Record<Lang, CustomerDraft[]> = { en: [], de: [], fr: [], es: [], pt: [] };
  for (const d of drafts) {
    if (d.customer) continue;
    const kind = kindFor(d.channel);
    const pool = returning[d.lang];
    if (kind === 'contact' && pool.length > 0 && rng.chance(0.09)) {
      d.customer = rng.pick(pool);
      continue;
    }
    const tier: CustomerTier = kind === 'contact' && rng.chance(0.15) ? 'premium' : 'standard';
    const customer = customers.create(d.lang, kind, tier);
    if (kind === 'contact') pool.push(customer);
    d.customer = customer;
  }

  // 3. The words: first messages (avoiding exact repeats) and threads.
  const seenBodies = new Set<string>();
  const built: Built[] = drafts.map((d) => {
    const customer = d.customer;
    if (!customer) throw new Error('unassigned customer');
    let first = renderFirst(rng, d, customer);
    for (let attempt = 0; attempt < 40 && seenBodies.has(first.body); attempt++) first = renderFirst(rng, d, customer);
    seenBodies.add(first.body);
    const thread = buildThread(rng, d, customer);
    return {
      order: d.order,
      customer,
      item: {
        channel: d.channel,
        subject: first.subject,
        product: d.product,
        language: d.lang,
        status: thread.status,
        sentiment: d.sentiment,
        rating: ratingFor(rng, d.channel, d.sentiment),
        tags: [...d.scenario.tags],
        messages: [{ direction: 'in', author: customer.name, body: first.body, minutesAgo: d.t0 }, ...thread.messages],
      },
    };
  });

  // 4. The scripted repeat contacts.
  let order = built.length;
  for (const script of REPEAT_CONTACTS) {
    const first = script.name.split(' ')[0] ?? script.name;
    const customer = customers.add({
      name: script.name,
      first,
      email: script.email,
      tier: script.tier,
      language: script.language,
      kind: 'contact',
    });
    for (const s of script.items) {
      const t0 = s.ago[0] * MINUTES_PER_DAY + s.ago[1];
      let cursor = t0;
      const messages: DemoMessage[] = [{ direction: 'in', author: customer.name, body: s.first, minutesAgo: t0 }];
      for (const m of s.thread) {
        cursor -= m.after;
        messages.push({
          direction: m.direction,
          author: m.direction === 'in' ? customer.name : (m.author ?? null),
          body: m.body,
          minutesAgo: cursor,
        });
      }
      built.push({
        order: order++,
        customer,
        item: {
          channel: s.channel,
          subject: s.subject,
          product: s.product,
          language: script.language,
          status: s.status,
          sentiment: 'negative',
          rating: s.rating,
          tags: [...s.tags],
          messages,
        },
      });
    }
  }

  // 5. Oldest first; stable ids and customer keys in order of first appearance.
  built.sort((a, b) => {
    const ta = at(a.item.messages, 0).minutesAgo;
    const tb = at(b.item.messages, 0).minutesAgo;
    return tb - ta || a.order - b.order;
  });
  const keys = new Map<number, string>();
  const outCustomers: DemoCustomer[] = [];
  const items: DemoItem[] = built.map((b, i) => {
    let key = keys.get(b.customer.ref);
    if (key === undefined) {
      key = `cust-${pad(keys.size + 1, 4)}`;
      keys.set(b.customer.ref, key);
      outCustomers.push({
        key,
        name: b.customer.name,
        email: b.customer.email,
        tier: b.customer.tier,
        language: b.customer.language,
      });
    }
    return {
      externalId: `demo-${pad(i + 1, 4)}`,
      channel: b.item.channel,
      customerKey: key,
      subject: b.item.subject,
      product: b.item.product,
      language: b.item.language,
      status: b.item.status,
      sentiment: b.item.sentiment,
      rating: b.item.rating,
      tags: b.item.tags,
      messages: b.item.messages,
    };
  });

  return { version: 1, seed, customers: outCustomers, items };
}

/** Pretty-printed but compact: one customer or item per line. */
export function serializeDemoInbox(inbox: DemoInbox): string {
  const block = (rows: unknown[]): string => rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return [
    '{',
    `  "version": ${JSON.stringify(inbox.version)},`,
    `  "seed": ${JSON.stringify(inbox.seed)},`,
    '  "customers": [',
    block(inbox.customers),
    '  ],',
    '  "items": [',
    block(inbox.items),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const inbox = demoInboxSchema.parse(generateDemoInbox(DEFAULT_SEED));
  const target = fileURLToPath(new URL('../resources/demo/inbox.json', import.meta.url));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serializeDemoInbox(inbox));
  console.log(`Wrote ${inbox.items.length} items and ${inbox.customers.length} customers to ${target}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
