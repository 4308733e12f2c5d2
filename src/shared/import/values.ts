/**
 * Field values as exports spell them (in a few languages), to Hearken's vocabulary.
 * Each function returns null for an empty value and `undefined` for one it does not know,
 * so the caller can tell "not given" from "given but not understood".
 */
import type { Channel, CustomerTier, Sentiment, Status } from '../domain';

/** Longest text kept per field; longer values are cut and the report says so. */
export const fieldLimits = { body: 100_000, subject: 1_000, other: 500 } as const;

function key(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_-]+/g, ' ');
}

// Columns repeat a handful of values a million times: remember each spelling's answer.
const memo = new Map<Record<string, unknown>, Map<string, unknown>>();

function lookup<T>(table: Record<string, T>, value: string | null | undefined): T | null | undefined {
  if (value === null || value === undefined || value.trim() === '') return null;
  let seen = memo.get(table);
  if (!seen) memo.set(table, (seen = new Map()));
  if (seen.has(value)) return seen.get(value) as T | undefined;
  const k = key(value);
  const result = k in table ? table[k] : undefined;
  if (seen.size > 10_000) seen.clear();
  seen.set(value, result);
  return result;
}

function table<T extends string>(groups: Record<T, string[]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [target, words] of Object.entries(groups) as [T, string[]][]) {
    out[key(target)] = target;
    for (const w of words) out[key(w)] = target;
  }
  return out;
}

const channelTable = table<Channel>({
  email: ['e-mail', 'mail', 'web form', 'webform', 'web', 'courriel', 'correo', 'correo electronico', 'ticket', 'support form', 'contact form'],
  chat: ['live chat', 'livechat', 'messenger', 'whatsapp', 'sms', 'in app', 'in-app', 'native messaging', 'native_messaging', 'chat widget', 'conversation', 'phone', 'voice', 'call'],
  survey: ['nps', 'csat', 'ces', 'feedback form', 'questionnaire', 'umfrage', 'enquete', 'sondage', 'encuesta', 'poll'],
  review: ['reviews', 'app store', 'play store', 'google play', 'trustpilot', 'g2', 'capterra', 'bewertung', 'avis', 'resena', 'rating'],
  social: ['twitter', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'reddit', 'mastodon', 'youtube', 'social media', 'soziale medien', 'reseaux sociaux', 'redes sociales'],
});

const statusTable = table<Status>({
  open: ['new', 'offen', 'neu', 'ouvert', 'nouveau', 'abierto', 'nuevo', 'active', 'unassigned', 'todo', 'to do'],
  pending: ['hold', 'on hold', 'on-hold', 'waiting', 'snoozed', 'in progress', 'wartend', 'in bearbeitung', 'en attente', 'en cours', 'pendiente', 'en espera'],
  replied: ['answered', 'responded', 'beantwortet', 'repondu', 'respondido'],
  resolved: ['solved', 'done', 'fixed', 'completed', 'geloest', 'gelost', 'erledigt', 'resolu', 'resuelto'],
  closed: ['archived', 'spam', 'geschlossen', 'ferme', 'cerrado'],
});

const sentimentTable = table<Sentiment>({
  positive: ['pos', '+', 'good', 'happy', 'satisfied', 'positiv', 'positif', 'positivo', 'promoter', 'praise'],
  neutral: ['neu', '0', 'mixed', 'ok', 'okay', 'neutre', 'passive'],
  negative: ['neg', '-', 'bad', 'angry', 'unhappy', 'dissatisfied', 'negativ', 'negatif', 'negativo', 'detractor', 'complaint'],
});

const tierTable = table<CustomerTier>({
  standard: ['basic', 'free', 'regular', 'normal', 'starter', 'default', 'std'],
  premium: ['pro', 'plus', 'business', 'gold', 'paid', 'professional'],
  vip: ['enterprise', 'platinum', 'key account', 'strategic'],
});

export function normaliseChannel(value: string | null | undefined): Channel | null | undefined {
  return lookup(channelTable, value);
}

export function normaliseStatus(value: string | null | undefined): Status | null | undefined {
  return lookup(statusTable, value);
}

export function normaliseSentiment(value: string | null | undefined): Sentiment | null | undefined {
  return lookup(sentimentTable, value);
}

export function normaliseTier(value: string | null | undefined): CustomerTier | null | undefined {
  return lookup(tierTable, value);
}

/**
 * A 1–5 rating from "4", "4.0", "4/5", "4 stars", "★★★★" or "8/10" (scaled). Out of range
 * (e.g. 9 on a five-point scale) is `undefined`: the row is wrong, not the scale.
 */
export function parseRating(value: string | number | null | undefined): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
  const text = value.trim();
  if (text === '') return null;
  if (/^★+☆*$/.test(text)) return text.replace(/☆/g, '').length <= 5 ? text.replace(/☆/g, '').length : undefined;
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:\/\s*(\d+)|stars?|sterne?|etoiles?|étoiles?|estrellas?)?$/i.exec(text);
  if (!m) return undefined;
  let n = Number(m[1]!.replace(',', '.'));
  if (m[2] !== undefined) {
    const scale = Number(m[2]);
    if (scale <= 0 || n > scale) return undefined;
    n = Math.max(1, (n / scale) * 5);
  }
  const rounded = Math.round(n);
  return rounded >= 1 && rounded <= 5 ? rounded : undefined;
}

/** Tags from one cell: split on , ; or |, trimmed, without empties or repeats. */
export function splitTags(value: string | readonly unknown[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts = Array.isArray(value) ? value.map((v) => String(v)) : String(value).split(/[,;|]/);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of parts) {
    const tag = raw.trim().slice(0, fieldLimits.other);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** A language as a short code ('de', 'pt-BR'), from a code or an English/native name. */
export function normaliseLanguage(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/i.test(text)) {
    const [lang, region] = text.split(/[-_]/);
    return region ? `${lang!.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region}` : lang!.toLowerCase();
  }
  return languageNames[key(text)];
}

const languageNames: Record<string, string> = {
  english: 'en', englisch: 'en', anglais: 'en', ingles: 'en',
  german: 'de', deutsch: 'de', allemand: 'de', aleman: 'de',
  french: 'fr', francais: 'fr', franzosisch: 'fr', frances: 'fr',
  spanish: 'es', espanol: 'es', spanisch: 'es', espagnol: 'es',
  italian: 'it', italiano: 'it', portuguese: 'pt', portugues: 'pt', dutch: 'nl', nederlands: 'nl',
  polish: 'pl', polski: 'pl', swedish: 'sv', svenska: 'sv', japanese: 'ja', chinese: 'zh',
};

/** Cuts a value to its limit; `cut` is true when it was longer. */
export function limitText(value: string, limit: number): { text: string; cut: boolean } {
  if (value.length <= limit) return { text: value, cut: false };
  // Do not split a surrogate pair (an emoji) in two.
  let end = limit;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: value.slice(0, end), cut: true };
}

/**
 * An id as a key: trimmed, and an integer that a spreadsheet or pandas wrote as a float
 * ("3.0", a column with empty cells becomes float) is the integer, so a reply-to column
 * finds the row it names.
 */
export function normaliseId(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  const m = /^(-?\d+)\.0+$/.exec(text);
  return m ? m[1]! : text;
}

export type Direction = 'in' | 'out';

const directionWords = table<Direction>({
  in: ['inbound', 'incoming', 'received', 'customer', 'client', 'user', 'end user', 'enduser', 'requester', 'visitor', 'contact', 'lead', 'member', 'guest', 'kunde', 'cliente', 'eingehend', 'entrant'],
  out: ['outbound', 'outgoing', 'sent', 'agent', 'company', 'staff', 'support', 'admin', 'operator', 'team', 'teammate', 'bot', 'employee', 'business', 'brand', 'page', 'owner', 'mitarbeiter', 'ausgehend', 'sortant', 'agente'],
});

/** An in/out word (not a flag): what says a direction by content alone. */
export function directionWord(value: string | null | undefined): Direction | null | undefined {
  return lookup(directionWords, value);
}

const flags = table<'true' | 'false'>({
  true: ['yes', 'y', 't', '1', 'ja', 'wahr', 'oui', 'vrai', 'si', 'sí', 'x'],
  false: ['no', 'n', 'f', '0', 'nein', 'falsch', 'non', 'faux'],
});

/**
 * For a true/false direction column: does true mean the company wrote the row? Read from
 * the column's name ("outbound", "is_agent", "from_company" → yes); any other name
 * ("inbound", "is_customer") reads true as the customer's.
 */
export function trueMeansOutbound(column: string): boolean {
  const k = ` ${column.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  // "user_is_agent", "customer_support": the company's side is the more specific word.
  return / (outbound|outgoing|out|agent|staff|company|support|admin|operator|employee|team|brand|business|reply|response|sent|us|internal) /.test(k);
}

/**
 * Reads one direction column: `outboundValues` when the mapping lists them (an author
 * column: those names are the company, everyone else a customer), else in/out words and
 * true/false flags whose meaning the column's name gives (trueMeansOutbound). Returns null for an empty value
 * and undefined for one it does not understand.
 */
export function directionReader(column: string, outboundValues?: readonly string[]): (value: string | null | undefined) => Direction | null | undefined {
  if (outboundValues !== undefined && outboundValues.length > 0) {
    const company = new Set(outboundValues.map((v) => v.trim().toLowerCase()));
    return (value) => {
      if (value === null || value === undefined || value.trim() === '') return null;
      return company.has(value.trim().toLowerCase()) ? 'out' : 'in';
    };
  }
  const trueIsOut = trueMeansOutbound(column);
  return (value) => {
    const word = lookup(directionWords, value);
    if (word !== undefined) return word;
    const flag = lookup(flags, value);
    if (flag === undefined || flag === null) return flag;
    return (flag === 'true') === trueIsOut ? 'out' : 'in';
  };
}
