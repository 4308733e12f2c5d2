/** What the last Test connection found, or what to do about its failure. */
import { Alert, Badge, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { hostOf } from '../../../../shared/ai/endpoint';
import classes from '../ai.module.css';
import { testFailure, testLines, type Tone } from '../model/wording';
import { useAi } from '../state';

const toneColor: Record<Tone, string | undefined> = { ok: undefined, info: 'dimmed', warn: 'orange.8', bad: 'red.8' };

export function TestPanel() {
  const test = useAi((s) => s.test);
  const model = useAi((s) => s.status?.settings.model ?? '');
  const typedHost = useAi((s) => (s.form ? hostOf(s.form.baseUrl) : null));
  const tested = test.stage === 'done' ? test.result.host : null;
  // The form points elsewhere now: these findings are of the endpoint tested, not of the one typed.
  const stale = tested !== null && typedHost !== tested;
  return (
    <div className={classes.section} data-testid="ai-test-panel" aria-live="polite">
      <div className={classes.sectionTitle}>Connection</div>
      {test.stage === 'idle' && (
        <Text size="sm" c="dimmed">
          Test connection lists the server’s models and finds out what it supports. The test is logged under What left this machine.
        </Text>
      )}
      {test.stage === 'testing' && (
        <Stack align="center" py="md" gap={6}>
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Asking the endpoint…
          </Text>
        </Stack>
      )}
      {test.stage === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="The test could not run" data-testid="ai-test-error">
          {test.error.message}
        </Alert>
      )}
      {test.stage === 'done' && test.result.error !== null && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={testFailure(test.result.error).title} data-testid="ai-test-error">
          {testFailure(test.result.error).advice}
        </Alert>
      )}
      {stale && (
        <Text size="xs" c="dimmed" mb={8} data-testid="ai-test-stale">
          Found for {tested}. Save and test to check {typedHost ?? 'the new endpoint'}.
        </Text>
      )}
      {test.stage === 'done' && test.result.error === null && (
        <Stack gap={8} data-testid="ai-test-result">
          <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={13} />} style={{ textTransform: 'none' }}>
            Connected{test.result.host ? ` to ${test.result.host}` : ''}
          </Badge>
          <div>
            {testLines(test.result, model).map((line) => (
              <div key={line.label} className={classes.testLine} data-testid="ai-test-line">
                <span className={classes.testLabel}>{line.label}</span>
                <Text span size="sm" c={toneColor[line.tone]} data-testid={line.label.startsWith('Models') ? 'ai-test-models' : undefined}>
                  {line.value}
                </Text>
              </div>
            ))}
          </div>
          {test.result.models.length > 0 && (
            <Text size="xs" c="dimmed">
              <IconInfoCircle size={12} style={{ verticalAlign: -2 }} /> The model field now suggests these.
            </Text>
          )}
        </Stack>
      )}
    </div>
  );
}
