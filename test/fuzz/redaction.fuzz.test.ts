/**
 * The PII redaction under random text: it never throws, restore() gives back the text
 * exactly, no planted e-mail, phone, card, IBAN, IP, URL token or name survives, the same
 * value keeps its placeholder, redacting twice changes nothing more, and 100 KB of
 * repeated near-PII shapes finishes in bounded time (no catastrophic backtracking).
 */
import fc from 'fast-check';
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { Redactor, redactText } from '../../src/shared/ai/redact';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** A regex that backtracks catastrophically takes minutes on 100 KB; linear detectors take milliseconds. */
const LONG_TEXT_MS = 3_000;
const placeholder = /\[(EMAIL|PHONE|CARD|IBAN|IP|SECRET|NAME)_\d+\]/g;

const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }));
const names = fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 });
const country = fc.constantFrom(undefined, 'US', 'DE', 'GB', 'FR', 'IN', 'BR', 'XX', '');

// Planted values, each of a shape the redactor promises to catch.
const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), fc.constantFrom('com', 'de', 'co.uk', 'io', 'org'))
  .filter(([local]) => !/\.\.|[._+-]{2}/.test(local))
  .map(([local, host, tld]) => `${local}@${host}.${tld}`);
const phoneCountries = ['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'AU', 'JP', 'ES', 'NL'] as CountryCode[];
const phone = fc.constantFrom(...phoneCountries).map((c) => getExampleNumber(c, examples)!.formatInternational());
const card = fc
  .tuple(fc.constantFrom('4', '51', '55', '37', '6011'), fc.constantFrom(' ', '-', ''))
  .chain(([prefix, sep]) => digits((prefix.startsWith('3') ? 14 : 15) - prefix.length).map((rest) => luhnComplete(prefix + rest).replace(/(\d{4})(?=\d)/g, `$1${sep}`)));
const iban = fc.constantFrom('DE89370400440532013000', 'GB29NWBK60161331926819', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'ES9121000418450200051332', 'CH9300762011623852957');
const ipv4 = fc.tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const token = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/);
const urlToken = fc.tuple(fc.constantFrom('token', 'access_token', 'api_key', 'password', 'sig'), token).map(([param, value]) => ({ text: `https://example.com/reset?${param}=${value}`, value }));
const name = fc.constantFrom('Maria Garcia', 'Søren Nielsen', 'Aiko Tanaka', 'Zoë Müller', "Liam O'Brien");

/** Prose around the values: no digits, no @, no capitals (a name could hide in them), so it cannot join a value. */
const filler = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüéß   ,.!?'), maxLength: 40 });
const planted = fc.oneof(
  email.map((v) => ({ text: v, value: v })),
  phone.map((v) => ({ text: v, value: v })),
  card.map((v) => ({ text: v, value: v })),
  iban.map((v) => ({ text: v, value: v })),
  ipv4.map((v) => ({ text: v, value: v })),
  urlToken,
  name.map((v) => ({ text: v, value: v })),
);
const document = fc.array(fc.tuple(filler, planted, fc.constantFrom(' ', '\n', ' (', ': ')), { minLength: 1, maxLength: 8 }).chain((parts) =>
  // The semicolon: a value right after a version cue ("v 1.2.3.4") is a version number on purpose.
  filler.map((tail) => ({ text: parts.map(([f, p, sep]) => `${f}; ${p.text}${sep === ' (' ? ' )' : sep}`).join('') + ` ${tail}`, values: parts.map(([, p]) => p.value) })),
);
const knownNames = ['Maria Garcia', 'Maria', 'Garcia', 'Søren Nielsen', 'Aiko Tanaka', 'Zoë Müller', "Liam O'Brien"];

describe('redaction, fuzzed', () => {
  it('never throws on any text, and restore() gives the text back exactly', () => {
    fc.assert(
      fc.property(anyText, names, country, (text, ns, c) => {
        const { text: redacted, redactor } = redactText(text, { names: ns, defaultCountry: c });
        expect(typeof redacted).toBe('string');
        expect(redactor.restore(redacted)).toBe(text);
      }),
      { numRuns: 2_000, seed: SEED },
    );
  });

  it('round-trips text full of planted PII, and no planted value survives', () => {
    fc.assert(
      fc.property(document, ({ text, values }) => {
        const { text: redacted, redactor } = redactText(text, { names: knownNames });
        for (const value of values) expect(redacted, `${value} survived in ${JSON.stringify(redacted)}`).not.toContain(value);
        expect(redacted.match(placeholder)?.length ?? 0).toBeGreaterThanOrEqual(1);
        expect(redactor.restore(redacted)).toBe(text);
      }),
      { numRuns: 1_000, seed: SEED },
    );
  });

  it('gives the same value the same placeholder, within a text and across texts of one call', () => {
    fc.assert(
      fc.property(planted, filler, filler, ({ text, value }, a, b) => {
        const redactor = new Redactor({ names: knownNames });
        const once = redactor.redact(`${a}; ${text} ${b}; ${text}.`);
        const found = once.match(placeholder) ?? [];
        expect(found.length).toBeGreaterThanOrEqual(2);
        expect(new Set(found).size).toBe(1);
        expect(redactor.redact(`${b}; ${text}`)).toBe(`${b}; ${text.replace(value, found[0]!)}`);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, document.map((d) => d.text)), (text) => {
        const once = redactText(text, { names: knownNames }).text;
        expect(redactText(once, { names: knownNames }).text).toBe(once);
      }),
      { numRuns: 1_000, seed: SEED },
    );
  });

  it('finishes when a name has a word of apostrophes only', () => {
    const started = performance.now();
    const { text, redactor } = redactText("Hi ' Maria, it's me", { names: ["' -4[;+}f@0F", "' Maria", "'"] });
    expect(redactor.restore(text)).toBe("Hi ' Maria, it's me");
    expect(performance.now() - started).toBeLessThan(LONG_TEXT_MS);
  });

  const shapes = ['1', '1 ', '1.', '1-', '+1 ', '@', 'a@', 'a.', 'a@a.', '.a', '[EMAIL_', '[', 'http://', 'a:a@', '?token=', '&', '=', '::', 'a:', '1.1.', '4111 ', 'DE89 ', 'DE', 'Maria ', 'Bearer ', 'eyJ', 'sk-', '-', '\uE000', '\uE001'];
  it.each(shapes)('finishes 100 KB of repeated %j in bounded time', (shape) => {
    const text = shape.repeat(Math.ceil(100_000 / shape.length));
    const started = performance.now();
    const { text: redacted, redactor } = redactText(text, { names: knownNames });
    expect(redactor.restore(redacted)).toBe(text);
    expect(performance.now() - started).toBeLessThan(LONG_TEXT_MS);
  });

  it('finishes 100 KB of random near-PII shapes in bounded time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...shapes, ' ', 'x', '\n'), { minLength: 1, maxLength: 6 }), (pieces) => {
        const unit = pieces.join('');
        const text = unit.repeat(Math.ceil(100_000 / unit.length));
        const started = performance.now();
        const { text: redacted, redactor } = redactText(text, { names: knownNames });
        expect(redactor.restore(redacted)).toBe(text);
        expect(performance.now() - started).toBeLessThan(LONG_TEXT_MS);
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});
