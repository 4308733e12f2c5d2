import { Button, Checkbox, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { CenteredScreen } from '../components/CenteredScreen';
import { useSession } from '../stores/session';

export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const [saved, setSaved] = useState(false);
  const recoveryKeySaved = useSession((state) => state.recoveryKeySaved);

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
        <Group justify="flex-end">
          <CopyButton value={recoveryKey} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy to the clipboard'} withArrow>
                <Button
                  variant="light"
                  size="xs"
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  data-testid="recovery-copy"
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
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
