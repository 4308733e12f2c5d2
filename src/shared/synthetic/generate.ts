/**
 * A deterministic generator of realistic customer-support feedback, for benchmarks and
 * tests at any size: `createGenerator({ seed, count }).item(i)` is a pure function of
 * (seed, count, i), so a run can generate items in any order, in batches, or in parallel
 * and get the same data.
 *
 * What it models:
 * - channels (e-mail, chat, survey, review, social) with their own lengths, from a one-line
 *   post to a long e-mail with paragraphs, a signature and sometimes a quoted earlier mail;
 * - eight languages, about a third of the items not in English;
 * - customers with repeat contacts (a skewed pool: a few write very often), tiers, and
 *   social handles without an e-mail address; some survey answers are anonymous;
 * - a support-typical sentiment mix (more negative than positive), ratings that agree with
 *   it, topics as tags, products;
 * - a year of dates with weekly and daily rhythm, a slow growth trend and two incident days;
 *   items come out in time order (receivedAt never decreases with the index);
 * - status, unread and the thread (agent replies, follow-ups, notes) that fit the item's age.
 */
import type { Channel, CustomerTier, MessageDirection, Sentiment, Status, TagSource } from '../domain';
import { agents, devices, emailDomains, languagePacks, languageWeights, plans, products, socialHashtags, type LanguagePack, type Topic, type TopicPhrases } from './fragments';
import { mix32, Rng, Weighted } from './rng';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 2025-06-01T00:00:00Z: the default end of the generated year, so runs are reproducible. */
export const DEFAULT_END = Date.UTC(2025, 5, 1);

export interface GeneratorOptions {
  /** Any 32-bit integer; the same seed and count give the same items. Default 1. */
  seed?: number;
  /** How many items the run will have (dates spread over the period by index / count). */
  count: number;
  /** End of the period (exclusive), epoch ms. Default DEFAULT_END. */
  end?: number;
  /** Length of the period in days. Default 365. */
  days?: number;
  /** Customers in the e-mail pool per item; lower means more repeat contacts. Default 0.3. */
  customersPerItem?: number;
  /**
   * Share of social posts and reviews written by a handle without an e-mail address
   * (multiplies the built-in 60% / 40%). 0 gives every named customer an e-mail. Default 1.
   */
  handles?: number;
}

export interface SyntheticCustomer {
  name: string;
  email: string | null;
  tier: CustomerTier;
  language: string;
}

export interface SyntheticMessage {
  direction: MessageDirection;
  author: string | null;
  body: string;
  sentAt: number;
}

export interface SyntheticItem {
  index: number;
  source: string;
  externalId: string;
  channel: Channel;
  customer: SyntheticCustomer | null;
  subject: string | null;
  body: string;
  product: string | null;
  language: string;
  topic: Topic;
  status: Status;
  sentiment: Sentiment | null;
  sentimentSource: TagSource | null;
  rating: number | null;
  receivedAt: number;
  unread: boolean;
  tags: { name: string; source: TagSource }[];
  messages: SyntheticMessage[];
}

export interface Generator {
  readonly count: number;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  item(index: number): SyntheticItem;
  /** Items [from, to) in order. */
  range(from: number, to: number): SyntheticItem[];
}

// ---------------------------------------------------------------------------------------
// Distributions

const channelWeights = new Weighted<Channel>([
  ['email', 40],
  ['chat', 25],
  ['survey', 12],
  ['review', 13],
  ['social', 10],
]);

const sourcesByChannel: Record<Channel, readonly (readonly [string, string])[]> = {
  email: [['mailbox', 'MSG']],
  chat: [['livechat', 'CHT']],
  survey: [['nps-survey', 'SRV']],
  review: [
    ['app-store', 'APP'],
    ['trustpilot', 'TP'],
  ],
  social: [
    ['x', 'X'],
    ['facebook', 'FB'],
  ],
};

/** Support traffic leans negative; reviews and surveys carry more praise. */
const sentimentByChannel: Record<Channel, Weighted<Sentiment>> = {
  email: new Weighted<Sentiment>([
    ['negative', 42],
    ['neutral', 40],
    ['positive', 18],
  ]),
  chat: new Weighted<Sentiment>([
    ['negative', 36],
    ['neutral', 46],
    ['positive', 18],
  ]),
  survey: new Weighted<Sentiment>([
    ['negative', 26],
    ['neutral', 34],
    ['positive', 40],
  ]),
  review: new Weighted<Sentiment>([
    ['negative', 36],
    ['neutral', 18],
    ['positive', 46],
  ]),
  social: new Weighted<Sentiment>([
    ['negative', 48],
    ['neutral', 24],
    ['positive', 28],
  ]),
};

const topicWeights = new Weighted<Topic>([
  ['billing', 14],
  ['refund', 10],
  ['login', 12],
  ['shipping', 10],
  ['bug', 14],
  ['performance', 8],
  ['feature-request', 10],
  ['cancellation', 6],
  ['integration', 7],
  ['mobile', 9],
]);

const tierWeights = new Weighted<CustomerTier>([
  ['standard', 85],
  ['premium', 12],
  ['vip', 3],
]);

const languageWeighted = new Weighted<string>(languageWeights);
const productWeighted = new Weighted<string>(products);

/** Hour-of-day (UTC) shape: quiet nights, a morning and an early-afternoon peak. */
const hourShape = [0.15, 0.1, 0.08, 0.08, 0.1, 0.18, 0.35, 0.6, 0.9, 1.0, 1.05, 1.0, 0.85, 0.95, 1.05, 1.0, 0.9, 0.75, 0.6, 0.5, 0.45, 0.38, 0.3, 0.2];

// ---------------------------------------------------------------------------------------
// Templates: "{slot}" placeholders compiled once into literal/slot parts.

const slotNames = ['product', 'order', 'amount', 'days', 'device', 'plan', 'version', 'error', 'name', 'agent', 'date'] as const;
type SlotName = (typeof slotNames)[number];
type Part = string | number;

const compiled = new Map<string, Part[] | null>();

function compile(template: string): Part[] | null {
  let parts = compiled.get(template);
  if (parts !== undefined) return parts;
  if (!template.includes('{')) {
    parts = null;
  } else {
    parts = [];
    const re = /\{(\w+)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(template)) !== null) {
      const slot = slotNames.indexOf(m[1] as SlotName);
      if (slot < 0) throw new Error(`Unknown placeholder {${m[1]}} in "${template}"`);
      if (m.index > last) parts.push(template.slice(last, m.index));
      parts.push(slot);
      last = m.index + m[0].length;
    }
    if (last < template.length) parts.push(template.slice(last));
  }
  compiled.set(template, parts);
  return parts;
}

/** Per-item placeholder values, in slotNames order; null until first used. */
type Slots = (string | null)[];

const errorWords = ['HTTP 500', 'HTTP 429', 'ERR_TIMEOUT', 'HTTP 403'];

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** An amount of `cents` in the pack's currency style (yen have no cents: the figure is scaled). */
function formatAmount(pack: LanguagePack, cents: number): string {
  const { symbol, before, decimals, separator } = pack.currency;
  const c = cents % 100;
  const text = decimals === 0 ? String(cents) : `${(cents - c) / 100}${separator}${c < 10 ? '0' : ''}${c}`;
  return before ? symbol + text : text + symbol;
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}


// ---------------------------------------------------------------------------------------

export function createGenerator(options: GeneratorOptions): Generator {
  const count = Math.max(0, Math.floor(options.count));
  const seed = (options.seed ?? 1) | 0;
  const end = options.end ?? DEFAULT_END;
  const days = Math.max(1, Math.floor(options.days ?? 365));
  const start = end - days * DAY;
  const handleFactor = Math.max(0, options.handles ?? 1);
  const poolSize = Math.max(20, Math.round(count * (options.customersPerItem ?? 0.3)));
  const handlePool = Math.max(10, Math.round(count * 0.05));

  // Day weights: weekly rhythm, a growth trend, two incident days with a surge.
  const dayCdf = new Float64Array(days + 1);
  const incidentA = mix32(seed, 0x1a) % days;
  const incidentB = mix32(seed, 0x1b) % days;
  for (let d = 0; d < days; d++) {
    const weekday = new Date(start + d * DAY).getUTCDay();
    let w = weekday === 0 ? 0.4 : weekday === 6 ? 0.5 : 1;
    w *= 0.8 + (0.4 * d) / days;
    if (d === incidentA || d === incidentB) w *= 3.5;
    dayCdf[d + 1] = (dayCdf[d] as number) + w;
  }
  const dayTotal = dayCdf[days] as number;
  for (let d = 0; d <= days; d++) dayCdf[d] = (dayCdf[d] as number) / dayTotal;
  const hourCdf = new Float64Array(25);
  for (let h = 0; h < 24; h++) hourCdf[h + 1] = (hourCdf[h] as number) + (hourShape[h] as number);
  for (let h = 0; h <= 24; h++) hourCdf[h] = (hourCdf[h] as number) / (hourCdf[24] as number);

  /** The largest k with cdf[k] <= u. */
  const bucket = (cdf: Float64Array, u: number, n: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cdf[mid] as number) <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Monotone map from [0, 1) to a time in the period, following the day and hour shapes. */
  const timeAt = (u: number): number => {
    const d = bucket(dayCdf, u, days);
    const d0 = dayCdf[d] as number;
    const v = Math.min(0.999999, (u - d0) / ((dayCdf[d + 1] as number) - d0));
    const h = bucket(hourCdf, v, 24);
    const h0 = hourCdf[h] as number;
    const w = (v - h0) / ((hourCdf[h + 1] as number) - h0);
    return start + d * DAY + Math.floor((h + w) * HOUR);
  };

  // ASCII spellings of every name, for e-mail addresses and handles (computed once).
  const asciiNames = new Map<LanguagePack, { first: string[]; last: string[] }>();
  for (const pack of Object.values(languagePacks)) {
    asciiNames.set(pack, {
      first: pack.firstNames.map((n, i) => pack.firstNamesAscii?.[i] ?? ascii(n)),
      last: pack.lastNames.map((n, i) => pack.lastNamesAscii?.[i] ?? ascii(n)),
    });
  }

  const crng = new Rng(0);
  // Customers are derived from their index alone; the pool is cached since most write again.
  const customers = new Map<number, SyntheticCustomer>();
  const customer = (k: number): SyntheticCustomer => {
    const known = customers.get(k);
    if (known) return known;
    crng.reset(mix32(seed ^ 0x5eed, k));
    const language = languageWeighted.sample(crng);
    const pack = languagePacks[language] as LanguagePack;
    const fi = crng.int(pack.firstNames.length);
    const li = crng.int(pack.lastNames.length);
    const first = pack.firstNames[fi] as string;
    const last = pack.lastNames[li] as string;
    const names = asciiNames.get(pack) as { first: string[]; last: string[] };
    const firstAscii = names.first[fi] as string;
    const lastAscii = names.last[li] as string;
    const domain = crng.pick(emailDomains);
    const name = language === 'ja' ? `${last} ${first}` : `${first} ${last}`;
    const made: SyntheticCustomer = { name, email: `${firstAscii}.${lastAscii}${k}@${domain}`, tier: tierWeights.sample(crng), language };
    customers.set(k, made);
    return made;
  };
  const handle = (h: number): SyntheticCustomer => {
    crng.reset(mix32(seed ^ 0x4a4d, h));
    const language = languageWeighted.sample(crng);
    const pack = languagePacks[language] as LanguagePack;
    const fi = crng.int(pack.firstNames.length);
    const li = crng.int(pack.lastNames.length);
    const names = asciiNames.get(pack) as { first: string[]; last: string[] };
    const first = names.first[fi] as string;
    const last = names.last[li] as string;
    return { name: `@${first}_${last.slice(0, 3)}${h}`, email: null, tier: 'standard', language };
  };

  const rng = new Rng(0);
  const slots: Slots = new Array<string | null>(slotNames.length).fill(null);
  let slotPack = languagePacks.en as LanguagePack;
  let slotProduct: string | null = null;
  let slotWho: SyntheticCustomer | null = null;
  let slotReceivedAt = 0;
  const slotValue = (slot: number): string => {
    const known = slots[slot];
    if (known !== null && known !== undefined) return known;
    let v: string;
    switch (slot) {
      case 0:
        v = slotProduct ?? 'the app';
        break;
      case 1:
        v = `${letters[rng.int(26)] as string}-${100000 + rng.int(900000)}`;
        break;
      case 2:
        v = formatAmount(slotPack, rng.range(5, 480) * 100 + rng.int(100));
        break;
      case 3:
        v = String(rng.range(2, 21));
        break;
      case 4:
        v = rng.pick(devices);
        break;
      case 5:
        v = rng.pick(plans);
        break;
      case 6:
        v = `${rng.range(3, 6)}.${rng.range(0, 19)}.${rng.range(0, 9)}`;
        break;
      case 7:
        v = rng.chance(0.7) ? `E${rng.range(1000, 9999)}` : rng.pick(errorWords);
        break;
      case 8:
        // Agents address people by first name (Japanese: family name, which comes first).
        v = slotWho ? (slotWho.name.startsWith('@') ? slotWho.name : (slotWho.name.split(' ')[0] as string)) : '';
        break;
      case 9:
        v = rng.pick(agents);
        break;
      default:
        v = new Date(slotReceivedAt - rng.range(2, 30) * DAY).toISOString().slice(0, 10);
    }
    slots[slot] = v;
    return v;
  };
  const fill = (template: string): string => {
    if (template.indexOf('{') < 0) return template;
    const parts = compile(template);
    if (parts === null) return template;
    let out = '';
    for (const p of parts) out += typeof p === 'number' ? slotValue(p) : p;
    return out;
  };
  const seedTag = (seed >>> 0).toString(36);

  /** Templates already used in the current item: a person rarely repeats a sentence. */
  const used: string[] = [];
  /** A phrase from the list not yet used in this message, or null when it has none left. */
  const tryFresh = (list: readonly string[]): string | null => {
    let t = rng.pick(list);
    for (let tries = 0; tries < 3 && used.includes(t); tries++) t = rng.pick(list);
    if (used.includes(t)) {
      t = list.find((x) => !used.includes(x)) ?? '';
      if (!t) return null;
    }
    used.push(t);
    return fill(t);
  };
  /** Like tryFresh, but repeats a phrase rather than give nothing. */
  const fresh = (list: readonly string[]): string => tryFresh(list) ?? fill(rng.pick(list));
  const moodPhrases = (phrases: TopicPhrases, mood: Sentiment): readonly string[] => (phrases[mood].length > 0 ? phrases[mood] : phrases.neutral);

  /** Another sentence for the message: about the topic, a detail, or a general remark. */
  const nextSentence = (pack: LanguagePack, topic: Topic, mood: Sentiment): string | null => {
    const r = rng.next();
    const t = pack.topics[topic];
    // Mostly in the item's mood, sometimes a neutral aside.
    const topical = rng.chance(0.75) ? moodPhrases(t, mood) : t.neutral;
    const general = pack.generic[mood];
    if (r < 0.45) return tryFresh(topical) ?? tryFresh(pack.details) ?? tryFresh(general);
    if (r < 0.75) return tryFresh(pack.details) ?? tryFresh(general) ?? tryFresh(topical);
    return tryFresh(general) ?? tryFresh(topical) ?? tryFresh(pack.details);
  };

  /**
   * Up to n sentences (never the same one twice) in paragraphs of 2 to 4; with a prefix,
   * every line gets it, as in a quoted mail.
   */
  const paragraphs = (pack: LanguagePack, topic: Topic, mood: Sentiment, n: number, prefix = ''): string => {
    let out = prefix + fresh(moodPhrases(pack.topics[topic], mood));
    let inParagraph = 1;
    let paragraphLength = rng.range(2, 4);
    for (let s = 1; s < n; s++) {
      const next = nextSentence(pack, topic, mood);
      if (next === null) break;
      if (inParagraph >= paragraphLength) {
        out += prefix ? `\n${prefix.trimEnd()}\n${prefix}` : '\n\n';
        inParagraph = 0;
        paragraphLength = rng.range(2, 4);
      } else {
        out += ' ';
      }
      out += next;
      inParagraph++;
    }
    return out;
  };

  const tagSource = (): TagSource => {
    const u = rng.next();
    return u < 0.8 ? 'local' : u < 0.95 ? 'human' : 'import';
  };

  const item = (index: number): SyntheticItem => {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`item index ${index} is outside 0..${count - 1}`);
    rng.reset(mix32(seed, index));
    used.length = 0;
    const receivedAt = timeAt((index + rng.next()) / count);
    const age = end - receivedAt;
    const channel = channelWeights.sample(rng);
    const [source, prefix] = rng.pick(sourcesByChannel[channel]);

    // Who wrote it: a skewed pool (some customers write often), handles for social posts
    // and reviews, anonymous survey answers.
    let who: SyntheticCustomer | null;
    const handleChance = channel === 'social' ? 0.6 * handleFactor : channel === 'review' ? 0.4 * handleFactor : 0;
    if (channel === 'survey' && rng.chance(0.3)) who = null;
    else if (handleChance > 0 && rng.chance(handleChance)) who = handle(Math.floor(handlePool * Math.pow(rng.next(), 1.5)));
    else who = customer(Math.floor(poolSize * Math.pow(rng.next(), 1.7)));

    const language = who && rng.chance(0.95) ? who.language : languageWeighted.sample(rng);
    const pack = languagePacks[language] as LanguagePack;
    const topic = topicWeights.sample(rng);
    const analyzed = rng.chance(0.96);
    const mood = sentimentByChannel[channel].sample(rng);
    const sentiment = analyzed ? mood : null;
    const product = rng.chance(0.93) ? (topic === 'mobile' && rng.chance(0.7) ? 'Atlas Mobile' : productWeighted.sample(rng)) : null;

    // Placeholder values are drawn the first time a template needs them.
    slots.fill(null);
    slotPack = pack;
    slotProduct = product;
    slotWho = who;
    slotReceivedAt = receivedAt;

    const t = pack.topics[topic];
    let subject: string | null = null;
    let body: string;
    switch (channel) {
      case 'email': {
        subject = fill(rng.pick(t.subjects));
        if (rng.chance(0.08)) subject = `Re: ${subject}`;
        // Most mails are a few sentences; some carry the earlier exchange quoted below
        // them, and a long tail quotes several rounds of it.
        const n = 3 + Math.min(20, Math.floor(-Math.log(1 - rng.next()) * 5));
        const greet = rng.chance(0.85) ? `${rng.pick(pack.greetings)}\n\n` : '';
        body = greet + paragraphs(pack, topic, mood, n);
        if (rng.chance(0.8)) body += `\n\n${rng.pick(pack.signoffs)}\n${who && !who.name.startsWith('@') ? who.name : slotValue(8)}`;
        const rounds = rng.chance(0.02) ? rng.range(3, 6) : rng.chance(0.08) ? 1 : 0;
        let earlierAt = receivedAt;
        for (let q = 0; q < rounds; q++) {
          // Alternately the agent's last answer and the customer's mail before it.
          used.length = 0;
          const fromAgent = q % 2 === 0;
          const earlier = fromAgent ? fill(rng.pick(pack.replies)) : paragraphs(pack, topic, mood, rng.range(3, 10));
          earlierAt -= rng.range(2, 72) * HOUR;
          const header = pack.quoteHeader.replace('{date}', new Date(earlierAt).toISOString().slice(0, 10)).replace('{name}', fromAgent ? slotValue(9) : (who?.name ?? ''));
          const quote = `${'>'.repeat(q + 1)} `;
          body += `\n\n${q > 0 ? quote.slice(1) : ''}${header}\n${quote}${earlier.replace(/\n/g, `\n${quote}`)}`;
        }
        break;
      }
      case 'chat': {
        subject = rng.chance(0.5) ? fill(rng.pick(t.subjects)) : null;
        // A chat is short lines: maybe a hello, the problem, then details as they come.
        const lines = rng.range(1, 7);
        body = rng.chance(0.6) ? `${rng.pick(pack.chatOpeners)}\n${fresh(moodPhrases(t, mood))}` : fresh(moodPhrases(t, mood));
        for (let l = 1; l < lines; l++) {
          const next = nextSentence(pack, topic, mood);
          if (next === null) break;
          body += `\n${next}`;
        }
        break;
      }
      case 'survey': {
        const n = rng.range(1, 3);
        body = `${rng.pick(pack.surveyOpeners)} ${fresh(moodPhrases(t, mood))}`;
        for (let s = 1; s < n; s++) {
          const next = nextSentence(pack, topic, mood);
          if (next === null) break;
          body += ` ${next}`;
        }
        break;
      }
      case 'review': {
        // A review's title follows its mood: praise for good ones, the problem for bad ones.
        subject = mood === 'positive' ? rng.pick(pack.generic.positive).replace(/[.!！。]$/u, '') : fill(rng.pick(t.subjects));
        const n = rng.range(1, 5);
        body = fresh(moodPhrases(t, mood));
        for (let s = 1; s < n; s++) {
          const next = nextSentence(pack, topic, mood);
          if (next === null) break;
          body += ` ${next}`;
        }
        break;
      }
      case 'social': {
        body = fresh(moodPhrases(t, mood));
        if (rng.chance(0.4)) body += ` ${fresh(pack.generic[mood])}`;
        if (rng.chance(0.5)) body = `@${(product ?? 'Atlas').split(' ')[0]?.toLowerCase() ?? 'atlas'}support ${body}`;
        const hashtag = rng.pick(socialHashtags);
        if (hashtag) body += ` ${hashtag}`;
        break;
      }
    }

    let rating: number | null = null;
    if (channel === 'review' || (channel === 'survey' && rng.chance(0.9))) {
      rating = mood === 'negative' ? rng.range(1, 2) : mood === 'neutral' ? 3 : rng.range(4, 5);
    }

    // Age decides where the item is in its life.
    const s = rng.next();
    let status: Status;
    if (age < 3 * DAY) status = s < 0.55 ? 'open' : s < 0.8 ? 'pending' : s < 0.95 ? 'replied' : 'resolved';
    else if (age < 14 * DAY) status = s < 0.2 ? 'open' : s < 0.4 ? 'pending' : s < 0.65 ? 'replied' : s < 0.95 ? 'resolved' : 'closed';
    else status = s < 0.03 ? 'open' : s < 0.05 ? 'pending' : s < 0.15 ? 'replied' : s < 0.6 ? 'resolved' : 'closed';
    const unread = rng.chance(age < 2 * DAY ? 0.7 : age < 14 * DAY ? 0.15 : 0.01);

    let sentimentSource: TagSource | null = null;
    if (sentiment !== null) {
      const u = rng.next();
      sentimentSource = rating !== null && u < 0.3 ? 'import' : u < 0.85 ? 'local' : u < 0.95 ? 'llm' : 'human';
    }

    const tags: { name: string; source: TagSource }[] = [{ name: topic, source: tagSource() }];
    if (rng.chance(0.25)) {
      const second = topicWeights.sample(rng);
      if (second !== topic) tags.push({ name: second, source: tagSource() });
    }
    if (mood === 'negative' && rng.chance(0.1)) tags.push({ name: 'urgent', source: tagSource() });
    if (topic === 'cancellation' && mood === 'negative' && rng.chance(0.5)) tags.push({ name: 'churn-risk', source: tagSource() });
    if (mood === 'positive' && rng.chance(0.2)) tags.push({ name: 'praise', source: tagSource() });

    // The thread: the customer's message, then what the item's status implies. Nothing is
    // dated after the end of the period.
    const author = who?.name ?? null;
    const messages: SyntheticMessage[] = [{ direction: 'in', author, body, sentAt: receivedAt }];
    const room = Math.max(60_000, Math.floor((end - receivedAt) / 3));
    let at = receivedAt;
    if (rng.chance(0.04)) {
      at += Math.min(room, rng.range(5, 120) * 60_000);
      messages.push({ direction: 'note', author: slotValue(9), body: `Internal: checked logs for ${slotValue(1)}, looks related to ${slotValue(7)}.`, sentAt: at });
    }
    if (status === 'replied' || status === 'resolved' || status === 'closed' || (status === 'pending' && rng.chance(0.5))) {
      at += Math.min(room, rng.range(20, 48 * 60) * 60_000);
      messages.push({ direction: 'out', author: slotValue(9), body: fill(rng.pick(pack.replies)), sentAt: at });
      if ((status === 'resolved' || status === 'closed') && rng.chance(0.5)) {
        at += Math.min(room, rng.range(10, 24 * 60) * 60_000);
        messages.push({ direction: 'in', author, body: rng.pick(pack.followUps.positive), sentAt: at });
      } else if (status === 'replied' && mood === 'negative' && rng.chance(0.35)) {
        at += Math.min(room, rng.range(10, 24 * 60) * 60_000);
        messages.push({ direction: 'in', author, body: rng.pick(pack.followUps.negative), sentAt: at });
      }
    }

    return {
      index,
      source,
      externalId: `${prefix}-${seedTag}-${index}`,
      channel,
      customer: who,
      subject,
      body,
      product,
      language,
      topic,
      status,
      sentiment,
      sentimentSource,
      rating,
      receivedAt,
      unread,
      tags,
      messages,
    };
  };

  return {
    count,
    seed,
    start,
    end,
    item,
    range(from, to) {
      const out: SyntheticItem[] = [];
      for (let i = Math.max(0, from); i < Math.min(count, to); i++) out.push(item(i));
      return out;
    },
  };
}
