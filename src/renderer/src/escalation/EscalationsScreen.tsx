/**
 * The escalation queue: open escalations grouped by team, oldest first, each with its
 * customer, subject, age, priority, SLA and reason. j/k move, Enter opens the conversation
 * in the inbox, a resolves, d de-escalates, m moves it to another team; each can be undone.
 */
import { ActionIcon, Alert, Badge, Button, SegmentedControl, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconArrowsExchange, IconCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { customerLabel } from '../../../shared/people';
import { ageLabel, dateTimeLabel } from '../format';
import { Shortcut } from '../common/Shortcut';
import { PickerModal } from '../inbox/pickers/PickerModal';
import { useNow } from '../inbox/useNow';
import { actOnEscalations, chooseQueueTab, loadQueue, loadTargets, openQueueEntry } from './flows';
import { agoLabel, priorityTones } from './model/wording';
import { SlaChip } from './SlaChip';
import { useEscalation, type QueueEntry } from './state';
import classes from './escalation.module.css';

export function queueRowDomId(id: string): string {
  return `escalation-row-${id}`;
}

function Hint({ label, keys }: { label: string; keys: string[] }) {
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      {label} <Shortcut keys={keys} />
    </span>
  );
}

function QueueRow({ entry, active, now }: { entry: QueueEntry; active: boolean; now: number }) {
  const { escalation, item } = entry;
  const customer = customerLabel(item.customer);
  const tone = priorityTones[escalation.priority];
  const open = escalation.state === 'open';
  const act = (action: 'resolve' | 'deescalate') => (event: React.MouseEvent) => {
    event.stopPropagation();
    void actOnEscalations([escalation.id], action);
  };
  return (
    <li
      id={queueRowDomId(escalation.id)}
      role="option"
      aria-selected={active}
      aria-label={`${customer}: ${item.subject ?? item.preview}. ${tone.label} priority. ${escalation.reason}`}
      className={classes.row}
      data-active={active || undefined}
      data-sla={item.sla?.state}
      data-testid="escalation-row"
      data-id={escalation.id}
      data-feedback-id={item.id}
      onClick={() => useEscalation.getState().cursorMoved(escalation.id)}
      onDoubleClick={() => openQueueEntry(escalation.id)}
    >
      <span className={classes.who}>
        <span className={classes.name}>{customer}</span>
        {item.customer?.tier === 'vip' && (
          <Badge size="xs" radius="sm" color="yellow" variant="filled" autoContrast style={{ flexShrink: 0 }}>
            VIP
          </Badge>
        )}
      </span>
      <span className={classes.subject} title={item.subject ?? item.preview}>
        <button type="button" className={classes.subjectLink} onClick={() => openQueueEntry(escalation.id)} tabIndex={-1}>
          {item.subject ?? item.preview}
        </button>
      </span>
      <span className={classes.facts}>
        {open && <SlaChip sla={item.sla} now={now} variant="long" />}
        {escalation.priority !== 'normal' && (
          <Badge size="xs" radius="sm" tt="none" fw={600} color={tone.color} variant={tone.variant} autoContrast data-testid="escalation-priority">
            {tone.label}
          </Badge>
        )}
        <time className={classes.age} dateTime={new Date(escalation.createdAt).toISOString()} title={`Escalated ${dateTimeLabel(escalation.createdAt)}`}>
          {ageLabel(escalation.createdAt, now)}
        </time>
      </span>
      <span className={classes.reason} title={escalation.note ? `${escalation.reason}\n\nNote: ${escalation.note}` : escalation.reason} data-testid="escalation-reason">
        {escalation.source === 'rule' ? 'Auto: ' : ''}
        {escalation.reason}
      </span>
      {open ? (
        <span className={classes.actions}>
          <Tooltip label={<Hint label="Resolve" keys={['a']} />} withArrow>
            <ActionIcon size={22} variant="subtle" color="gray" onClick={act('resolve')} aria-label="Resolve the escalation" data-testid="escalation-resolve">
              <IconCheck size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={<Hint label="De-escalate" keys={['d']} />} withArrow>
            <ActionIcon size={22} variant="subtle" color="gray" onClick={act('deescalate')} aria-label="De-escalate" data-testid="escalation-deescalate">
              <IconArrowBackUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={<Hint label="Move to another team" keys={['m']} />} withArrow>
            <ActionIcon
              size={22}
              variant="subtle"
              color="gray"
              onClick={(event) => {
                event.stopPropagation();
                useEscalation.getState().reassignAsked([escalation.id]);
              }}
              aria-label="Move to another team"
              data-testid="escalation-reassign"
            >
              <IconArrowsExchange size={14} />
            </ActionIcon>
          </Tooltip>
        </span>
      ) : (
        <span className={classes.ended}>
          {escalation.state === 'resolved' ? 'Resolved' : 'De-escalated'}
          {escalation.endedAt !== null && ` ${agoLabel(escalation.endedAt, now)}`}
        </span>
      )}
    </li>
  );
}

function ReassignPicker() {
  const ids = useEscalation((s) => s.reassigning);
  const targets = useEscalation((s) => s.targets) ?? [];
  const groups = useEscalation((s) => s.groups) ?? [];
  const current = new Set(groups.flatMap((g) => g.items).filter((i) => ids?.includes(i.escalation.id)).map((i) => i.escalation.targetId));
  const close = () => useEscalation.getState().reassignAsked(null);
  return (
    <PickerModal
      opened={ids !== null}
      title="Move to another team"
      placeholder="Team"
      testId="reassign-picker"
      onClose={close}
      options={(query) =>
        targets
          .filter((t) => t.name.toLowerCase().includes(query.trim().toLowerCase()))
          .map((t, i) => ({ value: t.id, label: t.name, checked: current.has(t.id), hint: t.email ?? undefined, digit: i < 9 ? String(i + 1) : undefined }))
      }
      onPick={(option) => {
        const chosen = ids ?? [];
        close();
        if (!current.has(option.value) || current.size > 1) void actOnEscalations(chosen, 'reassign', option.value);
      }}
    />
  );
}

export function EscalationsScreen() {
  const tab = useEscalation((s) => s.queueTab);
  const groups = useEscalation((s) => s.groups);
  const total = useEscalation((s) => s.queueTotal);
  const error = useEscalation((s) => s.queueError);
  const cursor = useEscalation((s) => s.cursor);
  const now = useNow();
  const queueRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadQueue();
    void loadTargets();
    queueRef.current?.focus();
  }, []);

  useEffect(() => {
    if (cursor !== null) document.getElementById(queueRowDomId(cursor))?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  return (
    <section className={classes.screen} aria-label="Escalations" data-testid="escalations-screen">
      <header className={classes.header}>
        <div>
          <Title order={2} size="h4">
            Escalations
          </Title>
          <Text size="sm" c="dimmed">
            {tab === 'open' ? 'Conversations handed to another team, oldest first.' : 'Escalations resolved or taken back.'}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          value={tab}
          onChange={(value) => {
            chooseQueueTab(value as 'open' | 'closed');
            // Back to the rows, so Enter and the arrows work on them at once.
            queueRef.current?.focus();
          }}
          data={[
            { value: 'open', label: tab === 'open' && groups ? `Open · ${total}` : 'Open' },
            { value: 'closed', label: 'Closed' },
          ]}
          data-testid="escalations-tab"
        />
      </header>
      {error && (
        <Alert color="red" variant="light" mx="lg" mt="sm" icon={<IconAlertTriangle size={16} />} title="The queue could not be read">
          <Text size="sm" mb={6}>
            {error.message}
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => void loadQueue()}>
            Try again
          </Button>
        </Alert>
      )}
      <div
        ref={queueRef}
        className={classes.queue}
        role="listbox"
        tabIndex={0}
        aria-label={tab === 'open' ? 'Open escalations' : 'Closed escalations'}
        aria-activedescendant={cursor ? queueRowDomId(cursor) : undefined}
        data-testid="escalations-queue"
      >
        {groups !== null && groups.length === 0 && !error && (
          <div className={classes.empty} data-testid="escalations-empty">
            <Text size="sm" c="dimmed">
              {tab === 'open' ? (
                <>
                  Nothing is escalated. Press <Shortcut keys={['e']} /> on a conversation to escalate it.
                </>
              ) : (
                'No escalation has been resolved or taken back yet.'
              )}
            </Text>
          </div>
        )}
        {(groups ?? []).map((group) => (
          <div key={group.target.id} role="group" aria-label={`${group.target.name}: ${group.total}`} data-testid="escalation-group" data-target={group.target.name}>
            <div className={classes.group}>
              <span>{group.target.name}</span>
              <span className={classes.groupCount} data-testid="escalation-group-count">
                {group.total}
              </span>
            </div>
            <ul className={classes.rows} role="presentation">
              {group.items.map((entry) => (
                <QueueRow key={entry.escalation.id} entry={entry} active={entry.escalation.id === cursor} now={now} />
              ))}
            </ul>
          </div>
        ))}
      </div>
      <ReassignPicker />
    </section>
  );
}
