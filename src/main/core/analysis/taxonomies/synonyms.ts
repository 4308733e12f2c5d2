/**
 * Synonyms for topic matching: per language, concept -> the words that mean it. A word is
 * read as its concept before any keyword or phrase is looked up, so the taxonomy says
 * "locate card" once and "where is my card", "find my card" and "track my card" all match.
 * Concepts are English words for every language: a German "karte" is the concept "card",
 * so the base phrases of a topic work in German text too.
 *
 * A synonym must be safe everywhere its concept appears: a word that is a keyword of a
 * topic (such as "delivery") makes every synonym of it a keyword too. That is why "where",
 * "find" and "track" share a concept ("locate") that no topic uses as a bare keyword.
 */

export const SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    locate: ['find', 'where', 'track', 'trace', 'whereabouts'],
    arrive: ['receive', 'received', 'come', 'arrival'],
    not: ['never', 't', 'cannot', 'didnt', 'hasnt', 'havent', 'doesnt', 'isnt', 'wont', 'yet'],
    refund: ['reimburse', 'reimbursement', 'repay', 'repayment'],
    cancel: ['terminate', 'termination', 'cancellation', 'deactivate', 'discontinue'],
    fee: ['fees', 'commission', 'surcharge'],
    money: ['funds', 'fund'],
    transfer: ['wire', 'remittance'],
    password: ['passcode', 'passphrase'],
    identity: ['id', 'identification', 'kyc', 'passport'],
    verify: ['verification', 'verifying', 'validate', 'validation', 'identify'],
    decline: ['declined', 'rejected', 'reject', 'refused', 'refuse', 'denied', 'deny'],
    phone: ['mobile', 'smartphone', 'cellphone'],
    stolen: ['steal', 'stole', 'theft', 'thief', 'pickpocketed'],
    lost: ['lose', 'losing', 'misplaced'],
    address: ['adress', 'addresses'],
    delete: ['remove', 'erase'],
    currency: ['currencies', 'fx', 'forex'],
    withdraw: ['withdrawal', 'withdrawing', 'withdrew', 'withdrawl', 'atm', 'cashpoint'],
    topup: ['topped', 'topping', 'reload', 'recharge'],
    parcel: ['package', 'packet'],
    slow: ['sluggish', 'laggy'],
  },
  de: {
    locate: ['finden', 'wo', 'verfolgen', 'sendungsverfolgung'],
    arrive: ['ankommen', 'angekommen', 'erhalten', 'bekommen'],
    not: ['nicht', 'nie', 'kein', 'keine', 'noch'],
    card: ['karte'],
    transfer: ['überweisung', 'überweisen'],
    money: ['geld'],
    fee: ['gebühr', 'gebühren'],
    parcel: ['paket', 'sendung'],
  },
  fr: {
    locate: ['trouver', 'où', 'suivre', 'suivi'],
    arrive: ['arriver', 'arrivé', 'arrivée', 'recevoir', 'reçu', 'reçue'],
    not: ['pas', 'jamais', 'toujours'],
    card: ['carte'],
    transfer: ['virement', 'virer'],
    money: ['argent'],
    fee: ['frais'],
    parcel: ['colis'],
  },
  es: {
    locate: ['encontrar', 'dónde', 'donde', 'rastrear', 'seguimiento'],
    arrive: ['llegar', 'llegado', 'llegó', 'recibir', 'recibido'],
    not: ['nunca', 'todavía', 'aún'],
    card: ['tarjeta'],
    transfer: ['transferencia', 'transferir'],
    money: ['dinero'],
    fee: ['comisión', 'comisiones'],
    parcel: ['paquete'],
  },
  pt: {
    locate: ['encontrar', 'onde', 'rastrear', 'rastreamento'],
    arrive: ['chegar', 'chegou', 'receber', 'recebi'],
    not: ['não', 'nunca', 'ainda'],
    card: ['cartão'],
    transfer: ['transferência', 'transferir'],
    money: ['dinheiro'],
    fee: ['taxa', 'tarifa'],
    parcel: ['pacote', 'encomenda'],
  },
  it: {
    locate: ['trovare', 'dove', 'tracciare', 'tracciamento'],
    arrive: ['arrivare', 'arrivato', 'arrivata', 'ricevere', 'ricevuto'],
    not: ['non', 'mai', 'ancora'],
    card: ['carta'],
    transfer: ['bonifico', 'trasferimento'],
    money: ['soldi', 'denaro'],
    fee: ['commissione', 'commissioni'],
    parcel: ['pacco'],
  },
  nl: {
    locate: ['vinden', 'waar', 'volgen', 'traceren'],
    arrive: ['aankomen', 'aangekomen', 'ontvangen', 'gekregen'],
    not: ['niet', 'nooit', 'nog'],
    card: ['kaart', 'pas', 'pinpas'],
    transfer: ['overboeking', 'overmaken'],
    money: ['geld'],
    fee: ['kosten'],
    parcel: ['pakket'],
  },
};

/** The concept negations stand for: a phrase with it keeps its word order ("not arrived"). */
export const NEGATION_CONCEPT = 'not';

/**
 * Function words: a phrase containing one ("log in", "sign up", "mot de passe", "is there a
 * way") matches only as written, word for word, since such words are everywhere and a
 * skipped or swapped one would match almost any sentence.
 */
export const FIXED_WORDS: ReadonlySet<string> = new Set(
  [
    'a an the in on at up out off of to for from by with is are was be been do does did i me my you your it its this that how what can could would will there here and or so as be',
    'der die das den dem des ein eine einen zu im in an auf ab aus mit ist',
    'de du des la le les un une à au aux en ne est',
    'del el los las al en es lo se',
    'do da dos das o os em no na é',
    'di del della il lo gli un una in è si',
    'het een op te van is',
  ]
    .join(' ')
    .split(' '),
);
