/**
 * The banking and fintech starter: card, transfer, top-up and verification topics split
 * finely enough that a team lead sees which part of the product a week's questions were
 * about. Written against the kinds of questions in the banking77 training split (never its
 * test split): see docs/analysis.md, "Topics".
 */
import type { TaxonomyTopic } from '../taxonomy';
import { BUG_OR_CRASH, CANCELLATION, FEATURE_REQUEST, LOGIN_AND_ACCOUNT, PRAISE, REFUND } from './general';

export const BANKING_TOPICS: TaxonomyTopic[] = [
  {
    name: 'card delivery',
    keywords: [],
    phrases: ['where is my card', 'locate my card', 'locate my new card', 'card arrive', 'card delivery', 'card deliver', 'new card', 'order card', 'physical card', 'card post', 'card mail', 'spare card', 'another card', 'replacement card', 'card expire', 'card ship', 'get card', 'request card', 'expect card', 'wait card', 'second card', 'additional card', 'card sent'],
    languages: { de: { keywords: [], phrases: ['neue karte'] }, fr: { keywords: [], phrases: ['nouvelle carte'] }, es: { keywords: [], phrases: ['nueva tarjeta'] } },
  },
  {
    name: 'card problems',
    keywords: ['contactless', 'pin', 'visa', 'mastercard'],
    phrases: ['card not working', 'card work', 'card decline', 'activate card', 'card activation', 'virtual card', 'disposable card', 'card accept', 'card blocked', 'card frozen', 'link card', 'card app', 'use card', 'card problem', 'add card', 'card found', 'apple pay', 'google pay', 'card swallow', 'machine keep card'],
    languages: { de: { keywords: ['geldautomat'], phrases: [] }, fr: { keywords: ['distributeur'], phrases: [] }, es: { keywords: ['cajero'], phrases: [] } },
  },
  {
    name: 'lost or stolen',
    keywords: ['stolen', 'fraud', 'compromised', 'hacked', 'unauthorised', 'unauthorized'],
    phrases: ['lost card', 'lost phone', 'lose card', 'lose phone', 'card missing', 'someone used'],
    languages: { de: { keywords: ['gestohlen', 'betrug'], phrases: ['karte verloren'] }, fr: { keywords: ['volé', 'fraude'], phrases: ['carte perdue'] }, es: { keywords: ['robada', 'fraude'], phrases: ['tarjeta perdida'] } },
  },
  {
    name: 'unrecognised payment',
    keywords: ['recognise', 'recognize', 'unrecognised', 'unrecognized', 'dispute', 'suspicious'],
    phrases: ['not remember', 'someone else', 'not make payment', 'not do payment', 'payment not mine', 'direct debit', 'not authorise', 'not authorize'],
    languages: { de: { keywords: [], phrases: ['nicht erkannt'] }, fr: { keywords: [], phrases: [] }, es: { keywords: [], phrases: [] } },
  },
  {
    name: 'pending payment',
    keywords: ['pending', 'reverted', 'reversed'],
    phrases: ['payment go through', 'payment not go', 'payment taking', 'reverted payment', 'payment returned', 'payment reverted', 'payment declined'],
    languages: { de: { keywords: ['ausstehend'], phrases: [] }, fr: { keywords: ['attente'], phrases: [] }, es: { keywords: ['pendiente'], phrases: [] } },
  },
  {
    name: 'fees and charges',
    keywords: ['fee', 'charge', 'charged', 'commission', 'statement'],
    phrases: ['extra charge', 'charged twice', 'charged extra', 'double charged', 'paid twice', 'duplicate', 'multiple times'],
    languages: { de: { keywords: ['abgebucht'], phrases: [] }, fr: { keywords: ['prélevé'], phrases: [] }, es: { keywords: ['cobrado', 'cobro'], phrases: [] } },
  },
  {
    name: 'exchange rates',
    keywords: ['exchange', 'currency', 'abroad', 'overseas', 'foreign'],
    phrases: ['exchange rate', 'currency exchange'],
    languages: { de: { keywords: ['wechselkurs', 'währung'], phrases: [] }, fr: { keywords: ['devise'], phrases: ['taux de change'] }, es: { keywords: ['divisa', 'moneda'], phrases: ['tipo de cambio'] } },
  },
  {
    name: 'transfers',
    keywords: ['transfer', 'beneficiary', 'payee', 'recipient', 'iban', 'swift', 'sepa', 'salary'],
    phrases: ['sent money', 'money transaction', 'send money', 'receive money', 'bank transfer', 'money arrive', 'money account'],
    languages: { de: { keywords: [], phrases: [] }, fr: { keywords: [], phrases: [] }, es: { keywords: [], phrases: [] } },
  },
  {
    name: 'top-ups',
    keywords: ['topup', 'deposit', 'cheque'],
    phrases: ['top up', 'add money', 'add funds', 'auto top'],
    languages: { de: { keywords: ['aufladen', 'aufladung', 'einzahlung'], phrases: [] }, fr: { keywords: ['recharger', 'recharge', 'dépôt'], phrases: [] }, es: { keywords: ['recargar', 'recarga', 'depósito'], phrases: [] } },
  },
  {
    name: 'cash withdrawals',
    keywords: ['withdraw', 'atm'],
    phrases: ['cash machine', 'take money out', 'take out money', 'get cash', 'wrong amount cash'],
    languages: { de: { keywords: ['geldautomat', 'bargeld', 'abhebung'], phrases: [] }, fr: { keywords: ['retrait', 'distributeur'], phrases: [] }, es: { keywords: ['retiro', 'cajero'], phrases: [] } },
  },
  {
    name: 'identity verification',
    keywords: ['verify', 'identity', 'kyc'],
    phrases: ['source of funds', 'proof of address', 'verification code'],
    languages: { de: { keywords: ['identität', 'verifizierung'], phrases: [] }, fr: { keywords: ['identité', 'vérification'], phrases: [] }, es: { keywords: ['identidad', 'verificación'], phrases: [] } },
  },
  { ...LOGIN_AND_ACCOUNT, keywords: ['login', 'password', 'username', '2fa', 'locked', 'sso', 'profile', 'age'], phrases: [...LOGIN_AND_ACCOUNT.phrases, 'open account', 'personal details', 'phone number', 'change details', 'update details'] },
  REFUND,
  { ...CANCELLATION, phrases: [...CANCELLATION.phrases, 'close account', 'delete account', 'keep account'] },
  BUG_OR_CRASH,
  FEATURE_REQUEST,
  PRAISE,
];
