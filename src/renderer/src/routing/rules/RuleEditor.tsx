/**
 * The open rule: its name, its conditions joined by all or any, what it suggests, and the
 * auto-escalate switch (off by default, marked). Beside it, the live preview. Mod+S saves.
 */
import { Alert, Badge, Button, Group, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { priorities, priorityLabels } from '../../../../shared/escalation/schema';
import { blankCondition } from '../model/rule-draft';
import classes from '../routing.module.css';
import { ConditionEditor } from './ConditionEditor';
import { draftEdited, draftReverted, saveRule } from './flows';
import { RulePreview } from './RulePreview';
import { selectDirty, useRules } from '../model/rules-store';

const priorityData = priorities.map((p) => ({ value: p, label: priorityLabels[p] })).reverse();

/** The count beside Save when the preview is below the form (a narrow window). */
function FooterCount() {
  const preview = useRules((s) => s.preview);
  if (preview.state !== 'ready' && preview.state !== 'loading') return null;
  if (preview.count === null) return null;
  return (
    <span className={classes.footerCount} data-testid="rule-footer-count">
      Would match {preview.count.toLocaleString()} conversation{preview.count === 1 ? '' : 's'}
    </span>
  );
}

export function RuleEditor({ topics }: { topics: readonly string[] }) {
  const draft = useRules((s) => s.draft);
  const targets = useRules((s) => s.targets);
  const dirty = useRules(selectDirty);
  const saving = useRules((s) => s.saving);
  const saveError = useRules((s) => s.saveError);
  const confirmationAsked = useRules((s) => s.confirmationAsked);
  if (draft === null) return null;
  const conditions = draft.conditions;
  const targetData = targets.map((t) => ({ value: t.id, label: t.name }));

  return (
    <div className={classes.editorGrid}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveRule();
        }}
        onKeyDown={(event) => {
          if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void saveRule();
          }
        }}
        data-testid="rule-editor"
      >
        <Stack gap="lg">
          <Group justify="flex-start" gap="md" align="flex-end" wrap="nowrap">
            <TextInput
              label="Name"
              placeholder="e.g. Angry refund requests"
              value={draft.name}
              onChange={(e) => draftEdited({ name: e.currentTarget.value })}
              style={{ flex: 1, maxWidth: 420 }}
              required
              data-testid="rule-name"
            />
            {draft.id === null ? (
              <Badge variant="light" color="gray" style={{ flexShrink: 0 }} mb={8}>
                New rule
              </Badge>
            ) : (
              dirty && (
                <Badge variant="light" color="yellow" style={{ flexShrink: 0 }} mb={8}>
                  Unsaved changes
                </Badge>
              )
            )}
          </Group>

          <Stack gap={8}>
            <Group gap="sm" align="center">
              <Title order={3} size="h6">
                When
              </Title>
              <SegmentedControl
                size="xs"
                data={[
                  { value: 'all', label: 'Match all of these' },
                  { value: 'any', label: 'Match any of these' },
                ]}
                value={draft.match}
                onChange={(v) => draftEdited({ match: v as 'all' | 'any' })}
                data-testid="rule-match"
              />
            </Group>
            {conditions.map((c, i) => (
              <Stack key={i} gap={6}>
                {i > 0 && <span className={classes.joiner}>{draft.match === 'all' ? 'and' : 'or'}</span>}
                <ConditionEditor
                  condition={c}
                  index={i}
                  topics={topics}
                  changed={(next) => draftEdited({ conditions: conditions.map((x, j) => (j === i ? next : x)) })}
                  removed={() => draftEdited({ conditions: conditions.filter((_, j) => j !== i) })}
                />
              </Stack>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => draftEdited({ conditions: [...conditions, blankCondition('sentiment')] })}
                disabled={conditions.length >= 20}
                data-testid="condition-add"
              >
                Add condition
              </Button>
            </Group>
          </Stack>

          <Stack gap={8}>
            <Title order={3} size="h6">
              Then
            </Title>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Select
                label="Suggest escalating to"
                placeholder="No team"
                data={targetData}
                value={draft.actions.escalateTo}
                onChange={(v) => draftEdited({ actions: { ...draft.actions, escalateTo: v } })}
                clearable
                style={{ flex: '1 1 180px', maxWidth: 240 }}
                data-testid="rule-target"
              />
              <Select
                label="Set priority"
                placeholder="Leave as it is"
                data={priorityData}
                value={draft.actions.priority}
                onChange={(v) => draftEdited({ actions: { ...draft.actions, priority: v as (typeof priorities)[number] | null } })}
                clearable
                style={{ flex: '1 1 140px', maxWidth: 180 }}
              />
              <TextInput
                label="Add tag"
                placeholder="No tag"
                value={draft.actions.addTag ?? ''}
                onChange={(e) => draftEdited({ actions: { ...draft.actions, addTag: e.currentTarget.value === '' ? null : e.currentTarget.value } })}
                style={{ flex: '1 1 120px', maxWidth: 180 }}
              />
            </Group>
            <Text size="xs" c="dimmed">
              A suggestion shows on the conversation and in the Flagged view; a person decides. A priority a person set is never replaced.
            </Text>
          </Stack>

          <div className={classes.autoEscalate} data-on={draft.autoEscalate}>
            <Switch
              color="orange"
              checked={draft.autoEscalate}
              onChange={(e) => draftEdited({ autoEscalate: e.currentTarget.checked })}
              label={
                <Group gap={6} component="span">
                  <IconAlertTriangle size={15} color="var(--mantine-color-orange-filled)" />
                  <Text span size="sm" fw={600}>
                    Auto-escalate
                  </Text>
                </Group>
              }
              description={
                draft.actions.escalateTo === null && !draft.autoEscalate
                  ? 'Escalates without asking a person. Off by default: rules suggest, people decide. Pick a team above to allow it.'
                  : 'Escalates without asking a person. Off by default: rules suggest, people decide.'
              }
              disabled={draft.actions.escalateTo === null && !draft.autoEscalate}
              data-testid="rule-auto-escalate"
            />
          </div>

          {saveError && (
            <Alert color="red" variant="light" role="alert" data-testid="rule-error">
              {saveError}
            </Alert>
          )}

          <Group justify="space-between" className={classes.editorFooter}>
            <Group gap={8}>
              <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!dirty && draft.id !== null} data-testid="rule-save">
                Save rule
              </Button>
              <Button variant="default" disabled={!dirty} onClick={draftReverted}>
                Revert
              </Button>
              <FooterCount />
            </Group>
            {draft.id !== null && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmationAsked({ kind: 'delete', id: draft.id!, name: draft.name })}>
                Delete rule
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <RulePreview />
    </div>
  );
}
