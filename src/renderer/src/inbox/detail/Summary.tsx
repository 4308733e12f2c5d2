/**
 * The conversation's properties in one line (who, how it reads, how urgent, what about),
 * so the customer's words get the room. The line opens the full details on demand.
 */
import { Badge, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { FeedbackDetail } from '../../../../shared/contract';
import { customerLabel } from '../../../../shared/people';
import { distinctTags } from '../../../../shared/tags';
import { SentimentBadge } from '../common/SentimentBadge';
import { SlaChip } from '../../escalation/SlaChip';
import { priorityTones } from '../../escalation/model/wording';
import { useNow } from '../useNow';
import { useDetailLayout } from '../state/detail-layout';
import { urgencyBadges } from './Explanation';
import { tierBadges } from './Properties';
import classes from './detail.module.css';

const shownTags = 3;

export function Summary({ detail }: { detail: FeedbackDetail }) {
  const customer = detail.customer;
  const earlier = customer ? customer.contactCount - 1 : 0;
  const tier = customer && customer.tier !== 'standard' ? tierBadges[customer.tier] : null;
  const now = useNow();
  // A priority someone (or a rule) set says more than analysis's suggestion, so it stands in its place.
  const priority = detail.priority && detail.priority !== 'normal' ? priorityTones[detail.priority] : null;
  const urgency = !detail.priority && detail.urgency && detail.urgency.level !== 'normal' ? urgencyBadges[detail.urgency.level] : null;
  // "bug" beside "bug or crash" says nothing new: the more specific one stands for both.
  const distinct = distinctTags(detail.tags.map((tag) => tag.name));
  const tags = distinct.slice(0, shownTags);
  return (
    <UnstyledButton
      className={classes.summary}
      onClick={() => useDetailLayout.getState().detailsToggled()}
      aria-expanded={false}
      aria-label="Show the customer and triage details"
      data-testid="details-toggle"
    >
      <span className={classes.summaryWho}>
        <span className={classes.summaryName}>{customerLabel(customer)}</span>
        {tier && (
          <Badge size="xs" radius="sm" tt="none" color={tier.color} variant={tier.variant} autoContrast style={{ flexShrink: 0 }}>
            {tier.label}
          </Badge>
        )}
        {earlier > 0 && <span className={classes.summaryDim}>{earlier === 1 ? '1 earlier contact' : `${earlier} earlier contacts`}</span>}
      </span>
      {detail.sentiment && <SentimentBadge sentiment={detail.sentiment} size="xs" style={{ flexShrink: 0 }} />}
      {detail.sentimentSource === 'human' && (
        <span className={classes.summaryDim} data-testid="sentiment-source">
          set by you
        </span>
      )}
      {urgency && (
        <Badge size="xs" radius="sm" tt="none" fw={600} color={urgency.color} variant={urgency.variant} autoContrast style={{ flexShrink: 0 }} data-testid="summary-urgency">
          {urgency.label}
        </Badge>
      )}
      {priority && (
        <Badge size="xs" radius="sm" tt="none" fw={600} color={priority.color} variant={priority.variant} autoContrast style={{ flexShrink: 0 }} data-testid="summary-priority">
          {priority.label} priority
        </Badge>
      )}
      <SlaChip sla={detail.sla} now={now} variant="long" />
      {tags.length > 0 && (
        <span className={classes.summaryTags}>
          {tags.map((name) => (
            <span key={name} className={classes.summaryTag} data-testid="detail-tag">
              {name}
            </span>
          ))}
          {distinct.length > shownTags && <span className={classes.summaryDim}>+{distinct.length - shownTags}</span>}
        </span>
      )}
      <span className={classes.summaryMore}>
        Details <IconChevronDown size={13} aria-hidden />
      </span>
    </UnstyledButton>
  );
}
