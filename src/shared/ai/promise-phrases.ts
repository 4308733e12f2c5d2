/**
 * The words of a commitment, in English, German, French, Spanish, Portuguese, Italian and
 * Dutch: what a draft promises (a refund, compensation, a discount, a replacement, a date)
 * and how a time is spelled, so "within 14 days" in a draft can be matched to "14 days" in
 * a source. Phrase lists only; promises.ts decides what counts as a promise.
 */
import type { PromiseKind } from './schema';

/** Wraps alternatives in letter-aware word boundaries (\b is ASCII-only; "amanhã" ends in a letter it misses). */
export const words = (src: string): string => `(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`;

/** Phrases that are a promise of their kind wherever they stand (negation is checked by the caller). */
export const kindPhrases: Record<Exclude<PromiseKind, 'date'>, string> = {
  refund: [
    'refund(?:s|ed|ing)?',
    'reimburs(?:e|ed|ing|ement)',
    '(?:your|the|their|his|her)\\s+money\\s+back',
    '(?:zurück)?erstatt(?:en|et|ung)',
    'rückerstattung',
    'geld\\s+zurück',
    'rembours(?:er|erons|erai|é|ée|ement|ons)',
    'reembols(?:o|ar|aremos|ado|ada|amos)',
    'rimbors(?:o|are|eremo|ato|ata|iamo)',
    'terugbetal(?:ing|en|d)',
    'betalen\\s+(?:\\p{L}+\\s+){0,3}?terug',
    'restitutie',
    'geld\\s+terug',
    'devolv(?:er|eremos|emos)\\s+(?:o\\s+(?:seu\\s+)?|el\\s+|su\\s+)?dinero',
    'devolv(?:er|eremos|emos)\\s+o\\s+(?:seu\\s+)?dinheiro',
  ].join('|'),
  compensation: [
    'compensat(?:e|ed|ion|ing)',
    '(?:store|account)\\s+credit',
    'credit(?:ed)?\\s+(?:to\\s+)?your\\s+account',
    'a\\s+credit\\s+(?:of|note)',
    'voucher',
    'coupon',
    'gift\\s+card',
    'free\\s+(?:month|year|week|upgrade|shipping)',
    'goodwill\\s+(?:gesture|credit|payment)',
    'complimentary',
    'gutschrift',
    'gutschein',
    'entschädig(?:ung|en)',
    'kulanz(?:zahlung|leistung)?',
    'dédommag(?:er|ement|erons)',
    'bon\\s+d[\'’]achat',
    'un\\s+avoir',
    'geste\\s+commercial',
    'mois\\s+gratuit',
    'compensación',
    'compensaremos',
    'cup[oó]n',
    'vale\\s+(?:de\\s+(?:descuento|regalo|compra|desconto)|-?presente)',
    'mes\\s+gratis',
    'compensação',
    'cupom',
    'mês\\s+grátis',
    'risarci(?:mento|re|remo)',
    'buono(?:\\s+sconto)?',
    'mese\\s+gratuito',
    'compensatie',
    'tegoed',
    'waardebon',
    'cadeaubon',
    'gratis\\s+maand',
  ].join('|'),
  discount: [
    '\\d{1,3}(?:[.,]\\d+)?\\s?%\\s+(?:off|discount|rabatt|nachlass|de\\s+(?:réduction|remise|descuento|desconto)|di\\s+sconto|korting)',
    'discount(?:s|ed)?',
    'reduced\\s+price',
    'price\\s+reduction',
    'rabatt',
    'preisnachlass',
    'remise',
    'réduction',
    'rabais',
    'descuento',
    'rebaja',
    'desconto',
    'sconto',
    'korting',
  ].join('|'),
  replacement: [
    'replacements?',
    'replac(?:e|ing)\\s+(?:it|them|the|your|this|that)',
    'send\\s+(?:you\\s+)?(?:a\\s+)?(?:new|another|fresh)\\s+(?:one|\\p{L}+)',
    'ship\\s+(?:you\\s+)?(?:a\\s+)?(?:new|another)\\s+(?:one|\\p{L}+)',
    're-?ship',
    'exchange\\s+(?:it|them|the|your)',
    'ersatz(?:lieferung|gerät|teil|produkt)?',
    'ersetzen',
    'umtausch(?:en)?',
    '(?:neue|neues|neuen)\\s+\\p{L}+\\s+(?:zu)?(?:senden|schicken)',
    'remplac(?:ement|er|erons)',
    '(?:r?envoyer|r?enverrons|expédierons)\\s+(?:un\\s+nouveau|une\\s+nouvelle)',
    '(?:enviar(?:emos)?|mandar(?:emos)?)\\s+(?:un|una|um|uma)\\s+(?:nuev[oa]|nov[oa])',
    'invi(?:are|eremo)\\s+(?:un|una)\\s+nuov[oa]',
    '(?:sturen|stuur|versturen)\\s+(?:we\\s+|wij\\s+)?(?:u|je|jou)\\s+(?:een\\s+)?nieuwe?',
    'renvo(?:yer|yons|ierons)',
    'reemplaz(?:o|ar|aremos)',
    'sustitu(?:ción|ir|iremos)',
    'reposición',
    'substitui(?:ção|r|remos)',
    'sostitu(?:zione|ire|iremo)',
    'vervang(?:ing|en|end|ende)',
  ].join('|'),
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fourteen: 14, thirty: 30,
  ein: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, zehn: 10, vierzehn: 14,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, dix: 10, quinze: 15,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, siete: 7, diez: 10,
  um: 1, uma: 1, dois: 2, duas: 2, três: 3, sete: 7, dez: 10,
  due: 2, tre: 3, quattro: 4, cinque: 5, sette: 7, dieci: 10, quindici: 15,
  een: 1, één: 1, twee: 2, drie: 3, vijf: 5, zeven: 7, tien: 10, veertien: 14,
};
export const NUMBER = `\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')}`;

export function numberOf(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

/** Units of a duration, longest spelling first so "business days" wins over "days". */
const UNITS: [string, string][] = [
  ['bday', 'business\\s+days?|working\\s+days?|werktag(?:e|en)?|arbeitstag(?:e|en)?|jours?\\s+ouvr(?:és|ables)|días?\\s+(?:hábiles|laborables)|dias?\\s+úteis|giorni\\s+lavorativi|werkdag(?:en)?'],
  ['hour', 'hours?|hrs?|h|stunden?|heures?|horas?|ore|ora|uur'],
  ['day', 'days?|tag(?:e|en)?|jours?|días?|dias?|giorni|giorno|dag(?:en)?'],
  ['week', 'weeks?|woche(?:n)?|semaines?|semanas?|settiman[ae]|weken'],
  ['month', 'months?|monat(?:e|en)?|mois|mes(?:es)?|mês|mes[ei]|maand(?:en)?'],
];
export const UNIT = UNITS.map(([, src]) => src).join('|');

export function unitOf(token: string): string {
  const t = token.toLowerCase().replace(/\s+/g, ' ');
  for (const [unit, src] of UNITS) if (new RegExp(`^(?:${src})$`, 'iu').test(t)) return unit;
  return 'day';
}

export const DURATION_PREP =
  'within|in(?:\\s+the\\s+next)?|over\\s+the\\s+next|no\\s+later\\s+than|innerhalb(?:\\s+von)?|binnen|sous|dans(?:\\s+les)?|d[\'’]ici|dentro\\s+de|en(?:\\s+un\\s+plazo\\s+de|\\s+los\\s+próximos)?|em(?:\\s+até)?|nos\\s+próximos|no\\s+prazo\\s+de|entro|tra|fra|over';

const WEEKDAYS: string[][] = [
  ['monday', 'montag', 'lundi', 'lunes', 'segunda(?:-feira)?', 'lunedì', 'maandag'],
  ['tuesday', 'dienstag', 'mardi', 'martes', 'terça(?:-feira)?', 'martedì', 'dinsdag'],
  ['wednesday', 'mittwoch', 'mercredi', 'miércoles', 'quarta(?:-feira)?', 'mercoledì', 'woensdag'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves', 'quinta(?:-feira)?', 'giovedì', 'donderdag'],
  ['friday', 'freitag', 'vendredi', 'viernes', 'sexta(?:-feira)?', 'venerdì', 'vrijdag'],
  ['saturday', 'samstag', 'samedi', 'sábado', 'sabato', 'zaterdag'],
  ['sunday', 'sonntag', 'dimanche', 'domingo', 'domenica', 'zondag'],
];
export const WEEKDAY = WEEKDAYS.flat().join('|');
export const WEEKDAY_PREP =
  'by|before|until|on|this|next|no\\s+later\\s+than|bis(?:\\s+zum)?|vor|am|nächsten|kommenden|spätestens(?:\\s+am)?|avant|jusqu[\'’]à|d[\'’]ici|le|el|antes\\s+del?|para\\s+el|hasta\\s+el|até|antes\\s+de|na|no|entro|prima\\s+di|voor|vóór|uiterlijk|op|aanstaande';

export function weekdayOf(token: string): number | null {
  const t = token.toLowerCase();
  const i = WEEKDAYS.findIndex((names) => names.some((n) => new RegExp(`^(?:${n})$`, 'iu').test(t)));
  return i >= 0 ? i : null;
}

const MONTHS: string[][] = [
  ['jan(?:uary)?', 'januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'januari'],
  ['feb(?:ruary)?', 'februar', 'février', 'febrero', 'fevereiro', 'febbraio', 'februari'],
  ['mar(?:ch)?', 'märz', 'mars', 'marzo', 'março', 'maart'],
  ['apr(?:il)?', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
  ['june?', 'juni', 'juin', 'junio', 'junho', 'giugno'],
  ['july?', 'juli', 'juillet', 'julio', 'julho', 'luglio'],
  ['aug(?:ust)?', 'août', 'agosto', 'augustus'],
  ['sep(?:t|tember)?', 'septembre', 'septiembre', 'setembro', 'settembre'],
  ['oct(?:ober)?', 'oktober', 'octobre', 'octubre', 'outubro', 'ottobre'],
  ['nov(?:ember)?', 'novembre', 'noviembre', 'novembro'],
  ['dec(?:ember)?', 'dezember', 'décembre', 'diciembre', 'dezembro', 'dicembre'],
];
export const MONTH = MONTHS.flat().join('|');

export function monthOf(token: string): number | null {
  const t = token.toLowerCase();
  const i = MONTHS.findIndex((names) => names.some((n) => new RegExp(`^(?:${n})$`, 'iu').test(t)));
  return i >= 0 ? i + 1 : null;
}

/** Relative days, each with its key; "morgen" in Dutch and German is tomorrow, but "Guten Morgen" is a greeting. */
export const RELATIVE: [string, string][] = [
  ['day-after', 'the\\s+day\\s+after\\s+tomorrow|übermorgen|après-demain|pasado\\s+mañana|depois\\s+de\\s+amanhã|dopodomani|overmorgen'],
  ['tomorrow', 'tomorrow|(?<!(?:guten|heute|am|jeden|schönen|goede)\\s)morgen|demain|(?<!(?:la|esta|cada|por)\\s)mañana|amanhã|domani'],
  ['eod', '(?:by\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:business\\s+)?day|close\\s+of\\s+business|heute\\s+noch|aujourd[\'’]hui\\s+même|hoy\\s+mismo|ainda\\s+hoje|entro\\s+oggi|vandaag\\s+nog'],
  ['eow', '(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+week|ende\\s+(?:der|dieser)\\s+woche|fin\\s+de\\s+(?:la\\s+)?semaine|fin\\s+de\\s+semana|fim\\s+da\\s+semana|fine\\s+settimana|eind\\s+van\\s+(?:de|deze)\\s+week'],
  ['eom', '(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+month|ende\\s+(?:des|dieses)\\s+monats|fin\\s+(?:du|de\\s+ce)\\s+mois|fin\\s+de\\s+mes|fim\\s+do\\s+mês|fine\\s+mese|eind\\s+van\\s+(?:de|deze)\\s+maand'],
  ['next-week', 'next\\s+week|nächste\\s+woche|la\\s+semaine\\s+prochaine|la\\s+(?:próxima\\s+semana|semana\\s+que\\s+viene)|(?:na\\s+)?(?:próxima\\s+semana|semana\\s+que\\s+vem)|la\\s+(?:prossima\\s+settimana|settimana\\s+prossima)|volgende\\s+week'],
];

export const DATE_PREP = 'on|by|before|until|from|am|bis(?:\\s+zum)?|vor\\s+dem|le|avant\\s+le|el|antes\\s+del|para\\s+el|no\\s+dia|em|até|il|entro\\s+il|op|voor|uiterlijk';
