/** The rules in the order they run: what each says, whether it is on, and what it matches now. */
import { ActionIcon, Badge, Button, Group, ScrollArea, Switch, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { Rule } from '../../../../shared/escalation/schema';
import { blankDraft, draftOf, ruleSummary } from '../model/rule-draft';
import classes from '../routing.module.css';
import { ruleMoved, ruleRequested, ruleToggled } from './flows';
import { useRules } from '../model/rules-store';

const countFormat = new Intl.NumberFormat();

function RuleRow({ rule, index, last }: { rule: Rule; index: number; last: number }) {
  const targets = useRules((s) => s.targets);
  const open = useRules((s) => s.draft?.id === rule.id);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // A rule just saved or opened from elsewhere may be below the fold.
    if (open) row.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const confirmationAsked = useRules((s) => s.confirmationAsked);
  return (
    <li ref={row} className={classes.ruleItem} aria-current={open ? 'true' : undefined} data-disabled={!rule.enabled} data-testid="rule-item" data-rule-id={rule.id}>
      <button type="button" className={classes.ruleOpen} onClick={() => ruleRequested(draftOf(rule))}>
        <span className={classes.ruleText}>
          <span className={classes.ruleName}>{rule.name}</span>
          <span className={classes.ruleSummary}>{ruleSummary(rule, targets)}</span>
        </span>
        <Group gap={6} mt={2}>
          <Text size="xs" c={rule.enabled && rule.matches > 0 ? undefined : 'dimmed'} fw={rule.matches > 0 ? 600 : 400} data-testid="rule-matches" data-count={rule.matches}>
            {rule.enabled ? `matches ${countFormat.format(rule.matches)}` : 'off'}
          </Text>
          {rule.autoEscalate && (
            <Badge size="xs" color="orange" variant="light" leftSection={<IconAlertTriangle size={10} />} data-testid="rule-auto-badge">
              Auto-escalates
            </Badge>
          )}
        </Group>
      </button>
      <div className={classes.ruleSide}>
        <Switch
          size="xs"
          checked={rule.enabled}
          onChange={(e) => void ruleToggled(rule, e.currentTarget.checked)}
          aria-label={`${rule.name}: ${rule.enabled ? 'on' : 'off'}`}
          data-testid="rule-enabled"
        />
        <div className={classes.ruleTools}>
          <Tooltip label="Run earlier" openDelay={400}>
            <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === 0} onClick={() => void ruleMoved(rule, index - 1)} aria-label={`Move ${rule.name} up`}>
              <IconArrowUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Run later" openDelay={400}>
            <ActionIcon size="sm" variant="subtle" color="gray" disabled={index === last} onClick={() => void ruleMoved(rule, index + 1)} aria-label={`Move ${rule.name} down`}>
              <IconArrowDown size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete" openDelay={400}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              onClick={() => confirmationAsked({ kind: 'delete', id: rule.id, name: rule.name })}
              aria-label={`Delete ${rule.name}`}
              data-testid="rule-delete"
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </div>
      </div>
    </li>
  );
}

export function RuleList() {
  const rules = useRules((s) => s.rules);
  const confirmationAsked = useRules((s) => s.confirmationAsked);
  return (
    <div className={classes.ruleList}>
      <div className={classes.ruleListHead}>
        <Text size="xs" c="dimmed">
          {rules === null ? 'Loading…' : `${rules.length} rule${rules.length === 1 ? '' : 's'}, in order`}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Restore shipped rules" openDelay={300}>
            <ActionIcon variant="subtle" color="gray" onClick={() => confirmationAsked({ kind: 'restore' })} aria-label="Restore shipped rules" data-testid="rules-restore">
              <IconRestore size={16} />
            </ActionIcon>
          </Tooltip>
          <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => ruleRequested(blankDraft)} data-testid="rule-new">
            New rule
          </Button>
        </Group>
      </div>
      <ScrollArea type="auto" style={{ flex: 1 }}>
        <ul className={classes.ruleItems} aria-label="Rules">
          {(rules ?? []).map((rule, i) => (
            <RuleRow key={rule.id} rule={rule} index={i} last={(rules?.length ?? 1) - 1} />
          ))}
        </ul>
      </ScrollArea>
    </div>
  );
}
