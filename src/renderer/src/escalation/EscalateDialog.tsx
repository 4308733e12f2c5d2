/**
 * The Escalate dialog: where to (prefilled from the rules that match), why, how urgent, and
 * a note; for one conversation also the handoff packet to copy, save or e-mail. Focus starts
 * in the reason, selected, so typing replaces it; Enter confirms, Shift+Enter is a new line.
 */
import { Alert, Anchor, Button, Group, Loader, Modal, SegmentedControl, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconFlag3 } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { priorities, priorityLabels, type EscalationTarget, type Priority } from '../../../shared/escalation/schema';
import { adviceFor } from '../common/errors';
import { Shortcut } from '../common/Shortcut';
import { useWorkspace } from '../stores/workspace';
import { confirmEscalate, retryPrefill } from './flows';
import { HandoffPanel } from './HandoffPanel';
import { alreadyEscalatedNote, escalateTitle } from './model/wording';
import { useEscalation, type Prefill } from './state';
import classes from './escalation.module.css';

function targetFacts(target: EscalationTarget | undefined): string | null {
  if (!target) return null;
  const parts = [target.email ?? 'No e-mail address', target.webhookEnabled ? 'webhook on' : null, target.open > 0 ? `${target.open} open` : null];
  return parts.filter(Boolean).join(' · ');
}

/** Enter confirms from any field but a list that is open (the team picker chooses first). */
function wantsConfirm(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return false;
  const target = event.target as HTMLElement;
  if (target.tagName === 'BUTTON' || target.tagName === 'A') return false;
  if (target.getAttribute('aria-expanded') === 'true') return false;
  return true;
}

function EscalateForm({ ids, prefill, saving, targets }: { ids: string[]; prefill: Prefill; saving: boolean; targets: EscalationTarget[] }) {
  const [targetId, setTargetId] = useState<string | null>(prefill.targetId ?? targets[0]?.id ?? null);
  const [reason, setReason] = useState(prefill.reason);
  const [priority, setPriority] = useState<Priority>(prefill.priority);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState<string | null>('escalate');
  // Enter with nothing to say why: the field says what it needs rather than nothing happening.
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const target = targets.find((t) => t.id === targetId);
  const already = alreadyEscalatedNote(prefill.alreadyEscalated, ids.length, target?.name ?? null);
  const ready = targetId !== null && reason.trim() !== '' && !saving;
  const canPress = targetId !== null && !saving;

  useEffect(() => {
    // After the modal's own focus trap: the reason, selected, so typing replaces the rule's words.
    const timer = window.setTimeout(() => {
      reasonRef.current?.focus();
      reasonRef.current?.select();
    }, 0);
    return () => window.clearTimeout(timer);
  }, []);

  const submit = (): void => {
    if (reason.trim() === '') {
      setTried(true);
      setTab('escalate');
      reasonRef.current?.focus();
    }
    if (!ready || targetId === null) return;
    void confirmEscalate({ targetId, reason: reason.trim(), priority, note });
  };

  const form = (
    <Stack gap="md">
      {targets.length === 0 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
          There are no teams to escalate to yet.{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => useWorkspace.getState().pageOpened('routing')}>
            Add one in Rules &amp; SLA
          </Anchor>
          .
        </Alert>
      ) : (
        <Select
          label="Escalate to"
          data={targets.map((t) => ({ value: t.id, label: t.name }))}
          value={targetId}
          onChange={setTargetId}
          allowDeselect={false}
          checkIconPosition="right"
          comboboxProps={{ withinPortal: true }}
          description={targetFacts(target)}
          inputWrapperOrder={['label', 'input', 'description']}
          renderOption={({ option }) => {
            const t = targets.find((x) => x.id === option.value);
            return (
              <span className={classes.option}>
                <span className={classes.optionName}>{option.label}</span>
                {t?.email && <span className={classes.optionMail}>{t.email}</span>}
                {t?.webhookEnabled && <span className={classes.webhook}>webhook on</span>}
              </span>
            );
          }}
          data-testid="escalate-target"
        />
      )}
      <div>
        <Textarea
          ref={reasonRef}
          label="Reason"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={2000}
          placeholder="Why it needs another team"
          error={tried && reason.trim() === '' ? 'Say why it is escalated.' : undefined}
          data-testid="escalate-reason"
        />
        {prefill.flags.length > 0 && (
          <ul className={classes.flags} aria-label="Why the rules suggest this" data-testid="escalate-flags">
            {prefill.flags.map((flag) => (
              <li key={flag.ruleId}>
                <span className={classes.flagRule}>Rule: {flag.ruleName} —</span>
                <span title={flag.explanation}>{flag.explanation}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <Text size="sm" fw={500} mb={4} id="escalate-priority-label">
          Priority
        </Text>
        <SegmentedControl
          fullWidth
          size="xs"
          value={priority}
          onChange={(value) => setPriority(value as Priority)}
          data={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
          aria-labelledby="escalate-priority-label"
          data-testid="escalate-priority"
        />
      </div>
      <Textarea
        label="Note"
        description="Optional: what the team should know or do first"
        inputWrapperOrder={['label', 'input', 'description']}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={1}
        maxRows={4}
        maxLength={5000}
        data-testid="escalate-note"
      />
      {already && (
        <Text size="sm" c="dimmed" data-testid="escalate-already">
          {already}
        </Text>
      )}
    </Stack>
  );

  return (
    <div
      onKeyDown={(event) => {
        if (wantsConfirm(event)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      {ids.length === 1 ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="escalate">Escalate</Tabs.Tab>
            <Tabs.Tab value="handoff" data-testid="handoff-tab">
              Handoff
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="escalate">{form}</Tabs.Panel>
          <Tabs.Panel value="handoff">
            <HandoffPanel ask={{ feedbackId: ids[0]!, targetId, reason, note }} target={target ?? null} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        form
      )}
      <Group justify="flex-end" gap="sm" mt="lg">
        <Button variant="default" onClick={() => useEscalation.getState().dialogClosed()}>
          Cancel
        </Button>
        <Button
          leftSection={<IconFlag3 size={15} />}
          rightSection={<Shortcut keys={['Enter']} />}
          onClick={submit}
          disabled={!canPress}
          loading={saving}
          data-testid="escalate-confirm"
        >
          {target ? `Escalate to ${target.name}` : 'Escalate'}
        </Button>
      </Group>
    </div>
  );
}

export function EscalateDialog() {
  const dialog = useEscalation((s) => s.dialog);
  const targets = useEscalation((s) => s.targets);
  const opened = dialog.stage !== 'closed';
  const ids = dialog.stage === 'closed' ? [] : dialog.ids;
  return (
    <Modal
      opened={opened}
      onClose={() => useEscalation.getState().dialogClosed()}
      title={escalateTitle(ids.length)}
      size={560}
      yOffset="8vh"
      data-testid="escalate-dialog"
    >
      {dialog.stage === 'loading' && (
        <Group justify="center" py="xl">
          <Loader size="sm" />
        </Group>
      )}
      {dialog.stage === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={adviceFor(dialog.error, 'Preparing the escalation').title}>
          <Text size="sm" mb="sm">
            {dialog.error.message}
          </Text>
          <Button size="compact-sm" variant="default" onClick={retryPrefill}>
            Try again
          </Button>
        </Alert>
      )}
      {dialog.stage === 'ready' && <EscalateForm key={dialog.ids.join(',')} ids={dialog.ids} prefill={dialog.prefill} saving={dialog.saving} targets={targets ?? []} />}
    </Modal>
  );
}
