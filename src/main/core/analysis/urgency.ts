/**
 * Urgency: a priority suggestion with its reasons. Text cues (legal threat, churn, safety,
 * outage) are matched like topics (stems and phrases, per language); the customer's tier,
 * repeated contact, the item's age and negative sentiment add to the score.
 *
 * Score: each cue adds its points; levels are low <= 0 < normal <= 2 < high <= 4 < urgent.
 * Reasons are short lower-case phrases ("legal threat: “lawyer”", "waiting 3 days") that
 * the UI can join or capitalise.
 */
import type { UrgencyLevel } from '../../../shared/contract';
import type { CustomerTier } from '../../../shared/domain';
import type { SentimentResult } from './sentiment';
import { matchTerms, matcherFor, type MatcherEntry } from './topics';

export interface Urgency {
  level: UrgencyLevel;
  score: number;
  reasons: string[];
}

interface Cue extends MatcherEntry {
  points: number;
  /** The reason, before the quoted cue words. */
  reason: string;
}

export const URGENCY_CUES: Cue[] = [
  {
    name: 'legal',
    reason: 'legal threat',
    points: 4,
    keywords: ['lawyer', 'attorney', 'sue', 'suing', 'lawsuit', 'chargeback', 'ombudsman', 'solicitor'],
    phrases: ['consumer protection', 'legal action', 'small claims', 'trading standards', 'take you to court', 'report you'],
    languages: {
      de: { keywords: ['anwalt', 'rechtsanwalt', 'klage', 'verklagen', 'verbraucherzentrale', 'rückbuchung'], phrases: ['rechtliche schritte'] },
      fr: { keywords: ['avocat', 'procès', 'plainte'], phrases: ['protection des consommateurs', 'action en justice'] },
      es: { keywords: ['abogado', 'demanda', 'demandar', 'denuncia'], phrases: ['protección al consumidor'] },
    },
  },
  {
    name: 'safety',
    reason: 'safety',
    points: 5,
    keywords: ['injury', 'injured', 'fire', 'smoke', 'smoking', 'unsafe', 'dangerous', 'burn', 'burned', 'shock', 'overheating', 'explode', 'exploded', 'hazard'],
    phrases: ['caught fire', 'electric shock'],
    languages: {
      de: { keywords: ['verletzt', 'verletzung', 'feuer', 'brand', 'rauch', 'gefährlich', 'überhitzt'], phrases: [] },
      fr: { keywords: ['blessé', 'blessure', 'incendie', 'feu', 'fumée', 'dangereux'], phrases: [] },
      es: { keywords: ['herido', 'lesión', 'incendio', 'fuego', 'humo', 'peligroso'], phrases: [] },
    },
  },
  {
    name: 'outage',
    reason: 'outage',
    points: 3,
    keywords: ['outage', 'downtime', 'offline'],
    phrases: ['is down', 'are down', 'went down', 'site down', 'server down', 'service down', 'app down', 'not working for anyone', 'nobody can', 'no one can', 'all users', 'whole team', 'entire team', 'status page'],
    languages: {
      de: { keywords: ['ausfall', 'störung'], phrases: ['geht nicht mehr', 'niemand kann'] },
      fr: { keywords: ['panne'], phrases: ['personne ne peut'] },
      es: { keywords: ['caída', 'caído'], phrases: ['nadie puede'] },
    },
  },
  {
    name: 'churn',
    reason: 'churn risk',
    points: 2,
    keywords: ['unsubscribe', 'competitor'],
    phrases: ['cancel my subscription', 'cancel my account', 'close my account', 'switching to', 'switch to', 'moving to', 'going elsewhere', 'last chance', 'cancel my plan'],
    languages: {
      de: { keywords: ['kündigen', 'kündigung', 'wechseln', 'konkurrenz'], phrases: [] },
      fr: { keywords: ['résilier', 'résiliation', 'concurrent'], phrases: [] },
      es: { keywords: ['cancelar', 'competencia'], phrases: ['dar de baja'] },
    },
  },
];

export interface UrgencyInput {
  words: readonly string[];
  stems: readonly string[];
  language: string | null;
  sentiment: SentimentResult | null;
  customerTier?: CustomerTier | null;
  contactCount?: number;
  receivedAt?: number;
  now?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function levelOf(score: number): UrgencyLevel {
  if (score <= 0) return 'low';
  if (score <= 2) return 'normal';
  if (score <= 4) return 'high';
  return 'urgent';
}

const quote = (words: readonly string[]): string => words.slice(0, 2).map((w) => `“${w}”`).join(', ');

export function assessUrgency(input: UrgencyInput): Urgency {
  return finishUrgency(urgencyCues(input), input);
}

/** The text cues and the tier: what needs neither the store nor the clock (the import's parse worker). */
export interface UrgencyCues {
  score: number;
  reasons: string[];
}

export function urgencyCues(input: Pick<UrgencyInput, 'words' | 'stems' | 'language' | 'customerTier'>): UrgencyCues {
  let score = 1;
  const reasons: string[] = [];
  const hits = matchTerms(matcherFor(URGENCY_CUES, input.language), input.words, input.stems);
  URGENCY_CUES.forEach((cue, i) => {
    const words = hits.get(i);
    if (!words) return;
    score += cue.points;
    reasons.push(`${cue.reason}: ${quote(words)}`);
  });
  if (input.customerTier === 'vip') {
    score += 2;
    reasons.push('VIP customer');
  } else if (input.customerTier === 'premium') {
    score += 1;
    reasons.push('premium customer');
  }
  return { score, reasons };
}

/** Adds repeated contact, age and sentiment to the cues: the part that reads the store's count and the clock. */
export function finishUrgency(cues: UrgencyCues, input: Pick<UrgencyInput, 'sentiment' | 'contactCount' | 'receivedAt' | 'now'>): Urgency {
  let score = cues.score;
  const reasons = [...cues.reasons];
  const contacts = input.contactCount ?? 0;
  if (contacts >= 3) {
    score += contacts >= 5 ? 2 : 1;
    reasons.push(`contacted ${contacts} times`);
  }
  if (input.receivedAt !== undefined) {
    const age = (input.now ?? Date.now()) - input.receivedAt;
    if (age > 48 * HOUR) {
      const days = Math.floor(age / DAY);
      score += days >= 7 ? 2 : 1;
      reasons.push(`waiting ${days} days`);
    }
  }
  const s = input.sentiment;
  if (s?.label === 'negative') {
    score += s.score <= -0.6 ? 2 : 1;
    reasons.push(s.score <= -0.6 ? 'very negative sentiment' : 'negative sentiment');
  } else if (s?.label === 'positive' && reasons.length === 0) {
    score -= 1;
  }
  return { level: levelOf(score), score, reasons };
}
