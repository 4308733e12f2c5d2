import { IconCheck, IconFlag3Filled, IconFlagBolt } from '@tabler/icons-react';
import { memo, type MouseEvent } from 'react';
import type { FeedbackSummary } from '../../../../shared/contract';
import { statusLabels, type Status } from '../../../../shared/domain';
import { customerLabel } from '../../../../shared/people';
import { highlightRuns } from '../../../../shared/search';
import { distinctTags } from '../../../../shared/tags';
import { ageLabel, dateTimeLabel } from '../../format';
import { ChannelIcon } from '../common/ChannelIcon';
import { SentimentBadge } from '../common/SentimentBadge';
import { StatusLabel } from '../common/StatusDot';
import { openFeedback } from '../flows/detail';
import { selectRangeTo } from '../flows/navigation';
import { sentimentLabels } from '../model/labels';
import { useSelection } from '../state/selection';
import { rowSlaChip } from '../../escalation/model/wording';
import classes from './list.module.css';
import { markedTitle, secondLine, type Run } from './repeats';

/** Every row is this tall in every layout, so the virtualiser never measures one. */
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

function Marked({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
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
  /** The status the list's view already says (Replied): rows with it leave the label out. */
  quietStatus: Status | null;
}

/**
 * One conversation in two calm lines, each thing said once. A wide list: who and what on
 * top; what the message adds, how it reads and its topics below. A narrow list
 * (list.module.css): who and when on top; what and how it reads below.
 */
export const FeedbackRow = memo(function FeedbackRow({ item, index, setSize, start, active, selected, now, quietStatus }: RowProps) {
  const customer = customerLabel(item.customer);
  const vip = item.customer?.tier === 'vip';
  const tagNames = distinctTags(item.tags.map((t) => t.name));
  const tags = tagNames.slice(0, shownTags);
  const hiddenTags = tagNames.length - tags.length;
  const title = item.subject ?? item.preview;
  const second = secondLine(item);
  const sla = rowSlaChip(item.sla, now);
  // A rule's suggestion matters until someone acts on it.
  const flag = item.flag && !item.escalated ? item.flag : null;
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
        sla?.aria,
        flag && `Rules suggest escalating: ${flag.explanation}`,
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
      data-sla={sla?.tone}
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
            {/* A search hit in the title is marked here, since its snippet would only repeat it. */}
            {item.snippet && second.snippet === undefined ? <Marked runs={markedTitle(title, item.snippet)} /> : title}
          </span>
          <span className={classes.meta}>
            {item.escalated && (
              <span className={classes.flag} title="Escalated">
                <IconFlag3Filled size={13} aria-label="Escalated" role="img" />
              </span>
            )}
            {flag && (
              <span className={classes.ruleFlag} title={flag.explanation} data-testid="row-rule-flag">
                <IconFlagBolt size={13} aria-label={`Rules suggest escalating: ${flag.explanation}`} role="img" />
              </span>
            )}
            {sla && (
              <span className={classes.sla} data-tone={sla.tone} title={sla.aria} aria-label={sla.aria} role="img" data-testid="row-sla">
                {sla.short}
              </span>
            )}
            {item.status !== quietStatus && (
              <span className={classes.status} data-testid="row-status">
                <StatusLabel status={item.status} />
              </span>
            )}
            <time className={classes.age} dateTime={new Date(item.receivedAt).toISOString()} title={dateTimeLabel(item.receivedAt)}>
              {ageLabel(item.receivedAt, now)}
            </time>
          </span>
        </div>
        <div className={`${classes.line} ${classes.second}`}>
          <span className={classes.preview} data-testid="row-preview">
            {second.snippet !== undefined ? <Marked runs={highlightRuns(second.snippet)} /> : second.text}
          </span>
          {item.sentiment && (
            <span className={classes.mood}>
              <SentimentBadge sentiment={item.sentiment} size="xs" />
            </span>
          )}
          {tags.length > 0 && (
            <span className={classes.tags}>
              {tags.map((name) => (
                <span key={name} className={classes.tag} title={name} data-testid="row-tag">
                  {name}
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
    <span className={classes.vip} aria-label="VIP customer">
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
