import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconChecks, IconChevronDown, IconFlag3, IconFlag3Filled, IconMail, IconMailOpened, IconUser, IconX } from '@tabler/icons-react';
import { languageReasonLabels, type FeedbackDetail } from '../../../../shared/contract';
import { channelLabels } from '../../../../shared/domain';
import { dateTimeLabel } from '../../format';
import { ChannelIcon } from '../common/ChannelIcon';
import { Shortcut } from '../../common/Shortcut';
import { StatusLabel } from '../common/StatusDot';
import { closeDetail } from '../flows/detail';
import { resolve, toggleUnread } from '../flows/triage';
import { escalate } from '../../escalation/flows';
import { languageName } from '../../../../shared/languages';
import { useOverlay, type PickerKind } from '../state/overlay';
import classes from './detail.module.css';

function Hint({ label, keys }: { label: string; keys: string[] }) {
  return (
    <Group gap={8} wrap="nowrap">
      {label} <Shortcut keys={keys} />
    </Group>
  );
}

/** Subject, where it came from, and the controls an agent reaches for on every conversation. */
export function DetailHeader({ detail }: { detail: FeedbackDetail }) {
  const picker = (kind: PickerKind) => () => useOverlay.getState().overlayOpened({ kind, ids: [detail.id] });
  const resolved = detail.status === 'resolved' || detail.status === 'closed';
  return (
    <header className={classes.header}>
      <Group gap={10} wrap="nowrap" align="flex-start">
        <h2 className={classes.subject} style={{ flex: 1 }} data-testid="detail-subject">
          {detail.subject ?? detail.preview}
        </h2>
        <Tooltip label={<Hint label="Close" keys={['Esc']} />}>
          <ActionIcon variant="subtle" color="gray" onClick={closeDetail} aria-label="Close the conversation" data-testid="detail-close">
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <div className={classes.meta}>
        {/* First: the line clips at its end in a narrow pane, and this is what the agent must not miss. */}
        {detail.escalated && (
          <span className={classes.metaItem} style={{ color: 'var(--mantine-color-red-filled)', fontWeight: 600 }}>
            <IconFlag3Filled size={12} aria-hidden /> {detail.escalation ? `Escalated to ${detail.escalation.targetName}` : 'Escalated'}
          </span>
        )}
        <span className={classes.metaItem}>
          <ChannelIcon channel={detail.channel} size={13} /> {channelLabels[detail.channel]}
        </span>
        {detail.product && <span className={classes.metaItem}>{detail.product}</span>}
        <LanguageMeta detail={detail} />
        {detail.rating !== null && <span className={classes.metaItem}>Rated {detail.rating}/5</span>}
        <span className={classes.metaItem}>Received {dateTimeLabel(detail.receivedAt)}</span>
      </div>
      <Group gap={6} wrap="wrap">
        <Tooltip label={<Hint label="Set the status" keys={['Shift+S']} />}>
          <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={13} />} onClick={picker('status')} aria-label={`Status: ${detail.status}. Change`} data-testid="detail-status">
            <StatusLabel status={detail.status} />
          </Button>
        </Tooltip>
        <Tooltip label={<Hint label="Assign" keys={['Shift+A']} />}>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconUser size={13} />}
            rightSection={<IconChevronDown size={13} />}
            onClick={picker('assign')}
            c={detail.assignee ? undefined : 'dimmed'}
            data-testid="detail-assignee"
          >
            {detail.assignee ?? 'Unassigned'}
          </Button>
        </Tooltip>
        <div style={{ flex: 1 }} />
        <Tooltip label={<Hint label={detail.unread ? 'Mark read' : 'Mark unread'} keys={['u']} />}>
          <ActionIcon variant="default" size={26} onClick={() => void toggleUnread([detail.id])} aria-label={detail.unread ? 'Mark read' : 'Mark unread'}>
            {detail.unread ? <IconMailOpened size={15} /> : <IconMail size={15} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={<Hint label={detail.escalation ? `Escalated to ${detail.escalation.targetName}: move or add a note` : 'Escalate to another team'} keys={['e']} />}>
          <ActionIcon
            variant={detail.escalation ? 'light' : 'default'}
            color={detail.escalation ? 'red' : undefined}
            size={26}
            onClick={() => escalate([detail.id])}
            aria-label={detail.escalation ? `Escalated to ${detail.escalation.targetName}. Escalate again` : 'Escalate'}
            data-testid="detail-escalate"
          >
            {detail.escalation ? <IconFlag3Filled size={15} /> : <IconFlag3 size={15} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={<Hint label={resolved ? 'Already resolved' : 'Resolve and go to the next'} keys={['a']} />}>
          <Button size="compact-sm" leftSection={<IconChecks size={14} />} onClick={() => void resolve([detail.id])} disabled={resolved} data-testid="detail-resolve">
            Resolve
          </Button>
        </Tooltip>
      </Group>
    </header>
  );
}

/**
 * The language, with why in a tooltip ("English · from its common words"); a language that
 * could not be told says so quietly ("Language unknown — too short to tell").
 */
function LanguageMeta({ detail }: { detail: FeedbackDetail }) {
  const reason = detail.languageReason ? languageReasonLabels[detail.languageReason] : null;
  if (detail.language) {
    const name = languageName(detail.language);
    if (!reason) return <span className={classes.metaItem}>{name}</span>;
    return (
      <Tooltip label={`${name} · ${reason}`}>
        <span className={classes.metaItem} data-language-reason={detail.languageReason}>
          {name}
        </span>
      </Tooltip>
    );
  }
  if (!reason) return null;
  return (
    <span className={classes.metaItem} style={{ opacity: 0.8 }} data-language-reason={detail.languageReason}>
      Language unknown — {reason}
    </span>
  );
}
