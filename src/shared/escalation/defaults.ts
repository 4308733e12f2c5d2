/**
 * What a new store starts with: the usual teams and a handful of rules most support teams
 * want on day one. Every rule only suggests (autoEscalate false); a person decides.
 */
import type { RuleCondition, RuleDefinition } from './schema';

export const defaultTargets: readonly { key: string; name: string }[] = [
  { key: 'tier2', name: 'Tier 2' },
  { key: 'billing', name: 'Billing' },
  { key: 'engineering', name: 'Engineering' },
  { key: 'legal', name: 'Legal' },
  { key: 'success', name: 'Customer Success' },
];

const keywords = (terms: string[]): RuleCondition => ({ kind: 'keywords', terms, match: 'any' });

function shipped(key: string, name: string, conditions: RuleCondition[], actions: Partial<RuleDefinition['actions']>, match: 'all' | 'any' = 'all') {
  const rule: RuleDefinition = {
    name,
    enabled: true,
    match,
    conditions,
    actions: { escalateTo: null, priority: null, addTag: null, ...actions },
    autoEscalate: false,
  };
  return { key, rule };
}

/** Shipped rules; escalateTo holds a target KEY from defaultTargets (the store maps keys to ids when seeding). */
export const defaultRules: readonly { key: string; rule: RuleDefinition }[] = [
  shipped(
    'legal-threat',
    'Legal threat',
    [
      keywords([
        'lawyer',
        'attorney',
        'legal action',
        'lawsuit',
        'sue',
        'suing',
        'court',
        'small claims',
        'GDPR complaint',
        'data protection authority',
        'abogado',
        'demanda',
        'avocat',
        'poursuites',
        'Anwalt',
        'Klage',
      ]),
    ],
    { escalateTo: 'legal', priority: 'urgent' },
  ),
  shipped(
    'security',
    'Security concern',
    [keywords(['hacked', 'security breach', 'data breach', 'unauthorized', 'unauthorised', 'phishing', 'account takeover', 'stolen password', 'vulnerability'])],
    { escalateTo: 'engineering', priority: 'urgent', addTag: 'security' },
  ),
  shipped(
    'outage',
    'Outage or data loss',
    [
      keywords(['outage', 'down', 'not loading', 'data loss', 'lost data', 'lost all', 'crash', 'crashes', 'crashing', 'corrupted', 'caída', 'panne', 'Ausfall']),
      { kind: 'urgency', atLeast: 'high' },
    ],
    { escalateTo: 'engineering', priority: 'urgent' },
  ),
  shipped(
    'vip-unhappy',
    'VIP unhappy',
    [
      { kind: 'tier', tiers: ['vip'] },
      { kind: 'sentiment', labels: ['negative'], scoreAtMost: null },
    ],
    { escalateTo: 'success', priority: 'high' },
  ),
  shipped(
    'refund-valued',
    'Refund or chargeback from a VIP or premium customer',
    [
      { kind: 'tier', tiers: ['vip', 'premium'] },
      keywords(['refund', 'chargeback', 'money back', 'reimburse', 'dispute', 'reembolso', 'remboursement', 'Rückerstattung', 'Erstattung']),
    ],
    { escalateTo: 'billing', priority: 'high' },
  ),
  shipped('repeat-contact', 'Repeat contact', [{ kind: 'repeat', contacts: 3, withinDays: 7 }], { escalateTo: 'tier2', priority: 'high' }),
  // Every breach is already in the Breached view; a rule suggests handing on only the
  // pressing ones, so the Flagged view stays a short list a person can work through.
  shipped(
    'sla-breached',
    'Urgent case past its SLA',
    [
      { kind: 'sla', state: 'breached', withinMinutes: 60 },
      { kind: 'urgency', atLeast: 'high' },
    ],
    { escalateTo: 'tier2', priority: 'high' },
  ),
];
