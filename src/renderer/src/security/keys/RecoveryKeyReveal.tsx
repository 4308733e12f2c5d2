/**
 * A new recovery key, shown once: copy (cleared from the clipboard a minute later, as on the
 * first run) and an acknowledgement before the dialog lets it go.
 */
import { Button, Checkbox, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { SECRET_CLIPBOARD_MS } from '../../screens/model';
import { recoveryKeyClipboard } from '../../screens/recoveryClipboard';
import classes from '../security.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

export function RecoveryKeyReveal({ recoveryKey, onStored }: { recoveryKey: string; onStored: () => void }) {
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const copyButton = useRef<HTMLButtonElement>(null);

  // The confirm step's button that had the focus is gone: the focus moves to Copy, not to the page.
  useEffect(() => copyButton.current?.focus(), []);

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
    <Stack gap="md" data-testid="new-recovery">
      <Text size="sm">
        This is the only recovery key that opens the store from now on. It is shown <strong>only once</strong>: Hearken keeps no copy it can show you later.
      </Text>
      <Stack gap={6}>
        <Text id="new-recovery-key-label" size="sm" fw={600}>
          New recovery key
        </Text>
        <Code block aria-labelledby="new-recovery-key-label" fz="md" p="md" ta="center" className={classes.recoveryKey} data-testid="new-recovery-key">
          {recoveryKey}
        </Code>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs" c={copy === 'failed' ? 'red' : 'dimmed'} role="status" data-testid="new-recovery-copy-note">
            {copy === 'failed' ? 'Could not copy. Select the key and copy it yourself.' : `A copied key is cleared from the clipboard after ${SECRET_CLIPBOARD_MS / 1000} seconds.`}
          </Text>
          <Tooltip label={copy === 'copied' ? 'Copied' : 'Copy to the clipboard'} withArrow>
            <Button
              variant="light"
              size="xs"
              onClick={copyKey}
              leftSection={copy === 'copied' ? <IconCheck size={14} /> : <IconCopy size={14} />}
              style={{ flexShrink: 0 }}
              ref={copyButton}
              data-testid="new-recovery-copy"
            >
              {copy === 'copied' ? 'Copied' : 'Copy'}
            </Button>
          </Tooltip>
        </Group>
      </Stack>
      <Text size="sm" c="dimmed">
        Replace the old key in your password manager, but keep the old one as long as you keep backups made before today: they still need it.
      </Text>
      <Checkbox label="I have stored the new recovery key in a safe place" checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} data-testid="new-recovery-stored" />
      <Group justify="flex-end">
        <Button disabled={!stored} onClick={onStored} data-testid="new-recovery-done">
          Done
        </Button>
      </Group>
    </Stack>
  );
}
