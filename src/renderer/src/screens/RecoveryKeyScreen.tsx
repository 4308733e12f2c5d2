import { Button, Checkbox, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CenteredScreen } from '../components/CenteredScreen';
import { useSession } from '../stores/session';
import { SECRET_CLIPBOARD_MS } from './model';
import { recoveryKeyClipboard } from './recoveryClipboard';

type CopyState = 'idle' | 'copied' | 'failed';

export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const [saved, setSaved] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const recoveryKeySaved = useSession((state) => state.recoveryKeySaved);

  // "Copied" for two seconds; the clipboard itself is cleared after a minute (model.ts).
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = window.setTimeout(() => setCopy('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [copy]);

  const copyKey = (): void => {
    recoveryKeyClipboard.copy(recoveryKey).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <CenteredScreen title="Save your recovery key">
      <Text>
        If this computer's keychain is ever lost or reset, this key is the only way to open your inbox again. It is
        shown <strong>only once</strong>: Hearken does not keep a copy it can show you later.
      </Text>
      <Stack gap={6}>
        <Text id="recovery-key-label" size="sm" fw={600}>
          Recovery key
        </Text>
        <Code
          block
          aria-labelledby="recovery-key-label"
          data-testid="recovery-key"
          fz="md"
          p="md"
          ta="center"
          style={{ letterSpacing: '0.02em', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', userSelect: 'all' }}
        >
          {recoveryKey}
        </Code>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs" c={copy === 'failed' ? 'red' : 'dimmed'} role="status" data-testid="recovery-copy-note">
            {copy === 'failed'
              ? 'Could not copy. Select the key and copy it yourself.'
              : `A copied key is cleared from the clipboard after ${SECRET_CLIPBOARD_MS / 1000} seconds.`}
          </Text>
          <Tooltip label={copy === 'copied' ? 'Copied' : 'Copy to the clipboard'} withArrow>
            <Button
              variant="light"
              size="xs"
              onClick={copyKey}
              leftSection={copy === 'copied' ? <IconCheck size={14} /> : <IconCopy size={14} />}
              data-testid="recovery-copy"
              style={{ flexShrink: 0 }}
            >
              {copy === 'copied' ? 'Copied' : 'Copy'}
            </Button>
          </Tooltip>
        </Group>
      </Stack>
      <Text size="sm" c="dimmed">
        Keep it in a password manager or print it and store it somewhere safe. Anyone with this key and this computer's
        data folder can read the inbox.
      </Text>
      <Checkbox
        label="I have saved my recovery key in a safe place"
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
        data-testid="recovery-saved"
      />
      <Button disabled={!saved} onClick={recoveryKeySaved} data-testid="recovery-continue">
        Continue
      </Button>
    </CenteredScreen>
  );
}
