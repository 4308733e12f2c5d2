/**
 * How a template reads to a person rather than to the core: its usage as a sentence, and
 * its placeholders by name ("First name", not `{{customer.first_name}}`). Pure, so the
 * library, the editor and any later screen word them the same way.
 */
import type { TemplateUsage } from './contract';
import { placeholderPattern } from './templates';

/** "once", "twice", "3 times". */
export function timesWord(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${count} times`;
}

/**
 * A template's usage as an agent reads it at a glance: "Not sent yet", "Sent once, as
 * written", "Sent 12 times, 9 of them as written", "Sent twice, edited both times", with
 * "set aside 3 times" added when its suggestion was passed over.
 */
export function usageSentence(usage: TemplateUsage): string {
  const used = Math.max(0, usage.used);
  const unchanged = Math.min(used, Math.max(0, usage.unchanged));
  const setAside = usage.discarded > 0 ? `set aside ${timesWord(usage.discarded)}` : null;
  if (used === 0) return setAside === null ? 'Not sent yet' : `Not sent yet, ${setAside}`;
  let how: string;
  if (used === 1) how = unchanged === 1 ? 'as written' : 'edited first';
  else if (unchanged === used) how = used === 2 ? 'both as written' : 'always as written';
  else if (unchanged === 0) how = used === 2 ? 'edited both times' : 'edited every time';
  else if (unchanged === 1) how = 'once as written';
  else how = `${unchanged} of them as written`;
  const sent = `Sent ${timesWord(used)}, ${how}`;
  return setAside === null ? sent : `${sent}; ${setAside}`;
}

/** What each known placeholder is called where people read it. */
const placeholderNames: Record<string, string> = {
  'customer.first_name': 'First name',
  'customer.last_name': 'Last name',
  'customer.name': 'Full name',
  'agent.name': 'Your name',
  product: 'Product',
  subject: 'Subject',
};

/** "First name" for `customer.first_name`; null for a key Hearken does not fill. */
export function placeholderName(key: string): string | null {
  return placeholderNames[key.trim().toLowerCase()] ?? null;
}

export type BodyPart =
  | { kind: 'text'; text: string; start: number; end: number }
  | {
      kind: 'placeholder';
      /** The characters as written, braces and all. */
      text: string;
      start: number;
      end: number;
      key: string;
      /** Null for a key Hearken does not fill (the editor marks it, the save refuses it). */
      name: string | null;
      fallback: string | null;
    };

/** The reply text cut into plain runs and placeholders, with their offsets in the text. */
export function bodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let from = 0;
  for (const m of body.matchAll(placeholderPattern)) {
    if (m.index > from) parts.push({ kind: 'text', text: body.slice(from, m.index), start: from, end: m.index });
    const end = m.index + m[0].length;
    const key = m[1]!.toLowerCase();
    parts.push({ kind: 'placeholder', text: m[0], start: m.index, end, key, name: placeholderName(key), fallback: m[2] === undefined ? null : m[2].trim() });
    from = end;
  }
  if (from < body.length) parts.push({ kind: 'text', text: body.slice(from), start: from, end: body.length });
  return parts;
}

/** What a placeholder's fallback says beside its name: "or “there”", "or nothing", or null without one. */
export function fallbackWords(fallback: string | null): string | null {
  if (fallback === null) return null;
  return fallback === '' ? 'or nothing' : `or “${fallback}”`;
}
