/**
 * Redaction of numbers that identify a person: payment cards, IBANs and phone numbers.
 * Each must pass its checksum or libphonenumber's validation, so order numbers, ticket
 * numbers, dates and prices stay. Cheap scans come first: libphonenumber costs tens of
 * microseconds a call, so it only sees runs of digits that could be a phone (a + or 00
 * and seven digits, or as many as the default country's shortest national number) and
 * are not dates.
 */
import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText, isSupportedCountry, Metadata, type CountryCode } from 'libphonenumber-js/max';
import type { PiiKind, Replace } from './redact-kinds';

/** True when the digits pass the Luhn check that every card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Counts ASCII digits, stopping once `enough` are seen. */
function countDigits(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * Replaces, for each run the regex finds, the prefix `measure` accepts (its length; 0 for
 * none), and scans on from the end of that prefix, so a run that carried on into the next
 * value does not hide it.
 */
function replaceRuns(text: string, runs: RegExp, measure: (run: string) => number, kind: PiiKind, replace: Replace): string {
  let out = '';
  let last = 0;
  runs.lastIndex = 0;
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    const length = measure(m[0]);
    if (length === 0) {
      runs.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index) + replace(kind, text.slice(m.index, m.index + length));
    last = m.index + length;
    runs.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
}

// ---------------------------------------------------------------------------------------
// Cards

/**
 * 13 to 19 digits, single spaces or dashes between them; issuers start with 2 to 6. Not
 * inside an IBAN that failed its check: at most 34 characters, so eight groups back at most
 * (an unbounded look back made 100 KB of "4111 4111 ..." take seconds: quadratic).
 */
const cardRun = /\b(?=[2-6])(?<![\d+.,/-])(?<!\b[A-Za-z]{2}\d{2}(?:[ -][A-Za-z0-9]{4}){0,8}[ -])[2-6](?:[ -]?\d){12,22}\b(?![.,]\d)/g;

/** The length of the longest prefix of a digit run, cut between groups, that is a Luhn-valid card. */
function cardLength(run: string): number {
  const ends: number[] = [];
  for (let i = 1; i <= run.length; i++) if (i === run.length || run[i] === ' ' || run[i] === '-') ends.push(i);
  for (let k = ends.length - 1; k >= 0; k--) {
    const candidate = run.slice(0, ends[k]);
    const digits = candidate.replace(/[ -]/g, '');
    if (digits.length < 13) break;
    if (digits.length <= 19 && luhnValid(digits)) return candidate.length;
  }
  return 0;
}

export function redactCards(text: string, replace: Replace): string {
  return replaceRuns(text, cardRun, cardLength, 'card', replace);
}

// ---------------------------------------------------------------------------------------
// IBANs

const ibanLength = new Map<string, number>();
for (const [country, spec] of Object.entries(getCountrySpecifications())) {
  if (spec.chars) ibanLength.set(country, spec.chars);
}
/** Country, check digits, then letters and digits with optional single spaces or dashes. */
const ibanRun = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){8,34}/gi;

/** The length of the valid IBAN that starts the run, or 0. */
function ibanIn(run: string): number {
  const length = ibanLength.get(run.slice(0, 2).toUpperCase());
  if (length === undefined) return 0;
    // The run may carry on into the next word; an IBAN has a fixed length per country.
  let end = 0;
  let chars = 0;
  while (end < run.length && chars < length) {
    if (run[end] !== ' ' && run[end] !== '-') chars++;
    end++;
  }
  if (chars < length) return 0;
  const next = run[end];
  if (next !== undefined && next !== ' ' && next !== '-') return 0;
  return isValidIBAN(run.slice(0, end).replace(/[ -]/g, '').toUpperCase()) ? end : 0;
}

export function redactIbans(text: string, replace: Replace): string {
  return replaceRuns(text, ibanRun, ibanIn, 'iban', replace);
}

// ---------------------------------------------------------------------------------------
// Phones

/** A run of digits that may be one or more phone numbers, with the punctuation phones use. */
const phoneRun = /(?:\+|\(|(?<![\w./-])(?<!\b[A-Za-z]{2}\d{2}(?:[ -][A-Za-z0-9]{4}){0,8}[ -]))\d[\d \t\u00a0()./-]*\d/g;
/** Dates are digit runs that some countries' numbering plans would accept (2024-11-05, 05.11.2024, 11/5/24 10). */
const dateShape = /^(?:(\d{4})[-./](\d{1,2})[-./](\d{1,2})|(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4}))(?: \d{1,2})?$/;

function isDate(run: string): boolean {
  const m = dateShape.exec(run);
  if (!m) return false;
  // Either order of day and month; "34.10.9992" is a phone number, not a date.
  const [a, b] = m[1] === undefined ? [Number(m[4]), Number(m[5])] : [Number(m[2]), Number(m[3])];
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

export function phoneCountry(code: string | undefined): CountryCode {
  const upper = (code ?? 'US').toUpperCase();
  return isSupportedCountry(upper) ? upper : 'US';
}

const shortestNational = new Map<CountryCode, number>();
/**
 * The fewest digits a national number of the country has (10 in the US). A run without a
 * + that is shorter cannot be a phone there, and skipping it spares libphonenumber the order
 * numbers and dates that make up most digit runs.
 */
function fewestDigits(country: CountryCode): number {
  let fewest = shortestNational.get(country);
  if (fewest === undefined) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    fewest = Math.max(7, Math.min(...(metadata.numberingPlan?.possibleLengths() ?? [7])));
    shortestNational.set(country, fewest);
  }
  return fewest;
}

export function redactPhones(text: string, country: CountryCode, replace: Replace): string {
  const fewest = fewestDigits(country);
  return text.replace(phoneRun, (match) => {
    // An opening parenthesis with no closing one is the sentence's, not the number's.
    const open = match.startsWith('(') && !match.includes(')') ? 1 : 0;
    const run = match.slice(open);
    const phones = run.length <= LONGEST_RUN ? phonesIn(run, country, fewest, replace) : longRun(run, country, fewest, replace);
    return open ? `(${phones}` : phones;
  });
}

/**
 * Where the phones in a run are, as [start, end) pairs. libphonenumber's finder is the one
 * slow step of redaction, and the same numbers come back all day (a signature, the shop's
 * hotline in every quoted reply), so answers are kept for the last runs seen.
 */
const callingCodeBefore = /\+\d{1,3}[ .-]?$/;
const phoneSpans = new Map<string, readonly number[]>();
const noSpans: readonly number[] = [];

function findPhones(run: string, country: CountryCode, fewest: number): readonly number[] {
  if (isDate(run)) return noSpans;
  // "0044 …" is how most of the world dials abroad; libphonenumber knows it only when the
  // default country does too. Same length, so the finder's offsets still fit the run.
  const international = run.startsWith('00') && run[2] !== '0';
  if (countDigits(run, fewest) < (international || run.startsWith('+') ? 7 : fewest)) return noSpans;
  const key = `${country}:${run}`;
  let spans = phoneSpans.get(key);
  if (spans === undefined) {
    const found = findPhoneNumbersInText(international ? ` +${run.slice(2)}` : run, { defaultCountry: country });
    spans = found.flatMap((match) => {
      if (international && match.startsAt === 1) return [0, match.endsAt];
      // The finder sometimes drops the country code ("+1 (415) 555-0132 (24/7)" gives the
      // number from the parenthesis on); the code is part of the number.
      const code = callingCodeBefore.exec(run.slice(0, match.startsAt));
      let start = code ? code.index : match.startsAt;
      // Nor is the space before it part of it.
      while (start < match.endsAt && (run[start] === ' ' || run[start] === '\t' || run[start] === '\u00a0')) start++;
      return [start, match.endsAt];
    });
    if (phoneSpans.size >= 2000) phoneSpans.clear();
    phoneSpans.set(key, spans);
  }
  return spans;
}

/** Longer than any one phone number, or a short list of them, as people write them. */
const LONGEST_RUN = 64;

/**
 * A long run is a list ("415-555-0132 / 415-555-0199 / …") or a table of figures: its
 * pieces between list separators are looked at one by one, and a piece still too long to
 * be a phone is left alone rather than handed to the finder, whose cost grows with it.
 */
function longRun(run: string, country: CountryCode, fewest: number, replace: Replace): string {
  return run
    .split(/(\s*\/\s*|\s{2,})/)
    .map((piece, i) => (i % 2 === 1 || piece.length > LONGEST_RUN ? piece : phonesIn(piece, country, fewest, replace)))
    .join('');
}

function phonesIn(run: string, country: CountryCode, fewest: number, replace: Replace): string {
  const spans = findPhones(run, country, fewest);
  if (spans.length === 0) return run;
  let out = '';
  let last = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i] as number;
    out += run.slice(last, start) + replace('phone', run.slice(start, spans[i + 1]));
    last = spans[i + 1] as number;
  }
  return out + run.slice(last);
}
