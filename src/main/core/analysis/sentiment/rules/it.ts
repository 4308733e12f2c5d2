import type { SentimentLanguageRules } from '../../sentiment-rules';

/** Italian: the CLiPS Pattern lexicon (stemmed) plus the support layer. */
export const it: SentimentLanguageRules = {
  negators: ['non', 'mai', 'nessuno', 'nessuna', 'nessun', 'niente', 'nulla', 'senza', 'né', 'neanche', 'nemmeno', 'neppure'],
  intensifiers: {
    molto: 1.3, tanto: 1.3, troppo: 1.2, davvero: 1.3, veramente: 1.3, estremamente: 1.5, così: 1.3, cosi: 1.3, super: 1.3,
    proprio: 1.2, assolutamente: 1.4, completamente: 1.3, totalmente: 1.3, poco: 0.6, abbastanza: 0.8, piuttosto: 0.8,
  },
  contrast: ['ma', 'però', 'pero', 'tuttavia', 'eppure'],
  complaints: {
    'ancora non': -2.5, 'non ancora': -2.5, 'ancora niente': -2.5, 'ancora nulla': -2.5, 'sto ancora aspettando': -3,
    'sto aspettando': -2, 'aspetto da': -2.5, 'da # giorni': -1.5, 'da # settimane': -2, 'nessuna risposta': -2.5,
    'senza risposta': -2.5, 'nessuno risponde': -2.5, 'nessuno': -1.5, "dov'è il mio": -2.5, "dov'è la mia": -2.5,
    "dov'è": -2, 'dove è': -1.5, 'dove sono': -1.5, 'perché non': -2, 'perche non': -2, 'terza volta': -2.5,
    'ancora una volta': -1.5, 'di nuovo': -1, 'annullato': -1.5, 'cancellato': -1.5, 'in ritardo': -2, 'ritardo': -1.5,
    'non funziona': -2.5, 'rimborso': -1, 'i miei soldi': -2, 'addebitato due volte': -3, 'inaccettabile': -3,
    'vergogna': -3, 'che schifo': -3.5, 'mai più': -3, 'mai piu': -3,
    // What a customer writes about a product or an order that let them down.
    'da buttare': -3, 'soldi buttati': -3, 'smesso di funzionare': -3, 'si è rotto': -2.5, 'si è rotta': -2.5,
    'non si accende': -2.5, 'non fa al caso mio': -2, 'mi aspettavo di più': -2, 'mi aspettavo di meglio': -2,
    'mi aspettavo meglio': -2, 'lascia a desiderare': -2.5, 'non vale la pena': -2.5, 'rimandato indietro': -2,
    'non lo consiglio': -3, 'non la consiglio': -3, 'non lo ricomprerei': -3, 'non lo riprenderò': -2,
    'niente di speciale': -1, 'nulla di che': -1, 'così così': -1, 'cosi cosi': -1,
  },
  negatedComplaints: [
    'ricevuto', 'arrivato', 'arrivata', 'arriva', 'consegnato', 'consegnata', 'funziona', 'funzionato', 'risposto', 'risponde',
    'rimborsato', 'risolto', 'inviato', 'spedito', 'riesco', 'posso', 'consiglio', 'consiglierei', 'ricomprerei',
    'ricomprerò', 'ricompro', 'carica', 'tiene',
  ],
  courtesy: [
    'grazie in anticipo', 'grazie mille in anticipo', 'cordiali saluti', 'distinti saluti', 'saluti', 'per favore', 'per piacere',
    'per cortesia', 'buongiorno', 'buonasera', 'salve', 'ciao', 'vorrei', 'potreste', 'potrebbe', 'gentilmente', 'gentili',
  ],
  thanks: ['grazie', 'ringrazio'],
  sarcasm: { 'grazie mille': 2, 'bravi': 3, 'complimenti': 3, 'ottimo servizio': 3 },
  // Calibrated on the dev splits of XLM-T (tweets) and ATE_ABSITA (product reviews), never on test.
  thresholds: { positive: 0.2, negative: 0.2, link: 0.4 },
  lexicon: {
    grazie: 2, ringrazio: 2, bene: 1.5, buono: 2, buona: 2, bello: 2.5, bella: 2.5, bellissimo: 3.5, bellissima: 3.5, ottimo: 3, ottima: 3,
    eccellente: 3.5, fantastico: 3.5, perfetto: 3, perfetta: 3, felice: 3, contento: 2.5, contenta: 2.5, soddisfatto: 2.5,
    soddisfatta: 2.5, grande: 1, grandi: 1, bravo: 2.5, brava: 2.5, bravi: 2.5, complimenti: 3, adoro: 3, amo: 3, amore: 3,
    auguri: 2.5, consiglio: 1, top: 2.5, mitico: 3, stupendo: 3.5, meraviglioso: 3.5, divertente: 2.5, finalmente: 1.5,
    brutto: -2.5, brutta: -2.5, male: -2, cattivo: -2.5, pessimo: -3.5, pessima: -3.5, orribile: -3.5, terribile: -3.5,
    deluso: -2.5, delusa: -2.5, delusione: -3, triste: -2.5, schifo: -3.5, merda: -3, vergogna: -3, odio: -3.5, peggio: -3,
    peggiore: -3, problema: -2, errore: -1.5, rotto: -2, truffa: -3.5, paura: -2, purtroppo: -2, peccato: -2, ridicolo: -2.5,
    vergognoso: -3, pazzesco: -1, incompetenti: -3, inutile: -2, arrabbiato: -3, stufo: -2.5, disastro: -3, squallido: -3,
    // Pattern stems that are not sentiment in support text.
    sono: 0, noi: 0, ancora: 0, tutti: 0, tutto: 0, tutte: 0, sera: 0, stampa: 0, persia: 0, pagare: 0, passo: 0,
    meno: 0, quasi: 0, troppo: 0, stelle: 0, giovani: 0, persona: 0,
    primo: 0, ultimo: 0, solo: 0, nuovo: 0.5, piccolo: 0, sinistra: 0, destra: 0, chi: 0, tanto: 0, pure: 0, tipo: 0,
    forza: 0, lavoro: 0, lavorare: 0, economia: 0, finita: 0, caro: 0, cara: 0, sociale: 0, verità: 0.5, tante: 0,
    veramente: 0, sicuro: 0.5, consumi: 0, motivo: 0, responsabilità: 0, novità: 0.5,
    // General words the Pattern lexicon lacks.
    colpa: -2, contro: -1, sacrifici: -1.5, protesta: -1.5, tassa: -1, tasse: -1.5, crisi: -2, basta: -1.5, schifezza: -3,
    buon: 2, buongiorno: 1, buonanotte: 1.5, fortuna: 2.5, spero: 1, speriamo: 1, migliore: 3, stupenda: 3.5, aww: 2,
    sconsiglio: -3, sconsigliato: -3, difettoso: -2.5, difettosa: -2.5, difetto: -1.5, guasto: -2, guasta: -2, rotta: -2,
    scadente: -3, insoddisfatto: -2.5, insoddisfatta: -2.5, insoddisfazione: -2.5, deludente: -3, mediocre: -2,
    bocciato: -2.5, contraffatto: -2.5, contraffatta: -2.5, imbevibile: -3, scomodo: -1.5, scomoda: -1.5, mah: -1,
    consigliato: 2, consigliatissimo: 3, benissimo: 3, ottimamente: 2.5, soddisfacente: 2, comodo: 1.5, comoda: 1.5,
    pratico: 1.5, pratica: 1.5, utile: 1.5, carino: 1, carina: 1, discreto: 0.3, discreta: 0.3, accettabile: 0.3,
    // Negated complaints that are praise: "I can't complain", "nothing to object to".
    'non posso lamentarmi': 3, 'niente da ridire': 3, 'nulla da ridire': 3, 'niente da dire': 2, 'nulla da dire': 2,
    'nessun problema': 2.5,
  },
};
