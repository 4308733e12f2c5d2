/**
 * The shape of the generated inbox: how many items per language, the sentiment and channel
 * mix, VIP customers, version numbers, and which agent/customer steps a thread may follow.
 */
import type { Channel, Sentiment } from '../../src/shared/domain';
import type { AgentKind, Lang } from './types';

/** Generated (non-scripted) items per language; the scripted repeat contacts come on top. */
export const LANGUAGE_QUOTA: Record<Lang, number> = { en: 225, de: 36, fr: 32, es: 29, pt: 22 };
export const SENTIMENT_SHARE: Record<Sentiment, number> = { negative: 0.42, neutral: 0.31, positive: 0.27 };
export const CHANNEL_WEIGHTS: (readonly [Channel, number])[] = [
  ['email', 38],
  ['chat', 30],
  ['social', 12],
  ['review', 11],
  ['survey', 9],
];
export const VIP_LANGUAGES: Lang[] = ['en', 'en', 'en', 'de', 'fr'];
export const FIRMWARE = ['4.2.1', '4.2.3', '4.3.0'];
export const APP_VERSIONS = ['5.12.0', '5.12.1', '5.13.0'];
export const SOCIAL_TAILS: Record<Sentiment, string[]> = {
  negative: ['😡', '🙄', '😤', '👎'],
  neutral: ['🤔'],
  positive: ['❤️', '🙌', '👏', '😍'],
};

/** One turn in a thread after the first message. */
export type Step = AgentKind | 'thanks' | 'note' | 'info' | 'cthanks' | 'still';

export const FULL_PATTERNS: Record<Sentiment, (readonly [Step[], number])[]> = {
  negative: [
    [['ask'], 3],
    [['ask', 'info'], 2],
    [['ask', 'info', 'resolve'], 3],
    [['ask', 'info', 'resolve', 'cthanks'], 2],
    [['answer'], 4],
    [['answer', 'still'], 2],
    [['answer', 'still', 'note'], 1],
    [['answer', 'cthanks'], 1],
    [['note', 'answer'], 2],
    [['resolve'], 2],
    [['resolve', 'cthanks'], 2],
    [['note'], 1],
  ],
  neutral: [
    [['answer'], 5],
    [['answer', 'cthanks'], 3],
    [['ask'], 2],
    [['ask', 'info', 'answer'], 2],
    [['ask', 'info', 'answer', 'cthanks'], 1],
    [['note', 'answer'], 1],
    [['resolve'], 2],
    [['resolve', 'cthanks'], 1],
  ],
  positive: [
    [['thanks'], 5],
    [['note'], 2],
    [['thanks', 'note'], 1],
    [['note', 'thanks'], 1],
  ],
};

export const CHANNEL_PATTERNS: Partial<Record<Channel, Record<Sentiment, (readonly [Step[], number])[]>>> = {
  review: {
    negative: [
      [['answer'], 3],
      [['note'], 1],
      [['note', 'answer'], 1],
    ],
    neutral: [[['answer'], 1]],
    positive: [[['thanks'], 1]],
  },
  survey: {
    negative: [
      [['note'], 2],
      [['answer'], 1],
      [['note', 'answer'], 1],
    ],
    neutral: [[['note'], 1]],
    positive: [[['note'], 1]],
  },
  social: {
    negative: [
      [['ask'], 2],
      [['ask', 'info'], 1],
      [['answer'], 2],
      [['ask', 'info', 'resolve'], 1],
    ],
    neutral: [[['answer'], 1]],
    positive: [
      [['thanks'], 2],
      [['note'], 1],
    ],
  },
};
