/** The Rules tab: the list in order beside the open rule and its preview, and the one question it asks. */
import { Button, Group, Modal, Text, ThemeIcon } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { blankDraft } from '../model/rule-draft';
import classes from '../routing.module.css';
import { confirmationAccepted, openRulesTab, ruleRequested } from './flows';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';
import { useRules, type RuleConfirmation } from '../model/rules-store';

function confirmationText(c: RuleConfirmation, draftName: string) {
  switch (c.kind) {
    case 'discard':
      return { title: 'Discard your changes?', message: `Your changes to “${draftName || 'the new rule'}” are not saved.`, label: 'Discard changes', danger: true };
    case 'delete':
      return {
        title: `Delete the rule “${c.name}”?`,
        message: 'Conversations stop being flagged by it. Escalations it suggested stay as they are.',
        label: 'Delete rule',
        danger: true,
      };
    case 'restore':
      return {
        title: 'Restore the shipped rules?',
        message: 'Shipped rules that were deleted are added back, switched on. Your own rules and your changes to shipped ones stay.',
        label: 'Restore shipped rules',
        danger: false,
      };
  }
}

function RuleConfirmDialog() {
  const confirming = useRules((s) => s.confirming);
  const draftName = useRules((s) => s.draft?.name ?? '');
  const closed = useRules((s) => s.confirmationClosed);
  const text = confirming === null ? null : confirmationText(confirming, draftName);
  return (
    <Modal opened={text !== null} onClose={closed} title={text?.title} centered size="md">
      <Text size="sm">{text?.message}</Text>
      <Group justify="flex-end" mt="lg" gap={8}>
        <Button variant="default" onClick={closed}>
          Cancel
        </Button>
        <Button color={text?.danger ? 'red' : undefined} onClick={confirmationAccepted} data-testid="rule-confirm" data-autofocus>
          {text?.label}
        </Button>
      </Group>
    </Modal>
  );
}

function NothingOpen() {
  return (
    <div className={classes.empty}>
      <ThemeIcon size={44} radius="xl" variant="light" color="gray">
        <IconRoute size={22} />
      </ThemeIcon>
      <Text fw={600}>Rules suggest, people decide</Text>
      <Text size="sm" c="dimmed" maw={420}>
        A rule flags conversations that meet its conditions and suggests a team, a priority or a tag. Pick a rule to change it, or write a new one and watch what it would match.
      </Text>
      <Button variant="light" mt="xs" leftSection={<IconPlus size={16} />} onClick={() => ruleRequested(blankDraft)}>
        New rule
      </Button>
    </div>
  );
}

export function RulesTab() {
  useEffect(() => openRulesTab(), []);
  const open = useRules((s) => s.draft !== null);
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    call('taxonomy.list', {})
      .then(({ topics: found }) => live && setTopics(found.map((t) => t.name)))
      // Topic names are only suggestions: without them the field still takes any name.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className={classes.rulesBody}>
      <RuleList />
      <div className={classes.editorWrap}>{open ? <RuleEditor topics={topics} /> : <NothingOpen />}</div>
      <RuleConfirmDialog />
    </div>
  );
}
