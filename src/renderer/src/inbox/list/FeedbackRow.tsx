import { IconCheck, IconFlag3Filled } from '@tabler/icons-react';
import { memo, type MouseEvent } from 'react';
import type { FeedbackSummary } from '../../../../shared/contract';
import { statusLabels } from '../../../../shared/domain';
import { highlightRuns } from '../../../../shared/search';
import { ageLabel, dateTimeLabel } from '../../format';
import { ChannelIcon } from '../common/ChannelIcon';
import { SentimentBadge } from '../common/SentimentBadge';
import { StatusLabel } from '../common/StatusDot';
import { openFeedback } from '../flows/detail';
import { selectRangeTo } from '../flows/navigation';
import { sentimentLabels } from '../model/labels';
import { useSelection } from '../state/selection';
import classes from './list.module.css';

export const rowHeight = 56;
const shownTags = 2;

export function rowDomId(id: string): string {
  return `feedback-row-${id}`;
}

function onRowClick(event: MouseEvent, id: string): void {
  if (event.shiftKey) selectRangeTo(id);
  else if (event.metaKey || event.ctrlKey) useSelection.getState().rowToggled(id);
  else void openFeedback(id);
}

function onCheckClick(event: MouseEvent, id: string): void {
  event.stopPropagation();
  if (event.shiftKey) selectRangeTo(id);
  else useSelection.getState().rowToggled(id);
}

function Snippet({ text }: { text: string }) {
  return (
    <>
      {highlightRuns(text).map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}

interface RowProps {
  item: FeedbackSummary;
  index: number;
  setSize: number;
  start: number;
  active: boolean;
  selected: boolean;
  now: number;
}

/** One conversation in two calm lines: who and what on top, how it reads and its topics below. */
export const FeedbackRow = memo(function FeedbackRow({ item, index, setSize, start, active, selected, now }: RowProps) {
  const customer = item.customer?.name ?? 'Unknown customer';
  const vip = item.customer?.tier === 'vip';
  const tags = item.tags.slice(0, shownTags);
  const hiddenTags = item.tags.length - tags.length;
  const title = item.subject ?? item.preview;
  return (
    <div
      id={rowDomId(item.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-label={[
        `${customer}${vip ? ', VIP' : ''}${item.unread ? ', unread' : ''}: ${title}`,
        item.sentiment && sentimentLabels[item.sentiment],
        statusLabels[item.status],
        item.escalated && 'Escalated',
        item.tags.length > 0 && `Tags: ${item.tags.map((t) => t.name).join(', ')}`,
        ageLabel(item.receivedAt, now),
      ]
        .filter(Boolean)
        .join('. ')}
      className={classes.row}
      data-testid="feedback-row"
      data-id={item.id}
      data-active={active || undefined}
      data-unread={item.unread || undefined}
      style={{ height: rowHeight, transform: `translateY(${start}px)` }}
      onClick={(event) => onRowClick(event, item.id)}
    >
      <div className={classes.gutter}>
        <span className={classes.check} onClick={(event) => onCheckClick(event, item.id)} aria-hidden>
          {selected && <IconCheck size={12} stroke={3} />}
        </span>
        {item.unread && !selected && <span className={classes.dot} aria-hidden />}
      </div>
      <div className={classes.body}>
        <div className={classes.line}>
          <span className={classes.channel}>
            <ChannelIcon channel={item.channel} />
          </span>
          <span className={classes.who}>
            <span className={classes.customer}>{customer}</span>
            {vip && <VipMark />}
          </span>
          <span className={classes.subject} title={title} data-testid="row-subject">
            {title}
          </span>
          <span className={classes.meta}>
            {item.escalated && (
              <span className={classes.flag} title="Escalated">
                <IconFlag3Filled size={13} aria-label="Escalated" role="img" />
              </span>
            )}
            <StatusLabel status={item.status} className={classes.status} />
            <time className={classes.age} dateTime={new Date(item.receivedAt).toISOString()} title={dateTimeLabel(item.receivedAt)}>
              {ageLabel(item.receivedAt, now)}
            </time>
          </span>
        </div>
        <div className={classes.line}>
          <span className={classes.preview}>{item.snippet ? <Snippet text={item.snippet} /> : item.subject !== null ? item.preview : (item.product ?? '')}</span>
          {item.sentiment && <SentimentBadge sentiment={item.sentiment} size="xs" style={{ flexShrink: 0 }} />}
          {item.tags.length > 0 && (
            <span className={classes.tags}>
              {tags.map((tag) => (
                <span key={tag.name} className={classes.tag}>
                  {tag.name}
                </span>
              ))}
              {hiddenTags > 0 && (
                <span className={classes.more} aria-label={`${hiddenTags} more tags`}>
                  +{hiddenTags}
                </span>
              )}
            </span>
          )}
        </div>
      </div>
    </div>
  );
});

function VipMark() {
  return (
    <span
      style={{
        flexShrink: 0,
        fontSize: 10,
        fontWeight: 700,
        lineHeight: '16px',
        padding: '0 5px',
        borderRadius: 4,
        letterSpacing: 0.3,
        background: 'var(--mantine-color-yellow-filled)',
        color: 'var(--mantine-color-black)',
      }}
      aria-label="VIP customer"
    >
      VIP
    </span>
  );
}

export function PlaceholderRow({ start }: { start: number }) {
  return (
    <div className={`${classes.row} ${classes.placeholder}`} style={{ height: rowHeight, transform: `translateY(${start}px)` }} aria-hidden>
      <div className={classes.bar} style={{ width: '55%' }} />
      <div className={classes.bar} style={{ width: '80%' }} />
    </div>
  );
}
