/** Chart colours: one hue per channel and sentiment, grey for the comparison. */
import type { Channel } from '../../../../shared/domain';

export const channelColors: Record<Channel, string> = {
  email: 'indigo.6',
  chat: 'teal.6',
  survey: 'grape.5',
  review: 'yellow.6',
  social: 'pink.5',
};

export const sentimentChartColors = { negative: 'red.6', neutral: 'gray.5', positive: 'teal.6', unknown: 'gray.3' } as const;

/** A CSS variable set on the screen, so the comparison stays quiet in dark mode too. */
export const comparisonColor = 'var(--report-ghost)';
