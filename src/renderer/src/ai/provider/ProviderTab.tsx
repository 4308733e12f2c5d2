/** The Provider tab: on or off, where calls go, the key, the budget, redaction; Save and Test. */
import { Alert, Button, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected } from '@tabler/icons-react';
import { useEffect } from 'react';
import { adviceFor } from '../../common/errors';
import classes from '../ai.module.css';
import { loadStatus, saveSettings, testConnection } from '../flows/provider';
import { isDirty } from '../model/settings-form';
import { useAi } from '../state';
import { EndpointSection } from './EndpointSection';
import { KeySection } from './KeySection';
import { BudgetMeterView, BudgetSection, PrivacySection } from './LimitsSection';
import { TestPanel } from './TestPanel';

function ActionBar() {
  const form = useAi((s) => s.form)!;
  const status = useAi((s) => s.status)!;
  const saving = useAi((s) => s.saving);
  const testing = useAi((s) => s.test.stage === 'testing');
  const errorCount = useAi((s) => Object.keys(s.errors).length);
  const dirty = isDirty(form, status.settings);
  return (
    <div className={classes.actionBar}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c={errorCount > 0 ? 'red.8' : 'dimmed'} data-testid="ai-save-state">
          {errorCount > 0 ? 'Correct the marked fields to save.' : dirty ? 'Unsaved changes.' : 'All changes saved.'}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} />}
            onClick={() => void testConnection()}
            loading={testing}
            disabled={form.baseUrl.trim() === ''}
            data-testid="ai-test"
          >
            {dirty ? 'Save and test' : 'Test connection'}
          </Button>
          <Button onClick={() => void saveSettings()} loading={saving} disabled={!dirty} data-testid="ai-save">
            Save
          </Button>
        </Group>
      </Group>
    </div>
  );
}

export function ProviderTab() {
  const form = useAi((s) => s.form);
  const status = useAi((s) => s.status);
  const statusError = useAi((s) => s.statusError);
  const { formEdited } = useAi.getState();
  useEffect(() => void loadStatus(), []);

  if (status === null || form === null) {
    return (
      <div className={classes.scroll}>
        {statusError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title={adviceFor(statusError, 'Loading the AI settings').title} maw={640}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{statusError.message}</Text>
              <Button size="xs" variant="default" onClick={() => void loadStatus()}>
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Loader size="sm" />
        )}
      </div>
    );
  }

  return (
    <div className={classes.scroll} data-testid="ai-provider-tab">
      <ActionBar />
      <div className={classes.providerGrid}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveSettings();
          }}
        >
          <Stack gap="md">
            <div className={classes.section}>
              <Switch
                size="md"
                checked={form.enabled}
                onChange={(e) => formEdited({ enabled: e.currentTarget.checked })}
                label={<Text fw={600}>Use an AI model</Text>}
                description="Off by default. Every screen works on local analysis without one; a model adds triage suggestions, reply drafts and period summaries, each only a suggestion until you click."
                data-testid="ai-enabled"
              />
            </div>
            <EndpointSection />
            <KeySection />
            <BudgetSection />
            <PrivacySection />
            {/* Enter in a field saves; the bar's button is outside the form. */}
            <button type="submit" hidden aria-hidden tabIndex={-1} />
          </Stack>
        </form>
        <div className={classes.side}>
          <TestPanel />
          <div className={classes.section}>
            <div className={classes.sectionTitle}>This month</div>
            <BudgetMeterView budget={status.budget} />
          </div>
        </div>
      </div>
    </div>
  );
}
