import type { SentimentLanguageRules } from '../../sentiment-rules';

/** Dutch: the CLiPS Pattern lexicon (stemmed) plus the support layer. */
export const nl: SentimentLanguageRules = {
  negators: ['niet', 'nooit', 'geen', 'niets', 'niks', 'niemand', 'zonder', 'noch'],
  intensifiers: {
    heel: 1.3, erg: 1.3, zeer: 1.3, echt: 1.3, super: 1.3, enorm: 1.5, ontzettend: 1.5, zo: 1.3, totaal: 1.3, helemaal: 1.3,
    best: 1.1, vreselijk: 1.4, hartstikke: 1.4, te: 1.1, beetje: 0.7, nogal: 0.9, vrij: 0.8, redelijk: 0.8,
  },
  contrast: ['maar', 'echter', 'toch'],
  complaints: {
    'nog steeds niet': -3, 'nog steeds geen': -3, 'nog steeds': -2, 'nog niet': -2, 'nog altijd niet': -3, 'wacht al': -2.5,
    'wachten al': -2.5, 'al # dagen': -1.5, 'al # weken': -2, 'geen antwoord': -2.5, 'geen reactie': -2.5,
    'niemand reageert': -2.5, 'niemand': -1.5, 'waar blijft': -2.5, 'waar is mijn': -2.5, 'waar zijn mijn': -2.5,
    'waarom niet': -2, 'waarom kan': -2, 'voor de derde keer': -2.5, 'alweer': -2, 'weer eens': -1.5,
    'geannuleerd': -1.5, 'vertraagd': -2, 'vertraging': -2, 'werkt niet': -2.5, 'doet het niet': -2.5, 'kapot': -2,
    'terugbetaling': -1, 'mijn geld': -2, 'dubbel afgeschreven': -3, 'schandalig': -3, 'onacceptabel': -3, 'nooit meer': -3,
    'klantenservice': -0.5,
  },
  negatedComplaints: [
    'ontvangen', 'gekregen', 'aangekomen', 'geleverd', 'bezorgd', 'werkt', 'gewerkt', 'geantwoord', 'gereageerd', 'terugbetaald',
    'opgelost', 'verzonden', 'teruggebeld', 'bereikbaar', 'kan',
  ],
  courtesy: [
    'alvast bedankt', 'bij voorbaat dank', 'met vriendelijke groet', 'vriendelijke groeten', 'met vriendelijke groeten', 'mvg',
    'groetjes', 'groeten', 'graag', 'alstublieft', 'alsjeblieft', 'aub', 'ajb', 'hallo', 'hoi', 'goedemorgen', 'goedemiddag',
    'goedenavond', 'beste', 'geachte', 'ik wil graag', 'zou u', 'kunt u', 'kun je',
  ],
  thanks: ['bedankt', 'dank', 'dankjewel', 'dankuwel', 'thanks', 'merci'],
  sarcasm: { 'lekker dan': 3, 'goed bezig': 3, 'top service': 3, 'bedankt hoor': 2 },
  lexicon: {
    bedankt: 2, dank: 2, dankjewel: 2, dankuwel: 2, thanks: 2, merci: 2, goed: 2, goede: 2, beter: 1.5, top: 3, super: 3, geweldig: 3.5, fantastisch: 3.5, prima: 2.5, perfect: 3, mooi: 2.5,
    leuk: 2.5, fijn: 2.5, blij: 3, tevreden: 2.5, snel: 1, vriendelijk: 2, behulpzaam: 2.5, aanrader: 3, gaaf: 3, vet: 2,
    lekker: 2.5, heerlijk: 3, prachtig: 3.5, uitstekend: 3.5, toppie: 3, klasse: 3, gefeliciteerd: 3, proficiat: 3,
    slecht: -2.5, slechte: -2.5, slechtste: -3.5, vreselijk: -3.5, verschrikkelijk: -3.5, waardeloos: -3.5, teleurgesteld: -2.5,
    teleurstellend: -3, teleurstelling: -3, boos: -3, kwaad: -3, jammer: -2, helaas: -1.5, balen: -2.5, klote: -3, kut: -3,
    shit: -3, irritant: -2.5, belachelijk: -3, triest: -2.5, verdrietig: -2.5, probleem: -2, problemen: -2, fout: -2,
    oplichting: -3.5, oplichters: -3.5, bagger: -3, zwak: -2, onbeschoft: -3, nutteloos: -3, ellende: -3, drama: -2,
    // Pattern entries that are not sentiment in support text.
    // General words.
    gewonnen: 2.5, succes: 2.5, welkom: 2, genieten: 2.5, haha: 2,
    nieuw: 0, eerste: 0, groot: 0.5, klein: 0, laatste: 0, alleen: 0, heel: 0, erg: 0,
  },
};
