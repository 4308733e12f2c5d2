/**
 * The API key: typed here once, then kept by the core (keychain, or sealed in the encrypted
 * store). The window only learns that one is kept and where; the field empties after Save.
 */
import { Anchor, Button, Group, PasswordInput, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconKey, IconLock } from '@tabler/icons-react';
import { providerPresets } from '../../../../shared/ai/schema';
import classes from '../ai.module.css';
import { useAi } from '../state';

export function keyStoreLabel(keyStore: 'keychain' | 'store' | null): string {
  return keyStore === 'store' ? 'Sealed in the encrypted store (no keychain)' : 'Saved in the system keychain';
}

export function KeySection() {
  const form = useAi((s) => s.form)!;
  const status = useAi((s) => s.status)!;
  const replacing = useAi((s) => s.replacingKey);
  const errors = useAi((s) => s.errors);
  const { formEdited, keyReplaceAsked } = useAi.getState();
  const needsKey = providerPresets[form.provider].needsKey;
  const kept = status.hasApiKey && !form.removeKey;
  const showField = !status.hasApiKey || replacing;

  return (
    <div className={classes.section}>
      <div className={classes.sectionTitle}>API key</div>
      <Stack gap="sm">
        {status.hasApiKey && (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
              <ThemeIcon variant="light" color={kept ? 'teal' : 'orange'} radius="xl" size={28}>
                <IconLock size={15} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} data-testid="ai-key-status">
                  {kept ? `A key is kept. ${keyStoreLabel(status.keyStore)}.` : 'The key will be removed when you save.'}
                </Text>
                <Text size="xs" c="dimmed">
                  This window never receives it; only the core uses it to call the endpoint.
                </Text>
              </div>
            </Group>
            <Group gap={6} wrap="nowrap">
              {kept ? (
                <>
                  <Button size="xs" variant="default" onClick={() => keyReplaceAsked(!replacing)} data-testid="ai-key-replace">
                    {replacing ? 'Keep this key' : 'Replace'}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => formEdited({ removeKey: true, apiKey: '' })} data-testid="ai-key-remove">
                    Remove
                  </Button>
                </>
              ) : (
                <Anchor component="button" type="button" size="sm" onClick={() => formEdited({ removeKey: false })} data-testid="ai-key-keep">
                  Keep it
                </Anchor>
              )}
            </Group>
          </Group>
        )}
        {showField && !form.removeKey && (
          <PasswordInput
            label={status.hasApiKey ? 'New API key' : 'API key'}
            description={
              needsKey
                ? 'Kept in the system keychain (or sealed in the encrypted store without one) when you save. The field empties afterwards.'
                : 'Local servers usually need none. If yours does, it is kept in the system keychain when you save.'
            }
            leftSection={<IconKey size={15} />}
            placeholder={needsKey ? 'sk-…' : 'Optional'}
            value={form.apiKey}
            onChange={(e) => formEdited({ apiKey: e.currentTarget.value })}
            error={errors.apiKey}
            autoComplete="off"
            spellCheck={false}
            data-testid="ai-api-key"
          />
        )}
      </Stack>
    </div>
  );
}
