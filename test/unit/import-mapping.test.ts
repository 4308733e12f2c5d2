import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnMappingSchema, namedOriginSource, originSource, type ColumnMapping } from '../../src/shared/import';
import { guessDayFirst, looksLikeDate, parseDate } from '../../src/shared/import/dates';
import { guessMapping, mappingProblems } from '../../src/shared/import/mapping';
import { directionReader, normaliseChannel, normaliseId, normaliseSentiment, normaliseStatus, normaliseTier, parseRating, splitTags } from '../../src/shared/import/values';
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

  it('recognises a conversation table: reply-to and direction by name, direction words by content', () => {
    const chat = guessMapping(['Message ID', 'In reply to', 'Sender type', 'Sent at', 'Body'], [{ 'Message ID': 'm1', 'In reply to': '', 'Sender type': 'customer', 'Sent at': '2024-03-05 10:00', Body: 'Hi' }]);
    expect(chat.fields).toMatchObject({ externalId: 'Message ID', replyTo: 'In reply to', direction: 'Sender type', receivedAt: 'Sent at', body: 'Body' });
    // A column of inbound/outbound words is the direction whatever its name.
    const byContent = guessMapping(['id', 'who', 'text'], [{ id: '1', who: 'Inbound', text: 'a' }, { id: '2', who: 'Outbound', text: 'b' }]);
    expect(byContent.fields.direction).toBe('who');
    // A "parent" column of names is not a reply-to, and a flag column with other values is not a direction.
    const notIds = guessMapping(['parent', 'role', 'message'], [{ parent: 'Acme Holdings Ltd', role: 'billing manager', message: 'x' }]);
    expect(notIds.fields.replyTo).toBeUndefined();
    expect(notIds.fields.direction).toBeUndefined();
    expect(guessMapping(['tweet_id', 'text'], []).defaultChannel).toBe('social');
    expect(guessMapping(['id', 'text'], []).defaultChannel).toBe('email');
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
    // Twitter's API and exports, C's ctime and JavaScript's Date#toString.
    ['Tue Oct 31 22:10:47 +0000 2017', '2017-10-31T22:10:47.000Z'],
    ['Tue Oct 31 22:10:47 -0500 2017', '2017-11-01T03:10:47.000Z'],
    ['Tue Oct  3 22:10:47 2017', '2017-10-03T22:10:47.000Z'],
    ['Tue Oct 31 2017 23:10:47 GMT+0100 (Central European Standard Time)', '2017-10-31T22:10:47.000Z'],
    // RFC 2822 with and without the weekday, named zones and a comment.
    ['5 Mar 2024 14:02:00 GMT', '2024-03-05T14:02:00.000Z'],
    ['Tue, 5 Mar 2024 09:02:00 EST', '2024-03-05T14:02:00.000Z'],
    ['Tue, 05 Mar 2024 14:02:00 +0000 (UTC)', '2024-03-05T14:02:00.000Z'],
    ['2024/03/05 14:02:00', '2024-03-05T14:02:00.000Z'],
    ['2024-03-05T14:02:00.123+0000', '2024-03-05T14:02:00.123Z'],
    ['1709647320.5', '2024-03-05T14:02:00.500Z'],
  ])('%s', (value, iso) => {
    expect(new Date(parseDate(value, utc)!).toISOString()).toBe(iso);
  });

  it('uses the chosen zone for values without an offset, across DST', () => {
    expect(new Date(parseDate('2024-03-05 14:02', { timeZone: 'Europe/Berlin', dayFirst: true })!).toISOString()).toBe('2024-03-05T13:02:00.000Z');
    expect(new Date(parseDate('2024-07-05 14:02', { timeZone: 'Europe/Berlin', dayFirst: true })!).toISOString()).toBe('2024-07-05T12:02:00.000Z');
    expect(new Date(parseDate('2024-07-05 14:02', { timeZone: 'America/New_York', dayFirst: false })!).toISOString()).toBe('2024-07-05T18:02:00.000Z');
  });

  it('reads Unix seconds and milliseconds as numbers too (JSON exports)', () => {
    expect(parseDate(1709647320, utc)).toBe(Date.UTC(2024, 2, 5, 14, 2));
    expect(parseDate(1709647320000, utc)).toBe(Date.UTC(2024, 2, 5, 14, 2));
    expect(looksLikeDate('Tue Oct 31 22:10:47 +0000 2017')).toBe(true);
  });

  it('reads back every instant written in the Twitter and RFC 2822 shapes', () => {
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const p = (x: number): string => String(x).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }), (seconds) => {
        const d = new Date(seconds * 1000);
        const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
        const twitter = `${day[d.getUTCDay()]} ${mon[d.getUTCMonth()]} ${p(d.getUTCDate())} ${time} +0000 ${d.getUTCFullYear()}`;
        expect(parseDate(twitter, { timeZone: 'Europe/Berlin', dayFirst: false })).toBe(seconds * 1000);
        expect(parseDate(d.toUTCString(), { timeZone: 'Asia/Tokyo', dayFirst: true })).toBe(seconds * 1000);
        expect(parseDate(String(seconds), utc)).toBe(seconds * 1000);
      }),
    );
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

describe('ids, directions and origins', () => {
  it('reads an integer written as a float as the integer, so a reply-to finds its row', () => {
    expect(['3.0', ' 12 ', '3.5', '', 'abc', '1e3'].map(normaliseId)).toEqual(['3', '12', '3.5', null, 'abc', '1e3']);
  });

  it('reads directions from words, from flags by the column’s name, and from a list of company values', () => {
    const inbound = directionReader('inbound');
    expect(['True', 'False', 'yes', '0', 'outbound', 'Customer', '', 'maybe'].map(inbound)).toEqual(['in', 'out', 'in', 'out', 'out', 'in', null, undefined]);
    const isAgent = directionReader('is_agent');
    expect(['true', 'false', 'agent'].map(isAgent)).toEqual(['out', 'in', 'out']);
    expect(['1', '0'].map(directionReader('fromCompany'))).toEqual(['out', 'in']);
    const authors = directionReader('author_id', ['AppleSupport', ' AmazonHelp ']);
    expect(['applesupport', 'AmazonHelp', '115712', ''].map(authors)).toEqual(['out', 'out', 'in', null]);
  });

  it('scopes ids by a named origin (spelling aside) or else by the file', () => {
    expect(namedOriginSource('  Typeform   NPS ')).toBe('origin:typeform nps');
    expect(originSource({ origin: 'Typeform NPS' }, 'csv:abc')).toBe(originSource({ origin: 'typeform nps' }, 'csv:def'));
    expect(originSource({}, 'csv:abc')).toBe('csv:abc');
    expect(originSource(undefined, 'json:abc')).toBe('json:abc');
    expect(columnMappingSchema.safeParse({ fields: {}, timeZone: 'UTC', defaultChannel: 'email', origin: '   ' }).success).toBe(false);
  });
});

describe('mappingProblems', () => {
  const base: ColumnMapping = { fields: { body: 'text' }, timeZone: 'UTC', defaultChannel: 'email' };
  const sample: Record<string, string[]> = {
    text: ['Love it', 'Too slow'],
    created: ['2024-03-05', '2024-03-06'],
    name: ['Ann', 'Bob'],
    blank: ['', ''],
    stars: ['great', 'meh'],
    inbound: ['True', 'False'],
    author: ['ann', 'acme'],
  };
  const values = (column: string): string[] | null => sample[column] ?? null;
  const problems = (fields: ColumnMapping['fields'], extra: Partial<ColumnMapping> = {}): string[] => mappingProblems({ ...base, ...extra, fields: { ...base.fields, ...fields } }, values).map((p) => p.message);

  it('accepts a mapping that fits', () => {
    expect(problems({ receivedAt: 'created', customerName: 'name', direction: 'inbound' })).toEqual([]);
    expect(problems({ direction: 'author' }, { outboundValues: ['acme'] })).toEqual([]);
  });

  it('names the column that fails on every sample row, without quoting a value', () => {
    const [date] = problems({ receivedAt: 'name' });
    expect(date).toMatch(/^None of the first 2 values of the column "name" reads as a date\./);
    expect(date).not.toMatch(/Ann|Bob/);
    expect(problems({ rating: 'stars' })[0]).toMatch(/^None of the first 2 values of the column "stars" is a rating/);
    expect(problems({ direction: 'author' })[0]).toMatch(/^None of the first 2 values of the column "author" says who wrote the row/);
    expect(problems({ body: 'blank' })[0]).toMatch(/^The column "blank", chosen as the Message, is empty in the first 2 rows/);
    expect(problems({ subject: 'missing' })[0]).toBe('The mapping takes Subject from the column "missing", which this file does not have. Choose one of the file\'s columns.');
    expect(problems({ replyTo: 'name' })[0]).toMatch(/the rows' own IDs are needed too/);
  });
});
