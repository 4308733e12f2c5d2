/** The monthly token budget (with its meter and hard stop) and redaction. */
import { Alert, Checkbox, Group, NumberInput, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEyeOff } from '@tabler/icons-react';
import { isLoopbackUrl, hostOf } from '../../../../shared/ai/endpoint';
import type { AiBudget, RedactMode } from '../../../../shared/ai/schema';
import classes from '../ai.module.css';
import { budgetMeter, redactionState } from '../model/wording';
import { useAi } from '../state';

export function BudgetMeterView({ budget }: { budget: AiBudget }) {
  const meter = budgetMeter(budget);
  return (
    <Stack gap={6} data-testid="ai-budget-meter" data-stopped={meter.stopped}>
      {meter.percent !== null && (
        <Progress value={meter.percent} color={meter.color} size="md" radius="xl" aria-label={`Budget used: ${meter.percent}%`} />
      )}
      <Text size="sm" fw={meter.stopped ? 600 : 400} c={meter.stopped ? 'red' : undefined} data-testid="ai-budget-label">
        {meter.label}
      </Text>
      {meter.estimatedNote && (
        <Text size="xs" c="dimmed">
          {meter.estimatedNote}
        </Text>
      )}
    </Stack>
  );
}

export function BudgetSection() {
  const form = useAi((s) => s.form)!;
  const errors = useAi((s) => s.errors);
  const { formEdited } = useAi.getState();
  return (
    <div className={classes.section}>
      <div className={classes.sectionTitle}>Monthly token budget</div>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NumberInput
          label="Tokens a month (UTC)"
          description="Calls stop once it is spent, until next month or a larger budget"
          value={form.noLimit ? '' : form.budget}
          onChange={(v) => formEdited({ budget: v })}
          disabled={form.noLimit}
          error={errors.budget}
          min={1000}
          step={100_000}
          thousandSeparator=","
          style={{ flex: 1, minWidth: 220 }}
          data-testid="ai-budget"
        />
        <Checkbox label="No limit" checked={form.noLimit} onChange={(e) => formEdited({ noLimit: e.currentTarget.checked })} mb={8} data-testid="ai-budget-none" />
      </Group>
    </div>
  );
}

const redactOptions: { value: RedactMode; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

export function PrivacySection() {
  const form = useAi((s) => s.form)!;
  const { formEdited } = useAi.getState();
  const state = redactionState(form.redact, isLoopbackUrl(form.baseUrl), hostOf(form.baseUrl) !== null);
  return (
    <div className={classes.section}>
      <div className={classes.sectionTitle}>Redaction</div>
      <Stack gap="sm">
        <Group gap="md" wrap="nowrap" align="center">
          <SegmentedControl value={form.redact} onChange={(v) => formEdited({ redact: v as RedactMode })} data={redactOptions} aria-label="Redaction" data-testid="ai-redact" />
          <Text size="xs" c="dimmed">
            Auto: on for any endpoint that is not this machine.
          </Text>
        </Group>
        <Group gap={8} wrap="nowrap" align="flex-start">
          <IconEyeOff size={16} style={{ flexShrink: 0, marginTop: 2, opacity: state.redacting ? 1 : 0.5 }} />
          <Text size="sm" data-testid="ai-redaction-line">
            {state.line}
          </Text>
        </Group>
        {state.warning && (
          <Alert color="orange" variant="light" classNames={{ message: classes.alertText }} icon={<IconAlertTriangle size={16} />} data-testid="ai-redaction-warning">
            {state.warning}
          </Alert>
        )}
      </Stack>
    </div>
  );
}
