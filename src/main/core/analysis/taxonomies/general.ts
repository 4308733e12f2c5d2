/**
 * The general taxonomy: what new inboxes start with and what "Restore defaults" brings.
 * It covers the common support domains (accounts, cards and payments, transfers, refunds,
 * delivery, billing, bugs, speed, requests, pricing, cancellation, praise, docs). Names stay
 * those of the first shipped taxonomy where the meaning did not change: templates, rules and
 * saved views refer to topics by name.
 *
 * Words are read through taxonomies/synonyms.ts first: "locate card" also matches "where is
 * my card" and "track my card"; "not arrive" matches "hasn't come yet". Phrases of content
 * words may skip three words and two-word ones may swap ("transfer fee", "fee for a transfer").
 */
import type { TaxonomyTopic } from '../taxonomy';

export const BILLING: TaxonomyTopic = {
  name: 'billing',
  keywords: ['invoice', 'billing', 'billed', 'charge', 'charged', 'receipt', 'vat', 'overcharged', 'fee', 'statement'],
  phrases: ['charged twice', 'double charged', 'wrong amount', 'payment failed', 'billing address', 'extra charge', 'charged more'],
  languages: {
    de: { keywords: ['rechnung', 'abgebucht', 'abbuchung', 'mehrwertsteuer', 'quittung'], phrases: ['doppelt abgebucht'] },
    fr: { keywords: ['facture', 'facturation', 'prélevé', 'prélèvement', 'tva'], phrases: ['deux fois'] },
    es: { keywords: ['factura', 'cobro', 'cobraron', 'cobrado', 'iva'], phrases: ['dos veces'] },
    pt: { keywords: ['fatura', 'cobrado', 'cobrança'], phrases: [] },
    it: { keywords: ['fattura', 'addebitato', 'addebito'], phrases: [] },
    nl: { keywords: ['factuur', 'afgeschreven'], phrases: [] },
  },
};

export const REFUND: TaxonomyTopic = {
  name: 'refund',
  keywords: ['refund', 'refunded', 'chargeback'],
  phrases: ['money back', 'return the item', 'get my money', 'dispute charge', 'dispute payment'],
  languages: {
    de: { keywords: ['rückerstattung', 'erstattung', 'erstatten', 'zurückerstatten', 'rückzahlung'], phrases: ['geld zurück'] },
    fr: { keywords: ['remboursement', 'rembourser', 'remboursé'], phrases: [] },
    es: { keywords: ['reembolso', 'reembolsar', 'devolución'], phrases: ['devolver el dinero'] },
    pt: { keywords: ['reembolso', 'estorno'], phrases: [] },
    it: { keywords: ['rimborso', 'rimborsare'], phrases: [] },
    nl: { keywords: ['terugbetaling', 'restitutie'], phrases: ['geld terug'] },
  },
};

export const DELIVERY: TaxonomyTopic = {
  name: 'delivery',
  keywords: ['delivery', 'delivered', 'shipping', 'shipment', 'shipped', 'parcel', 'courier', 'dispatched'],
  phrases: ['order arrive', 'parcel arrive', 'where is my order', 'locate my order', 'where is my parcel', 'locate my parcel', 'tracking number', 'wrong address', 'arrived damaged', 'order late'],
  languages: {
    de: { keywords: ['lieferung', 'geliefert', 'versand', 'zustellung'], phrases: ['bestellung arrive'] },
    fr: { keywords: ['livraison', 'livré', 'expédition', 'envoi'], phrases: ['commande arrive'] },
    es: { keywords: ['envío', 'entrega', 'pedido'], phrases: [] },
    pt: { keywords: ['entrega', 'envio'], phrases: [] },
    it: { keywords: ['consegna', 'spedizione', 'corriere'], phrases: [] },
    nl: { keywords: ['levering', 'bezorging', 'verzending'], phrases: [] },
  },
};

export const LOGIN_AND_ACCOUNT: TaxonomyTopic = {
  name: 'login and account',
  keywords: ['login', 'password', 'username', '2fa', 'locked', 'sso', 'verify', 'identity', 'profile', 'forgot', 'forgotten'],
  phrases: ['log in', 'sign in', 'reset password', 'locked out', 'two factor', 'verification code', 'personal details', 'personal information', 'change details', 'change address', 'new address', 'change name', 'phone number', 'contact information', 'access my account', 'open account', 'account details', 'account blocked', 'account frozen', 'lost phone', 'stolen phone', 'minimum age', 'how old', 'age limit', 'source of funds'],
  languages: {
    de: { keywords: ['anmelden', 'anmeldung', 'passwort', 'konto', 'kennwort', 'gesperrt', 'einloggen'], phrases: [] },
    fr: { keywords: ['connexion', 'connecter', 'compte', 'identifiant'], phrases: ['mot de passe'] },
    es: { keywords: ['contraseña', 'cuenta', 'acceder', 'acceso'], phrases: ['iniciar sesión'] },
    pt: { keywords: ['senha', 'conta', 'entrar', 'acesso'], phrases: [] },
    it: { keywords: ['accesso', 'accedere', 'account'], phrases: [] },
    nl: { keywords: ['inloggen', 'wachtwoord', 'aanmelden'], phrases: [] },
  },
};

export const CARDS_AND_PAYMENTS: TaxonomyTopic = {
  name: 'cards and payments',
  keywords: ['card', 'cards', 'debit', 'visa', 'mastercard', 'contactless', 'pin', 'withdraw', 'cash', 'payment', 'payments', 'transaction', 'purchase'],
  phrases: ['where is my card', 'locate my card', 'card arrive', 'apple pay', 'google pay', 'cash machine', 'credit card', 'card declined'],
  languages: {
    de: { keywords: ['kreditkarte', 'zahlung', 'geldautomat', 'kartenzahlung', 'bargeld'], phrases: [] },
    fr: { keywords: ['paiement', 'cb', 'distributeur', 'retrait'], phrases: ['carte bancaire'] },
    es: { keywords: ['pago', 'cajero', 'retiro'], phrases: ['tarjeta de crédito'] },
    pt: { keywords: ['pagamento', 'saque', 'multibanco'], phrases: ['cartão de crédito'] },
    it: { keywords: ['pagamento', 'bancomat', 'prelievo'], phrases: ['carta di credito'] },
    nl: { keywords: ['betaling', 'pinautomaat', 'pinnen'], phrases: [] },
  },
};

export const TRANSFERS: TaxonomyTopic = {
  name: 'transfers',
  keywords: ['transfer', 'beneficiary', 'payee', 'recipient', 'iban', 'swift', 'sepa', 'topup', 'deposit', 'cheque', 'currency', 'exchange', 'balance', 'salary'],
  phrases: ['send money', 'sent money', 'receive money', 'top up', 'add money', 'bank transfer', 'exchange rate', 'money account', 'money arrive'],
  languages: {
    de: { keywords: ['aufladen', 'aufladung', 'wechselkurs', 'währung', 'einzahlung'], phrases: [] },
    fr: { keywords: ['recharger', 'recharge', 'devise', 'dépôt'], phrases: ['taux de change'] },
    es: { keywords: ['recargar', 'recarga', 'divisa', 'moneda', 'depósito'], phrases: ['tipo de cambio'] },
    pt: { keywords: ['recarregar', 'recarga', 'moeda', 'depósito', 'câmbio'], phrases: [] },
    it: { keywords: ['ricarica', 'ricaricare', 'valuta', 'cambio', 'deposito'], phrases: [] },
    nl: { keywords: ['opwaarderen', 'valuta', 'wisselkoers', 'storting'], phrases: [] },
  },
};

export const BUG_OR_CRASH: TaxonomyTopic = {
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
};

export const PERFORMANCE: TaxonomyTopic = {
  name: 'performance',
  keywords: ['slow', 'slowly', 'lag', 'laggy', 'latency', 'timeout', 'sluggish'],
  phrases: ['performance issue', 'poor performance', 'bad performance', 'takes forever', 'times out', 'loading forever', 'very slow', 'takes ages'],
  languages: {
    de: { keywords: ['langsam', 'lädt', 'ladezeit', 'verzögerung', 'leistung'], phrases: [] },
    fr: { keywords: ['lent', 'lente', 'lenteur', 'ralentissement'], phrases: [] },
    es: { keywords: ['lento', 'lenta', 'lentitud', 'tarda'], phrases: [] },
    pt: { keywords: ['lento', 'lenta', 'lentidão', 'demora'], phrases: [] },
    it: { keywords: ['lento', 'lenta', 'lentezza'], phrases: [] },
    nl: { keywords: ['traag', 'langzaam', 'trager'], phrases: [] },
  },
};

export const FEATURE_REQUEST: TaxonomyTopic = {
  name: 'feature request',
  keywords: ['feature', 'suggestion', 'wish', 'roadmap'],
  phrases: ['would be great', 'would be nice', 'it would be', 'please add', 'feature request', 'would love'],
  languages: {
    de: { keywords: ['funktion', 'vorschlag', 'wunsch'], phrases: ['wäre toll', 'wäre schön', 'wäre super'] },
    fr: { keywords: ['fonctionnalité', 'suggestion'], phrases: ['serait génial', 'serait bien'] },
    es: { keywords: ['funcionalidad', 'sugerencia'], phrases: ['sería genial', 'sería bueno'] },
    pt: { keywords: ['funcionalidade', 'sugestão'], phrases: ['seria ótimo', 'seria bom'] },
    it: { keywords: ['funzionalità', 'suggerimento'], phrases: ['sarebbe bello', 'sarebbe utile'] },
    nl: { keywords: ['functie', 'suggestie'], phrases: ['zou fijn zijn', 'zou handig zijn'] },
  },
};

export const PRICING: TaxonomyTopic = {
  name: 'pricing',
  keywords: ['price', 'pricing', 'expensive', 'cost', 'costs', 'discount', 'upgrade', 'downgrade', 'quote'],
  phrases: ['too expensive', 'price increase', 'pro plan', 'business plan', 'free plan', 'annual plan'],
  languages: {
    de: { keywords: ['preis', 'preise', 'teuer', 'kosten', 'rabatt', 'tarif'], phrases: [] },
    fr: { keywords: ['prix', 'tarif', 'cher', 'coût', 'remise'], phrases: [] },
    es: { keywords: ['precio', 'caro', 'costo', 'descuento', 'tarifa'], phrases: [] },
    pt: { keywords: ['preço', 'caro', 'custo', 'desconto'], phrases: [] },
    it: { keywords: ['prezzo', 'costoso', 'costo', 'sconto'], phrases: [] },
    nl: { keywords: ['prijs', 'duur', 'korting'], phrases: [] },
  },
};

export const CANCELLATION: TaxonomyTopic = {
  name: 'cancellation',
  keywords: ['cancel', 'unsubscribe'],
  phrases: ['cancel my subscription', 'close my account', 'delete my account', 'end my subscription', 'close account', 'delete account', 'shut down my account', 'end my account', 'stop my account', 'no longer want'],
  languages: {
    de: { keywords: ['kündigen', 'kündigung', 'stornieren', 'stornierung', 'abo'], phrases: ['konto löschen'] },
    fr: { keywords: ['résilier', 'résiliation', 'annuler', 'annulation', 'désabonner'], phrases: [] },
    es: { keywords: ['cancelar', 'cancelación', 'baja'], phrases: ['dar de baja'] },
    pt: { keywords: ['cancelar', 'cancelamento'], phrases: [] },
    it: { keywords: ['annullare', 'annullate', 'disdetta', 'disdire'], phrases: [] },
    nl: { keywords: ['opzeggen', 'annuleren', 'opzegging'], phrases: ['zeg op'] },
  },
};

export const PRAISE: TaxonomyTopic = {
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
};

/** "How do I …" alone is a question, not a documentation request: only words about docs count. */
export const DOCUMENTATION: TaxonomyTopic = {
  name: 'documentation',
  keywords: ['documentation', 'docs', 'manual', 'tutorial', 'faq', 'article'],
  phrases: ['help center', 'knowledge base', 'user guide', 'api reference', 'setup guide'],
  languages: {
    de: { keywords: ['dokumentation', 'anleitung', 'handbuch'], phrases: [] },
    fr: { keywords: ['documentation', 'tutoriel'], phrases: [] },
    es: { keywords: ['documentación', 'guía', 'manual'], phrases: [] },
    pt: { keywords: ['documentação', 'guia', 'manual'], phrases: [] },
    it: { keywords: ['documentazione', 'guida', 'manuale'], phrases: [] },
    nl: { keywords: ['documentatie', 'handleiding'], phrases: [] },
  },
};
