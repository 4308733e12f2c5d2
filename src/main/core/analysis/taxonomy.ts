/**
 * The topic taxonomy: editable data. Each topic has keywords (single words, matched on
 * their stem, so "refunds" and "refunded" match "refund") and phrases (several words,
 * matched word by word on stems), plus per-language additions. The base keywords and
 * phrases apply to text in every language (support text mixes in English product words),
 * stemmed with that language's stemmer.
 */

export interface TopicTerms {
  keywords: string[];
  phrases: string[];
}

export interface TaxonomyTopic extends TopicTerms {
  name: string;
  /** Additions per ISO 639-1 language. */
  languages?: Record<string, TopicTerms>;
}

export type Taxonomy = TaxonomyTopic[];

export const DEFAULT_TAXONOMY: Taxonomy = [
  {
    name: 'billing',
    keywords: ['invoice', 'billing', 'billed', 'charge', 'charged', 'payment', 'receipt', 'vat', 'overcharged'],
    phrases: ['charged twice', 'double charged', 'credit card', 'wrong amount', 'payment failed', 'billing address'],
    languages: {
      de: { keywords: ['rechnung', 'abgebucht', 'abbuchung', 'zahlung', 'kreditkarte', 'mehrwertsteuer', 'quittung'], phrases: ['doppelt abgebucht'] },
      fr: { keywords: ['facture', 'facturation', 'prélevé', 'prélèvement', 'paiement', 'tva'], phrases: ['carte bancaire', 'deux fois'] },
      es: { keywords: ['factura', 'cobro', 'cobraron', 'cobrado', 'pago', 'iva'], phrases: ['tarjeta de crédito', 'dos veces'] },
      pt: { keywords: ['fatura', 'cobrado', 'cobrança', 'pagamento'], phrases: ['cartão de crédito'] },
      it: { keywords: ['fattura', 'addebitato', 'addebito', 'pagamento'], phrases: ['carta di credito'] },
      nl: { keywords: ['factuur', 'afgeschreven', 'betaling'], phrases: [] },
    },
  },
  {
    name: 'refund',
    keywords: ['refund', 'refunded', 'reimburse', 'reimbursement', 'chargeback'],
    phrases: ['money back', 'return the item', 'get my money'],
    languages: {
      de: { keywords: ['rückerstattung', 'erstattung', 'erstatten', 'zurückerstatten', 'rückzahlung'], phrases: ['geld zurück'] },
      fr: { keywords: ['remboursement', 'rembourser', 'remboursé'], phrases: [] },
      es: { keywords: ['reembolso', 'reembolsar', 'devolución'], phrases: ['devolver el dinero'] },
      pt: { keywords: ['reembolso', 'estorno'], phrases: [] },
      it: { keywords: ['rimborso', 'rimborsare'], phrases: [] },
      nl: { keywords: ['terugbetaling', 'restitutie'], phrases: ['geld terug'] },
    },
  },
  {
    name: 'delivery',
    keywords: ['delivery', 'delivered', 'shipping', 'shipment', 'shipped', 'package', 'parcel', 'tracking', 'courier', 'arrived'],
    phrases: ['not arrived', 'never arrived', 'hasn’t arrived', 'tracking number', 'wrong address', 'arrived damaged'],
    languages: {
      de: { keywords: ['lieferung', 'geliefert', 'versand', 'paket', 'sendung', 'zustellung', 'angekommen'], phrases: ['nicht angekommen'] },
      fr: { keywords: ['livraison', 'livré', 'colis', 'expédition', 'envoi'], phrases: ['pas arrivé'] },
      es: { keywords: ['envío', 'entrega', 'paquete', 'pedido', 'llegado', 'llegó'], phrases: ['no ha llegado'] },
      pt: { keywords: ['entrega', 'encomenda', 'envio', 'pacote'], phrases: ['não chegou'] },
      it: { keywords: ['consegna', 'spedizione', 'pacco', 'corriere'], phrases: ['non è arrivato'] },
      nl: { keywords: ['levering', 'bezorging', 'pakket', 'verzending', 'aangekomen'], phrases: [] },
    },
  },
  {
    name: 'login and account',
    keywords: ['login', 'password', 'account', 'username', '2fa', 'locked', 'sso', 'verification'],
    phrases: ['log in', 'sign in', 'reset password', 'locked out', 'two factor', 'verification code'],
    languages: {
      de: { keywords: ['anmelden', 'anmeldung', 'passwort', 'konto', 'kennwort', 'gesperrt', 'einloggen'], phrases: [] },
      fr: { keywords: ['connexion', 'connecter', 'compte', 'identifiant'], phrases: ['mot de passe'] },
      es: { keywords: ['contraseña', 'cuenta', 'acceder', 'acceso'], phrases: ['iniciar sesión'] },
      pt: { keywords: ['senha', 'conta', 'entrar', 'acesso'], phrases: [] },
      it: { keywords: ['accesso', 'accedere', 'account'], phrases: [] },
      nl: { keywords: ['inloggen', 'wachtwoord', 'aanmelden'], phrases: [] },
    },
  },
  {
    name: 'bug or crash',
    keywords: ['bug', 'crash', 'crashes', 'error', 'broken', 'freeze', 'freezes', 'glitch', 'exception'],
    phrases: ['not working', 'stopped working', 'doesn’t work', 'does not work', 'error message', 'blank screen'],
    languages: {
      de: { keywords: ['fehler', 'absturz', 'abstürzt', 'stürzt', 'fehlermeldung', 'kaputt'], phrases: ['funktioniert nicht', 'stürzt ab'] },
      fr: { keywords: ['bug', 'plante', 'plantage', 'erreur', 'bogue'], phrases: ['ne fonctionne pas', 'ne marche pas'] },
      es: { keywords: ['error', 'fallo', 'falla'], phrases: ['no funciona', 'se cierra'] },
      pt: { keywords: ['erro', 'falha', 'travando', 'trava'], phrases: ['não funciona', 'fecha sozinho'] },
      it: { keywords: ['errore', 'blocca', 'crash'], phrases: ['non funziona', 'si blocca'] },
      nl: { keywords: ['fout', 'foutmelding', 'crasht', 'crash'], phrases: ['werkt niet'] },
    },
  },
  {
    name: 'performance',
    keywords: ['slow', 'slowly', 'lag', 'laggy', 'latency', 'timeout', 'performance', 'sluggish'],
    phrases: ['takes forever', 'times out', 'loading forever', 'very slow', 'takes ages'],
    languages: {
      de: { keywords: ['langsam', 'lädt', 'ladezeit', 'verzögerung', 'leistung'], phrases: [] },
      fr: { keywords: ['lent', 'lente', 'lenteur', 'ralentissement'], phrases: [] },
      es: { keywords: ['lento', 'lenta', 'lentitud', 'tarda'], phrases: [] },
      pt: { keywords: ['lento', 'lenta', 'lentidão', 'demora'], phrases: [] },
      it: { keywords: ['lento', 'lenta', 'lentezza'], phrases: [] },
      nl: { keywords: ['traag', 'langzaam', 'trager'], phrases: [] },
    },
  },
  {
    name: 'feature request',
    keywords: ['feature', 'suggestion', 'wish', 'roadmap'],
    phrases: ['would be great', 'would be nice', 'it would be', 'please add', 'feature request', 'be able to', 'is there a way', 'would love'],
    languages: {
      de: { keywords: ['funktion', 'vorschlag', 'wunsch'], phrases: ['wäre toll', 'wäre schön', 'wäre super'] },
      fr: { keywords: ['fonctionnalité', 'suggestion'], phrases: ['serait génial', 'serait bien', 'pouvoir'] },
      es: { keywords: ['funcionalidad', 'sugerencia'], phrases: ['sería genial', 'sería bueno'] },
      pt: { keywords: ['funcionalidade', 'sugestão'], phrases: ['seria ótimo', 'seria bom'] },
      it: { keywords: ['funzionalità', 'suggerimento'], phrases: ['sarebbe bello', 'sarebbe utile'] },
      nl: { keywords: ['functie', 'suggestie'], phrases: ['zou fijn zijn', 'zou handig zijn'] },
    },
  },
  {
    name: 'pricing',
    keywords: ['price', 'pricing', 'expensive', 'cost', 'costs', 'discount', 'upgrade', 'downgrade', 'quote'],
    phrases: ['too expensive', 'price increase', 'pro plan', 'business plan', 'free plan', 'annual plan'],
    languages: {
      de: { keywords: ['preis', 'preise', 'teuer', 'kosten', 'rabatt', 'tarif'], phrases: [] },
      fr: { keywords: ['prix', 'tarif', 'cher', 'coût', 'remise'], phrases: [] },
      es: { keywords: ['precio', 'caro', 'costo', 'descuento', 'tarifa'], phrases: [] },
      pt: { keywords: ['preço', 'caro', 'custo', 'desconto'], phrases: [] },
      it: { keywords: ['prezzo', 'costoso', 'costo', 'sconto'], phrases: [] },
      nl: { keywords: ['prijs', 'duur', 'kosten', 'korting'], phrases: [] },
    },
  },
  {
    name: 'cancellation',
    keywords: ['cancel', 'cancellation', 'unsubscribe', 'terminate', 'termination'],
    phrases: ['cancel my subscription', 'close my account', 'delete my account', 'end my subscription'],
    languages: {
      de: { keywords: ['kündigen', 'kündigung', 'stornieren', 'stornierung', 'abo'], phrases: ['konto löschen'] },
      fr: { keywords: ['résilier', 'résiliation', 'annuler', 'annulation', 'désabonner'], phrases: [] },
      es: { keywords: ['cancelar', 'cancelación', 'baja'], phrases: ['dar de baja'] },
      pt: { keywords: ['cancelar', 'cancelamento'], phrases: [] },
      it: { keywords: ['annullare', 'annullate', 'disdetta', 'disdire'], phrases: [] },
      nl: { keywords: ['opzeggen', 'annuleren', 'opzegging'], phrases: ['zeg op'] },
    },
  },
  {
    name: 'praise',
    keywords: ['love', 'awesome', 'excellent', 'amazing', 'fantastic', 'brilliant', 'kudos'],
    phrases: ['great job', 'great service', 'well done', 'thank you so much', 'keep up', 'great app', 'works perfectly'],
    languages: {
      de: { keywords: ['super', 'toll', 'hervorragend', 'klasse', 'großartig'], phrases: ['vielen dank'] },
      fr: { keywords: ['excellent', 'génial', 'parfait', 'bravo'], phrases: [] },
      es: { keywords: ['excelente', 'genial', 'perfecto'], phrases: ['muchas gracias'] },
      pt: { keywords: ['excelente', 'ótimo', 'perfeito'], phrases: ['muito obrigado'] },
      it: { keywords: ['eccellente', 'ottimo', 'perfetto', 'fantastico'], phrases: ['grazie mille'] },
      nl: { keywords: ['geweldig', 'uitstekend', 'top'], phrases: [] },
    },
  },
  {
    name: 'documentation',
    keywords: ['documentation', 'docs', 'manual', 'guide', 'tutorial', 'faq', 'article'],
    phrases: ['help center', 'knowledge base', 'how do i', 'user guide', 'api reference'],
    languages: {
      de: { keywords: ['dokumentation', 'anleitung', 'handbuch'], phrases: [] },
      fr: { keywords: ['documentation', 'guide', 'tutoriel'], phrases: [] },
      es: { keywords: ['documentación', 'guía', 'manual'], phrases: [] },
      pt: { keywords: ['documentação', 'guia', 'manual'], phrases: [] },
      it: { keywords: ['documentazione', 'guida', 'manuale'], phrases: [] },
      nl: { keywords: ['documentatie', 'handleiding'], phrases: [] },
    },
  },
];
