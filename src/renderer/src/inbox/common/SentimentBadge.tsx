import { Badge, type BadgeProps } from '@mantine/core';
import type { Sentiment } from '../../../../shared/domain';
import { sentimentColors, sentimentLabels } from '../model/labels';

/** Colour and a word, never colour alone; neutral is an outline so it recedes. */
export function SentimentBadge({ sentiment, size = 'sm', ...rest }: { sentiment: Sentiment } & BadgeProps) {
  return (
    <Badge
      color={sentimentColors[sentiment]}
      variant={sentiment === 'neutral' ? 'default' : 'light'}
      size={size}
      radius="sm"
      tt="none"
      fw={600}
      {...rest}
    >
      {sentimentLabels[sentiment]}
    </Badge>
  );
}
