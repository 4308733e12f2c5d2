import type { SentimentLanguageRules } from '../../sentiment-rules';

/**
 * German: the lexicon below is our own (no freely licensed German lexicon ships with
 * @nlpjs: its senticon_de carries SentiWS scores, which are CC BY-NC-SA). Words are
 * matched as written, accent-folded and by their Snowball stem.
 */
export const de: SentimentLanguageRules = {
  negators: ['nicht', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nichts', 'ohne', 'weder', 'garnicht', 'nix'],
  intensifiers: {
    sehr: 1.3, extrem: 1.5, so: 1.3, total: 1.3, wirklich: 1.3, echt: 1.3, völlig: 1.4, voll: 1.3, absolut: 1.4, richtig: 1.2,
    besonders: 1.2, ziemlich: 1.1, mega: 1.3, super: 1.3, äußerst: 1.5, zu: 1.1, etwas: 0.7, kaum: 0.6, bisschen: 0.7,
  },
  contrast: ['aber', 'jedoch', 'allerdings', 'trotzdem', 'dennoch'],
  complaints: {
    'immer noch nicht': -3, 'immer noch kein': -3, 'immer noch keine': -3, 'noch immer nicht': -3, 'immer noch': -2, 'noch immer': -2,
    'noch nicht': -2, 'bis heute': -1.5, 'warte seit': -2.5, 'warten seit': -2.5, 'warte immer noch': -3, 'seit # tagen': -1.5,
    'seit # wochen': -2, 'keine antwort': -2.5, 'keine rückmeldung': -2.5, 'keine reaktion': -2.5, 'niemand': -1.5,
    'niemand antwortet': -2.5, 'wo ist meine': -2.5, 'wo ist mein': -2.5, 'wo bleibt': -2.5, 'wo sind meine': -2.5,
    'warum nicht': -2, 'warum kann': -2, 'warum ist': -2, 'zum dritten mal': -2.5, 'schon wieder': -2, 'wieder mal': -1.5,
    'storniert': -1.5, 'verspätet': -2, 'verspätung': -2, 'funktioniert nicht': -2.5, 'geht nicht': -2, 'kaputt': -2,
    'geld zurück': -2, 'mein geld': -2, 'doppelt abgebucht': -3, 'unverschämt': -3, 'frechheit': -3, 'nie wieder': -3,
    'kundenservice': -0.5,
  },
  negatedComplaints: [
    'angekommen', 'erhalten', 'bekommen', 'geliefert', 'funktioniert', 'geantwortet', 'antwortet', 'erstattet', 'gelöst',
    'geschickt', 'versendet', 'zurückgerufen', 'erreichbar', 'kann', 'geht',
  ],
  courtesy: [
    'vielen dank im voraus', 'danke im voraus', 'im voraus', 'mit freundlichen grüßen', 'freundliche grüße', 'mfg', 'lg', 'vg',
    'bitte', 'beste grüße', 'viele grüße', 'liebe grüße', 'grüße', 'hallo', 'guten tag', 'guten morgen', 'guten abend',
    'sehr geehrte', 'sehr geehrter', 'ich möchte', 'könnten sie', 'können sie', 'würden sie',
  ],
  thanks: ['danke', 'dankeschön', 'dank', 'bedanke', 'thx'],
  sarcasm: { 'vielen dank auch': 2, 'toll gemacht': 3, 'super service': 3, 'na toll': 3, 'danke für nichts': 2 },
  // Calibrated on the XLM-T train split (tweets), never on test.
  thresholds: { positive: 0.05, negative: 0.05, link: 0.5 },
  bareNegation: -0.5,


  lexicon: {
    gut: 2, gute: 2, guter: 2, gutes: 2, besser: 1.5, beste: 3, bester: 3, super: 3, toll: 3, tolle: 3, prima: 3, perfekt: 3,
    schnell: 1, freundlich: 2, hilfreich: 2.5, zufrieden: 2.5, klasse: 3, spitze: 3, genial: 3, großartig: 3.5, hervorragend: 3.5,
    ausgezeichnet: 3.5, wunderbar: 3.5, wunderschön: 3.5, schön: 2.5, schöne: 2.5, schönen: 2.5, lieb: 2, liebe: 2, lieben: 2.5,
    freue: 2.5, freuen: 2.5, freude: 3, froh: 2.5, glücklich: 3, glückwunsch: 3, gratuliere: 3, empfehlen: 2, empfehlenswert: 3,
    danke: 2, dankeschön: 2, dank: 2, bedanke: 2, thx: 2, geil: 2.5, cool: 2, lustig: 2, witzig: 2, spaß: 2.5, endlich: 1, yeah: 2, juhu: 3, hurra: 3, bravo: 3, lecker: 2.5,
    interessant: 1.5, stark: 1.5, wow: 2, lieber: 0, 'gefällt mir': 2.5, gefällt: 2, mag: 1.5, liebsten: 2,
    schlecht: -2.5, schlechter: -2.5, schlechteste: -3.5, schlimm: -3, schrecklich: -3.5, furchtbar: -3.5, katastrophal: -3.5,
    katastrophe: -3, enttäuscht: -2.5, enttäuschend: -3, enttäuschung: -3, ärgerlich: -2.5, ärger: -2.5, ärgern: -2.5, sauer: -2.5,
    wütend: -3, traurig: -2.5, leider: -1.5, schade: -2, mist: -2.5, scheiße: -3.5, scheisse: -3.5, scheiß: -3, kacke: -3,
    nervig: -2.5, nervt: -2.5, nerven: -2, blöd: -2.5, doof: -2.5, dumm: -2.5, peinlich: -2.5, hass: -3.5, hasse: -3.5,
    problem: -2, probleme: -2, fehler: -1.5, defekt: -2.5, falsch: -2, betrug: -3.5, abzocke: -3.5, unmöglich: -2.5,
    lächerlich: -2.5, unzufrieden: -2.5, frechheit: -3, angst: -2, sorge: -1.5, krank: -2, tot: -2, traurige: -2.5,
    seufz: -2, kopfschmerzen: -2, quatsch: -2, wut: -3, verloren: -2, hübsch: 2.5, willkommen: 2, gewinnt: 2, gewonnen: 2.5, langweilig: -2, mies: -3, übel: -2.5, ekelhaft: -3, unfreundlich: -2.5, inkompetent: -3, nutzlos: -3, schwierig: -1,
  },
};
