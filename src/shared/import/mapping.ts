/**
 * Guesses which column holds which feedback field, from the header names (English, German,
 * French, Spanish, and the names helpdesk exports use) and, where the names say nothing,
 * from the values (a column of e-mail addresses, of dates, of long text).
 */
import type { Channel } from '../domain';
import { looksLikeDate, parseDate } from './dates';
import { targetLabels, type ColumnMapping, type MappingTarget } from './index';
import { directionReader, directionWord, parseRating } from './values';

/** Normalised header names per target, most specific first. */
const synonyms: Record<MappingTarget, string[]> = {
  externalId: ['external id', 'externalid', 'ticket id', 'ticket number', 'ticket', 'conversation id', 'case id', 'case number', 'response id', 'review id', 'message id', 'tweet id', 'post id', 'comment id', 'status id', 'chat id', 'msg id', 'record id', 'reference', 'ref', 'id', 'uuid', 'nummer', 'ticketnummer', 'ticket nr', 'numero', 'numero de ticket', 'identifiant', 'id del ticket', 'referencia'],
  receivedAt: ['received at', 'received', 'created at', 'created', 'creation date', 'date', 'datetime', 'timestamp', 'time', 'submitted at', 'submitted', 'sent at', 'opened at', 'date created', 'created on', 'submission date', 'datum', 'erstellt', 'erstellt am', 'eingegangen', 'eingang', 'zeitpunkt', 'zeitstempel', 'date de creation', 'cree le', 'recu le', 'horodatage', 'fecha', 'fecha de creacion', 'creado', 'recibido', 'marca temporal'],
  customerName: ['customer name', 'customer', 'name', 'full name', 'requester', 'requester name', 'contact name', 'contact', 'author', 'user', 'user name', 'username', 'from name', 'reviewer', 'client', 'client name', 'kunde', 'kundenname', 'name des kunden', 'absender', 'nom', 'nom du client', 'auteur', 'cliente', 'nombre', 'nombre del cliente', 'autor'],
  customerEmail: ['customer email', 'email', 'e mail', 'email address', 'e mail address', 'mail', 'requester email', 'contact email', 'from', 'from email', 'sender', 'user email', 'email adresse', 'e mail adresse', 'kunden email', 'adresse email', 'adresse e mail', 'courriel', 'correo', 'correo electronico'],
  subject: ['subject', 'title', 'topic', 'headline', 'summary', 'betreff', 'titel', 'sujet', 'objet', 'titre', 'asunto', 'titulo', 'tema'],
  body: ['body', 'message', 'text', 'feedback', 'comment', 'comments', 'description', 'content', 'review', 'review text', 'response', 'answer', 'verbatim', 'details', 'message body', 'first message', 'nachricht', 'inhalt', 'kommentar', 'beschreibung', 'text der nachricht', 'rückmeldung', 'ruckmeldung', 'corps', 'commentaire', 'contenu', 'avis', 'cuerpo', 'mensaje', 'comentario', 'contenido', 'descripcion', 'texto', 'opinion'],
  channel: ['channel', 'source channel', 'via', 'medium', 'origin', 'kanal', 'quelle', 'canal', 'origine', 'origen'],
  product: ['product', 'product name', 'app', 'application', 'service', 'plan', 'produkt', 'produit', 'producto'],
  language: ['language', 'lang', 'locale', 'sprache', 'langue', 'idioma', 'lengua'],
  rating: ['rating', 'score', 'stars', 'csat', 'nps', 'satisfaction', 'satisfaction rating', 'bewertung', 'sterne', 'note', 'evaluation', 'puntuacion', 'valoracion', 'calificacion', 'estrellas'],
  status: ['status', 'state', 'ticket status', 'zustand', 'statut', 'etat', 'estado'],
  sentiment: ['sentiment', 'mood', 'tone', 'stimmung', 'sentiment label', 'ressenti', 'sentimiento'],
  tags: ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'topics', 'schlagworte', 'schlagwörter', 'kategorie', 'kategorien', 'etiquettes', 'etiquette', 'categorie', 'etiquetas', 'etiqueta', 'categoria'],
  tier: ['customer tier', 'tier', 'segment', 'customer segment', 'plan tier', 'level', 'account tier', 'stufe', 'kundenstufe', 'niveau', 'nivel'],
  replyTo: ['in response to tweet id', 'in response to', 'in response to id', 'in reply to', 'in reply to id', 'in reply to status id', 'in reply to message id', 'reply to', 'reply to id', 'replied to', 'parent id', 'parent message id', 'parent tweet id', 'parent comment id', 'parent', 'responds to', 'response to', 'antwort auf', 'en reponse a', 'respuesta a'],
  direction: ['direction', 'inbound', 'outbound', 'is inbound', 'is outbound', 'incoming', 'outgoing', 'from customer', 'from company', 'is agent', 'is customer', 'is staff', 'author type', 'sender type', 'author role', 'sender role', 'user type', 'role', 'richtung', 'sens'],
  agentReply: ['agent reply', 'reply', 'agent response', 'our reply', 'answer from agent', 'support reply', 'antwort', 'reponse', 'respuesta'],
};

function norm(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Splits camelCase and dotted paths before normalising: "customer.email" → "customer email". */
function headerKey(header: string): string {
  return norm(header.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

const emailRe = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

interface Candidate {
  target: MappingTarget;
  column: string;
  score: number;
}

const normalisedSynonyms = Object.fromEntries(
  Object.entries(synonyms).map(([target, words]) => [target, words.map(norm)]),
) as Record<MappingTarget, string[]>;

function nameScore(target: MappingTarget, key: string): number {
  const words = normalisedSynonyms[target];
  const exact = words.indexOf(key);
  if (exact >= 0) return 100 - exact * 0.1;
  // "customer_email_address" contains "email": weaker than an exact name.
  let best = 0;
  for (const w of words) {
    if (w.length >= 4 && (` ${key} `.includes(` ${w} `) || (key.length > 5 && key.endsWith(w)))) best = Math.max(best, 40 + w.length);
  }
  return best;
}

/**
 * The mapping the import step proposes. `sample` holds the first rows as text (column →
 * value); every column of `columns` may appear at most once in the result.
 */
export function guessMapping(
  columns: readonly string[],
  sample: readonly Record<string, string>[],
  options: { timeZone?: string; defaultChannel?: Channel } = {},
): ColumnMapping {
  const candidates: Candidate[] = [];
  const targets = Object.keys(synonyms) as MappingTarget[];
  // A mapping names columns of 1 to 200 characters (columnMappingSchema); any other "name" is a broken header, never proposed.
  const mappable = columns.filter((column) => column.length >= 1 && column.length <= 200);
  for (const column of mappable) {
    const key = headerKey(column);
    for (const target of targets) {
      const score = nameScore(target, key);
      if (score > 0) candidates.push({ target, column, score });
    }
  }
  const values = (column: string): string[] => sample.map((r) => r[column] ?? '').filter((v) => v.trim() !== '');
  // Values confirm or overrule a name: an "email" column without addresses is not one.
  for (const c of candidates) {
    const vs = values(c.column);
    if (vs.length === 0) continue;
    const share = (test: (v: string) => boolean): number => vs.filter(test).length / vs.length;
    const emails = share((v) => emailRe.test(v.trim()));
    // Values that contradict the name drop the guess; a column of addresses is the e-mail, not a name.
    if (c.target === 'customerEmail') c.score = emails >= 0.5 ? c.score + 20 : 0;
    else if (emails >= 0.8) c.score -= 50;
    if (c.target === 'receivedAt') c.score = share(looksLikeDate) >= 0.5 ? c.score + 20 : 0;
    // An id has no spaces: a "parent" column of company names is not a reply-to.
    if (c.target === 'replyTo' && share((v) => /^\S{1,200}$/.test(v.trim())) < 0.8) c.score = 0;
    if (c.target === 'direction') {
      const read = directionReader(c.column);
      c.score = share((v) => read(v) !== undefined) >= 0.8 ? c.score + 20 : 0;
    }
  }
  // Value-only guesses for columns whose names said nothing.
  for (const column of mappable) {
    const vs = values(column);
    if (vs.length === 0) continue;
    const share = (test: (v: string) => boolean): number => vs.filter(test).length / vs.length;
    if (share((v) => emailRe.test(v.trim())) >= 0.8) candidates.push({ target: 'customerEmail', column, score: 60 });
    if (share(looksLikeDate) >= 0.9) candidates.push({ target: 'receivedAt', column, score: 25 });
    // Only words say a direction by content: a column of true/false could be any flag (unread, vip…).
    const distinct = new Set(vs.map((v) => v.trim().toLowerCase()));
    if (distinct.size >= 2 && share((v) => typeof directionWord(v) === 'string') >= 0.9) candidates.push({ target: 'direction', column, score: 30 });
    const avg = vs.reduce((n, v) => n + v.length, 0) / vs.length;
    if (avg >= 40) candidates.push({ target: 'body', column, score: 10 + Math.min(avg / 10, 20) });
  }
  candidates.sort((a, b) => b.score - a.score);
  const fields: ColumnMapping['fields'] = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (c.score <= 0 || fields[c.target] !== undefined || used.has(c.column)) continue;
    fields[c.target] = c.column;
    used.add(c.column);
  }
  // Tweets (the Twitter customer-support exports): rows that do not say are social.
  const social = columns.some((c) => /\b(re)?tweets?\b|\bscreen name\b/.test(headerKey(c)));
  return { fields, timeZone: options.timeZone ?? 'UTC', defaultChannel: options.defaultChannel ?? (social ? 'social' : 'email') };
}

/** A mapping that cannot be right for the file, said once instead of as a failure on every row. */
export interface MappingProblem {
  target: MappingTarget;
  column: string;
  /** The whole explanation (the CLI, the core's error). */
  message: string;
  /** One line for the import window's footer. */
  short: string;
}

const dateHint = 'Hearken reads e.g. 2024-03-05 14:02, 05/03/2024, Tue, 05 Mar 2024 14:02:00 +0100, Tue Mar 05 14:02:00 +0000 2024 and Unix seconds or milliseconds';

/**
 * Checks a mapping against the first rows of the file. `values(column)` gives that
 * column's first values as text, or null when the file has no such column. A column is a
 * problem when the file lacks it, or when none of its non-empty first values reads as
 * what it is mapped to (a date, a rating, a direction), or when the message column is
 * empty in all of them. Messages name the column and never quote a value.
 */
export function mappingProblems(
  mapping: ColumnMapping,
  values: (column: string) => readonly string[] | null,
  options: { dayFirst?: boolean } = {},
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.fields.replyTo !== undefined && mapping.fields.externalId === undefined) {
    problems.push({
      target: 'replyTo',
      column: mapping.fields.replyTo,
      message: `"${targetLabels.replyTo}" threads rows by the IDs they reply to, so the rows' own IDs are needed too: choose the column for "${targetLabels.externalId}".`,
      short: `“${targetLabels.replyTo}” needs the rows’ own IDs: choose a column for “${targetLabels.externalId}” too.`,
    });
  }
  for (const [target, column] of Object.entries(mapping.fields) as [MappingTarget, string][]) {
    const label = targetLabels[target];
    const all = values(column);
    if (all === null) {
      problems.push({
        target,
        column,
        message: `The mapping takes ${label} from the column "${column}", which this file does not have. Choose one of the file's columns.`,
        short: `“${column}” is not a column of this file.`,
      });
      continue;
    }
    const filled = all.map((v) => v.trim()).filter((v) => v !== '');
    if (target === 'body' && all.length > 0 && filled.length === 0) {
      problems.push({
        target,
        column,
        message: `The column "${column}", chosen as the ${label}, is empty in the first ${all.length} rows. Choose the column that holds the customer's text.`,
        short: `“${column}” is empty in the first rows: choose the column with the customer’s text.`,
      });
      continue;
    }
    if (filled.length === 0) continue;
    const none = (reads: (v: string) => boolean): boolean => !filled.some(reads);
    const first = `None of the first ${filled.length} values of the column "${column}"`;
    if (target === 'receivedAt') {
      const zone = { timeZone: 'UTC' };
      const reads = (v: string): boolean => parseDate(v, { ...zone, dayFirst: options.dayFirst ?? true }) !== null || parseDate(v, { ...zone, dayFirst: !(options.dayFirst ?? true) }) !== null;
      if (none(reads)) {
        problems.push({
          target,
          column,
          message: `${first} reads as a date. ${dateHint}. Choose the column that holds the date, or none (rows then get the file's time).`,
          short: `None of the first values of “${column}” reads as a date.`,
        });
      }
    } else if (target === 'rating') {
      if (none((v) => typeof parseRating(v) === 'number')) {
        problems.push({
          target,
          column,
          message: `${first} is a rating from 1 to 5 (such as 4, 4/5, 8/10 or ★★★★). Choose the rating column, or none.`,
          short: `None of the first values of “${column}” is a rating from 1 to 5.`,
        });
      }
    } else if (target === 'direction' && !(mapping.outboundValues && mapping.outboundValues.length > 0)) {
      const read = directionReader(column);
      if (none((v) => read(v) !== undefined)) {
        problems.push({
          target,
          column,
          message: `${first} says who wrote the row (such as inbound/outbound, customer/agent or true/false). For an author column, list the company's own names as the outbound values.`,
          short: `“${column}” does not say who wrote each row: enter your team’s values under it.`,
        });
      }
    }
  }
  return problems;
}
