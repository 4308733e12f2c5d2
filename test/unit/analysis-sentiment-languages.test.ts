/**
 * Sentiment in seven languages: the per-language lexicons (read by stem and accent-folded)
 * and the support layer in each language (negation, intensifiers, complaints, courtesy,
 * "where is my …", contrast). Cues must name the words as the customer wrote them.
 */
import { describe, expect, it } from 'vitest';
import { sentimentCueKinds } from '../../src/shared/contract';
import { analyzeSentiment, lexiconOnlySentiment } from '../../src/main/core/analysis/sentiment';

const read = (text: string, language: string) => analyzeSentiment(text, { language });
const label = (text: string, language: string): string => read(text, language).label;
const cueTexts = (text: string, language: string): string[] => read(text, language).cues.map((c) => c.text);
const cueKind = (text: string, language: string, cue: string): string | undefined => read(text, language).cues.find((c) => c.text === cue)?.kind;

describe('sentiment in seven languages: issue 17 examples', () => {
  it('reads Portuguese praise and a refund that never came', () => {
    expect(label('Valeu a pena… excelente… Valeu cada centavo', 'pt')).toBe('positive');
    expect(label('Ainda não recebi o reembolso que me prometeram', 'pt')).toBe('negative');
    expect(cueKind('Ainda não recebi o reembolso que me prometeram', 'pt', 'Ainda não')).toBe('complaint');
  });
});

describe.each([
  // language, positive, negated positive, complaint (+ its cue as written), where-is-my, courtesy only
  ['pt', 'Atendimento excelente, muito satisfeita', 'O produto não é bom', 'Ainda não recebi meu pedido', 'Ainda não', 'Cadê meu pedido?', 'Olá, por favor, atenciosamente'],
  ['de', 'Super schnelle Lieferung, sehr zufrieden!', 'Das ist nicht gut', 'Ich habe es immer noch nicht erhalten', 'immer noch nicht', 'Wo ist meine Bestellung?', 'Hallo, bitte, mit freundlichen Grüßen'],
  ['fr', 'Service excellent, très satisfaite', "Ce n'est pas bon", "Je n'ai toujours pas reçu ma commande", 'toujours pas', 'Où est ma commande ?', "Bonjour, merci d'avance, cordialement"],
  ['es', 'Muy contentos, excelente servicio', 'No es bueno', 'Todavía no me han devuelto el dinero', 'Todavía no', '¿Dónde está mi pedido?', 'Hola, por favor, gracias de antemano'],
  ['it', 'Servizio ottimo, molto soddisfatta', 'Non è buono', 'Ancora non ho ricevuto il rimborso', 'Ancora non', "Dov'è il mio ordine?", 'Buongiorno, per favore, grazie in anticipo'],
  ['nl', 'Geweldige service, heel tevreden', 'Het is niet goed', 'Ik heb mijn geld nog steeds niet ontvangen', 'nog steeds niet', 'Waar blijft mijn pakket?', 'Hallo, alvast bedankt, met vriendelijke groet'],
])('%s', (language, positive, negatedPositive, complaint, complaintCue, whereIsMy, courtesy) => {
  it('reads praise as positive', () => {
    expect(label(positive, language)).toBe('positive');
  });
  it('reads a negated positive as negative, explained as negated', () => {
    const result = read(negatedPositive, language);
    expect(result.label).toBe('negative');
    expect(result.cues[0]?.kind).toBe('negated');
  });
  it('reads a complaint with no sentiment word as negative, naming the phrase as written', () => {
    expect(label(complaint, language)).toBe('negative');
    expect(cueTexts(complaint, language)).toContain(complaintCue);
    expect(cueKind(complaint, language, complaintCue)).toBe('complaint');
  });
  it('reads "where is my …" as a complaint', () => {
    const result = read(whereIsMy, language);
    expect(result.label).toBe('negative');
    expect(result.cues.some((c) => c.kind === 'complaint')).toBe(true);
  });
  it('keeps courtesy alone neutral', () => {
    const result = read(courtesy, language);
    expect(result.label).toBe('neutral');
    expect(result.cues.length).toBeGreaterThan(0);
    expect(result.cues.every((c) => c.kind === 'courtesy')).toBe(true);
  });
  it('names every cue as written in the text, with a contract kind', () => {
    for (const text of [positive, negatedPositive, complaint, whereIsMy, courtesy]) {
      for (const cue of read(text, language).cues) {
        expect(text).toContain(cue.text);
        expect(sentimentCueKinds).toContain(cue.kind);
      }
    }
  });
});

describe('lexicon lookup by stem and accent folding', () => {
  it('reads inflected forms of a lexicon lemma', () => {
    // "decepcionado" is in the lexicon; its feminine and plural forms are found by stem.
    for (const text of ['Fiquei decepcionada', 'Estamos decepcionados', 'Ficamos decepcionadas']) expect(label(text, 'pt')).toBe('negative');
    expect(label('Estamos decepcionados con el producto', 'es')).toBe('negative');
    expect(cueTexts('Estamos decepcionados con el producto', 'es')).toContain('decepcionados');
  });
  it('reads words written without their accents', () => {
    expect(label('Atendimento pessimo', 'pt')).toBe('negative');
    expect(cueTexts('Atendimento pessimo', 'pt')).toEqual(['pessimo']);
    expect(label('Produit decevant', 'fr')).toBe('negative');
    expect(label('O produto nao funciona', 'pt')).toBe('negative');
  });
  it('folds German umlauts to ae/oe/ue, so "schön" is not "schon" (already)', () => {
    expect(label('Das Paket ist schon da', 'de')).toBe('neutral');
    expect(label('Das ist schön', 'de')).toBe('positive');
    expect(label('Das ist schoen', 'de')).toBe('positive');
  });
  it('does not read function words as sentiment through a short stem', () => {
    // AFINN-es has the stem "con" (from a swear word); "con" is "with".
    expect(label('Pedido con factura', 'es')).toBe('neutral');
    expect(label('Het pakket is er', 'nl')).toBe('neutral');
  });
});

describe('the support layer in each language', () => {
  it('intensifiers and diminishers change the weight', () => {
    const plain = read('satisfeito', 'pt').cues[0]?.weight ?? 0;
    const strong = read('muito satisfeito', 'pt').cues[0];
    expect(strong?.kind).toBe('intensified');
    expect(strong?.weight ?? 0).toBeGreaterThan(plain);
    expect(read('ein bisschen enttäuscht', 'de').cues[0]?.weight ?? 0).toBeGreaterThan(read('enttäuscht', 'de').cues[0]?.weight ?? 0);
  });
  it('contrast words weigh the clause after them more', () => {
    for (const [language, text] of [
      ['fr', 'Le produit est bien mais la livraison est nulle'],
      ['de', 'Das Produkt ist gut aber die Lieferung ist schlecht'],
      ['es', 'El producto es bueno pero el envío es malo'],
      ['pt', 'O produto é bom mas a entrega é ruim'],
      ['it', 'Il prodotto è buono ma la consegna è pessima'],
      ['nl', 'Het product is goed maar de levering is slecht'],
    ] as const) {
      const result = read(text, language);
      expect(result.label, `${language}: ${text}`).toBe('negative');
      expect(result.cues.some((c) => c.kind === 'contrast' && c.weight < 0), `${language}: ${text}`).toBe(true);
    }
  });
  it('thanks beside a complaint are courtesy, not praise', () => {
    expect(label('Obrigado, mas ainda não recebi o reembolso', 'pt')).toBe('negative');
    expect(label('Danke, aber ich warte immer noch', 'de')).toBe('negative');
  });
  it('a message with a link needs clear cues (news and shares are neutral)', () => {
    expect(label('Neues Modell vorgestellt, gute Preise http', 'de')).toBe('neutral');
    expect(label('Neues Modell vorgestellt, gute Preise', 'de')).toBe('positive');
  });
  it('laughter is positive', () => {
    expect(label('kkkkkk adorei', 'pt')).toBe('positive');
    expect(label('jajaja', 'es')).toBe('positive');
  });
});

describe('lexiconOnlySentiment (the baseline)', () => {
  it('sums the same lexicon without the support layer', () => {
    // No negation: "não é bom" stays positive in the baseline, negative with the rules.
    expect(lexiconOnlySentiment('O produto não é bom', 'pt').label).toBe('positive');
    expect(label('O produto não é bom', 'pt')).toBe('negative');
    // No complaint phrases and no courtesy.
    expect(lexiconOnlySentiment('Wo ist meine Bestellung?', 'de').label).toBe('neutral');
    expect(lexiconOnlySentiment('excelente', 'pt').cues).toEqual([{ text: 'excelente', weight: 3.5, kind: 'lexicon' }]);
  });
  it('uses AFINN-165 for English and for an unknown language', () => {
    expect(lexiconOnlySentiment('This is not good', 'en').label).toBe('positive');
    expect(lexiconOnlySentiment('terrible', null).label).toBe('negative');
  });
});

describe('Italian product reviews', () => {
  it('reads a broken product as a complaint, with the phrase as written', () => {
    expect(label('Dopo una settimana ha smesso di funzionare, da buttare', 'it')).toBe('negative');
    expect(cueKind('Dopo una settimana ha smesso di funzionare, da buttare', 'it', 'da buttare')).toBe('complaint');
    expect(label('Non lo consiglio', 'it')).toBe('negative');
  });

  it('reads "I can\'t complain" as praise, not as a negated complaint', () => {
    expect(label('Arrivato in tempo, non posso lamentarmi', 'it')).toBe('positive');
    expect(label('Niente da ridire, prodotto consigliato', 'it')).toBe('positive');
  });
});

describe('French idioms', () => {
  it('reads "pas terrible" as "not good", not as a negated "terrible", even beside thanks in advance', () => {
    const complaint = "Depuis la dernière mise à jour, ma caméra se déconnecte. Pour une caméra de sécurité, c'est pas terrible. Merci d'avance";
    expect(label(complaint, 'fr')).toBe('negative');
    expect(cueKind(complaint, 'fr', 'pas terrible')).toBe('complaint');
    expect(label('Le service était vraiment terrible', 'fr')).toBe('negative');
  });
});
