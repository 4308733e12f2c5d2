import { describe, expect, it } from 'vitest';
import { guessDayFirst, parseDate } from '../../src/shared/import/dates';
import { guessMapping } from '../../src/shared/import/mapping';
import { normaliseChannel, normaliseSentiment, normaliseStatus, normaliseTier, parseRating, splitTags } from '../../src/shared/import/values';
import { csvColumns } from '../../src/shared/synthetic/csv';

describe('guessMapping', () => {
  it('maps every column of the synthetic generator', () => {
    expect(guessMapping([...csvColumns], []).fields).toEqual({
      externalId: 'external_id',
      channel: 'channel',
      receivedAt: 'received_at',
      customerName: 'customer_name',
      customerEmail: 'customer_email',
      tier: 'customer_tier',
      language: 'language',
      product: 'product',
      subject: 'subject',
      body: 'body',
      status: 'status',
      sentiment: 'sentiment',
      rating: 'rating',
      tags: 'tags',
    });
  });

  it.each([
    ['German', ['Kunde', 'E-Mail', 'Datum', 'Betreff', 'Nachricht', 'Bewertung', 'Schlagworte', 'Sprache']],
    ['French', ['Nom', 'Courriel', 'Date de création', 'Objet', 'Commentaire', 'Note', 'Étiquettes', 'Langue']],
    ['Spanish', ['Nombre', 'Correo electrónico', 'Fecha', 'Asunto', 'Mensaje', 'Puntuación', 'Etiquetas', 'Idioma']],
    ['English', ['Customer Name', 'Email Address', 'Created At', 'Subject', 'Feedback', 'Rating', 'Tags', 'Language']],
  ])('understands %s header names', (_lang, headers) => {
    const fields = guessMapping(headers, []).fields;
    expect([fields.customerName, fields.customerEmail, fields.receivedAt, fields.subject, fields.body, fields.rating, fields.tags, fields.language]).toEqual(headers);
  });

  it('guesses from values when the names say nothing', () => {
    const sample = [
      { a: 'x1', b: 'ann@example.com', c: '2024-03-05 10:00', d: 'The export has been failing every night since the update.' },
      { a: 'x2', b: 'bob@example.org', c: '2024-03-06 11:30', d: 'Please add a dark mode, my eyes hurt when I work late at night.' },
    ];
    expect(guessMapping(['a', 'b', 'c', 'd'], sample).fields).toEqual({ customerEmail: 'b', receivedAt: 'c', body: 'd' });
  });

  it('does not take an "email" column without addresses for the e-mail', () => {
    const fields = guessMapping(['email', 'contact'], [{ email: 'yes', contact: 'ann@example.com' }]).fields;
    expect(fields.customerEmail).toBe('contact');
  });
});

describe('dates', () => {
  const utc = { timeZone: 'UTC', dayFirst: true };
  it.each([
    ['2024-03-05T14:02:00Z', '2024-03-05T14:02:00.000Z'],
    ['2024-03-05T14:02:00+01:00', '2024-03-05T13:02:00.000Z'],
    ['2024-03-05 14:02', '2024-03-05T14:02:00.000Z'],
    ['Tue, 05 Mar 2024 14:02:00 +0100', '2024-03-05T13:02:00.000Z'],
    ['05/03/2024', '2024-03-05T00:00:00.000Z'],
    ['05.03.2024 10:00', '2024-03-05T10:00:00.000Z'],
    ['1709647320', '2024-03-05T14:02:00.000Z'],
    ['1709647320000', '2024-03-05T14:02:00.000Z'],
    ['March 5, 2024 2:02 PM', '2024-03-05T14:02:00.000Z'],
  ])('%s', (value, iso) => {
    expect(new Date(parseDate(value, utc)!).toISOString()).toBe(iso);
  });

  it('uses the chosen zone for values without an offset, across DST', () => {
    expect(new Date(parseDate('2024-03-05 14:02', { timeZone: 'Europe/Berlin', dayFirst: true })!).toISOString()).toBe('2024-03-05T13:02:00.000Z');
    expect(new Date(parseDate('2024-07-05 14:02', { timeZone: 'Europe/Berlin', dayFirst: true })!).toISOString()).toBe('2024-07-05T12:02:00.000Z');
    expect(new Date(parseDate('2024-07-05 14:02', { timeZone: 'America/New_York', dayFirst: false })!).toISOString()).toBe('2024-07-05T18:02:00.000Z');
  });

  it('rejects what is not a date', () => {
    for (const v of ['yesterday', '31/02/2024', '2024-13-01', '']) expect(parseDate(v, utc)).toBeNull();
  });

  it('decides dd/mm against mm/dd from the column', () => {
    expect(guessDayFirst(['05/03/2024', '13/03/2024'])).toBe(true);
    expect(guessDayFirst(['05/03/2024', '03/13/2024'])).toBe(false);
    expect(guessDayFirst(['05/03/2024'], 'America/Chicago')).toBe(false);
  });
});

describe('values', () => {
  it('normalises channels, statuses, sentiments and tiers in several languages', () => {
    expect(['E-Mail', 'Live Chat', 'NPS', 'Trustpilot', 'Twitter', 'fax'].map(normaliseChannel)).toEqual(['email', 'chat', 'survey', 'review', 'social', undefined]);
    expect(['Offen', 'on-hold', 'Solved', 'Geschlossen', ''].map(normaliseStatus)).toEqual(['open', 'pending', 'resolved', 'closed', null]);
    expect(['Positiv', 'négatif', 'neutral'].map(normaliseSentiment)).toEqual(['positive', 'negative', 'neutral']);
    expect(['Enterprise', 'Pro', 'free'].map(normaliseTier)).toEqual(['vip', 'premium', 'standard']);
  });

  it('reads ratings on a five-point scale and refuses others', () => {
    expect(['4', '4.0', '4/5', '8/10', '3 stars', '★★★★★', ''].map(parseRating)).toEqual([4, 4, 4, 4, 3, 5, null]);
    expect(['9', '0', 'great'].map(parseRating)).toEqual([undefined, undefined, undefined]);
  });

  it('splits tags on , ; and | without repeats', () => {
    expect(splitTags('bug; Billing|bug , refund')).toEqual(['bug', 'Billing', 'refund']);
  });
});
