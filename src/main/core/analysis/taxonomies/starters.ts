/**
 * Starter taxonomies a new inbox may begin from instead of the general one. Each is plain
 * taxonomy data, editable like any topic once applied. Topics that mean the same in several
 * starters share their name ("refund", "billing"), so adding a second starter does not make
 * near-duplicates; templates and rules that name a topic keep working.
 */
import type { StarterInfo, StarterTaxonomy } from '../../../../shared/contract';
import { DEFAULT_TAXONOMY, type Taxonomy, type TaxonomyTopic } from '../taxonomy';
import { BANKING_TOPICS } from './banking';
import { BILLING, BUG_OR_CRASH, CANCELLATION, DELIVERY, DOCUMENTATION, FEATURE_REQUEST, LOGIN_AND_ACCOUNT, PERFORMANCE, PRAISE, PRICING, REFUND } from './general';

const topic = (name: string, keywords: string[], phrases: string[], languages: TaxonomyTopic['languages'] = {}): TaxonomyTopic => ({ name, keywords, phrases, languages });

const ECOMMERCE: Taxonomy = [
  topic('order status', ['order', 'ordered', 'purchase'], ['locate order', 'order status', 'order confirmation', 'order number', 'change order'], {
    de: { keywords: ['bestellung', 'bestellt'], phrases: [] },
    fr: { keywords: ['commande', 'commandé'], phrases: [] },
    es: { keywords: ['pedido'], phrases: [] },
  }),
  // In a shop, "it still hasn't arrived" is about the parcel.
  { ...DELIVERY, phrases: [...DELIVERY.phrases, 'not arrive'] },
  topic('returns', ['return', 'returns', 'returned', 'exchange'], ['send back', 'return label', 'return the item', 'wrong size'], {
    de: { keywords: ['rücksendung', 'umtausch', 'zurückschicken'], phrases: [] },
    fr: { keywords: ['retour', 'échange', 'renvoyer'], phrases: [] },
    es: { keywords: ['devolver', 'devolución', 'cambio'], phrases: [] },
  }),
  REFUND,
  topic('damaged or wrong item', ['damaged', 'broken', 'defective', 'faulty', 'missing'], ['wrong item', 'item missing', 'not what i ordered', 'arrived damaged'], {
    de: { keywords: ['beschädigt', 'defekt', 'kaputt'], phrases: ['falscher artikel'] },
    fr: { keywords: ['endommagé', 'cassé', 'défectueux'], phrases: [] },
    es: { keywords: ['dañado', 'roto', 'defectuoso'], phrases: [] },
  }),
  topic('product questions', ['size', 'sizing', 'colour', 'color', 'material', 'fit', 'compatible', 'warranty'], ['product details', 'size guide'], {
    de: { keywords: ['größe', 'farbe', 'garantie'], phrases: [] },
    fr: { keywords: ['taille', 'couleur', 'garantie'], phrases: [] },
    es: { keywords: ['talla', 'color', 'garantía'], phrases: [] },
  }),
  topic('stock', ['stock', 'restock', 'available', 'availability', 'sold'], ['out of stock', 'back in stock', 'sold out'], {
    de: { keywords: ['lagerbestand', 'verfügbar', 'ausverkauft'], phrases: [] },
    fr: { keywords: ['stock', 'disponible', 'épuisé'], phrases: [] },
    es: { keywords: ['stock', 'disponible', 'agotado'], phrases: [] },
  }),
  topic('discounts and promotions', ['discount', 'coupon', 'voucher', 'promo', 'sale', 'promotion'], ['promo code', 'discount code', 'gift card'], {
    de: { keywords: ['rabatt', 'gutschein', 'aktion'], phrases: [] },
    fr: { keywords: ['remise', 'réduction', 'promo', 'bon'], phrases: [] },
    es: { keywords: ['descuento', 'cupón', 'oferta'], phrases: [] },
  }),
  BILLING,
  LOGIN_AND_ACCOUNT,
  CANCELLATION,
  PRAISE,
];

const SAAS: Taxonomy = [
  LOGIN_AND_ACCOUNT,
  BILLING,
  PRICING,
  BUG_OR_CRASH,
  PERFORMANCE,
  FEATURE_REQUEST,
  topic('integrations', ['integration', 'integrations', 'api', 'webhook', 'webhooks', 'zapier', 'slack', 'plugin', 'sync'], ['connect to', 'api key'], {}),
  topic('data and export', ['export', 'import', 'csv', 'backup', 'migrate', 'migration'], ['export data', 'import data', 'lost data', 'data loss'], {
    de: { keywords: ['exportieren', 'importieren', 'daten'], phrases: [] },
    fr: { keywords: ['exporter', 'importer', 'données'], phrases: [] },
    es: { keywords: ['exportar', 'importar', 'datos'], phrases: [] },
  }),
  topic('security and privacy', ['security', 'privacy', 'gdpr', 'breach', 'encryption', 'permissions', 'phishing'], ['data protection', 'personal data'], {
    de: { keywords: ['sicherheit', 'datenschutz', 'dsgvo'], phrases: [] },
    fr: { keywords: ['sécurité', 'confidentialité', 'rgpd'], phrases: [] },
    es: { keywords: ['seguridad', 'privacidad', 'rgpd'], phrases: [] },
  }),
  topic('onboarding and setup', ['onboarding', 'setup', 'install', 'installation', 'configure', 'invite', 'seats'], ['set up', 'get started', 'add users', 'add user'], {}),
  DOCUMENTATION,
  CANCELLATION,
  REFUND,
  PRAISE,
];

const TRAVEL: Taxonomy = [
  topic('bookings', ['booking', 'book', 'booked', 'reservation', 'reserve', 'itinerary', 'ticket', 'tickets'], ['change booking', 'change flight', 'change date', 'locate booking', 'confirmation number'], {
    de: { keywords: ['buchung', 'gebucht', 'reservierung', 'umbuchen'], phrases: [] },
    fr: { keywords: ['réservation', 'réserver', 'billet'], phrases: [] },
    es: { keywords: ['reserva', 'reservar', 'billete'], phrases: [] },
  }),
  topic('delays and disruptions', ['delay', 'delayed', 'late', 'strike', 'missed', 'diverted', 'status', 'disruption'], ['flight cancelled', 'flight status', 'missed connection'], {
    de: { keywords: ['verspätung', 'verspätet', 'streik', 'annulliert'], phrases: [] },
    fr: { keywords: ['retard', 'retardé', 'grève', 'annulé'], phrases: [] },
    es: { keywords: ['retraso', 'retrasado', 'huelga'], phrases: [] },
  }),
  topic('baggage', ['baggage', 'luggage', 'bag', 'bags', 'suitcase'], ['carry on', 'hand luggage', 'lost luggage', 'checked bag'], {
    de: { keywords: ['gepäck', 'koffer'], phrases: [] },
    fr: { keywords: ['bagage', 'bagages', 'valise'], phrases: [] },
    es: { keywords: ['equipaje', 'maleta'], phrases: [] },
  }),
  topic('check-in and boarding', ['checkin', 'boarding', 'seat', 'gate', 'upgrade'], ['check in', 'boarding pass', 'seat selection'], {
    de: { keywords: ['einchecken', 'bordkarte', 'sitzplatz'], phrases: [] },
    fr: { keywords: ['enregistrement', 'embarquement', 'siège'], phrases: [] },
    es: { keywords: ['embarque', 'asiento', 'facturación'], phrases: [] },
  }),
  topic('accommodation', ['hotel', 'room', 'apartment', 'hostel', 'host', 'stay'], ['check out'], {
    de: { keywords: ['hotel', 'zimmer', 'unterkunft'], phrases: [] },
    fr: { keywords: ['hôtel', 'chambre', 'logement'], phrases: [] },
    es: { keywords: ['hotel', 'habitación', 'alojamiento'], phrases: [] },
  }),
  topic('travel documents', ['visa', 'passport', 'vaccine', 'vaccination', 'esta', 'covid'], ['entry requirements', 'travel insurance'], {
    de: { keywords: ['reisepass', 'impfung', 'einreise'], phrases: [] },
    fr: { keywords: ['passeport', 'vaccin'], phrases: [] },
    es: { keywords: ['pasaporte', 'vacuna'], phrases: [] },
  }),
  topic('car rental and transfers', ['car', 'rental', 'taxi', 'shuttle', 'train', 'bus'], ['rent a car', 'airport transfer'], {
    de: { keywords: ['mietwagen', 'zug'], phrases: [] },
    fr: { keywords: ['voiture', 'location', 'navette'], phrases: [] },
    es: { keywords: ['coche', 'alquiler', 'traslado'], phrases: [] },
  }),
  REFUND,
  { ...CANCELLATION, keywords: [...CANCELLATION.keywords, 'cancelled', 'canceled'] },
  BILLING,
  topic('loyalty', ['miles', 'points', 'loyalty', 'rewards', 'voucher'], ['frequent flyer'], {}),
  LOGIN_AND_ACCOUNT,
  PRAISE,
];

const STARTERS: Record<StarterTaxonomy, { name: string; description: string; topics: Taxonomy }> = {
  general: { name: 'General support', description: 'Accounts, cards and payments, delivery, billing, bugs, requests and praise: a start for most teams.', topics: DEFAULT_TAXONOMY },
  ecommerce: { name: 'E-commerce', description: 'Orders, delivery, returns and refunds, damaged items, stock and promotions.', topics: ECOMMERCE },
  saas: { name: 'SaaS', description: 'Logins, billing and plans, bugs, speed, feature requests, integrations and data.', topics: SAAS },
  banking: { name: 'Banking and fintech', description: 'Cards, transfers, top-ups, fees, exchange rates, fraud and identity checks.', topics: BANKING_TOPICS },
  travel: { name: 'Travel', description: 'Bookings, delays, baggage, check-in, stays, travel documents and refunds.', topics: TRAVEL },
};

/** The topics a starter brings. */
export function starterTopics(starter: StarterTaxonomy): Taxonomy {
  return STARTERS[starter].topics;
}

/** What the first-run choice lists: name, description and the topics of each starter. */
export function starterInfos(): StarterInfo[] {
  return (Object.keys(STARTERS) as StarterTaxonomy[]).map((id) => ({ id, name: STARTERS[id].name, description: STARTERS[id].description, topics: STARTERS[id].topics.map((t) => t.name) }));
}
