/** PII redaction: each kind by example, what must stay, placeholders stable within a call, and restore(). */
import { describe, expect, it } from 'vitest';
import { Redactor, redactText } from '../../src/shared/ai/redact';

const redact = (text: string, names?: string[]) => redactText(text, names ? { names } : {}).text;

describe('redaction by kind', () => {
  it('replaces e-mail addresses, including one inside a URL', () => {
    expect(redact('Write to john.doe+billing@example.co.uk, or ANA_M@mail.example.com.')).toBe('Write to [EMAIL_1], or [EMAIL_2].');
    expect(redact('see https://example.com/unsubscribe?email=jo@example.org&x=1')).toBe('see https://example.com/unsubscribe?email=[EMAIL_1]&x=1');
    expect(redact('Tweet @atlassupport or mail me @ home')).toBe('Tweet @atlassupport or mail me @ home');
    expect(redact("Send it to 'o'neil.ann@example.ie' or \"x@example.de\"")).toBe("Send it to '[EMAIL_1]' or \"[EMAIL_2]\"");
  });

  it('replaces international and national phone numbers', () => {
    expect(redact('Call +44 20 7946 0958 or +1-415-555-0100, or 0044 20 7946 0958.')).toBe('Call [PHONE_1] or [PHONE_2], or [PHONE_3].');
    expect(redact('My cell is (415) 555-0132, office 415.555.0132.')).toBe('My cell is [PHONE_1], office [PHONE_2].');
    expect(redactText('Ruf mich an: 030 12345678', { defaultCountry: 'DE' }).text).toBe('Ruf mich an: [PHONE_1]');
    // Without the German default, a national German number is not a US phone.
    expect(redact('Ruf mich an: 030 12345678')).toBe('Ruf mich an: 030 12345678');
    expect(redact('Hotline +1 (415) 555-0132 (24/7) or tel:+14155550199')).toBe('Hotline [PHONE_1] (24/7) or tel:[PHONE_2]');
    expect(redact('Lines: 415-555-0132,415-555-0199, 415-555-0144 / 415-555-0145;  415-555-0146 / 415-555-0147 / 415-555-0148')).toBe(
      'Lines: [PHONE_1],[PHONE_2], [PHONE_3] / [PHONE_4];  [PHONE_5] / [PHONE_6] / [PHONE_7]',
    );
  });

  it('replaces Luhn-valid card numbers, never as a phone', () => {
    const { text, redactor } = redactText('Charged on 4111 1111 1111 1111 and 5555-5555-5555-4444, amex 378282246310005.');
    expect(text).toBe('Charged on [CARD_1] and [CARD_2], amex [CARD_3].');
    expect(redactor.counts()).toEqual({ card: 3 });
    // A card followed by its security code: the card is still a card.
    expect(redact('4111 1111 1111 1111 123 exp 12/26')).toBe('[CARD_1] 123 exp 12/26');
  });

  it('replaces IBANs with or without spaces when mod-97 holds', () => {
    expect(redact('IBAN DE89 3704 0044 0532 0130 00 and GB29NWBK60161331926819, thanks')).toBe('IBAN [IBAN_1] and [IBAN_2], thanks');
    expect(redact('Belgian BE68 5390 0754 7034 2024 was the year')).toBe('Belgian [IBAN_1] 2024 was the year');
  });

  it('replaces IPv4 and IPv6 addresses but not version numbers or times', () => {
    expect(redact('From 192.168.1.20:8080 and 2001:db8::1, fe80::1%eth0, ::ffff:10.0.0.1.')).toBe('From [IP_1]:8080 and [IP_2], [IP_3], [IP_4].');
    expect(redact('Full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 here')).toBe('Full [IP_1] here');
    const stays = 'version 1.2.3, version 1.2.3.4, v2.0.0.1, at 10:30:15, 1.2.3.4.5, 256.1.1.1, std::vector and a::b';
    expect(redact(stays)).toBe(stays);
  });

  it('replaces only the secret value of a URL, and bare well-known secrets', () => {
    expect(redact('Reset link https://app.example.com/reset?token=abc123DEF&user=5&sig=zz9. Thanks')).toBe(
      'Reset link https://app.example.com/reset?token=[SECRET_1]&user=5&sig=[SECRET_2]. Thanks',
    );
    expect(redact('https://bob:hunter2@files.example.com/x and ?access_token=T0k&api_key=K3y&X-Amz-Signature=abc')).toBe(
      'https://bob:[SECRET_1]@files.example.com/x and ?access_token=[SECRET_2]&api_key=[SECRET_3]&X-Amz-Signature=[SECRET_4]',
    );
    expect(redact('key sk-proj-abcdefghijklmnopqrstuvwxyz012345 and ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('key [SECRET_1] and [SECRET_2]');
    expect(redact('Authorization: Bearer abc.def-123456789, jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N')).toBe(
      'Authorization: Bearer [SECRET_1], jwt [SECRET_2]',
    );
    expect(redact('my password: hunter2 and password=letmein')).toBe('my password: [SECRET_1] and password=[SECRET_2]');
    const prose = 'Bearer authentication fails; password: please reset it; ?monkey=banana';
    expect(redact(prose)).toBe(prose);
  });

  it("replaces the customer's names as whole words in any case, not common words", () => {
    const names = ['Maria Garcia-Lopez', 'Will Smith'];
    expect(redact('Hi, Maria Garcia-Lopez here. maria again; the SMITH account. Will you help? Mariana and Smithers stay.', names)).toBe(
      'Hi, [NAME_1] here. [NAME_2] again; the [NAME_3] account. Will you help? Mariana and Smithers stay.',
    );
    expect(redact('Will Smith wrote', names)).toBe('[NAME_1] wrote');
    expect(redact('Ms Garcia and Lopez, or José Müller as Jose Muller', ['Maria Garcia-Lopez', 'José Müller'])).toBe(
      'Ms [NAME_1] and [NAME_2], or [NAME_3] as [NAME_4]',
    );
  });
});

describe('what must stay', () => {
  it.each([
    'order 4111111111111112 (Luhn-invalid)',
    'order #123456789',
    'ticket 2024-11-05 at 10:30',
    'price $1,299.99 or 1.299,99 €',
    'version 1.2.3, build 4.15.7',
    'Bestellnummer A-189214, Fehler E6856, HTTP 500',
    'IBAN DE89 3704 0044 0532 0130 01 (bad check)',
    'qty 5555 5555 5555 4445',
    'Call me in 10 minutes',
  ])('%s', (text) => {
    const { text: out, redactor } = redactText(text);
    expect(out).toBe(text);
    expect(redactor.counts()).toEqual({});
  });
});

// No timing assertion: at this size a regex that backtracks quadratically runs for minutes,
// past the test's time-out, while a linear one takes milliseconds.
it('handles long adversarial texts without backtracking blow-up', { timeout: 20_000 }, () => {
  const n = 150_000;
  const texts = ['1.'.repeat(n), `${'a.'.repeat(n)}@`, '12 '.repeat(n), '(1) '.repeat(n), `a@${'b.'.repeat(n)}`, 'ab:'.repeat(n), '1, '.repeat(n)];
  for (const text of texts) {
    const { text: out, redactor } = redactText(text, { names: ['Jane Roe'] });
    expect(redactor.restore(out)).toBe(text);
  }
});

describe('placeholders', () => {
  it('are stable within an instance, across redact() calls, numbered per kind in reading order', () => {
    const redactor = new Redactor({ names: ['Jane Roe'] });
    expect(redactor.redact('From 10.0.0.1, mail jane@example.com or jane@example.com; Jane Roe')).toBe('From [IP_1], mail [EMAIL_1] or [EMAIL_1]; [NAME_1]');
    expect(redactor.redact('Again jane@example.com and bob@example.com, 2001:db8::2 and 10.0.0.1')).toBe(
      'Again [EMAIL_1] and [EMAIL_2], [IP_2] and [IP_1]',
    );
    expect(redactor.counts()).toEqual({ ip: 2, email: 2, name: 1 });
  });

  it('number by first appearance even when different detectors find them', () => {
    expect(redact('a ::ffff:10.0.0.9 b 10.0.0.1 c 2001:db8::1')).toBe('a [IP_1] b [IP_2] c [IP_3]');
    expect(redact('Bearer abc.def-123456789 then https://x.io/?token=zz9abc')).toBe('Bearer [SECRET_1] then https://x.io/?token=[SECRET_2]');
  });

  it('are restored locally, tolerating a model that changed case or spacing', () => {
    const redactor = new Redactor();
    const original = 'Card 4111 1111 1111 1111, mail ana@example.com, call +44 20 7946 0958.';
    const sent = redactor.redact(original);
    expect(redactor.restore(sent)).toBe(original);
    expect(redactor.restore('We refunded [card_1] and wrote to [ EMAIL_1 ] / [Email 1]; [PHONE_9] is unknown.')).toBe(
      'We refunded 4111 1111 1111 1111 and wrote to ana@example.com / ana@example.com; [PHONE_9] is unknown.',
    );
  });

  it("leave the customer's own bracketed text alone", () => {
    const original = 'I typed [EMAIL_1] literally; my address is real@example.com.';
    const { text, redactor } = redactText(original);
    expect(text).toBe('I typed [EMAIL_1] literally; my address is [EMAIL_2].');
    expect(redactor.restore(text)).toBe(original);
    expect(redactor.counts()).toEqual({ email: 1 });
    // Typed in a later text of the same call, when [EMAIL_1] is taken.
    expect(redactor.redact('and [email_2] too')).toBe('and [EMAIL_3] too');
    expect(redactor.restore('[EMAIL_1] [EMAIL_2] [EMAIL_3]')).toBe('[EMAIL_1] real@example.com [email_2]');
  });

  it('round-trip a text with every kind', () => {
    const original =
      'Hi, Jane Roe (jane.roe@example.com, +1 415 555 0100) paid with 4111-1111-1111-1111 from DE89370400440532013000 at 203.0.113.7 / 2001:db8::7; link https://a.example/x?session=s3cr3t&page=2, key sk-live-abcdefghijklmnopqrstu.';
    const { text, redactor } = redactText(original, { names: ['Jane Roe'] });
    expect(text).not.toMatch(/jane|415|4111|DE89|203\.0|2001:|s3cr3t|abcdefghij/i);
    expect(redactor.counts()).toEqual({ name: 1, email: 1, phone: 1, card: 1, iban: 1, ip: 2, secret: 2 });
    expect(redactor.restore(text)).toBe(original);
  });

  it('treats an unknown default country as the US', () => {
    expect(redactText('(415) 555-0132', { defaultCountry: 'XX' }).text).toBe('[PHONE_1]');
  });
});
