/** One condition of a rule: its kind, and the fields that kind reads. */
import { ActionIcon, MultiSelect, NumberInput, SegmentedControl, Select, TagsInput, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { channelLabels, channels, customerTiers, sentiments } from '../../../../shared/domain';
import { priorities, priorityLabels, type RuleCondition, type RuleConditionKind } from '../../../../shared/escalation/schema';
import { blankCondition, conditionKinds } from '../model/rule-draft';
import classes from '../routing.module.css';

const sentimentData = sentiments.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));
const channelData = channels.map((c) => ({ value: c, label: channelLabels[c] }));
const tierData = customerTiers.map((t) => ({ value: t, label: t === 'vip' ? 'VIP' : t[0]!.toUpperCase() + t.slice(1) }));
const priorityData = priorities.map((p) => ({ value: p, label: priorityLabels[p] }));
const kindData = conditionKinds.map((k) => ({ value: k.value, label: k.label }));

interface Props {
  condition: RuleCondition;
  index: number;
  /** Topic names to suggest. */
  topics: readonly string[];
  changed(next: RuleCondition): void;
  removed(): void;
}

function Fields({ condition: c, topics, changed }: Pick<Props, 'condition' | 'topics' | 'changed'>) {
  switch (c.kind) {
    case 'sentiment':
      return (
        <>
          <MultiSelect aria-label="Sentiments" data={sentimentData} value={c.labels} onChange={(v) => changed({ ...c, labels: v as typeof c.labels })} style={{ flex: '1 1 200px' }} />
          <NumberInput
            aria-label="Score at most (−1 to 1)"
            placeholder="Score ≤ (any)"
            value={c.scoreAtMost ?? ''}
            onChange={(v) => changed({ ...c, scoreAtMost: typeof v === 'number' ? v : null })}
            min={-1}
            max={1}
            step={0.1}
            decimalScale={2}
            w={140}
          />
        </>
      );
    case 'keywords':
      return (
        <>
          <TagsInput
            aria-label="Words or phrases"
            placeholder="Type a word, press Enter"
            value={c.terms}
            onChange={(terms) => changed({ ...c, terms })}
            splitChars={[',']}
            style={{ flex: '1 1 240px' }}
            data-testid="condition-terms"
          />
          <SegmentedControl
            size="xs"
            data={[
              { value: 'any', label: 'Any of them' },
              { value: 'all', label: 'All of them' },
            ]}
            value={c.match}
            onChange={(v) => changed({ ...c, match: v as 'any' | 'all' })}
            mt={4}
          />
        </>
      );
    case 'topic':
      return <TagsInput aria-label="Topics" placeholder="Topic names" data={[...topics]} value={c.topics} onChange={(v) => changed({ ...c, topics: v })} style={{ flex: '1 1 240px' }} />;
    case 'language':
      return (
        <TagsInput
          aria-label="Language codes"
          placeholder="Codes such as en, de, fr"
          value={c.languages}
          onChange={(v) => changed({ ...c, languages: v.map((l) => l.trim().toLowerCase()) })}
          splitChars={[',', ' ']}
          style={{ flex: '1 1 240px' }}
        />
      );
    case 'channel':
      return <MultiSelect aria-label="Channels" placeholder="Pick channels" data={channelData} value={c.channels} onChange={(v) => changed({ ...c, channels: v as typeof c.channels })} style={{ flex: '1 1 240px' }} />;
    case 'product':
      return <TagsInput aria-label="Products" placeholder="Product names" value={c.products} onChange={(v) => changed({ ...c, products: v })} splitChars={[',']} style={{ flex: '1 1 240px' }} />;
    case 'tier':
      return <MultiSelect aria-label="Customer tiers" data={tierData} value={c.tiers} onChange={(v) => changed({ ...c, tiers: v as typeof c.tiers })} style={{ flex: '1 1 240px' }} />;
    case 'urgency':
      return (
        <>
          <Text size="sm" mt={6}>
            at least
          </Text>
          <Select aria-label="Urgency at least" data={priorityData} value={c.atLeast} onChange={(v) => v && changed({ ...c, atLeast: v as typeof c.atLeast })} allowDeselect={false} w={140} />
        </>
      );
    case 'repeat':
      return (
        <>
          <NumberInput aria-label="Contacts" value={c.contacts} onChange={(v) => changed({ ...c, contacts: typeof v === 'number' ? v : 2 })} min={2} max={100} w={80} />
          <Text size="sm" mt={6}>
            or more contacts within
          </Text>
          <NumberInput aria-label="Days" value={c.withinDays} onChange={(v) => changed({ ...c, withinDays: typeof v === 'number' ? v : 1 })} min={1} max={365} w={80} />
          <Text size="sm" mt={6}>
            days
          </Text>
        </>
      );
    case 'sla':
      return (
        <>
          <Select
            aria-label="SLA state"
            data={[
              { value: 'breached', label: 'Breached' },
              { value: 'due-soon', label: 'Due within' },
            ]}
            value={c.state}
            onChange={(v) => v && changed({ ...c, state: v as typeof c.state })}
            allowDeselect={false}
            w={140}
          />
          {c.state === 'due-soon' && (
            <>
              <NumberInput aria-label="Minutes" value={c.withinMinutes} onChange={(v) => changed({ ...c, withinMinutes: typeof v === 'number' ? v : 60 })} min={1} max={10_080} w={90} />
              <Text size="sm" mt={6}>
                minutes
              </Text>
            </>
          )}
        </>
      );
  }
}

export function ConditionEditor({ condition, index, topics, changed, removed }: Props) {
  return (
    <div className={classes.condition} data-testid="rule-condition">
      <Select
        aria-label={`Condition ${index + 1}: kind`}
        data={kindData}
        value={condition.kind}
        onChange={(v) => v && v !== condition.kind && changed(blankCondition(v as RuleConditionKind))}
        allowDeselect={false}
        comboboxProps={{ width: 220, position: 'bottom-start' }}
        data-testid="condition-kind"
      />
      <div className={classes.conditionFields}>
        <Fields condition={condition} topics={topics} changed={changed} />
      </div>
      <Tooltip label="Remove this condition" openDelay={300}>
        <ActionIcon variant="subtle" color="gray" onClick={removed} aria-label={`Remove condition ${index + 1}`} mt={6}>
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </div>
  );
}
