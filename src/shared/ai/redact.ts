/**
 * PII redaction for what leaves the machine. One Redactor serves one LLM call: each value
 * gets a placeholder ([EMAIL_1], [PHONE_2]) that stays the same across the call's texts,
 * and restore() puts the values back into the model's answer locally, so the model never
 * sees them and the agent never sees the placeholders.
 *
 * Detectors run in a fixed order on the text as it is being rewritten, so a value taken by
 * one is gone for the next: secrets before e-mails (a URL's userinfo looks like an address),
 * cards and IBANs before phones (a card number must not become a phone).
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { piiKinds, type PiiKind, type Replace } from './redact-kinds';
import { compileNames, redactNames, type NameMatcher } from './redact-names';
import { redactEmails, redactIps, redactSecrets } from './redact-network';
import { phoneCountry, redactCards, redactIbans, redactPhones } from './redact-numbers';

export { piiKinds, type PiiKind } from './redact-kinds';

export interface RedactOptions {
  /** The customer's known names (full name and parts), replaced as [NAME_n]. */
  names?: readonly string[];
  /** ISO 3166 alpha-2 for national phone numbers without a + prefix (default 'US'). */
  defaultCountry?: string;
}

const labels: Record<PiiKind, string> = {
  email: 'EMAIL',
  phone: 'PHONE',
  card: 'CARD',
  iban: 'IBAN',
  ip: 'IP',
  secret: 'SECRET',
  name: 'NAME',
};
const kindOfLabel = new Map<string, PiiKind>(piiKinds.map((kind) => [labels[kind], kind]));
const MARK = '\uE000';
const FIRST_MARK = 0xe001;
const MARKS = 0xf8ff - FIRST_MARK;
const marks = /\uE000([\uE001-\uF8FF])/gu;
/** A placeholder as made, or as a model may write it back ([email_1], [ EMAIL 1 ]). */
const placeholderLoose = /\[\s*(email|phone|card|iban|ip|secret|name)\s*[_ -]?\s*(\d{1,6})\s*\]/giu;

/** One LLM call's redaction: placeholders are stable within it (the same value → the same [EMAIL_1]) across every redact() call on this instance, and restore() puts the values back locally. */
export class Redactor {
  private readonly names: NameMatcher | null;
  private readonly country: CountryCode;
  /** kind + NUL + value → placeholder key ('EMAIL_1'). */
  private readonly keyOfValue = new Map<string, string>();
  private readonly valueOfKey = new Map<string, string>();
  /** Placeholder-shaped text the customer wrote themselves (kind + NUL + text), which is not PII. */
  private readonly literals = new Set<string>();
  private readonly next: Record<PiiKind, number> = { email: 0, phone: 0, card: 0, iban: 0, ip: 0, secret: 0, name: 0 };
  private readonly replace = (kind: PiiKind, value: string): string => {
    const id = `${kind}\u0000${value}`;
    let key = this.keyOfValue.get(id);
    if (key === undefined) {
      key = `${labels[kind]}_${++this.next[kind]}`;
      this.keyOfValue.set(id, key);
      this.valueOfKey.set(key, value);
    }
    return `[${key}]`;
  };

  constructor(options: RedactOptions = {}) {
    this.names = compileNames(options.names);
    this.country = phoneCountry(options.defaultCountry);
  }

  redact(text: string): string {
    // Detectors write a private-use mark per value; numbers are handed out afterwards in
    // reading order, so [IP_1] is the first address in the text whichever detector found it.
    // Marks hold no digits or letters, so no later detector mistakes one for a value.
    const marked = !text.includes(MARK);
    const pending: [PiiKind, string][] = [];
    const defer: Replace = (kind, value) => {
      // A value that swallowed another's mark is already redacted inside; leave it be.
      if (value.includes(MARK)) return value;
      if (!marked || pending.length >= MARKS) return this.replace(kind, value);
      pending.push([kind, value]);
      return MARK + String.fromCharCode(FIRST_MARK + pending.length - 1);
    };
    let out = text.includes('[') ? this.maskLiteralPlaceholders(text, defer) : text;
    out = redactSecrets(out, defer);
    out = redactEmails(out, defer);
    out = redactIbans(out, defer);
    out = redactCards(out, defer);
    out = redactIps(out, defer);
    out = redactPhones(out, this.country, defer);
    out = redactNames(out, this.names, defer);
    if (pending.length === 0) return out;
    return out.replace(marks, (_m, c: string) => {
      const [kind, value] = pending[c.charCodeAt(0) - FIRST_MARK] as [PiiKind, string];
      return this.replace(kind, value);
    });
  }

  /** Replaces every placeholder this instance made with its value; unknown placeholders are left as they are. */
  restore(text: string): string {
    if (!text.includes('[') || this.valueOfKey.size === 0) return text;
    return text.replace(placeholderLoose, (match, label: string, n: string) => this.valueOfKey.get(`${label.toUpperCase()}_${Number(n)}`) ?? match);
  }

  /** How many distinct values were replaced, per kind (for the call log). */
  counts(): Partial<Record<PiiKind, number>> {
    const counts: Partial<Record<PiiKind, number>> = {};
    for (const id of this.keyOfValue.keys()) {
      if (this.literals.has(id)) continue;
      const kind = id.slice(0, id.indexOf('\u0000')) as PiiKind;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * A customer who writes "[EMAIL_1]" themselves must get it back as written, even when
   * [EMAIL_1] already stands for an address: their text is given a placeholder of its own.
   */
  private maskLiteralPlaceholders(text: string, defer: Replace): string {
    return text.replace(placeholderLoose, (literal: string, label: string) => {
      const kind = kindOfLabel.get(label.toUpperCase()) as PiiKind;
      this.literals.add(`${kind}\u0000${literal}`);
      return defer(kind, literal);
    });
  }
}

/** Convenience: redact one text with a fresh Redactor. */
export function redactText(text: string, options?: RedactOptions): { text: string; redactor: Redactor } {
  const redactor = new Redactor(options);
  return { text: redactor.redact(text), redactor };
}
