/** Where calls go: the provider preset, the base URL, the model (and per purpose), Azure's api-version. */
import { Autocomplete, Badge, Collapse, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconShieldCheck, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { hostOf, isLoopbackUrl } from '../../../../shared/ai/endpoint';
import { aiProviders, providerPresets, type AiProvider } from '../../../../shared/ai/schema';
import classes from '../ai.module.css';
import { useAi } from '../state';

const shortLabel: Record<AiProvider, string> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  custom: 'Custom',
};

/** Where the typed URL points: this machine (nothing leaves it) or another host. */
export function HostBadge({ baseUrl }: { baseUrl: string }) {
  const host = hostOf(baseUrl);
  if (host === null) return null;
  if (isLoopbackUrl(baseUrl)) {
    return (
      <Badge variant="light" color="teal" leftSection={<IconShieldCheck size={13} />} style={{ textTransform: 'none' }} data-testid="ai-loopback-badge">
        Nothing leaves this machine
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="blue" leftSection={<IconWorld size={13} />} style={{ textTransform: 'none' }} maw={320} data-testid="ai-remote-badge">
      Sends to {host}
    </Badge>
  );
}

export function EndpointSection() {
  const form = useAi((s) => s.form)!;
  const errors = useAi((s) => s.errors);
  const test = useAi((s) => s.test);
  const { formEdited, providerChosen } = useAi.getState();
  const [advancedChosen, setAdvanced] = useState(false);
  // A field to correct inside Advanced opens it, so Save never fails over something hidden.
  const advanced = advancedChosen || [errors.triageModel, errors.draftModel, errors.summaryModel, errors.maxTokens, errors.concurrency, errors.timeoutS].some(Boolean);
  const listed = test.stage === 'done' ? test.result.models : [];
  const preset = providerPresets[form.provider];
  const azure = form.provider === 'azure';
  const modelHelp = listed.length > 0 ? `${listed.length} listed by the server; type to filter` : 'Test connection lists what the server has';

  return (
    <div className={classes.section}>
      <div className={classes.sectionTitle}>Endpoint</div>
      <Stack gap="sm">
        <SegmentedControl
          className={classes.presets}
          value={form.provider}
          onChange={(v) => providerChosen(v as AiProvider)}
          data={aiProviders.map((p) => ({ value: p, label: shortLabel[p] }))}
          aria-label="Provider"
          data-testid="ai-provider"
        />
        <Text size="xs" c="dimmed" data-testid="ai-provider-note">
          {preset.label}: {preset.note}
        </Text>
        <TextInput
          label="Base URL"
          description={azure ? 'https://<resource>.openai.azure.com, or …/openai/v1 for the v1 API' : 'The server’s OpenAI-compatible address, usually ending in /v1'}
          placeholder={preset.baseUrl || 'http://127.0.0.1:8000/v1'}
          value={form.baseUrl}
          onChange={(e) => formEdited({ baseUrl: e.currentTarget.value })}
          error={errors.baseUrl}
          spellCheck={false}
          rightSectionWidth={0}
          data-testid="ai-base-url"
        />
        <Group gap={8} mt={-4} mih={22}>
          <HostBadge baseUrl={form.baseUrl} />
        </Group>
        <Group grow align="flex-start">
          <Autocomplete
            label={azure ? 'Deployment (model)' : 'Model'}
            description={modelHelp}
            placeholder={preset.model || 'e.g. llama3.1'}
            data={listed}
            value={form.model}
            onChange={(v) => formEdited({ model: v })}
            error={errors.model}
            spellCheck={false}
            limit={50}
            data-testid="ai-model"
          />
          {azure && (
            <TextInput
              label="api-version"
              description="Only for the deployment URL"
              value={form.azureApiVersion}
              onChange={(e) => formEdited({ azureApiVersion: e.currentTarget.value })}
              error={errors.azureApiVersion}
              spellCheck={false}
              data-testid="ai-azure-version"
            />
          )}
        </Group>
        <UnstyledButton onClick={() => setAdvanced(!advanced)} aria-expanded={advanced} data-testid="ai-advanced-toggle">
          <Group gap={6}>
            <IconChevronRight size={14} style={{ transform: advanced ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }} />
            <Text size="sm" fw={500}>
              Advanced
            </Text>
            <Text size="xs" c="dimmed">
              models per purpose, tokens, calls at once, time-out
            </Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={advanced}>
          <Stack gap="sm" pl={20}>
            <Group grow align="flex-start">
              {(['triage', 'draft', 'summary'] as const).map((purpose) => {
                const field = `${purpose}Model` as const;
                return (
                  <Autocomplete
                    key={purpose}
                    label={purpose === 'triage' ? 'Triage model' : purpose === 'draft' ? 'Reply draft model' : 'Summary model'}
                    placeholder={form.model.trim() || 'The default model'}
                    description="Empty: the default"
                    data={listed}
                    value={form[field]}
                    onChange={(v) => formEdited({ [field]: v })}
                    error={errors[field]}
                    spellCheck={false}
                    data-testid={`ai-model-${purpose}`}
                  />
                );
              })}
            </Group>
            <Group grow align="flex-start">
              <NumberInput
                label="Max tokens per answer"
                value={form.maxTokens}
                onChange={(v) => formEdited({ maxTokens: v })}
                error={errors.maxTokens}
                min={64}
                max={32_000}
                step={100}
                thousandSeparator=","
                data-testid="ai-max-tokens"
              />
              <NumberInput
                label="Calls at once"
                value={form.concurrency}
                onChange={(v) => formEdited({ concurrency: v })}
                error={errors.concurrency}
                min={1}
                max={16}
                data-testid="ai-concurrency"
              />
              <NumberInput
                label="Time-out (seconds)"
                value={form.timeoutS}
                onChange={(v) => formEdited({ timeoutS: v })}
                error={errors.timeoutS}
                min={1}
                max={600}
                data-testid="ai-timeout"
              />
            </Group>
          </Stack>
        </Collapse>
      </Stack>
    </div>
  );
}
