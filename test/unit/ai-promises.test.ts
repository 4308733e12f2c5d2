/** The check before sending: commitments in a draft that no source supports, in seven languages; refusals are not promises. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsupportedPromises } from '../../src/shared/ai/promises';
import type { PromiseKind } from '../../src/shared/ai/schema';

const kinds = (draft: string, sources: string[] = []): [PromiseKind, string][] => findUnsupportedPromises(draft, sources).map((p) => [p.kind, p.text]);

describe('findUnsupportedPromises in English', () => {
  it('finds refunds, compensation, dates, discounts and replacements', () => {
    expect(kinds("We will refund you, and you'll get your money back within 3 days.")).toEqual([
      ['refund', 'refund'],
      ['refund', 'your money back'],
      ['date', 'within 3 days'],
    ]);
    expect(kinds('You will receive a full refund.')).toEqual([['refund', 'refund']]);
    expect(kinds('As a goodwill gesture we add store credit, a voucher and a free month, to compensate you.').map(([k]) => k)).toEqual([
      'compensation',
      'compensation',
      'compensation',
      'compensation',
      'compensation',
    ]);
    expect(kinds('We can offer 20% off your next order or another discount.')).toEqual([
      ['discount', '20% off'],
      ['discount', 'discount'],
    ]);
    expect(kinds('We will send you a new charger, or a replacement if you prefer.')).toEqual([
      ['replacement', 'send you a new charger'],
      ['replacement', 'replacement'],
    ]);
  });

  it('finds dates and deadlines in their usual forms', () => {
    const dates = (text: string) => kinds(text).filter(([k]) => k === 'date').map(([, t]) => t);
    expect(dates('It ships by Friday.')).toEqual(['by Friday']);
    expect(dates('It arrives tomorrow.')).toEqual(['tomorrow']);
    expect(dates('It arrives on 12 March.')).toEqual(['on 12 March']);
    expect(dates('It arrives on March 12th.')).toEqual(['on March 12th']);
    expect(dates('We answer in 24 hours, or within 24h at most.')).toEqual(['in 24 hours', 'within 24h']);
    expect(dates('It is fixed within three business days.')).toEqual(['within three business days']);
    expect(dates('We will do it by the end of the week, no later than Friday.')).toEqual(['the end of the week', 'no later than Friday']);
    expect(dates('It arrives next week, on 14/03.')).toEqual(['next week', 'on 14/03']);
  });

  it('gives the exact text and its offsets', () => {
    const draft = 'Hello Ana, we will refund the order within 14 days.';
    for (const p of findUnsupportedPromises(draft, [])) expect(draft.slice(p.start, p.end)).toBe(p.text);
    expect(findUnsupportedPromises(draft, [])).toEqual([
      { kind: 'refund', text: 'refund', start: 19, end: 25 },
      { kind: 'date', text: 'within 14 days', start: 36, end: 50 },
    ]);
  });

  it('takes a refusal for no promise', () => {
    expect(kinds("Unfortunately we can't refund this order.")).toEqual([]);
    expect(kinds('We cannot offer a discount or compensation.')).toEqual([]);
    expect(kinds("We don't have a replacement in stock.")).toEqual([]);
    expect(kinds('A refund is not possible after 30 days.')).toEqual([]);
    expect(kinds("We can't refund it, but we will send you a new one.")).toEqual([['replacement', 'send you a new one']]);
  });

  it('stays quiet on ordinary replies', () => {
    expect(kinds('Thanks for getting in touch. Order 1234 is on its way; you can track it with the link below.')).toEqual([]);
    expect(kinds('Please pay with your credit card and keep the receipt.')).toEqual([]);
    expect(kinds('Good morning! Could you send us a photo of the damage?')).toEqual([]);
  });
});

describe('support from sources', () => {
  it('a source about refunds supports a refund promise; one that refuses them does not', () => {
    expect(kinds('We will refund you.', ['Refunds are available for 30 days after delivery.'])).toEqual([]);
    expect(kinds('We will refund you.', ['Digital goods cannot be refunded.'])).toEqual([['refund', 'refund']]);
    expect(kinds('We will refund you.', ['Shipping takes 3 days.'])).toEqual([['refund', 'refund']]);
  });

  it('supports each kind only by the same kind', () => {
    const source = ['We offer a replacement for items damaged in transit.'];
    expect(kinds('We will send a replacement and a voucher.', source)).toEqual([['compensation', 'voucher']]);
  });

  it('a date needs the same duration or date', () => {
    const source = ['Refunds are paid within 14 days. Replacements ship in 3–5 business days.'];
    expect(kinds('The refund arrives within 14 days.', source)).toEqual([]);
    expect(kinds('The refund arrives within 7 days.', source)).toEqual([['date', 'within 7 days']]);
    expect(kinds('The replacement ships within five business days.', source)).toEqual([]);
    expect(kinds('The replacement ships within 5 days.', source)).toEqual([['date', 'within 5 days']]);
    expect(kinds('We ship it by Friday.', ['Orders placed before noon ship by Friday.'])).toEqual([]);
    expect(kinds('It arrives on 12 March.', ['The sale ends on March 12.'])).toEqual([]);
  });

  it('matches across languages by meaning, not words', () => {
    expect(kinds('Wir erstatten den Betrag innerhalb von 14 Tagen.', ['Refunds are paid within 14 days.'])).toEqual([]);
  });
});

describe('other languages', () => {
  const cases: [string, string, PromiseKind[]][] = [
    ['de', 'Wir erstatten Ihnen den Betrag innerhalb von 14 Tagen. Guten Morgen! Sie erhalten einen Gutschein und 10 % Rabatt.', ['refund', 'date', 'compensation', 'discount']],
    ['de', 'Wir schicken Ihnen morgen ein Ersatzgerät.', ['date', 'replacement']],
    ['de', 'Leider können wir den Betrag nicht erstatten.', []],
    ['fr', 'Nous vous rembourserons sous 5 jours ouvrés. Nous ne pouvons pas vous offrir de remise.', ['refund', 'date']],
    ['fr', "Nous n'offrons pas de remboursement, mais nous vous enverrons un nouveau colis demain.", ['replacement', 'date']],
    ['es', 'Le reembolsaremos en 2 días. Le enviaremos un nuevo pedido mañana. Buenos días por la mañana.', ['refund', 'date', 'replacement', 'date']],
    ['es', 'No podemos ofrecer un descuento.', []],
    ['pt', 'Vamos reembolsar em até 7 dias úteis. Você receberá um cupom amanhã.', ['refund', 'date', 'compensation', 'date']],
    ['it', 'Ti rimborseremo entro 3 giorni lavorativi, con uno sconto del 10%. Lo sostituiremo domani.', ['refund', 'date', 'discount', 'replacement', 'date']],
    ['it', 'Non possiamo rimborsare questo ordine.', []],
    ['nl', 'We betalen het bedrag terug binnen 2 werkdagen en je krijgt korting. Morgen sturen we u een nieuwe.', ['refund', 'date', 'discount', 'date', 'replacement']],
    ['nl', 'Helaas kunnen we geen korting geven.', []],
  ];
  it.each(cases)('%s: %s', (_lang, draft, expected) => {
    expect(kinds(draft).map(([k]) => k)).toEqual(expected);
  });
});

describe('properties', () => {
  it('offsets always point at the text, and a draft copied into a source supports itself', () => {
    const phrase = fc.constantFrom(
      'we will refund you',
      'a voucher',
      'within 3 days',
      'by Friday',
      '20% off',
      'a replacement',
      'tomorrow',
      'on 12 March',
      'thank you',
      'your order',
      "we can't refund it",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(phrase, fc.string({ maxLength: 8 })), { maxLength: 10 }), (parts) => {
        const draft = parts.join(' ');
        for (const p of findUnsupportedPromises(draft, [])) expect(draft.slice(p.start, p.end)).toBe(p.text);
        expect(findUnsupportedPromises(draft, [draft])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
