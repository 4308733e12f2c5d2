import { Anchor, Badge, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconChevronUp, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FeedbackDetail } from '../../../../shared/contract';
import { unknownCustomerLabel } from '../../../../shared/people';
import { ageLabel } from '../../format';
import { SentimentBadge } from '../common/SentimentBadge';
import { Shortcut } from '../../common/Shortcut';
import { StatusLabel } from '../common/StatusDot';
import { openFeedback } from '../flows/detail';
import { removeTag } from '../flows/triage';
import { sourceLabels } from '../model/labels';
import { useDetailLayout } from '../state/detail-layout';
import { useOverlay } from '../state/overlay';
import { useQuery } from '../state/query';
import { useNow } from '../useNow';
import { SentimentWhy, UrgencyBadge } from './Explanation';
import { actOnEscalations } from '../../escalation/flows';
import { agoLabel, clockLine, priorityTones } from '../../escalation/model/wording';
import classes from './detail.module.css';

export const tierBadges = {
  vip: { label: 'VIP', color: 'yellow', variant: 'filled' },
  premium: { label: 'Premium', color: 'violet', variant: 'light' },
  standard: { label: 'Standard', color: 'gray', variant: 'default' },
} as const;

const scoreFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const shownEarlier = 3;

function Customer({ detail }: { detail: FeedbackDetail }) {
  const customer = detail.customer;
  const now = useNow();
  const [all, setAll] = useState(false);
  if (!customer) return <Text size="sm">{unknownCustomerLabel}</Text>;
  const tier = tierBadges[customer.tier];
  const earlier = all ? customer.earlier : customer.earlier.slice(0, shownEarlier);
  const others = customer.contactCount - 1;
  return (
    <div data-testid="customer-card">
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={600} truncate="end">
          {customer.name}
        </Text>
        {customer.tier !== 'standard' && (
          <Badge size="sm" radius="sm" tt="none" color={tier.color} variant={tier.variant} autoContrast style={{ flexShrink: 0 }} data-testid="customer-tier">
            {tier.label}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate="end">
        {customer.email ?? 'No e-mail address'} ·{' '}
        {others === 0 ? 'first contact' : `${others} earlier ${others === 1 ? 'contact' : 'contacts'}`}
        {others > 0 && (
          <>
            {' · '}
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => useQuery.getState().customerFiltered({ id: customer.id, name: customer.name })}
            >
              show all in list
            </Anchor>
          </>
        )}
      </Text>
      {earlier.length > 0 && (
        <ul className={classes.earlier} aria-label={`Earlier conversations with ${customer.name}`}>
          {earlier.map((item) => (
            <li key={item.id}>
              <button type="button" className={classes.earlierLink} onClick={() => void openFeedback(item.id)} data-testid="earlier-contact">
                <span className={classes.earlierTitle}>{item.subject ?? item.preview}</span>
                {item.sentiment && <SentimentBadge sentiment={item.sentiment} size="xs" />}
                <StatusLabel status={item.status} />
                <Text span size="xs" c="dimmed" w={28} ta="right">
                  {ageLabel(item.receivedAt, now)}
                </Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {customer.earlier.length > shownEarlier && (
        <Anchor component="button" type="button" size="xs" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${customer.earlier.length - shownEarlier} more`}
        </Anchor>
      )}
    </div>
  );
}

function Sentiment({ detail }: { detail: FeedbackDetail }) {
  return (
    <div data-testid="sentiment-section">
      <Group gap={8} wrap="nowrap">
        {detail.sentiment ? <SentimentBadge sentiment={detail.sentiment} /> : <Text size="sm">Not analysed yet</Text>}
        {detail.sentimentSource && (
          <Text size="xs" c="dimmed" data-testid="sentiment-source">
            {sourceLabels[detail.sentimentSource]}
            {detail.sentimentScore !== null && ` · score ${scoreFormat.format(detail.sentimentScore)}`}
          </Text>
        )}
        <span style={{ flex: 1 }} />
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => useOverlay.getState().overlayOpened({ kind: 'sentiment', ids: [detail.id] })}
          rightSection={<Shortcut keys={['s']} />}
          data-testid="sentiment-override"
        >
          Override
        </Button>
      </Group>
      <SentimentWhy detail={detail} />
    </div>
  );
}

function Tags({ detail }: { detail: FeedbackDetail }) {
  return (
    <Group gap={6} data-testid="tags-section">
      {detail.tags.map((tag) => (
        <Tooltip key={tag.name} label={sourceLabels[tag.source]} openDelay={300}>
          <Badge
            variant="default"
            radius="sm"
            tt="none"
            fw={500}
            size="md"
            pr={2}
            data-testid="detail-tag"
            rightSection={
              <button
                type="button"
                onClick={() => void removeTag(tag.name, [detail.id])}
                aria-label={`Remove the tag ${tag.name}`}
                style={{ all: 'unset', display: 'inline-flex', cursor: 'pointer', padding: 2, borderRadius: 3 }}
              >
                <IconX size={11} />
              </button>
            }
          >
            {tag.name}
          </Badge>
        </Tooltip>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconPlus size={12} />}
        rightSection={<Shortcut keys={['t']} />}
        onClick={() => useOverlay.getState().overlayOpened({ kind: 'tags', ids: [detail.id] })}
        data-testid="tag-add"
      >
        Add tag
      </Button>
    </Group>
  );
}

function OpenEscalation({ detail }: { detail: FeedbackDetail }) {
  const now = useNow();
  const escalation = detail.escalation;
  if (!escalation) return null;
  return (
    <div data-testid="escalation-section">
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={600} truncate="end">
          {escalation.targetName}
        </Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {agoLabel(escalation.createdAt, now)}{escalation.source === 'rule' ? ' · by a rule' : ''}
        </Text>
        <span style={{ flex: 1 }} />
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconCheck size={12} />} onClick={() => void actOnEscalations([escalation.id], 'resolve')} data-testid="detail-escalation-resolve">
          Resolve
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={12} />} onClick={() => void actOnEscalations([escalation.id], 'deescalate')} data-testid="detail-escalation-deescalate">
          De-escalate
        </Button>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={3}>
        {escalation.reason}
        {escalation.note && ` · Note: ${escalation.note}`}
      </Text>
    </div>
  );
}

const clockColours: Record<string, string | undefined> = { breached: 'var(--mantine-color-red-text)', 'due-soon': 'var(--mantine-color-orange-text)' };

function SlaClocks({ detail }: { detail: FeedbackDetail }) {
  const now = useNow();
  const lines = detail.slaClocks.map((clock) => clockLine(clock, now));
  return (
    <Text size="xs" component="div" data-testid="sla-clocks" style={{ paddingTop: 2 }}>
      {lines.map((line, i) => (
        <span key={line.kind} style={{ color: clockColours[line.tone] ?? (line.tone === 'ok' ? undefined : 'var(--mantine-color-dimmed)'), fontWeight: clockColours[line.tone] ? 600 : undefined }}>
          {i > 0 && <span style={{ color: 'var(--mantine-color-dimmed)', fontWeight: 400 }}> · </span>}
          {line.text}
        </span>
      ))}
    </Text>
  );
}

function RulesMatched({ detail }: { detail: FeedbackDetail }) {
  return (
    <ul className={classes.rules} data-testid="rules-matched">
      {detail.flags.map((flag) => (
        <li key={flag.ruleId}>
          <Text span size="xs" fw={600}>
            {flag.ruleName}
          </Text>
          <Text span size="xs" c="dimmed">
            {' '}
            {flag.explanation}
            {flag.autoEscalate ? ' · escalates by itself' : ''}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Who wrote, how it reads and what it is about: the facts a triage decision rests on. */
export function Properties({ detail, foldable }: { detail: FeedbackDetail; foldable: boolean }) {
  return (
    <dl className={classes.props} data-testid="properties">
      {foldable && (
        <UnstyledButton className={classes.propsFold} onClick={() => useDetailLayout.getState().detailsToggled()} aria-expanded data-testid="details-toggle">
          Fewer details <IconChevronUp size={13} aria-hidden />
        </UnstyledButton>
      )}
      <dt>Customer</dt>
      <dd>
        <Customer key={detail.id} detail={detail} />
      </dd>
      {detail.escalation && (
        <>
          <dt>Escalated</dt>
          <dd>
            <OpenEscalation detail={detail} />
          </dd>
        </>
      )}
      {detail.priority && (
        <>
          <dt>Priority</dt>
          <dd>
            <Badge size="sm" radius="sm" tt="none" fw={600} color={priorityTones[detail.priority].color} variant={priorityTones[detail.priority].variant} autoContrast data-testid="detail-priority">
              {priorityTones[detail.priority].label}
            </Badge>
          </dd>
        </>
      )}
      {detail.slaClocks.length > 0 && (
        <>
          <dt>SLA</dt>
          <dd>
            <SlaClocks detail={detail} />
          </dd>
        </>
      )}
      {detail.flags.length > 0 && (
        <>
          <dt>Rules matched</dt>
          <dd>
            <RulesMatched detail={detail} />
          </dd>
        </>
      )}
      <dt>Sentiment</dt>
      <dd>
        <Sentiment detail={detail} />
      </dd>
      {detail.urgency && (
        <>
          <dt>Urgency</dt>
          <dd>
            <UrgencyBadge urgency={detail.urgency} />
          </dd>
        </>
      )}
      <dt>Tags</dt>
      <dd>
        <Tags detail={detail} />
      </dd>
    </dl>
  );
}
