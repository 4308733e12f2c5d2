import { Badge, Group, Table, Text } from '@mantine/core';
import type { FeedbackSummary } from '../../../shared/contract';
import { channelLabels, statusLabels, type Sentiment } from '../../../shared/domain';
import { ageLabel, dateTimeLabel } from '../format';

// Neutral is drawn as an outline, not a filled grey block, so it recedes in both schemes.
const sentimentStyle: Record<Sentiment, { color: string; label: string; variant: 'light' | 'default' }> = {
  negative: { color: 'red', label: 'Negative', variant: 'light' },
  neutral: { color: 'gray', label: 'Neutral', variant: 'default' },
  positive: { color: 'teal', label: 'Positive', variant: 'light' },
};

// Beyond a few tags the cell turns into noise; the rest are counted.
const visibleTags = 3;

function SentimentBadge({ sentiment }: { sentiment: Sentiment | null }) {
  if (sentiment === null) {
    return (
      <Text size="xs" c="dimmed">
        Not analysed
      </Text>
    );
  }
  const { color, label, variant } = sentimentStyle[sentiment];
  return (
    <Badge color={color} variant={variant} size="md" radius="sm" tt="none" fw={600}>
      {label}
    </Badge>
  );
}

function CustomerCell({ item }: { item: FeedbackSummary }) {
  const customer = item.customer;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={item.unread ? 600 : 400} truncate="end">
        {customer?.name ?? 'Unknown customer'}
      </Text>
      {customer?.tier === 'vip' && (
        <Badge color="yellow" variant="filled" autoContrast size="sm" radius="sm" style={{ flexShrink: 0 }} aria-label="VIP customer">
          VIP
        </Badge>
      )}
    </Group>
  );
}

function SubjectCell({ item }: { item: FeedbackSummary }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap">
        {item.escalated && (
          <Badge color="red" variant="outline" size="xs" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            Escalated
          </Badge>
        )}
        <Text size="sm" fw={item.unread ? 600 : 500} truncate="end">
          {item.subject ?? item.preview}
        </Text>
      </Group>
      {item.subject !== null && (
        <Text size="xs" c="dimmed" truncate="end">
          {item.preview}
        </Text>
      )}
    </div>
  );
}

function TagsCell({ tags }: { tags: FeedbackSummary['tags'] }) {
  const shown = tags.slice(0, visibleTags);
  const hidden = tags.length - shown.length;
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((tag) => (
        <Badge key={tag.name} variant="default" size="sm" radius="sm" tt="none" fw={500}>
          {tag.name}
        </Badge>
      ))}
      {hidden > 0 && (
        <Text size="xs" c="dimmed" aria-label={`${hidden} more tags`}>
          +{hidden}
        </Text>
      )}
    </Group>
  );
}

export function FeedbackTable({ items, now }: { items: FeedbackSummary[]; now: number }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="sm"
        layout="fixed"
        aria-label="Customer feedback"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>Customer</Table.Th>
            <Table.Th w={90}>Channel</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th w={110}>Sentiment</Table.Th>
            <Table.Th w={220}>Tags</Table.Th>
            <Table.Th w={90}>Status</Table.Th>
            <Table.Th w={60} ta="right">
              Age
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} h={52} data-testid="feedback-row" data-unread={item.unread || undefined}>
              <Table.Td>
                <CustomerCell item={item} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{channelLabels[item.channel]}</Text>
              </Table.Td>
              <Table.Td>
                <SubjectCell item={item} />
              </Table.Td>
              <Table.Td>
                <SentimentBadge sentiment={item.sentiment} />
              </Table.Td>
              <Table.Td>
                <TagsCell tags={item.tags} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{statusLabels[item.status]}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c="dimmed" title={dateTimeLabel(item.receivedAt)}>
                  <time dateTime={new Date(item.receivedAt).toISOString()}>{ageLabel(item.receivedAt, now)}</time>
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
